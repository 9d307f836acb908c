import { calendarText } from './readable-content';

describe('calendar invitations as text', () => {
  it('reads the first event: title, time, place, organizer and description, unfolded and unescaped', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'METHOD:REQUEST',
      'BEGIN:VEVENT',
      'DTSTART:20261210T150000Z',
      'DTEND:20261210T153000Z',
      'SUMMARY:Parent\\, teacher conference',
      'LOCATION:Room 12',
      'ORGANIZER;CN=Ms. Lee:mailto:lee@school.example',
      'DESCRIPTION:Bring the report card.\\nWe will talk about read',
      ' ing.',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    expect(calendarText(ics)).toBe(
      [
        'Invitation: Parent, teacher conference',
        'When: 2026-12-10 15:00 UTC – 2026-12-10 15:30 UTC',
        'Where: Room 12',
        'Organizer: lee@school.example',
        'Bring the report card.\nWe will talk about reading.',
      ].join('\n'),
    );
  });

  it('shows an all-day or local time as written, and has nothing to say without an event', () => {
    expect(calendarText('BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261224\nSUMMARY:No school\nEND:VEVENT')).toBe(
      'Invitation: No school\nWhen: 2026-12-24',
    );
    expect(calendarText('BEGIN:VCALENDAR\nEND:VCALENDAR')).toBeUndefined();
  });
});
