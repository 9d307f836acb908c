import { createHash } from 'node:crypto';

const LOGIN_PAGE_STYLE = `
  body { font-family: system-ui, sans-serif; background: #f4f6f8; color: #1b1f24; display: grid; place-items: center; min-height: 100vh; margin: 0; }
  main { background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 4px rgb(0 0 0 / 15%); width: min(24rem, 90vw); }
  h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
  p.district { margin: 0 0 1.5rem; color: #4a5461; }
  label { display: block; font-weight: 600; margin: 1rem 0 .25rem; }
  input { width: 100%; box-sizing: border-box; padding: .6rem; font-size: 1rem; border: 1px solid #8a94a0; border-radius: 4px; }
  input:focus { outline: 3px solid #1a6fd1; outline-offset: 1px; }
  button { margin-top: 1.5rem; width: 100%; padding: .7rem; font-size: 1rem; font-weight: 600; color: #fff; background: #1a5fb4; border: 0; border-radius: 4px; cursor: pointer; }
  [role="alert"] { background: #fdecea; color: #8a1c12; padding: .75rem; border-radius: 4px; }
`;

/**
 * The page's Content-Security-Policy: nothing loads, nothing runs, only its own stylesheet (by hash) applies,
 * and no other site may frame it. (No `form-action`: browsers apply it to the redirects after the form is
 * sent, which end at the portal's origin.) It replaces the gateway's API policy on this page.
 */
export const LOGIN_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(LOGIN_PAGE_STYLE).digest('base64')}'`,
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** The staff sign-in page: plain HTML, labelled fields, one error region screen readers announce. */
export function loginPage({
  action,
  email,
  error,
  districtName,
}: {
  action: string;
  email?: string;
  error?: string;
  districtName: string;
}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · ${escape(districtName)}</title>
<style>${LOGIN_PAGE_STYLE}</style>
</head>
<body>
<main>
  <h1>Sign in to Homeroom</h1>
  <p class="district">${escape(districtName)}</p>
  ${error ? `<div role="alert" id="error">${escape(error)}</div>` : ''}
  <form method="post" action="${escape(action)}" novalidate>
    <label for="email">Email</label>
    <input id="email" name="email" type="email" autocomplete="username" required value="${escape(email ?? '')}"${error ? ' aria-describedby="error"' : ''} autofocus>
    <label for="password">Password</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required>
    <button type="submit">Sign in</button>
  </form>
</main>
</body>
</html>`;
}

function escape(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
