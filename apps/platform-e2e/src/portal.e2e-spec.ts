import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { workspaceRoot } from '@homeroom/platform/local-stack';
import {
  type FakeChatCompletions,
  type FakeTranslation,
  type FakeTwilio,
  signInThroughPortal,
  startFakeChatCompletions,
  startFakeTranslation,
  startFakeTwilio,
  waitUntil,
} from '@homeroom/platform/testing';
import { apiClient, type Json } from './support/api-client';
import { startPlatform, type RunningPlatform } from './support/running-platform';
import { saveScreenshot } from './support/screenshot';
import { directionOf, documentLanguageOf, PUBLIC_LANGUAGES, PUBLIC_TEXT } from '@homeroom/shared/public-text';

/** Debian's Chromium; tests never download a browser. CHROMIUM_PATH overrides. */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const SCREENSHOTS = join(workspaceRoot(), 'tmp', 'screenshots');
const ADMIN = { email: 'admin@homeroom.test', password: 'homeroom-demo' };
const AGENT_PASSWORD = 'a long agent passphrase';
// Evaluated through the browser's DevTools protocol, which the portal's CSP does not apply to: a <script>
// tag added to the page would be refused (and reported) like any other script the build did not ship.
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** What axe-core reports, as far as these tests read it. */
interface Axe {
  run(
    context: unknown,
    options: object,
  ): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }>;
}

