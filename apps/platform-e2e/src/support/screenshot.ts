import { errors, type Page } from 'playwright-core';

/** Long enough for a full page on a loaded 2-core machine; a capture that stalls takes the wake-up path. */
const FIRST_ATTEMPT_MS = 10_000;
const RETRY_MS = 30_000;

/**
 * A full-page screenshot of what the page shows now, saved to `path`.
 *
 * Headless Chromium sometimes stops producing frames for a page whose compositor has gone idle, and
 * `Page.captureScreenshot` then waits for a frame that never comes (CI saw a 30-second stall on a page
 * that answered every other command). A short screencast asks the compositor for frames again; the
 * capture is then retried once, so a page that truly cannot render still fails the test.
 */
export async function saveScreenshot(page: Page, path: string): Promise<void> {
  try {
    await page.screenshot({ path, fullPage: true, timeout: FIRST_ATTEMPT_MS });
  } catch (error) {
    if (!(error instanceof errors.TimeoutError)) throw error;
    process.stderr.write(`screenshot ${path}: no frame in ${FIRST_ATTEMPT_MS} ms; waking the compositor\n`);
    await wakeCompositor(page);
    await page.screenshot({ path, fullPage: true, timeout: RETRY_MS });
  }
}

async function wakeCompositor(page: Page): Promise<void> {
  await page.bringToFront();
  const devtools = await page.context().newCDPSession(page);
  try {
    await devtools.send('Page.startScreencast', { format: 'jpeg', quality: 10, maxWidth: 64, maxHeight: 64 });
    await new Promise((resolve) => setTimeout(resolve, 250));
    await devtools.send('Page.stopScreencast');
  } finally {
    await devtools.detach();
  }
}
