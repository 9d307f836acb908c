import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { injectActions, watchQuery, watchQueryWhen } from '@homeroom/portal/data-access';
import { FormFeedbackComponent, TakesFocusDirective } from '@homeroom/portal/ui';
import { type RowAction, RowActionsComponent } from '../controls/row-actions.component';
import {
  AdminSurveysDetailDocument,
  AdminSurveysDocument,
  AdminSurveysEditDocument,
  AdminSurveysOpenLinkDocument,
  type AdminSurveysQuery,
  AdminSurveysSetStatusDocument,
  type SurveyStatus,
} from '../operations.generated';
import { type CreatedSurvey, SurveyBuilderComponent } from './survey-builder.component';
import { languageName } from '@homeroom/shared/contact';
import { type SurveyToEdit } from './survey-input';
import { SurveyResultsComponent } from './survey-results.component';
import { formatWhen } from '../formats';
import { SurveySendsComponent } from './survey-sends.component';

/** The satisfaction survey's comments shown with its results: the last 90 days'. */
const COMMENT_DAYS = 90;

const STATUS_NAMES: Record<SurveyStatus, string> = { DRAFT: 'Draft', OPEN: 'Open', CLOSED: 'Closed' };
const NEXT_STATUS: Record<SurveyStatus, { status: SurveyStatus; verb: string }> = {
  DRAFT: { status: 'OPEN', verb: 'Open' },
  OPEN: { status: 'CLOSED', verb: 'Close' },
  CLOSED: { status: 'OPEN', verb: 'Reopen' },
};

type Survey = AdminSurveysQuery['surveys']['edges'][number]['node'];
type SurveyAction = 'results' | 'status' | 'edit' | 'link';

/**
 * Surveys: the district's surveys with their status, the builder that writes a new one (in several
 * languages, for chosen audiences) as a draft or edits a draft, opening and closing them, an anonymous
 * link for a newsletter or website (shown once), sending a survey to the people it is written for now or
 * later, and each survey's results question by question. The satisfaction survey sent after cases is
 * listed too.
 */
