import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { errorMessage, injectActions } from '@homeroom/portal/data-access';
import {
  CaseByNumberDocument,
  type CaseLinkKind,
  type CasePageQuery,
  LinkCasesDocument,
  MergeCasesDocument,
} from './operations.generated';

type PageCase = NonNullable<CasePageQuery['case']>;
type Relation = CaseLinkKind | 'MERGE_INTO';

const RELATIONS: readonly { id: Relation; name: string }[] = [
  { id: 'RELATED', name: 'Related to' },
  { id: 'FOLLOW_UP', name: 'Follows up' },
  { id: 'DUPLICATE_OF', name: 'Duplicate of' },
  { id: 'MERGE_INTO', name: 'Merge into (closes this case)' },
];

const LINK_NAMES: Record<string, Record<CaseLinkKind, string>> = {
  OUTGOING: { RELATED: 'Related to', FOLLOW_UP: 'Follows up', DUPLICATE_OF: 'Duplicate of' },
  INCOMING: { RELATED: 'Related to', FOLLOW_UP: 'Followed up by', DUPLICATE_OF: 'Has duplicate' },
};

/** The case's links to other cases, and linking or merging it with another by its number. */
@Component({
  selector: 'hr-case-relations',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RouterLink],
  template: `
    <section class="panel" aria-labelledby="relations-heading">
      <h2 id="relations-heading">Linked cases</h2>
      @if (supportCase().mergedIntoId) {
        <p>This case was merged into another; replies go there.</p>
      }
      @if (supportCase().links.length === 0) {
        <p class="hint">No links.</p>
      } @else {
        <ul class="plain">
          @for (link of supportCase().links; track link.caseId + link.kind + link.direction) {
            <li>
              <a [routerLink]="['/cases', link.caseId]">{{ linkName(link.kind, link.direction) }} case</a>
            </li>
          }
        </ul>
      }
      <form (ngSubmit)="relate()" class="relate">
        <label for="relation-kind">Relation</label>
        <select id="relation-kind" name="relation" [(ngModel)]="relation">
          @for (option of relations; track option.id) {
            <option [value]="option.id">{{ option.name }}</option>
          }
        </select>
        <label for="relation-number">Other case number</label>
        <input id="relation-number" name="number" [(ngModel)]="number" placeholder="HR-2026-000123" />
        <button type="submit" class="secondary" [disabled]="actions.busy() || !number().trim()">
          {{ relation() === 'MERGE_INTO' ? 'Merge' : 'Link' }}
        </button>
      </form>
      @if (actions.error(); as error) {
        <p role="alert" class="error">{{ error }}</p>
      }
    </section>
  `,
})
export class CaseRelationsComponent {
  readonly supportCase = input.required<PageCase>();
  private readonly apollo = inject(Apollo);
  private readonly router = inject(Router);
  protected readonly relations = RELATIONS;
  protected readonly actions = injectActions({ refetch: ['CasePage'] });
  protected readonly relation = signal<Relation>('RELATED');
  protected readonly number = signal('');

  protected linkName(kind: CaseLinkKind, direction: string): string {
    return LINK_NAMES[direction]?.[kind] ?? kind;
  }

  protected async relate(): Promise<void> {
    if (this.actions.busy()) return;
    const other = await this.findOther(this.number().trim());
    if (!other) return;
    const relation = this.relation();
    if (relation === 'MERGE_INTO') {
      const merged = await this.actions.run(MergeCasesDocument, {
        caseId: this.supportCase().id,
        intoCaseId: other.id,
        reason: null,
      });
      if (merged) await this.router.navigate(['/cases', merged.mergeCases.number]);
      return;
    }
    const linked = await this.actions.run(LinkCasesDocument, {
      caseId: this.supportCase().id,
      otherCaseId: other.id,
      kind: relation,
    });
    if (linked) this.number.set('');
  }

  /** The case the number names; the form waits meanwhile, so a second press cannot link it twice. */
  private async findOther(number: string) {
    this.actions.busy.set(true);
    try {
      const result = await firstValueFrom(
        this.apollo.query({
          query: CaseByNumberDocument,
          variables: { number },
          fetchPolicy: 'network-only',
        }),
      );
      if (!result.data?.case) this.actions.refuse(`No case ${number}, or not one you may see.`);
      return result.data?.case ?? null;
    } catch (error) {
      this.actions.refuse(errorMessage(error, 'en'));
      return null;
    } finally {
      this.actions.busy.set(false);
    }
  }
}
