/**
 * @jest-environment jsdom
 */
import { HomeroomChatElement } from './chat-widget.element';

/** What the API answers the widget, by operation name: the GraphQL wire format, errors included. */
type Answers = Record<string, { data?: unknown; errors?: unknown[] }>;

describe('<homeroom-chat>', () => {
  let requests: { url: string; body: { query: string; variables: Record<string, unknown> } }[];

  beforeAll(() => {
    if (!customElements.get('homeroom-chat')) customElements.define('homeroom-chat', HomeroomChatElement);
  });

  const mount = (answers: Answers, attributes: Record<string, string> = {}) => {
    requests = [];
    globalThis.fetch = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body ?? '{}'));
      requests.push({ url: String(url), body });
      const name = /(?:query|mutation) (\w+)/.exec(body.query ?? '')?.[1] ?? '';
      // jsdom has no Response: what the widget reads of one, as fetch gives it.
      const answer = answers[name] ?? { errors: [{ message: 'unexpected' }] };
      return { ok: true, status: 200, json: async () => answer } as Response;
    }) as typeof fetch;
    localStorage.clear();
    const element = document.createElement('homeroom-chat');
    element.setAttribute('gateway', 'https://homeroom.example.org');
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    document.body.replaceChildren(element);
    return element.shadowRoot!;
  };
  const open = (
    hours: { open: boolean; opensAt: string | null; timeZone: string } = {
      open: true,
      opensAt: null,
      timeZone: 'America/Chicago',
    },
    agentsAvailable = true,
  ) =>
    mount(
      {
        ChatOpening: { data: { businessHoursNow: hours, chatAvailability: { agentsAvailable } } },
        StartChat: {
          errors: [
            { message: 'The message is empty', extensions: { code: 'BAD_USER_INPUT', reason: 'EMPTY' } },
          ],
        },
      },
      { lang: 'es-MX', school: 'a3c1e6f0-0000-4000-8000-000000000001' },
    );
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('opens a named dialog from its launcher, and says in the page’s language that staff are there', async () => {
    const root = open();
    const launcher = root.querySelector<HTMLButtonElement>('button.launcher')!;
    expect(launcher.textContent).toBe('Chatee con nosotros');
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
    launcher.click();
    await settle();
    const dialog = root.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('lang')).toBe('es');
    expect(root.getElementById('hr-chat-title')!.textContent).toBe('Chatee con su distrito');
    expect(dialog.textContent).toContain('Estamos aquí.');
    expect(root.querySelector('button[type="submit"]')!.textContent).toBe('Iniciar chat');
    // It asked about the school's hours and staff, on the gateway's origin.
    expect(requests[0]).toMatchObject({
      url: 'https://homeroom.example.org/graphql',
      body: { variables: { schoolId: 'a3c1e6f0-0000-4000-8000-000000000001' } },
    });
  });

  it('says when the district is closed, and when it opens again, and takes a message instead', async () => {
    const root = open({ open: false, opensAt: '2026-12-08T14:00:00Z', timeZone: 'America/Chicago' }, false);
    root.querySelector<HTMLButtonElement>('button.launcher')!.click();
    await settle();
    const notice = root.querySelector('.notice')!.textContent!;
    expect(notice).toContain('Ahora estamos cerrados.');
    expect(notice).toMatch(/Volvemos a abrir martes,? 8:00/);
    expect(root.querySelector('button[type="submit"]')!.textContent).toBe('Enviar mensaje');
  });

  it('asks for a message before starting, and shows what the API refused in words', async () => {
    const root = open();
    root.querySelector<HTMLButtonElement>('button.launcher')!.click();
    await settle();
    const form = root.querySelector('form')!;
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('Por favor, escriba su mensaje.');
    expect(requests).toHaveLength(1);

    root.querySelector('textarea')!.value = 'Hola';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    await settle();
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('The message is empty');
    expect(root.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled).toBe(false);
  });

  it('speaks Arabic right to left, and Chinese marked as Simplified', async () => {
    const opening = {
      data: {
        businessHoursNow: { open: true, opensAt: null, timeZone: 'UTC' },
        chatAvailability: { agentsAvailable: true },
      },
    };
    let root = mount({ ChatOpening: opening }, { lang: 'ar' });
    let launcher = root.querySelector<HTMLButtonElement>('button.launcher')!;
    expect([launcher.textContent, launcher.dir, launcher.lang]).toEqual(['تحدّث معنا', 'rtl', 'ar']);
    launcher.click();
    await settle();
    expect(root.querySelector<HTMLElement>('[role="dialog"]')!.dir).toBe('rtl');

    root = mount({ ChatOpening: opening }, { lang: 'zh-CN' });
    launcher = root.querySelector<HTMLButtonElement>('button.launcher')!;
    expect([launcher.textContent, launcher.dir, launcher.lang]).toEqual(['在线聊天', 'ltr', 'zh-Hans']);
  });

  it('closes on Escape and gives focus back to its launcher', async () => {
    const root = open();
    const launcher = root.querySelector<HTMLButtonElement>('button.launcher')!;
    launcher.click();
    await settle();
    root
      .querySelector('[role="dialog"]')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(root.querySelector('[role="dialog"]')).toBeNull();
    expect(launcher.hidden).toBe(false);
    expect(root.activeElement).toBe(launcher);
  });
});
