import { htmlOnApiOrigin, onApiOrigin } from './portal-config';

describe("the API's links in the portal", () => {
  const config = { apiOrigin: 'https://api.district.test' };

  it('makes a path absolute on the gateway, and leaves an absolute address alone', () => {
    expect(onApiOrigin(config, '/attachments/a1?expires=1')).toBe(
      'https://api.district.test/attachments/a1?expires=1',
    );
    expect(onApiOrigin(config, 'https://files.example/x')).toBe('https://files.example/x');
  });

  it("puts an article's own files on the gateway, and nothing else of its HTML", () => {
    const html =
      '<p><a href="/attachments/articles/f2/form.pdf">Form</a> <a href="/help/snow">Snow</a></p>' +
      '<img alt="src=&quot;/attachments/x" src="/attachments/articles/f1/map.png" />' +
      '<img src="https://api.district.test/attachments/articles/f3/b.png" />';
    expect(htmlOnApiOrigin(config, html)).toBe(
      '<p><a href="https://api.district.test/attachments/articles/f2/form.pdf">Form</a> <a href="/help/snow">Snow</a></p>' +
        '<img alt="src=&quot;/attachments/x" src="https://api.district.test/attachments/articles/f1/map.png" />' +
        '<img src="https://api.district.test/attachments/articles/f3/b.png" />',
    );
  });
});
