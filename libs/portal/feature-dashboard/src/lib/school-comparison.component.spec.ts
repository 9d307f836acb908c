/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { axeViolations } from '@homeroom/portal/ui/testing';
import type { SchoolRow } from './dashboard-figures';
import { SchoolComparisonComponent } from './school-comparison.component';

const row = (name: string, overrides: Partial<SchoolRow>): SchoolRow => ({
  schoolId: name.toLowerCase(),
  name,
  contacts: 0,
  medianFirstResponse: null,
  firstResponseMet: null,
  resolutionMet: null,
  csatMean: null,
  csatResponses: 0,
  withheld: null,
  ...overrides,
});

/** Out of order, as the page may hand them over: the table sorts them. */
const ROWS: SchoolRow[] = [
  row('District office', {
    schoolId: null,
    contacts: 4,
    csatResponses: 7,
    withheld: 'COMPLEMENTARY',
  }),
  // No cases in the range: no SLA figures, no survey.
  row('Cedar High', {}),
  row('Baker Middle', {
    contacts: 12,
    medianFirstResponse: 95,
    resolutionMet: 0.5,
    csatResponses: 2,
    withheld: 'SMALL_GROUP',
  }),
  row('Adams Elementary', {
    contacts: 30,
    medianFirstResponse: 42,
    firstResponseMet: 0.9,
    resolutionMet: 0.75,
    csatMean: 8.4,
    csatResponses: 9,
  }),
];

const WITHHELD = '— (withheld: see the notes below the table)';

/** What a screen reader reads of an element: its text without what is hidden from it, spaces collapsed. */
function spoken(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return copy.textContent!.replace(/\s+/g, ' ').trim();
}

/** Reads a Blob's text through FileReader (jsdom's Blob has no text()). */
function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