/** WCAG 2.1 A and AA violations axe-core finds on the page as it is now: none expected. */
async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  // Runs in the page (this project's types are Node's, hence globalThis rather than window and document).
  return page.evaluate(async () => {
    const { axe, document } = globalThis as unknown as { axe: Axe; document: unknown };
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`,
    );
  });
}

/**
 * The district's own website on loopback (another origin than the gateway's), with the chat widget's one
 * script tag, as a district pastes it into its pages.
 */
async function startDistrictWebsite(
  gatewayOrigin: () => string,
): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(
      `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Riverside Unified</title></head><body><main><h1>Riverside Unified School District</h1><p>Welcome back to school.</p></main><script src="${gatewayOrigin()}/chat/widget.js" async></script></body></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    // localhost, not 127.0.0.1: an origin of its own, as a district's site is to its Homeroom.
    origin: `http://localhost:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The portal in a real browser against the whole platform: families' public pages and staff sign-in and
 * inbox, through the gateway as a district serves them. Screenshots of the main pages go to
 * tmp/screenshots/.
 */
describe('the portal in a browser', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  let api: ReturnType<typeof apiClient>;
  let adminToken: string;
  let model: FakeChatCompletions;
  let twilio: FakeTwilio;
  let translation: FakeTranslation;
  let districtWebsite: { origin: string; close(): Promise<void> };

  beforeAll(async () => {
    // The writing assistant's language model: an OpenAI-compatible endpoint on loopback.
    model = await startFakeChatCompletions({
      answer: (request) =>
        String(request.body.messages[0].content).includes('Summarise')
          ? '- A parent asks how to add money to a lunch account.'
          : 'Hello Sam,\n\nYou can add money online under Lunch accounts.\n\nThe front office',
    });
    // The district's text-message provider: Twilio's API and its signed webhooks, on loopback.
    twilio = await startFakeTwilio();
    // The district's self-hosted translation service: LibreTranslate's API, on loopback.
    translation = await startFakeTranslation();
    districtWebsite = await startDistrictWebsite(() => platform.origin);
    platform = await startPlatform({
      portal: true,
      websiteOrigins: [districtWebsite.origin],
      serviceOverrides: {
        cases: {
          SMS_PROVIDER_URL: twilio.url,
          SMS_ACCOUNT_SID: twilio.accountSid,
          SMS_AUTH_TOKEN: twilio.authToken,
          SMS_FROM: '+15125550100',
          TRANSLATION_PROVIDER: 'libretranslate',
          TRANSLATION_URL: translation.urls.LIBRETRANSLATE,
          TRANSLATION_API_KEY: translation.keys.LIBRETRANSLATE,
          LLM_BASE_URL: model.url,
          LLM_MODEL: 'district-small',
          LLM_API_KEY: 'sk-e2e',
          // The automation journey waits for a sweep: seconds here, a minute as districts run it.
          AUTOMATION_SWEEP_SECONDS: '2',
        },
      },
    });
    api = apiClient(platform.origin);
    await platform.settle(180_000);
    adminToken = (await signInThroughPortal(platform.issuer, ADMIN.email, ADMIN.password))['access_token']!;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 420_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await model?.close();
    await twilio?.close();
    await translation?.close();
    await districtWebsite?.close();
  }, 60_000);

  /** What the Content-Security-Policy refused on any page of this test: nothing, on every page. */
  let cspViolations: string[] = [];
  /** Each test's browser contexts, closed after it: a page left open keeps polling on the same two cores. */
  let contexts: BrowserContext[] = [];
  afterEach(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    contexts = [];
    expect(cspViolations).toEqual([]);
    cspViolations = [];
  });

  const newPage = async (options: { locale?: string; viewport?: { width: number; height: number } } = {}) => {
    const context = await browser.newContext({
      locale: options.locale ?? 'en-US',
      viewport: options.viewport ?? null,
    });
    contexts.push(context);
    await context.exposeBinding('reportCspViolation', (source, violation: string) => {
      cspViolations.push(`${source.page?.url()}: ${violation}`);
    });
    await context.addInitScript(() => {
      const page = globalThis as unknown as {
        document: { addEventListener(type: string, listener: (event: never) => void): void };
        reportCspViolation(violation: string): void;
      };
      page.document.addEventListener(
        'securitypolicyviolation',
        (event: { effectiveDirective: string; blockedURI: string; sourceFile: string; lineNumber: number }) =>
          page.reportCspViolation(
            `${event.effectiveDirective} refused ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`,
          ),
      );
    });
    return context.newPage();
  };
  const data = (response: { body: Json }) => {
    if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
    return response.body.data;
  };

  it('lets a family write in Spanish on a phone, follow the case, reply by its link, and answer the survey after resolution', async () => {
    const page = await newPage({ locale: 'es-MX', viewport: { width: 390, height: 844 } });
    const served = await page.goto(`${platform.portalOrigin}/contact`);
    // A strict policy, under which this suite's every page works (none may report a violation).
    const policy = served?.headers()['content-security-policy'];
    expect(policy).toMatch(/^default-src 'self'; script-src 'self'; style-src 'self' 'nonce-[^']+';/);
    expect(policy).toContain(`connect-src 'self' ${platform.origin}`);
    expect(policy).not.toMatch(/unsafe/);
    await page.getByRole('heading', { name: 'Comuníquese con su distrito' }).waitFor();
    // The browser's Spanish chose the page's language, and the picker says so.
    expect(await page.getByLabel('Idioma').inputValue()).toBe('es');
    await page.getByLabel('Escuela').selectOption({ index: 1 });
    await page.getByLabel('Asunto').fill('Transporte');
    await page.getByLabel('Su mensaje').fill('El autobús no pasó esta mañana por nuestra parada.');
    await page.getByLabel('Su nombre').fill('Lucía Pérez');
    await page.getByLabel('Correo electrónico').fill('lucia.perez@familia.test');
    await page.getByLabel('Adjuntar un archivo (opcional)').setInputFiles({
      name: 'parada.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(
        '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
      ),
    });
    await page.getByText('parada.pdf').first().waitFor();
    await saveScreenshot(page, join(SCREENSHOTS, 'public-contact-es.png'));
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Enviar' }).click();

    const number = await page.getByTestId('case-number').textContent();
    expect(number).toMatch(/\w+-\d+/);
    await page.getByRole('link', { name: 'Seguir su caso' }).click();
    await expect(page.getByTestId('tracked-number').textContent()).resolves.toBe(number);
    expect(await page.getByTestId('tracked-status').textContent()).toBe('Recibido');
    await page.getByLabel('Su respuesta').fill('Gracias, espero su respuesta.');
    await page.getByRole('button', { name: 'Enviar respuesta' }).click();
    await page.getByText('Gracias, espero su respuesta.').waitFor();
    await saveScreenshot(page, join(SCREENSHOTS, 'public-tracking-es.png'));
    expect(await accessibilityViolations(page)).toEqual([]);

    // The case the family sees is the one staff see, in the family's language.
    const seen = data(
      await api(
        'query($number: String!) { case(number: $number) { id language subject messages { attachments { fileName } } } }',
        { number },
        { token: adminToken },
      ),
    );
    expect(seen.case).toMatchObject({ language: 'es', subject: 'Transporte' });
    expect(seen.case.messages[0].attachments).toEqual([{ fileName: 'parada.pdf' }]);

    // Staff resolve it; the satisfaction survey arrives by email, in Spanish, and is answered on the phone.
    data(
      await api(
        'mutation($id: ID!) { setCaseStatus(caseId: $id, status: RESOLVED) { status } }',
        { id: seen.case.id },
        { token: adminToken },
      ),
    );
    let link: string | undefined;
    await waitUntil(
      'the survey invitation',
      () => {
        const mail = platform.mail
          .messages()
          .find((message) => message.to.includes('lucia.perez@familia.test') && /\/s\//.test(message.text));
        link = /(https?:\/\/\S+\/s\/[A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
        return Boolean(link);
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    expect(link!.startsWith(platform.portalOrigin)).toBe(true);
    await page.goto(link!);
    await page.getByRole('radio', { name: '9' }).first().check();
    await saveScreenshot(page, join(SCREENSHOTS, 'public-survey-es.png'));
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Enviar' }).click();
    await page.getByRole('heading', { name: 'Gracias por sus respuestas.' }).waitFor();
  });

  it('signs an agent in through the district issuer, shows a new inquiry in the inbox without a reload, and turns first response to met on reply', async () => {
    // An agent of the first school's team, with a password the administrator sets.
    const schools = data(await api('{ schools(first: 1) { edges { node { id name } } } }')).schools.edges;
    const school = schools[0].node;
    const team = data(
      await api(
        'query($school: ID!) { teams(schoolId: $school) { members { person { id emails { address } } } } }',
        { school: school.id },
        { token: adminToken },
      ),
    ).teams[0];
    const agent = team.members[0].person;
    data(
      await api(
        'mutation($id: ID!, $password: String!) { setStaffPassword(personId: $id, password: $password) }',
        { id: agent.id, password: AGENT_PASSWORD },
        { token: adminToken },
      ),
    );

    const page: Page = await newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${platform.portalOrigin}/inbox`);
    // Off to the issuer's sign-in page on the gateway's origin, and back.
    await page.getByLabel('Email').fill(agent.emails[0].address);
    await page.getByLabel('Password').fill(AGENT_PASSWORD);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page
      .getByRole('heading', { name: /Inbox/ })
      .waitFor()
      .catch(async (error: unknown) => {
        throw new Error(`no inbox at ${page.url()}: ${await page.locator('body').innerText()}`, {
          cause: error,
        });
      });
    expect(new URL(page.url()).pathname).toBe('/inbox');
    const before = Number(await page.getByTestId('inbox-count').textContent());

    const submitted = data(
      await api('mutation($input: SubmitInquiryInput!) { submitInquiry(input: $input) { caseNumber } }', {
        input: {
          schoolId: school.id,
          subject: 'Lunch account question',
          message: 'How do I add money to my daughter’s lunch account?',
          requester: { name: 'Sam Lee', email: 'sam.lee@family.test' },
        },
      }),
    ).submitInquiry;
    // The inbox refreshes itself: the new case appears without a reload.
    await page.getByRole('cell', { name: submitted.caseNumber, exact: true }).waitFor({ timeout: 30_000 });
    // The count is read again until it shows the new case: a refresh in flight may still show the last one.
    await waitUntil(
      'the inbox count to include the new case',
      async () => Number(await page.getByTestId('inbox-count').textContent()) > before,
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    await saveScreenshot(page, join(SCREENSHOTS, 'staff-inbox.png'));
    expect(await accessibilityViolations(page)).toEqual([]);

    // Narrow the inbox by the case number, and keep that view for later.
    await page.getByLabel('Search').fill(submitted.caseNumber);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await waitUntil(
      'only that case listed',
      async () => (await page.getByTestId('inbox-row').count()) === 1,
      {
        timeoutMs: 15_000,
      },
    );
    await page.getByRole('button', { name: 'Save this view' }).click();
    await page
      .getByRole('group', { name: 'Saved views' })
      .getByRole('button', { name: `All open · “${submitted.caseNumber}”`, exact: true })
      .waitFor();

    // The case page: the first-response countdown runs, the agent replies, and it turns to met by itself.
    await page.getByRole('link', { name: submitted.caseNumber }).click();
    await page.getByRole('heading', { name: new RegExp(submitted.caseNumber) }).waitFor();
    expect(await page.getByTestId('sla-first-response').textContent()).toMatch(/left$/);
    await page.getByLabel('Reply to the requester').fill('You can add money online under Lunch accounts.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByText('You can add money online under Lunch accounts.').waitFor();
    await waitUntil(
      'first response met on the page',
      async () => (await page.getByTestId('sla-first-response').textContent())?.trim() === 'Met',
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    // Watching by key, a tag, and the writing assistant: a summary, and a draft put in the reply box.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('w');
    await page.getByText('Watched by you.').waitFor({ timeout: 15_000 });
    await page.getByLabel('Add a tag').fill('Lunch account');
    await page.getByRole('button', { name: 'Add tag' }).click();
    await page.getByRole('button', { name: 'Remove tag lunch-account' }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Summarize the case' }).click();
    await page
      .getByTestId('case-summary')
      .getByText('A parent asks how to add money')
      .waitFor({ timeout: 15_000 });
    await page.getByLabel('Tone').selectOption('WARM');
    await page.getByRole('button', { name: 'Draft a reply' }).click();
    await waitUntil(
      'the draft in the reply box',
      async () => (await page.getByLabel('Reply to the requester').inputValue()).startsWith('Hello Sam,'),
      { timeoutMs: 15_000 },
    );
    expect(model.seen.map((request) => request.path)).toEqual([
      '/v1/chat/completions',
      '/v1/chat/completions',
    ]);
    // Nothing was sent: the draft waits for the agent.
    expect(await page.getByText('Hello Sam,').count()).toBe(0);
    await saveScreenshot(page, join(SCREENSHOTS, 'staff-case.png'));
    expect(await accessibilityViolations(page)).toEqual([]);
    // The case now counts among the agent's watched ones.
    await page.getByRole('link', { name: 'Inbox' }).click();
    await page.getByRole('button', { name: /^Watching 1$/ }).waitFor({ timeout: 15_000 });
  });

  it("shows an administrator the district's figures on the dashboard, with CSV export", async () => {
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${platform.portalOrigin}/dashboard`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.getByRole('heading', { name: 'District dashboard' }).waitFor();
    // The inquiries of this suite so far: at least the family's and the lunch question.
    await waitUntil(
      'the figures',
      async () =>
        Number(
          (await page
            .getByTestId('kpi-contacts')
            .textContent()
            .catch(() => '0')) ?? 0,
        ) >= 2,
      { timeoutMs: 20_000 },
    );
    expect(await page.getByRole('img', { name: /Contacts per day over \d+ days: \d+ in all/ }).count()).toBe(
      1,
    );
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const csv = await (await download).createReadStream();
    const text = await new Promise<string>((resolve) => {
      let content = '';
      csv.on('data', (chunk: Buffer) => (content += chunk.toString()));
      csv.on('end', () => resolve(content));
    });
    expect(text.split('\r\n')[0]).toMatch(/^day,total/);
    expect(text.split('\r\n').filter(Boolean).length).toBeGreaterThan(1);
    await saveScreenshot(page, join(SCREENSHOTS, 'staff-dashboard.png'));
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('lets an administrator add a routing rule that the next inquiry follows', async () => {
    const team = data(await api('{ teams { id name } }', {}, { token: adminToken })).teams[0];
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${platform.portalOrigin}/admin/routing`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.getByRole('heading', { name: 'Routing rules' }).waitFor();

    // Crossing-guard questions go straight to the team, urgent enough to be seen first, and tagged.
    const rules = page.getByTestId('routing-rule');
    const before = await rules.count();
    await page.getByLabel('Name', { exact: true }).fill('Crossing guards');
    await page.getByLabel(/mentions any of these words/).fill('crossing guard');
    await page.getByLabel('send it to the team').selectOption({ label: team.name });
    await page.getByLabel('set its priority').selectOption('HIGH');
    await page.getByLabel(/tag it/).fill('crossing');
    await page.getByLabel(/Position/).fill('1');
    await page.getByRole('button', { name: 'Add rule' }).click();
    await waitUntil('the rule listed', async () => (await rules.count()) === before + 1, {
      timeoutMs: 15_000,
    });
    const listed = rules.first();
    expect(await listed.textContent()).toContain('Crossing guards');
    expect(await listed.textContent()).toContain(`team ${team.name}; priority High; tags crossing`);
    await saveScreenshot(page, join(SCREENSHOTS, 'admin-routing.png'));
    expect(await accessibilityViolations(page)).toEqual([]);

    // The next inquiry that mentions it is routed by the rule before anyone touches it.
    const submitted = data(
      await api('mutation($input: SubmitInquiryInput!) { submitInquiry(input: $input) { caseNumber } }', {
        input: { message: 'There was no crossing guard at Elm Street this morning.', anonymous: true },
      }),
    ).submitInquiry;
    await page.goto(`${platform.portalOrigin}/cases/${submitted.caseNumber}`);
    await page.getByRole('heading', { name: new RegExp(submitted.caseNumber) }).waitFor();
    const chosen = (label: string) =>
      page.getByLabel(label, { exact: true }).evaluate((select) => {
        const element = select as unknown as { selectedOptions: { textContent: string | null }[] };
        return element.selectedOptions[0]?.textContent?.trim();
      });
    expect(await chosen('Team')).toBe(team.name);
    expect(await chosen('Priority')).toBe('HIGH');
    await saveScreenshot(page, join(SCREENSHOTS, 'staff-case-routed.png'));
    expect(await accessibilityViolations(page)).toEqual([]);

    // Back on the rules: renamed, then switched off, it stays listed but routes no longer.
    await page.goto(`${platform.portalOrigin}/admin/routing`);
    await page.getByRole('button', { name: 'Edit rule Crossing guards' }).click();
    // The form holds the rule before its name is replaced: typed into while it fills, the two would mix.
    const ruleName = page.getByLabel('Name', { exact: true });
    await waitUntil(
      'the form to hold the rule',
      async () => (await ruleName.inputValue()) === 'Crossing guards',
      {
        timeoutMs: 10_000,
      },
    );
    await ruleName.fill('Crossing guards and patrols');
    await page.getByRole('button', { name: 'Save rule' }).click();
    // Saved, and the list brought up to date; if not, the page says why (a refusal, a timeout).
    await page
      .getByText('Rule Crossing guards and patrols was saved.')
      .waitFor({ timeout: 30_000 })
      .catch(async (error: unknown) => {
        throw new Error(`the renamed rule was not saved: ${await page.locator('main').innerText()}`, {
          cause: error,
        });
      });
    await page.getByRole('button', { name: 'Switch off rule Crossing guards and patrols' }).click();
    await waitUntil(
      'the rule switched off',
      async () =>
        (await rules.first().textContent())?.includes('Crossing guards and patrols (switched off)') ?? false,
      { timeoutMs: 15_000 },
    );
    const next = data(
      await api('mutation($input: SubmitInquiryInput!) { submitInquiry(input: $input) { caseNumber } }', {
        input: { message: 'Again no crossing guard at Elm Street.', anonymous: true },
      }),
    ).submitInquiry;
    const unrouted = data(
      await api(
        'query($number: String!) { case(number: $number) { priority tags } }',
        { number: next.caseNumber },
        { token: adminToken },
      ),
    ).case;
    expect(unrouted.tags).not.toContain('crossing');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('lets an administrator write a reply template in two languages that an agent sends to a Spanish-speaking family', async () => {
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${platform.portalOrigin}/admin/reply-templates`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.getByRole('heading', { name: 'Reply templates', level: 1 }).waitFor();

    // The district's template: English and Spanish, and sending it waits for the family's answer.
    await page.getByLabel('Name', { exact: true }).fill('Bus stop moved');
    await page.getByLabel(/^Shortcut/).fill('stop-moved');
    await page
      .getByRole('textbox', { name: 'Text 1 (English (en))' })
      .fill('Hello {{requester.name}}, about case {{case.number}}: the stop moved to Elm Street.');
    await page.getByRole('button', { name: 'Add a language' }).click();
    await page.getByLabel(/^Language of text 2/).fill('es');
    await page
      .getByRole('textbox', { name: 'Text 2 (Spanish (es))' })
      .fill('Hola {{requester.name}}, sobre el caso {{case.number}}: la parada se movió a Elm Street.');
    await page.getByLabel('move the case to').selectOption('PENDING');
    await page.getByRole('button', { name: 'Add template' }).click();
    await page.getByRole('status').filter({ hasText: 'Template Bus stop moved was added.' }).waitFor();
    const listed = page.getByTestId('reply-template').filter({ hasText: 'Bus stop moved' });
    expect(await listed.textContent()).toContain('en, es');
    await saveScreenshot(page, join(SCREENSHOTS, 'admin-reply-templates.png'));
    expect(await accessibilityViolations(page)).toEqual([]);

    // A family writes in Spanish; the agent finds the template by its shortcut on the case page.
    const submitted = data(
      await api(
        'mutation($input: SubmitInquiryInput!) { submitInquiry(input: $input) { caseNumber trackingToken } }',
        {
          input: {
            message: '¿Dónde está la nueva parada del autobús?',
            language: 'es',
            requester: { name: 'Rosa Díaz', email: 'rosa.diaz@familia.test' },
          },
        },
      ),
    ).submitInquiry;
    await page.goto(`${platform.portalOrigin}/cases/${submitted.caseNumber}`);
    await page.getByRole('heading', { name: new RegExp(submitted.caseNumber) }).waitFor();
    await page.getByRole('combobox', { name: 'Find a template by name or shortcut' }).fill('stop-moved');
    await page.getByRole('option', { name: /Bus stop moved/ }).waitFor();
    await page.keyboard.press('Enter');
    const spanish = `Hola Rosa Díaz, sobre el caso ${submitted.caseNumber}: la parada se movió a Elm Street.`;
    await waitUntil(
      'the Spanish text in the reply box',
      async () => (await page.getByLabel('Reply to the requester').inputValue()) === spanish,
      { timeoutMs: 15_000 },
    );
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByText(spanish).first().waitFor();
    await saveScreenshot(page, join(SCREENSHOTS, 'staff-case-template-es.png'));
    expect(await accessibilityViolations(page)).toEqual([]);

    // The family reads it on their tracking page, the case waiting for them; the template counts its use.
    const family = await newPage({ locale: 'es-MX', viewport: { width: 390, height: 844 } });
    await family.goto(`${platform.portalOrigin}/track/${submitted.trackingToken}`);
    await family.getByText(spanish).waitFor();
    expect(await family.getByTestId('tracked-status').textContent()).toBe('Esperando su respuesta');
    const used = data(
      await api(
        '{ replyTemplates(filter: { search: "stop-moved" }) { edges { node { usageCount } } } }',
        {},
        { token: adminToken },
      ),
    ).replyTemplates.edges;
    expect(used).toEqual([{ node: { usageCount: 1 } }]);
  });

  it("an agent's vital reply waits for review: the family gets nothing until a qualified translator approves it", async () => {
    // Lincoln Elementary's front office: an agent, and the colleague the demo seed marks a translator of
    // Spanish and Vietnamese, each with a password the administrator sets.
    const school = data(
      await api('{ schools(first: 100) { edges { node { id name } } } }'),
    ).schools.edges.find((edge: Json) => edge.node.name === 'Lincoln Elementary').node;
    const members = data(
      await api(
        'query($school: ID!) { teams(schoolId: $school) { members { person { id emails { address } translatorLanguages } } } }',
        { school: school.id },
        { token: adminToken },
      ),
    ).teams[0].members.map((member: Json) => member.person);
    const translator = members.find((person: Json) => person.translatorLanguages.includes('es'));
    const agent = members.find((person: Json) => person.translatorLanguages.length === 0);
    expect([translator?.translatorLanguages, agent]).toEqual([['es', 'vi'], expect.anything()]);
    for (const person of [translator, agent])
      data(
        await api(
          'mutation($id: ID!, $password: String!) { setStaffPassword(personId: $id, password: $password) }',
          { id: person.id, password: AGENT_PASSWORD },
          { token: adminToken },
        ),
      );
    // The district's discipline template, marked vital.
    const shortcut = `suspension-${randomUUID().slice(0, 6)}`;
    data(
      await api(
        'mutation($input: ReplyTemplateInput!) { createReplyTemplate(input: $input) { id } }',
        {
          input: {
            name: 'Suspension notice',
            shortcut,
            vitalCategory: 'DISCIPLINE',
            translations: [
              { language: 'en', body: 'About case {{case.number}}: your child is suspended for one day.' },
              { language: 'es', body: 'Sobre el caso {{case.number}}: su hijo queda expulsado por un día.' },
            ],
          },
        },
        { token: adminToken },
      ),
    );
    const submitted = data(
      await api(
        'mutation($input: SubmitInquiryInput!) { submitInquiry(input: $input) { caseNumber trackingToken } }',
        {
          input: {
            schoolId: school.id,
            message: '¿Por qué mandaron a mi hijo a casa hoy?',
            language: 'es',
            requester: { name: 'Marta Gómez', email: 'marta.gomez@familia.test' },
          },
        },
      ),
    ).submitInquiry;
    const signIn = async (page: Page, email: string) => {
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(AGENT_PASSWORD);
      await page.getByRole('button', { name: /sign in/i }).click();
    };

    // The agent sends the template in Spanish: the case page marks it awaiting review.
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${platform.portalOrigin}/cases/${submitted.caseNumber}`);
    await signIn(page, agent.emails[0].address);
    await page.getByRole('heading', { name: new RegExp(submitted.caseNumber) }).waitFor();
    await page.getByRole('combobox', { name: 'Find a template by name or shortcut' }).fill(shortcut);
    await page.getByRole('option', { name: /Suspension notice/ }).waitFor();
    await page.keyboard.press('Enter');
    const spanish = `Sobre el caso ${submitted.caseNumber}: su hijo queda expulsado por un día.`;
    await waitUntil(
      'the Spanish text in the reply box',
      async () => (await page.getByLabel('Reply to the requester').inputValue()) === spanish,
      { timeoutMs: 15_000 },
    );
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByTestId('message-review').filter({ hasText: 'Awaiting review' }).waitFor();
    expect(await page.getByTestId('message-review').textContent()).toContain(
      'a discipline message in Spanish (es) goes once a qualified translator approves it',
    );
    await saveScreenshot(page, join(SCREENSHOTS, 'staff-case-vital-held.png'));
    expect(await accessibilityViolations(page)).toEqual([]);

    // The family's page shows their own words and nothing from the district yet.
    const family = await newPage({ locale: 'es-MX', viewport: { width: 390, height: 844 } });
    await family.goto(`${platform.portalOrigin}/track/${submitted.trackingToken}`);
    await family.getByText('¿Por qué mandaron a mi hijo a casa hoy?').first().waitFor();
    expect(await family.getByText('su hijo queda').count()).toBe(0);

    // The translator finds it in their queue beside the template's English, corrects it and approves it.
    const reviewer = await newPage({ viewport: { width: 1280, height: 900 } });
    await reviewer.goto(`${platform.portalOrigin}/reviews`);
    await signIn(reviewer, translator.emails[0].address);
    await reviewer.getByRole('heading', { name: 'Messages awaiting review', level: 1 }).waitFor();
    const held = reviewer.getByTestId('held-message').filter({ hasText: submitted.caseNumber });
    await held.waitFor({ timeout: 30_000 });
    expect(await held.getByTestId('held-original').textContent()).toContain(
      `About case ${submitted.caseNumber}: your child is suspended for one day.`,
    );
    expect(await held.getByTestId('held-translation').textContent()).toContain(spanish);
    await saveScreenshot(reviewer, join(SCREENSHOTS, 'staff-review-queue.png'));
    expect(await accessibilityViolations(reviewer)).toEqual([]);
    const corrected = spanish.replace('queda expulsado', 'queda suspendido');
    await held.getByLabel('Text the family receives (correct it if needed)').fill(corrected);
    await held.getByRole('button', { name: 'Approve and send' }).click();
    await reviewer
      .getByRole('status')
      .filter({ hasText: `The reply on ${submitted.caseNumber} was approved and is on its way.` })
      .waitFor();
    expect(await reviewer.getByTestId('held-message').filter({ hasText: submitted.caseNumber }).count()).toBe(
      0,
    );

    // Now the family has it, as corrected; the agent's page says it was reviewed.
    await family.reload();
    await family.getByText(corrected).first().waitFor({ timeout: 30_000 });
    await page.getByTestId('message-review').filter({ hasText: 'Reviewed' }).waitFor({ timeout: 30_000 });
  });

  it('lets a family text in Vietnamese and get the reply, written in English, translated by text', async () => {
    const phone = '+15125550177';
    const casesDb = new Client({ connectionString: platform.databases.cases });
    const caseOfPhone = async (): Promise<{ number: string } | undefined> =>
      (await casesDb.query(`SELECT number FROM support_case WHERE contact->>'phone' = $1`, [phone])).rows[0];
    await casesDb.connect();
    try {
      // The family's text reaches the district's public origin, signed as Twilio signs it.
      const webhook = `${platform.origin}/sms/twilio`;
      const sent = await twilio.text(webhook, { from: phone, body: 'Con trai tôi bị ốm và sẽ ở nhà.' });
      expect(sent.status).toBe(200);
      await waitUntil('the case of the text', async () => Boolean(await caseOfPhone()), {
        timeoutMs: 15_000,
      });
      const { number } = (await caseOfPhone())!;

      // The agent reads the text beside its English translation.
      const page = await newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${platform.portalOrigin}/cases/${number}`);
      await page.getByLabel('Email').fill(ADMIN.email);
      await page.getByLabel('Password').fill(ADMIN.password);
      await page.getByRole('button', { name: /sign in/i }).click();
      await page.getByRole('heading', { name: new RegExp(number) }).waitFor();
      await page.getByText('Con trai tôi bị ốm và sẽ ở nhà.').first().waitFor();
      await page.getByText('My son is sick and will stay home.').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('message-translation').first().textContent()).toContain(
        'Translated from Vietnamese (vi) by LIBRETRANSLATE',
      );

      // They answer in English, see it in Vietnamese and what it will cost as a text, and send it.
      const reply = page.getByLabel('Reply to the requester');
      await reply.fill('The bus will be late today.');
      await page.getByText('27 characters · 1 text message · GSM-7').waitFor();
      await page.getByRole('button', { name: 'Translate into Vietnamese (vi)' }).click();
      await page.getByTestId('reply-translated').waitFor();
      expect(await reply.inputValue()).toBe('Hôm nay xe buýt sẽ đến trễ.');
      await page.getByText('27 characters · 1 text message · Unicode (UCS-2)').waitFor();
      await saveScreenshot(page, join(SCREENSHOTS, 'staff-case-sms-translated.png'));
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Send reply' }).click();

      // The Vietnamese goes to the family's phone, from the district's number; the English stays beside it.
      await waitUntil('the reply to be texted', async () => twilio.messages.some((m) => m.to === phone), {
        timeoutMs: 30_000,
      });
      expect(twilio.messages.filter((m) => m.to === phone)).toEqual([
        expect.objectContaining({ from: '+15125550100', body: 'Hôm nay xe buýt sẽ đến trễ.' }),
      ]);
      await page.getByText('As written, in English (en), before translation').waitFor();
      // The family answers; their text joins the same case and shows on the agent's page.
      await twilio.text(webhook, { from: phone, body: 'Cảm ơn!' });
      await page.getByText('Cảm ơn!').first().waitFor({ timeout: 30_000 });
      const { rows } = await casesDb.query(
        `SELECT count(*)::int AS n FROM support_case WHERE contact->>'phone' = $1`,
        [phone],
      );
      expect(rows[0].n).toBe(1);
    } finally {
      await casesDb.end();
    }
  });

  it("lets a family chat from the district's website on a phone and see the agent's answer live", async () => {
    // The district's own page (its website), with the one script tag it pastes in; the widget talks to the
    // gateway, another origin.
    const family = await newPage({ viewport: { width: 390, height: 844 } });
    await family.goto(`${districtWebsite.origin}/families`);
    await family.getByRole('button', { name: 'Chat with us' }).click();
    const chat = family.getByRole('dialog', { name: 'Chat with your district' });
    await chat.getByLabel('Your message').fill('Is the library open during spring break?');
    await chat.getByLabel('Your name (optional)').fill('Mai Tran');
    expect(await accessibilityViolations(family)).toEqual([]);
    await chat.getByRole('button', { name: /Start chat|Send message/ }).click();
    const log = chat.getByRole('log');
    await log.getByText('Is the library open during spring break?').waitFor();
    const number = /HR-[\w-]+/.exec((await chat.getByText(/Your case number is/).textContent()) ?? '')![0];

    // The agent answers from the case page, as for any case.
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${platform.portalOrigin}/cases/${number}`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.getByRole('heading', { name: new RegExp(number) }).waitFor();
    await page.getByLabel('Reply to the requester').fill('Yes: 9 to 3 every weekday of the break.');
    await page.getByRole('button', { name: 'Send reply' }).click();

    // The family sees it without doing anything, and answers on.
    await log.getByText('Yes: 9 to 3 every weekday of the break.').waitFor({ timeout: 10_000 });
    await chat.getByLabel('Write a message').fill('Thank you!');
    await chat.getByRole('button', { name: 'Send', exact: true }).click();
    await log.getByText('Thank you!').waitFor();
    await page.getByText('Thank you!').first().waitFor({ timeout: 30_000 });
    expect(await accessibilityViolations(family)).toEqual([]);
    await saveScreenshot(family, join(SCREENSHOTS, 'chat-widget-phone.png'));

    await chat.getByRole('button', { name: 'End chat' }).click();
    await chat.getByText('This chat has ended.').waitFor();
  });

  it('lets a family find the answer in the help center and on the contact form instead of opening a case', async () => {
    // The district publishes an article in English and Spanish (written, then reviewed and published).
    const words = `Maple ${randomUUID().slice(0, 6)}`;
    const draft = data(
      await api(
        'mutation($input: NewKnowledgeArticleInput!) { createKnowledgeArticle(input: $input) { id slug } }',
        {
          input: {
            translations: [
              {
                language: 'en',
                title: `Bus stop moved to ${words} Street`,
                body: `<p>During construction the bus stops at ${words} Street.</p>`,
              },
              {
                language: 'es',
                title: `La parada del autobús se movió a la calle ${words}`,
                body: `<p>Durante las obras, los autobuses paran en la calle ${words}.</p><script>alert(1)</script>`,
              },
            ],
          },
        },
        { token: adminToken },
      ),
    ).createKnowledgeArticle;
    // A map of the new stop, shown in the Spanish text by the file's lasting address.
    const map = data(
      await api(
        'mutation($id: ID!, $file: AttachmentInput!) { addKnowledgeArticleFile(articleId: $id, file: $file) { path } }',
        {
          id: draft.id,
          file: {
            fileName: 'mapa de la parada.png',
            contentType: 'image/png',
            contentBase64:
              'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
          },
        },
        { token: adminToken },
      ),
    ).addKnowledgeArticleFile;
    const mapPath = map.path;
    data(
      await api(
        'mutation($id: ID!, $input: KnowledgeArticleInput!) { updateKnowledgeArticle(id: $id, input: $input) { id } }',
        {
          id: draft.id,
          input: {
            translations: [
              {
                language: 'en',
                title: `Bus stop moved to ${words} Street`,
                body: `<p>During construction the bus stops at ${words} Street.</p>`,
              },
              {
                language: 'es',
                title: `La parada del autobús se movió a la calle ${words}`,
                body: `<p>Durante las obras, los autobuses paran en la calle ${words}.</p><img src="${mapPath}" alt="Mapa de la parada"><script>alert(1)</script>`,
              },
            ],
          },
        },
        { token: adminToken },
      ),
    );
    data(
      await api(
        'mutation($id: ID!) { publishKnowledgeArticle(id: $id) { status } }',
        { id: draft.id },
        { token: adminToken },
      ),
    );

    // In the help center, in Spanish: found by a Spanish word form, read, and found helpful.
    const page = await newPage({ locale: 'es-MX', viewport: { width: 390, height: 844 } });
    await page.goto(`${platform.portalOrigin}/help`);
    await page.getByRole('heading', { name: 'Centro de ayuda' }).waitFor();
    await page.getByLabel('Buscar en el centro de ayuda').fill('autobuses parada');
    await page.getByRole('button', { name: 'Buscar' }).click();
    await page.getByRole('link', { name: `La parada del autobús se movió a la calle ${words}` }).click();
    await page
      .getByRole('heading', { name: `La parada del autobús se movió a la calle ${words}`, level: 1 })
      .waitFor();
    expect(await page.getByTestId('help-article-body').innerHTML()).not.toContain('script');
    // The map came through the portal's origin from the article's files, and drew.
    const drawn = page.getByRole('img', { name: 'Mapa de la parada' });
    await waitUntil(
      'the map to load',
      async () =>
        (await drawn.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)) > 0,
      {
        timeoutMs: 10_000,
      },
    );
    await page.getByRole('button', { name: 'Sí' }).click();
    await page.getByText('Gracias por decírnoslo.').waitFor();
    await saveScreenshot(page, join(SCREENSHOTS, 'public-help-article-es.png'));
    expect(await accessibilityViolations(page)).toEqual([]);

    // On the contact form, the same answer is offered as the family writes, and answers them: nothing is sent.
    await page.goto(`${platform.portalOrigin}/contact`);
    const message = `¿Dónde para el autobús ahora? Cerraron nuestra calle y la parada ya no está (${words}).`;
    await page.getByLabel('Su mensaje').fill(message);
    const suggestions = page.getByTestId('help-suggestions');
    await suggestions
      .getByRole('heading', { name: `La parada del autobús se movió a la calle ${words}` })
      .waitFor({ timeout: 15_000 });
    await saveScreenshot(page, join(SCREENSHOTS, 'public-contact-suggestions-es.png'));
    expect(await accessibilityViolations(page)).toEqual([]);
    await suggestions.getByRole('button', { name: /Esto respondió mi pregunta/ }).click();
    await page.getByRole('heading', { name: 'Nos alegra que eso respondiera a su pregunta.' }).waitFor();

    const counted = data(
      await api(
        'query($id: ID!) { knowledgeArticle(id: $id) { helpfulCount answeredCount } }',
        { id: draft.id },
        { token: adminToken },
      ),
    ).knowledgeArticle;
    expect(counted).toEqual({ helpfulCount: 1, answeredCount: 1 });
    const opened = data(
      await api(
        'query($search: String!) { cases(filter: { search: $search }) { totalCount } }',
        { search: words },
        { token: adminToken },
      ),
    ).cases;
    expect(opened.totalCount).toBe(0);
  });

  it('lets an administrator write a rule that resolves a quiet pending case, which the family then sees resolved', async () => {
    // A family's case, waiting for them, then quiet for two weeks (the time is moved in the database).
    const submitted = data(
      await api(
        'mutation($input: SubmitInquiryInput!) { submitInquiry(input: $input) { caseNumber trackingToken } }',
        {
          input: {
            message: 'Can my son join the chess club after winter break?',
            requester: { name: 'Omar Haddad', email: 'omar.haddad@family.test' },
          },
        },
      ),
    ).submitInquiry;
    const caseId = data(
      await api(
        'query($n: String!) { case(number: $n) { id } }',
        { n: submitted.caseNumber },
        { token: adminToken },
      ),
    ).case.id;
    data(
      await api(
        'mutation($id: ID!) { replyToCase(caseId: $id, body: "Could you tell us his grade?") { id } }',
        { id: caseId },
        { token: adminToken },
      ),
    );
    data(
      await api(
        'mutation($id: ID!) { setCaseStatus(caseId: $id, status: PENDING) { status } }',
        { id: caseId },
        { token: adminToken },
      ),
    );
    const cases = new Client({ connectionString: platform.databases.cases });
    await cases.connect();
    try {
      await cases.query(`UPDATE support_case SET updated_at = now() - interval '14 days' WHERE id = $1`, [
        caseId,
      ]);
    } finally {
      await cases.end();
    }

    // The administrator writes the rule, sees the case among those it would act on now, and adds it.
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${platform.portalOrigin}/admin/automations`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.getByRole('heading', { name: 'Automations', level: 1 }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Resolve quiet pending cases');
    await page.getByLabel(/quiet for this many school days/).fill('5');
    await page
      .getByLabel(/Message to the requester/)
      .fill(
        'We have not heard back in a week of school days, so we are closing this case. Reply to reopen it.',
      );
    await page.getByRole('button', { name: 'Which cases would it act on now?' }).click();
    await page.getByTestId('automation-preview').getByText(submitted.caseNumber).waitFor();
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.getByText('Rule Resolve quiet pending cases was added.').waitFor();
    await saveScreenshot(page, join(SCREENSHOTS, 'admin-automations.png'));
    expect(await accessibilityViolations(page)).toEqual([]);

    // Within a sweep the case is resolved with the message; the family sees both.
    await waitUntil(
      'the rule to resolve the case',
      async () =>
        data(await api('query($id: ID!) { case(id: $id) { status } }', { id: caseId }, { token: adminToken }))
          .case.status === 'RESOLVED',
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    const family = await newPage({ viewport: { width: 390, height: 844 } });
    await family.goto(`${platform.portalOrigin}/track/${submitted.trackingToken}`);
    await family.getByText('We have not heard back in a week of school days').waitFor();
    expect(await family.getByTestId('tracked-status').textContent()).toBe('Resolved');
    const timeline = data(
      await api(
        'query($id: ID!) { case(id: $id) { timeline { kind details } } }',
        { id: caseId },
        { token: adminToken },
      ),
    ).case.timeline;
    expect(
      timeline.some(
        (entry: Json) =>
          entry.kind === 'AUTOMATION_APPLIED' && entry.details.includes('Resolve quiet pending cases'),
      ),
    ).toBe(true);
  });

  it('lets a supervisor review a resolved case against the district standards', async () => {
    // A case an agent of the first school handled and resolved.
    const school = data(await api('{ schools(first: 1) { edges { node { id } } } }')).schools.edges[0].node;
    const agent = data(
      await api(
        'query($school: ID!) { teams(schoolId: $school) { members { person { id } } } }',
        { school: school.id },
        { token: adminToken },
      ),
    ).teams[0].members[0].person;
    const { caseNumber } = data(
      await api('mutation($input: SubmitInquiryInput!) { submitInquiry(input: $input) { caseNumber } }', {
        input: {
          schoolId: school.id,
          message: 'Where do I find the winter concert schedule?',
          anonymous: true,
        },
      }),
    ).submitInquiry;
    const caseId = data(
      await api('query($n: String!) { case(number: $n) { id } }', { n: caseNumber }, { token: adminToken }),
    ).case.id;
    for (const mutation of [
      'mutation($id: ID!, $a: ID) { assignCase(caseId: $id, assigneeId: $a) { id } }',
      'mutation($id: ID!) { replyToCase(caseId: $id, body: "It is on the school calendar, under December.") { id } }',
      'mutation($id: ID!) { setCaseStatus(caseId: $id, status: RESOLVED) { status } }',
    ])
      data(await api(mutation, { id: caseId, a: agent.id }, { token: adminToken }));

    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${platform.portalOrigin}/admin/coaching`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.getByRole('heading', { name: 'Coaching', level: 1 }).waitFor();
    await page.getByLabel('Or a case by its number').fill(caseNumber);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('heading', { name: `Review ${caseNumber}` }).waitFor();
    for (const [standard, score] of [
      ['Greeting', '3'],
      ['Answered the question', '4'],
      ['Tone', '4'],
      ['Timeliness', '2'],
    ] as const)
      await page
        .getByRole('group', { name: standard, exact: true })
        .getByRole('radio', { name: new RegExp(`^${score} ·`) })
        .check();
    await page.getByLabel('Comment for the agent').fill('A clear answer; a first reply sooner next time.');
    await saveScreenshot(page, join(SCREENSHOTS, 'admin-coaching-review.png'));
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save review' }).click();
    await page.getByText(`Review of ${caseNumber} saved: 3.25 of 4.`).waitFor();
    await page.getByTestId('case-review').filter({ hasText: caseNumber }).waitFor();

    // The review is the agent's: it is among theirs, with the standards it was scored on.
    const reviews = data(
      await api(
        'query($a: ID) { caseReviews(agentId: $a) { caseNumber average criteria { id } } }',
        { a: agent.id },
        { token: adminToken },
      ),
    ).caseReviews;
    expect(reviews).toContainEqual({
      caseNumber,
      average: 3.25,
      criteria: [{ id: 'greeting' }, { id: 'answered' }, { id: 'tone' }, { id: 'timeliness' }],
    });
  });

  it('opens every administration screen for an administrator, each accessible, with its data', async () => {
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${platform.portalOrigin}/admin`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: /sign in/i }).click();
    const sections = page.getByRole('navigation', { name: 'Administration' }).getByRole('link');
    await sections.first().waitFor();
    const names = await sections.allTextContents();
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const name of names) {
      await sections.filter({ hasText: name }).click();
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      // Loaded, not failed: no error where the screen's data should be.
      // A screen says it is loading in a status region; the words "Loading…" may also be content (the
      // public pages' words list them for translation).
      const loadingStatus = page.locator('[role="status"], [aria-live]').filter({ hasText: 'Loading' });
      await waitUntil(`the ${name} screen loaded`, async () => (await loadingStatus.count()) === 0, {
        timeoutMs: 15_000,
      });
      expect({ screen: name, alerts: await page.getByRole('alert').allTextContents() }).toEqual({
        screen: name,
        alerts: [],
      });
      const file = name.toLowerCase().replace(/[^a-z]+/g, '-');
      await saveScreenshot(page, join(SCREENSHOTS, `admin-${file}.png`));
      expect({ screen: name, violations: await accessibilityViolations(page) }).toEqual({
        screen: name,
        violations: [],
      });
    }
  });

  it('shows the contact form and the tracking page in each of the district’s seven languages, Arabic right to left, each accessible', async () => {
    const { caseNumber, trackingToken } = data(
      await api(
        'mutation($input: SubmitInquiryInput!) { submitInquiry(input: $input) { caseNumber trackingToken } }',
        {
          input: {
            message: 'Is the bus stop on Elm Street moving next month?',
            language: 'ar',
            anonymous: true,
          },
        },
      ),
    ).submitInquiry;
    const page = await newPage({ viewport: { width: 1024, height: 800 } });
    await page.goto(`${platform.portalOrigin}/contact`);
    for (const language of PUBLIC_LANGUAGES) {
      const words = PUBLIC_TEXT[language];
      // The family's choice in the picker, which the page keeps for the next page they open.
      await page.locator('label.language select').selectOption(language);
      await page.getByRole('heading', { level: 1, name: words.contactTitle }).waitFor();
      const html = page.locator('html');
      expect([await html.getAttribute('lang'), await html.getAttribute('dir')]).toEqual([
        documentLanguageOf(language),
        directionOf(language),
      ]);
      expect({ language, page: 'contact', violations: await accessibilityViolations(page) }).toEqual({
        language,
        page: 'contact',
        violations: [],
      });

      await page.goto(`${platform.portalOrigin}/track/${trackingToken}`);
      await page.getByRole('heading', { level: 1, name: words.trackTitle }).waitFor();
      await page.getByTestId('tracked-number').waitFor();
      expect(await page.getByTestId('tracked-number').textContent()).toBe(caseNumber);
      expect(await page.getByTestId('tracked-status').textContent()).toBe(words.statusNew);
      expect({ language, page: 'track', violations: await accessibilityViolations(page) }).toEqual({
        language,
        page: 'track',
        violations: [],
      });
      if (language === 'ar') {
        // Mirrored: the paragraph the case number starts reads from the right; the number itself stays LTR.
        const main = (await page.locator('main').boundingBox())!;
        const number = (await page.getByTestId('tracked-number').boundingBox())!;
        expect({
          dir: await page.locator('main').getAttribute('dir'),
          numberDir: await page.getByTestId('tracked-number').getAttribute('dir'),
          numberAtRight: main.x + main.width - (number.x + number.width) < number.x - main.x,
        }).toEqual({ dir: 'rtl', numberDir: 'ltr', numberAtRight: true });
        await saveScreenshot(page, join(SCREENSHOTS, 'track-ar.png'));
      }
      await page.goto(`${platform.portalOrigin}/contact`);
    }
  });

  it('has an accessibility check that finds what is missing', async () => {
    const page = await newPage();
    await page.setContent('<html lang="en"><title>t</title><main><input type="text" /></main></html>');
    expect((await accessibilityViolations(page)).join('\n')).toMatch(/^label:/m);
  });

  it('says plainly when a tracking link is unknown', async () => {
    const page = await newPage();
    await page.goto(`${platform.portalOrigin}/track/not-a-real-token`);
    await waitUntil('the message', async () => (await page.getByRole('alert').count()) > 0, {
      timeoutMs: 15_000,
    });
    expect(await page.getByRole('alert').textContent()).toContain('could not find this case');
  });
});