@Component({
  selector: 'hr-surveys-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    FormFeedbackComponent,
    RowActionsComponent,
    SurveyBuilderComponent,
    TakesFocusDirective,
    SurveyResultsComponent,
    SurveySendsComponent,
  ],
  styles: `
    .actions button {
      margin-top: 0;
      padding: 0.4rem 0.7rem;
    }
    tr.selected {
      background: #eef4fb;
    }
    .link {
      display: grid;
      gap: 0.3rem;
      margin: 1rem 0;
    }
    .link input {
      width: 100%;
      box-sizing: border-box;
    }
  `,
  template: `
    <h1>Surveys</h1>
    <p class="hint">
      Write a survey, open it, then send it to people from the directory or share an anonymous link; results
      appear once enough people have answered.
    </p>
    @if (loadError(); as error) {
      <p role="alert">{{ error }}</p>
    }
    @if (loading()) {
      <p role="status">Loading surveys…</p>
    }

    <h2>The district's surveys</h2>
    @if (surveys().length === 0) {
      @if (!loading()) {
        <p>No surveys yet: write the first one below.</p>
      }
    } @else {
      <table>
        <caption class="visually-hidden">
          Surveys, newest first
        </caption>
        <thead>
          <tr>
            <th scope="col">Survey</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col">Languages</th>
            <th scope="col">Created</th>
            <th scope="col">Closes</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          @for (survey of rows(); track survey.id) {
            <tr data-testid="survey" [class.selected]="survey.id === selected()?.id">
              <td>
                {{ survey.name }}
                <span class="hint">“{{ survey.title }}”, version {{ survey.version }}</span>
                @if (survey.ppraWarnings.length) {
                  <br /><span class="tag">PPRA: {{ survey.ppraText }}</span>
                }
              </td>
              <td>{{ survey.kind === 'CSAT' ? 'Satisfaction after cases' : 'District survey' }}</td>
              <td>{{ statusNames[survey.status] }}</td>
              <td>{{ survey.languageText }}</td>
              <td>{{ survey.created }}</td>
              <td>{{ survey.closes }}</td>
              <td>
                <hr-row-actions
                  [label]="'Actions for ' + survey.name"
                  [actions]="survey.actions"
                  [busy]="actions.busy()"
                  (chosen)="onChosen(survey, $event)"
                />
              </td>
            </tr>
          }
        </tbody>
      </table>
      @if (total() > surveys().length) {
        <p class="hint">The {{ surveys().length }} newest of {{ total() }} surveys.</p>
      }
      <p class="hint">
        Closing the satisfaction survey stops the invitations sent after resolved cases; closing a district
        survey stops its links taking answers.
      </p>
    }
    <hr-form-feedback [error]="actions.error()" />
    @if (link(); as shown) {
      <div class="link panel" role="status">
        <label for="survey-link"
          >Anonymous link to {{ shown.surveyName }}: copy it now, it is shown only this once</label
        >
        <input id="survey-link" readonly [value]="shown.url" />
        <p class="hint">
          Anyone with the link can answer, as often as they open it; closing the survey stops it.
        </p>
        <div class="actions">
          <button type="button" class="secondary" (click)="copyLink(shown.url)">Copy link</button>
          <button type="button" class="secondary" (click)="link.set(null)">Done</button>
        </div>
        @if (copied()) {
          <p>Copied.</p>
        }
      </div>
    }

    @for (survey of selectedAsList(); track survey.id) {
      <h2>Results: {{ survey.name }}</h2>
      @if (survey.languages.length > 1) {
        <label for="results-language">Show questions and choices in</label>
        <select
          id="results-language"
          name="resultsLanguage"
          [ngModel]="resultsLanguage() || survey.languages[0]"
          (ngModelChange)="showIn($event)"
        >
          @for (language of survey.languages; track language) {
            <option [value]="language">{{ languageName(language) }}</option>
          }
        </select>
      }
      @if (detailError(); as error) {
        <p role="alert">{{ error }}</p>
      }
      @if (detail(); as detail) {
        <hr-survey-results [results]="detail.results" [comments]="comments()" />
        @if (survey.kind === 'DISTRICT') {
          <h2>Send {{ survey.name }}</h2>
          <hr-survey-sends
            [surveyId]="survey.id"
            [surveyName]="survey.name"
            [status]="survey.status"
            [audiences]="detail.audiences"
            [sends]="detail.scheduledSends"
            [schools]="schools()"
          />
        }
      } @else if (!detailError()) {
        <p role="status">Loading results…</p>
      }
    }

    @for (draft of editingAsList(); track draft.id) {
      <h2 tabindex="-1" hrTakesFocus>Edit the draft {{ draft.name }}</h2>
    } @empty {
      <h2>Write a survey</h2>
    }
    <hr-form-feedback [error]="editError()" />
    @if (editLoading()) {
      <p role="status">Loading the draft…</p>
    } @else {
      <hr-survey-builder
        [districtLanguages]="districtLanguages()"
        [editing]="editing()"
        (created)="onCreated($event)"
        (edited)="onEdited($event)"
        (cancelled)="stopEditing()"
      />
    }
  `,
})
export class SurveysPageComponent {
  private readonly query = watchQuery(AdminSurveysDocument);
  protected readonly loadError = this.query.error;
  protected readonly loading = this.query.loading;
  private readonly commentsRange = {
    from: new Date(Date.now() - COMMENT_DAYS * 86_400_000).toISOString(),
    to: new Date(Date.now() + 60_000).toISOString(),
  };
  private readonly detailQuery = watchQueryWhen(AdminSurveysDetailDocument, () => {
    const selected = this.selected();
    return selected
      ? {
          id: selected.id,
          language: this.resultsLanguage() || null,
          withComments: selected.kind === 'CSAT',
          commentsRange: this.commentsRange,
        }
      : null;
  });
  protected readonly detailError = this.detailQuery.error;
  private readonly editQuery = watchQueryWhen(AdminSurveysEditDocument, () => {
    const id = this.editingId();
    return id ? { id } : null;
  });
  /** The draft chosen for the builder, if any. */
  protected readonly editingId = signal<string | null>(null);

  protected readonly statusNames = STATUS_NAMES;
  protected readonly languageName = languageName;
  /** Opening or closing a survey and making a link, from its row. */
  protected readonly actions = injectActions({ refetch: ['AdminSurveys'] });
  protected readonly link = signal<{ surveyName: string; url: string } | null>(null);
  protected readonly copied = signal(false);
  private readonly selectedId = signal<string | null>(null);
  protected readonly resultsLanguage = signal('');

