import { PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { DashboardQuery } from './operations.generated';

type TopicDeflection = DashboardQuery['helpCenterDeflection'][number];

/** Rows by questions answered, most first (then by name), with a total row's figures beside them. */
export function deflectionView(rows: readonly TopicDeflection[]): {
  rows: { key: string; name: string; answered: number; opened: number; rate: number | null }[];
  total: { answered: number; opened: number; rate: number | null };
} {
  const named = rows
    .filter((row) => row.answered + row.opened > 0)
    .map((row) => ({
      key: row.topic?.id ?? 'none',
      name: row.topic?.name ?? 'No topic',
      answered: row.answered,
      opened: row.opened,
      rate: row.deflectionRate ?? null,
    }))
    .sort((a, b) => b.answered - a.answered || a.name.localeCompare(b.name));
  const answered = named.reduce((sum, row) => sum + row.answered, 0);
  const opened = named.reduce((sum, row) => sum + row.opened, 0);
  return {
    rows: named,
    total: { answered, opened, rate: answered + opened ? answered / (answered + opened) : null },
  };
}

/**
 * Help center deflection per topic: the questions families said an article answered ("This answered my
 * question", no case opened) beside the cases opened on the topic, and the share the help center took.
 */
@Component({
  selector: 'hr-help-center-deflection',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PercentPipe],
  template: `
    <section aria-labelledby="deflection">
      <h2 id="deflection">Questions the help center answered</h2>
      <p class="hint">
        {{ period() }}, across every school you can see: families who said an article answered their question,
        beside the cases opened on the same topic. The school filter above does not apply here.
      </p>
      @if (view().rows.length) {
        <table>
          <thead>
            <tr>
              <th scope="col">Topic</th>
              <th scope="col">Answered by an article</th>
              <th scope="col">Cases opened</th>
              <th scope="col">Answered by the help center</th>
            </tr>
          </thead>
          <tbody>
            @for (row of view().rows; track row.key) {
              <tr>
                <th scope="row">{{ row.name }}</th>
                <td>{{ row.answered }}</td>
                <td>{{ row.opened }}</td>
                <td>{{ row.rate === null ? '—' : (row.rate | percent) }}</td>
              </tr>
            }
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">All topics</th>
              <td>{{ view().total.answered }}</td>
              <td>{{ view().total.opened }}</td>
              <td>{{ view().total.rate === null ? '—' : (view().total.rate | percent) }}</td>
            </tr>
          </tfoot>
        </table>
      } @else {
        <p>No questions answered and no cases opened in this period.</p>
      }
    </section>
  `,
})
export class HelpCenterDeflectionComponent {
  readonly rows = input.required<readonly TopicDeflection[]>();
  /** "1 Dec 2026 to 7 Dec 2026": the range the figures cover. */
  readonly period = input.required<string>();
  protected readonly view = computed(() => deflectionView(this.rows()));
}
