/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { axeViolations } from '@homeroom/portal/ui/testing';
import type { EmergingIssue } from './dashboard-figures';
import { EmergingIssuesComponent } from './emerging-issues.component';

/** Four weeks of baseline, a day at 1 and a day at 2 by turns, then the days being judged. */
const baseline = () => Array.from({ length: 28 }, (_, day) => (day % 2) + 1);

const ISSUES: EmergingIssue[] = [
  {
    topicId: 't-bus',
    topic: { id: 't-bus', name: 'Bus routes' },
    since: '2026-12-05',
    observed: 23,
    expected: 4.5,
    ratio: 5.11,
    daily: [...baseline(), 6, 8, 9],
    topSchools: [
      { schoolId: 's1', count: 12 },
      { schoolId: null, count: 5 },
      { schoolId: 's9', count: 2 },
    ],
  },
  {
    topicId: 't-gone',
    topic: null,
    since: '2026-12-07',
    observed: 4,
    expected: 0.4,
    ratio: 10,
    daily: [...Array.from({ length: 28 }, () => 0), 4],
    topSchools: [],
  },
];

const SCHOOL_NAMES = new Map([['s1', 'Lincoln Elementary']]);

describe('the emerging issues', () => {
  let fixture: ComponentFixture<EmergingIssuesComponent>;
  const element = () => fixture.nativeElement as HTMLElement;
  const text = (node: Element | null) => node?.textContent!.replace(/\s+/g, ' ').trim() ?? null;
  const articles = () => [...element().querySelectorAll('article')];
  const facts = (article: Element) =>
    [...article.querySelectorAll('dl > div')].map((pair) => [
      text(pair.querySelector('dt')),
      text(pair.querySelector('dd')),
    ]);

  function render(issues: readonly EmergingIssue[]): void {
    fixture.componentRef.setInput('issues', issues);
    fixture.componentRef.setInput('schoolNames', SCHOOL_NAMES);
    fixture.detectChanges();
  }

  beforeEach(() => {
    fixture = TestBed.createComponent(EmergingIssuesComponent);
  });

  afterEach(() => fixture.destroy());

  it('names each rising topic, with what came in against what was expected, and from where', async () => {
    render(ISSUES);
    const section = element().querySelector('section')!;
    expect(section.getAttribute('aria-labelledby')).toBe('emerging-issues');
    expect(element().querySelector('#emerging-issues')!.textContent).toBe('Emerging issues');
    expect(text(element().querySelector('.hint'))).toBe(
      'Topics with more contacts in the last 3 days than the four weeks before them predict, across every school you can see. The date and school filters above do not apply here.',
    );
    expect(
      articles().map((article) => [
        article.getAttribute('aria-labelledby'),
        text(element().querySelector(`#${article.getAttribute('aria-labelledby')}`)),
      ]),
    ).toEqual([
      ['issue-t-bus', 'Bus routes'],
      ['issue-t-gone', 'A topic no longer offered'],
    ]);
    expect(articles().map(facts)).toEqual([
      [
        ['Contacts', '23 against 4.5 expected'],
        ['Ratio', '5.1 times the usual'],
        ['Since', 'December 5'],
        ['Top schools', 'Lincoln Elementary (12), District office (5), Another school (2)'],
      ],
      [
        ['Contacts', '4 against 0.4 expected'],
        ['Ratio', '10.0 times the usual'],
        ['Since', 'December 7'],
        ['Top schools', 'None recorded'],
      ],
    ]);
    expect(element().textContent).not.toContain('No topic is rising');
    expect(await axeViolations(element())).toEqual([]);
  });

  it('draws the days behind each topic, with the numbers it draws in words', () => {
    render(ISSUES);
    const [bus, gone] = articles().map((article) => article.querySelector('svg')!);
    expect([bus!, gone!].map((svg) => [svg.getAttribute('role'), svg.getAttribute('aria-label')])).toEqual([
      [
        'img',
        'Bus routes, contacts per day: the 28 days before December 5 averaged 1.5 a day, at most 2; then 6, 8 and 9 from December 5 on.',
      ],
      [
        'img',
        'A topic no longer offered, contacts per day: the 28 days before December 7 averaged 0.0 a day, at most 0; then 4 from December 7 on.',
      ],
    ]);
    expect(['viewBox', 'width', 'height'].map((name) => bus!.getAttribute(name))).toEqual([
      '0 0 120 32',
      '120',
      '32',
    ]);
    // The window (the last three days) shaded from half a step before its first day; the last day dotted.
    const window = bus!.querySelector('rect.window')!;
    expect(['x', 'width', 'height'].map((name) => window.getAttribute(name))).toEqual([
      '107.5',
      '12.5',
      '32',
    ]);
    const dot = bus!.querySelector('circle')!;
    expect([dot.getAttribute('cx'), dot.getAttribute('cy')]).toEqual(['117', '3']);
    expect(bus!.querySelector('polyline')!.getAttribute('points')!.split(' ')).toHaveLength(31);
  });

  it('speaks of the last day when the window is one day', () => {
    render([ISSUES[1]!]);
    expect(text(element().querySelector('.hint'))).toBe(
      'Topics with more contacts in the last day than the four weeks before them predict, across every school you can see. The date and school filters above do not apply here.',
    );
  });

  it('says so when no topic is rising', async () => {
    render([]);
    expect(articles()).toHaveLength(0);
    expect(text(element().querySelector('section > p:last-child'))).toBe(
      'No topic is rising above its usual level.',
    );
    expect(text(element().querySelector('.hint'))).toBe(
      'Topics with more contacts in the last few days than the four weeks before them predict, across every school you can see. The date and school filters above do not apply here.',
    );
    expect(await axeViolations(element())).toEqual([]);
  });
});