  protected readonly total = computed(() => this.query.data()?.surveys.totalCount ?? 0);
  protected readonly schools = computed(
    () => this.query.data()?.schools.edges.map((edge) => edge.node) ?? [],
  );
  protected readonly districtLanguages = computed(() => this.query.data()?.district?.languages ?? ['en']);
  protected readonly surveys = computed(() =>
    (this.query.data()?.surveys.edges ?? []).map(({ node }) => ({
      ...node,
      languageText: node.languages.map(languageName).join(', '),
      created: formatWhen(node.createdAt),
      closes: node.closesAt ? formatWhen(node.closesAt) : '—',
      ppraText:
        node.ppraWarnings.length === 1
          ? '1 question needs consent rules'
          : `${node.ppraWarnings.length} questions need consent rules`,
    })),
  );
  /** The surveys as the list shows them, each with its buttons (which show its results, which it edits). */
  protected readonly rows = computed(() => {
    const selectedId = this.selected()?.id;
    const editingId = this.editingId();
    return this.surveys().map((survey) => ({
      ...survey,
      actions: surveyActions(survey, survey.id === selectedId, survey.id === editingId),
    }));
  });
  /** The survey whose results show: the one chosen, else the newest. */
  protected readonly selected = computed(() => {
    const surveys = this.surveys();
    return surveys.find((survey) => survey.id === this.selectedId()) ?? surveys[0] ?? null;
  });
  /** A list of one, so the results and send form start afresh for each survey. */
  protected readonly selectedAsList = computed(() => {
    const selected = this.selected();
    return selected ? [selected] : [];
  });
  /** The detail answer, once it is the selected survey's. */
  protected readonly detail = computed(() => {
    const survey = this.detailQuery.data()?.survey;
    return survey && survey.id === this.selected()?.id ? survey : null;
  });
  /**
   * The draft in the builder, once the network has answered for it (not the cache, which may predate
   * another's edit). Kept as first loaded: a later answer about the same survey must not reset the
   * author's unsaved changes.
   */
  protected readonly editing = computed<SurveyToEdit | null>(
    () => {
      const survey = this.editQuery.data()?.survey;
      return survey && survey.id === this.editingId() && !this.editQuery.loading() ? survey : null;
    },
    { equal: (a, b) => a?.id === b?.id },
  );
  /** A list of one, so the heading takes the focus afresh for each draft. */
  protected readonly editingAsList = computed(() => {
    const editing = this.editing();
    return editing ? [editing] : [];
  });
  protected readonly editError = computed(() => (this.editingId() ? this.editQuery.error() : null));
  protected readonly editLoading = computed(
    () => this.editingId() !== null && this.editing() === null && this.editError() === null,
  );
  protected readonly comments = computed(() =>
    this.selected()?.kind === 'CSAT' ? (this.detailQuery.data()?.satisfaction?.comments ?? null) : null,
  );

  protected select(id: string): void {
    if (this.selected()?.id === id) return;
    this.resultsLanguage.set('');
    this.selectedId.set(id);
  }

  protected showIn(language: string): void {
    this.resultsLanguage.set(language);
  }

  protected onChosen(survey: Survey, action: SurveyAction): void {
    if (action === 'results') this.select(survey.id);
    else if (action === 'status') void this.setStatus(survey.id, NEXT_STATUS[survey.status].status);
    else if (action === 'edit') this.edit(survey.id);
    else void this.openLink(survey.id, survey.name);
  }

  private async setStatus(id: string, status: SurveyStatus): Promise<void> {
    await this.actions.run(AdminSurveysSetStatusDocument, { id, status });
  }

  private async openLink(id: string, surveyName: string): Promise<void> {
    this.copied.set(false);
    // A link changes nothing the page lists.
    const result = await this.actions.run(AdminSurveysOpenLinkDocument, { id }, { refetch: [] });
    if (result) this.link.set({ surveyName, url: result.openSurveyLink });
  }

  protected async copyLink(url: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(url);
      this.copied.set(true);
    } catch {
      this.actions.refuse('The browser would not copy it: select the link and copy it yourself.');
    }
  }

  /** A survey just written shows its (empty) results and the way to send it. */
  protected onCreated(created: CreatedSurvey): void {
    this.selectedId.set(created.survey.id);
    this.resultsLanguage.set('');
  }

  /** The draft goes into the builder, in place of a new survey (what was typed there is dropped). */
  protected edit(id: string): void {
    this.editingId.set(id);
  }

  protected stopEditing(): void {
    this.editingId.set(null);
  }

  /** A draft just saved shows with its results and the way to send it (to its audiences as saved). */
  protected onEdited(id: string): void {
    this.editingId.set(null);
    this.select(id);
  }
}

/**
 * A survey's buttons, named for it: its results (pressed while they show), opening or closing it, editing
 * it while a draft (pressed while in the builder), and an anonymous link while a district survey takes
 * answers. Opening, closing and the link wait while a change runs.
 */
function surveyActions(survey: Survey, showing: boolean, editing: boolean): RowAction<SurveyAction>[] {
  const next = NEXT_STATUS[survey.status];
  const actions: RowAction<SurveyAction>[] = [
    {
      id: 'results',
      label: 'Results',
      name: `Show the results of ${survey.name}`,
      pressed: showing,
      waitsForChanges: false,
    },
    { id: 'status', label: next.verb, name: `${next.verb} survey ${survey.name}` },
  ];
  if (survey.status === 'DRAFT')
    actions.push({
      id: 'edit',
      label: 'Edit',
      name: `Edit the draft ${survey.name}`,
      pressed: editing,
      waitsForChanges: false,
    });
  if (survey.kind === 'DISTRICT' && survey.status !== 'CLOSED')
    actions.push({ id: 'link', label: 'Anonymous link', name: `Make an anonymous link to ${survey.name}` });
  return actions;
}