describe('the school comparison', () => {
  let fixture: ComponentFixture<SchoolComparisonComponent>;
  let saved: { fileName: string; blob: Blob }[];
  const element = () => fixture.nativeElement as HTMLElement;
  const headers = () => [...element().querySelectorAll('thead th')];
  const header = (label: string) => headers().find((th) => spoken(th) === label)!;
  const body = () => [...element().querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(spoken));
  const names = () => body().map(([name]) => name);
  const notes = () => [...element().querySelectorAll('.notes p')].map(spoken);
  const downloadButton = () =>
    [...element().querySelectorAll('button')].find((b) => b.textContent!.includes('Download'))!;

  function render(rows: readonly SchoolRow[], fileName?: string): void {
    fixture.componentRef.setInput('rows', rows);
    fixture.componentRef.setInput('period', 'November 8 to December 7');
    if (fileName) fixture.componentRef.setInput('fileName', fileName);
    fixture.detectChanges();
  }

  function sortBy(label: string): void {
    header(label).querySelector('button')!.click();
    fixture.detectChanges();
  }

  beforeEach(() => {
    fixture = TestBed.createComponent(SchoolComparisonComponent);
    saved = [];
    const blobs = new Map<string, Blob>();
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        const url = `blob:test/${blobs.size}`;
        blobs.set(url, blob);
        return url;
      },
      revokeObjectURL: () => undefined,
    });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ fileName: this.download, blob: blobs.get(this.href)! });
    });
  });

  afterEach(() => {
    jest.restoreAllMocks();
    fixture.destroy();
  });

  it('shows every school by name, each figure in plain words, and why a figure is missing', async () => {
    render(ROWS);
    expect(element().querySelector('h2')!.textContent).toBe('School comparison');
    expect(element().querySelector('caption')!.textContent!.trim()).toBe(
      'Contacts, SLA attainment and satisfaction by school, November 8 to December 7. Select a column heading to sort.',
    );
    expect(
      headers().map((th) => [spoken(th), th.getAttribute('scope'), th.getAttribute('aria-sort')]),
    ).toEqual([
      ['School', 'col', 'ascending'],
      ['Contacts', 'col', null],
      ['Median first response (business time)', 'col', null],
      ['First responses on time', 'col', null],
      ['Resolutions on time', 'col', null],
      ['Satisfaction (1–10)', 'col', null],
    ]);
    expect(body()).toEqual([
      ['Adams Elementary', '30', '42 min', '90%', '75%', '8.4'],
      ['Baker Middle', '12', '1.6 h', '—', '50%', WITHHELD],
      ['Cedar High', '0', '—', '—', '—', '—'],
      ['District office', '4', '—', '—', '—', WITHHELD],
    ]);
    expect([...element().querySelectorAll('tbody th')].map((th) => th.getAttribute('scope'))).toEqual([
      'row',
      'row',
      'row',
      'row',
    ]);
    // The marks are for the eye, and point at the notes.
    expect([...element().querySelectorAll('tbody sup')].map((sup) => sup.textContent)).toEqual(['*', '*']);
    expect(notes()).toEqual([
      "— means there is nothing to measure in the range: no SLA timer ended, or no survey answered. The median first response counts business time on each school's calendar, as its SLA does.",
      "* Satisfaction withheld to protect the people who answered: fewer responses than the district's minimum, or withheld alongside the only such small group so it cannot be worked out by subtraction.",
    ]);
    expect(await axeViolations(element())).toEqual([]);
  });

  it('shows a school with no cases in the range as — in plain words, with no mark or note', () => {
    render([ROWS[1]!]);
    const cells = [...element().querySelectorAll('tbody tr')[0]!.children];
    expect(cells.map((cell) => cell.textContent!.trim())).toEqual(['Cedar High', '0', '—', '—', '—', '—']);
    expect(element().querySelectorAll('tbody sup, tbody .visually-hidden')).toHaveLength(0);
    expect(notes()).toEqual([
      "— means there is nothing to measure in the range: no SLA timer ended, or no survey answered. The median first response counts business time on each school's calendar, as its SLA does.",
    ]);
  });

  it('sorts by a figure largest first, turns round on a second click, and says which way', async () => {
    render(ROWS);
    sortBy('Contacts');
    expect(names()).toEqual(['Adams Elementary', 'Baker Middle', 'District office', 'Cedar High']);
    expect(header('Contacts').getAttribute('aria-sort')).toBe('descending');
    expect(header('Contacts').querySelector('.arrow')!.textContent).toBe('▼');
    expect(header('School').hasAttribute('aria-sort')).toBe(false);
    expect(header('School').querySelector('.arrow')!.textContent).toBe('');
    sortBy('Contacts');
    expect(names()).toEqual(['Cedar High', 'District office', 'Baker Middle', 'Adams Elementary']);
    expect(header('Contacts').getAttribute('aria-sort')).toBe('ascending');
    expect(header('Contacts').querySelector('.arrow')!.textContent).toBe('▲');
    expect(await axeViolations(element())).toEqual([]);
  });

  it('puts the schools without the figure last either way, by name', () => {
    render(ROWS);
    sortBy('Resolutions on time');
    expect(names()).toEqual(['Adams Elementary', 'Baker Middle', 'Cedar High', 'District office']);
    sortBy('Resolutions on time');
    expect(names()).toEqual(['Baker Middle', 'Adams Elementary', 'Cedar High', 'District office']);
    sortBy('Median first response (business time)');
    expect(names()).toEqual(['Baker Middle', 'Adams Elementary', 'Cedar High', 'District office']);
  });

  it('sorts names A to Z when chosen again after a figure, then Z to A', () => {
    render(ROWS);
    sortBy('Satisfaction (1–10)');
    expect(names()[0]).toBe('Adams Elementary');
    sortBy('School');
    expect(header('School').getAttribute('aria-sort')).toBe('ascending');
    expect(names()).toEqual(['Adams Elementary', 'Baker Middle', 'Cedar High', 'District office']);
    sortBy('School');
    expect(header('School').getAttribute('aria-sort')).toBe('descending');
    expect(names()).toEqual(['District office', 'Cedar High', 'Baker Middle', 'Adams Elementary']);
  });

  it('downloads the table as shown, in its order, under the name it is given', async () => {
    render(ROWS, 'schools-2026-11-08-to-2026-12-07.csv');
    sortBy('Contacts');
    downloadButton().click();
    expect(saved.map(({ fileName }) => fileName)).toEqual(['schools-2026-11-08-to-2026-12-07.csv']);
    expect(saved[0]!.blob.type).toBe('text/csv');
    expect(await blobText(saved[0]!.blob)).toBe(
      [
        'school,contacts,median_first_response_business_minutes,first_responses_on_time,resolutions_on_time,csat_mean,csat_responses,csat_withheld',
        'Adams Elementary,30,42,0.9,0.75,8.4,9,',
        'Baker Middle,12,95,,0.5,,2,SMALL_GROUP',
        'District office,4,,,,,7,COMPLEMENTARY',
        'Cedar High,0,,,,,0,',
        '',
      ].join('\r\n'),
    );
  });

  it('says when there is nothing to compare, without the notes on marks, and offers no download', async () => {
    render([]);
    expect(body()).toEqual([['No schools to compare.']]);
    expect(element().querySelector('tbody td')!.getAttribute('colspan')).toBe('6');
    expect(notes()).toHaveLength(1);
    expect(downloadButton().disabled).toBe(true);
    downloadButton().click();
    expect(saved).toEqual([]);
    expect(await axeViolations(element())).toEqual([]);
  });

  it('leaves out a note whose mark is not in the table', () => {
    render([ROWS[3]!]);
    expect(notes()).toHaveLength(1);
    expect(downloadButton().disabled).toBe(false);
    downloadButton().click();
    expect(saved.map(({ fileName }) => fileName)).toEqual(['school-comparison.csv']);
  });
});
