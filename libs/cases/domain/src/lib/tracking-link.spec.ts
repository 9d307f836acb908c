import {
  fillTrackingLink,
  mentionsTrackingLink,
  TRACKING_LINK_PLACEHOLDER,
  trackingPageUrl,
} from './tracking-link';

describe('the tracking link placeholder', () => {
  it('is found however it is spaced, and only as a whole placeholder', () => {
    expect(mentionsTrackingLink(`Follow it here: ${TRACKING_LINK_PLACEHOLDER}`)).toBe(true);
    expect(mentionsTrackingLink('Follow it here: {{ case.trackingLink }}')).toBe(true);
    expect(mentionsTrackingLink('Follow it here: {{case.number}}')).toBe(false);
    expect(mentionsTrackingLink('case.trackingLink without braces')).toBe(false);
    // Asked twice in a row: the regular expression keeps no state between calls.
    expect(mentionsTrackingLink(TRACKING_LINK_PLACEHOLDER)).toBe(true);
  });

  it('is replaced everywhere it appears, and a link with $ signs is written as it is', () => {
    expect(
      fillTrackingLink('A {{case.trackingLink}} B {{ case.trackingLink }}', 'https://x/track/a$&b'),
    ).toBe('A https://x/track/a$&b B https://x/track/a$&b');
    expect(fillTrackingLink('No link here.', 'https://x')).toBe('No link here.');
  });

  it('points at the portal’s tracking page, whatever slashes end the portal’s address', () => {
    expect(trackingPageUrl('https://help.district.org/', 'abc-_1')).toBe(
      'https://help.district.org/track/abc-_1',
    );
    expect(trackingPageUrl('https://help.district.org//', 'a/b')).toBe(
      'https://help.district.org/track/a%2Fb',
    );
  });
});
