import { ChatApiError, ChatClient, type ChatMessage, type ChatOpening } from '@homeroom/cases/chat-client';
import { directionOf, documentLanguageOf } from '@homeroom/shared/public-text';
import { fill, WIDGET_TEXT, widgetLanguage, type WidgetLanguage, type WidgetText } from './widget-text';
import { WIDGET_STYLES } from './widget-styles';

/** What the widget keeps across the district's pages: the chat it is in. */
interface KeptChat {
  token: string;
  caseNumber: string;
  emailGiven: boolean;
}

type Child = Node | string | null | undefined | false;

/** A DOM element with attributes (`on…` ones become listeners) and children; text is always text. */
function el(tag: string, attributes: Record<string, unknown> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function')
      element.addEventListener(name.slice(2), value as EventListener);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

/**
 * `<homeroom-chat>`: the district's web chat, for its own website. A launcher button opens a panel (a
 * non-modal dialog: the page stays usable) that says whether anyone is there (business hours and staff
 * presence), opens a chat with the family's first message, shows the conversation live as a log that
 * screen readers announce, and says when it ends. The chat survives moving between the site's pages (its
 * token is kept in this origin's localStorage, under the gateway's origin). Attributes: `school` (a school
 * id: its calendar and teams), `lang` (one of the seven public languages; else the page's), `gateway` (the API's origin; else the
 * script's).
 */
export class HomeroomChatElement extends HTMLElement {
  /** The gateway's origin of the script that defined the element, when loaded by a script tag. */
  static scriptOrigin: string | undefined;

  private readonly root: ShadowRoot;
  private client!: ChatClient;
  private language: WidgetLanguage = 'en';
  private text: WidgetText = WIDGET_TEXT.en;
  private panel: HTMLElement | undefined;
  private launcher!: HTMLButtonElement;
  private body!: HTMLElement;
  private log: HTMLOListElement | undefined;
  private connection: HTMLElement | undefined;
  private readonly shown = new Set<string>();
  private stopFollowing: (() => void) | undefined;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
  }

  connectedCallback(): void {
    const origin = this.getAttribute('gateway') ?? HomeroomChatElement.scriptOrigin ?? location.origin;
    this.client = new ChatClient(origin.replace(/\/$/, ''));
    this.language = widgetLanguage(this.getAttribute('lang') ?? document.documentElement.lang);
    this.text = WIDGET_TEXT[this.language];
    this.root.replaceChildren(el('style', {}, WIDGET_STYLES));
    this.launcher = el(
      'button',
      {
        type: 'button',
        class: 'launcher',
        'aria-expanded': 'false',
        lang: documentLanguageOf(this.language),
        dir: directionOf(this.language),
        onclick: () => this.open(),
      },
      this.text.launcher,
    ) as HTMLButtonElement;
    this.root.append(this.launcher);
    // A chat the family is in continues on every page of the site.
    if (this.kept()) this.open();
  }

  disconnectedCallback(): void {
    this.stopFollowing?.();
  }

  private get storageKey(): string {
    return `homeroom-chat:${this.getAttribute('gateway') ?? HomeroomChatElement.scriptOrigin ?? ''}`;
  }

  private kept(): KeptChat | undefined {
    try {
      const kept = JSON.parse(localStorage.getItem(this.storageKey) ?? 'null') as KeptChat | null;
      return kept?.token ? kept : undefined;
    } catch {
      return undefined;
    }
  }

  private keep(chat: KeptChat | undefined): void {
    try {
      if (chat) localStorage.setItem(this.storageKey, JSON.stringify(chat));
      else localStorage.removeItem(this.storageKey);
    } catch {
      // Storage refused (private browsing): the chat lasts as long as the page.
    }
  }

  private open(): void {
    if (this.panel) return;
    this.launcher.hidden = true;
    this.launcher.setAttribute('aria-expanded', 'true');
    // Scrolls on its own: reachable by keyboard (tabindex), and named for screen readers.
    this.body = el('div', { class: 'body', tabindex: 0, role: 'region', 'aria-label': this.text.title });
    this.panel = el(
      'section',
      {
        class: 'panel',
        role: 'dialog',
        'aria-labelledby': 'hr-chat-title',
        lang: documentLanguageOf(this.language),
        // Arabic reads right to left: the panel mirrors (its styles use logical properties).
        dir: directionOf(this.language),
        onkeydown: (event: KeyboardEvent) => event.key === 'Escape' && this.close(),
      },
      el(
        'header',
        {},
        el('h2', { id: 'hr-chat-title' }, this.text.title),
        el(
          'button',
          { type: 'button', class: 'icon', 'aria-label': this.text.close, onclick: () => this.close() },
          '×',
        ),
      ),
      this.body,
    );
    this.root.append(this.panel);
    const kept = this.kept();
    if (kept) this.showChat(kept);
    else void this.showIntro();
  }

  private close(): void {
    this.stopFollowing?.();
    this.stopFollowing = undefined;
    this.panel?.remove();
    this.panel = undefined;
    this.log = undefined;
    this.shown.clear();
    this.launcher.hidden = false;
    this.launcher.setAttribute('aria-expanded', 'false');
    this.launcher.focus();
  }

  private async showIntro(): Promise<void> {
    const status = el('p', { class: 'status', role: 'status' }, this.text.checking);
    this.body.replaceChildren(status);
    let opening: ChatOpening | undefined;
    try {
      opening = await this.client.opening(this.getAttribute('school'));
    } catch {
      opening = undefined;
    }
    const live = Boolean(opening?.open && opening.agentsAvailable);
    const notice = !opening || live ? this.text.here : opening.open ? this.text.away : this.text.closed;
    const opensAt =
      opening && !opening.open && opening.opensAt
        ? fill(this.text.opensAt, {
            when: new Intl.DateTimeFormat(this.language, {
              weekday: 'long',
              hour: 'numeric',
              minute: '2-digit',
              timeZone: opening.timeZone,
            }).format(new Date(opening.opensAt)),
          })
        : '';
    const error = el('p', { class: 'error', role: 'alert' });
    const name = el('input', { name: 'name', autocomplete: 'name', maxlength: 200 }) as HTMLInputElement;
    const email = el('input', {
      name: 'email',
      type: 'email',
      autocomplete: 'email',
      maxlength: 320,
      'aria-describedby': 'hr-email-hint',
    }) as HTMLInputElement;
    const message = el('textarea', {
      name: 'message',
      required: true,
      maxlength: 10_000,
    }) as HTMLTextAreaElement;
    const submit = el(
      'button',
      { type: 'submit', class: 'primary' },
      live ? this.text.start : this.text.leaveMessage,
    ) as HTMLButtonElement;
    const form = el(
      'form',
      {
        novalidate: true,
        onsubmit: async (event: Event) => {
          event.preventDefault();
          if (!message.value.trim()) {
            error.textContent = this.text.required;
            message.focus();
            return;
          }
          submit.disabled = true;
          submit.textContent = this.text.starting;
          try {
            const started = await this.client.start({
              message: message.value,
              language: this.language,
              schoolId: this.getAttribute('school'),
              requester: { name: name.value.trim() || null, email: email.value.trim() || null },
            });
            const kept = {
              token: started.trackingToken,
              caseNumber: started.caseNumber,
              emailGiven: Boolean(email.value.trim()),
            };
            this.keep(kept);
            this.showChat(kept, live ? undefined : this.text.waiting);
          } catch (failure) {
            error.textContent =
              failure instanceof ChatApiError && failure.code === 'BAD_USER_INPUT'
                ? failure.message
                : this.text.failed;
            submit.disabled = false;
            submit.textContent = live ? this.text.start : this.text.leaveMessage;
          }
        },
      },
      el('label', {}, this.text.message, message),
      el('label', {}, this.text.name, name),
      el(
        'label',
        {},
        this.text.email,
        email,
        el('span', { class: 'hint', id: 'hr-email-hint' }, this.text.emailHint),
      ),
      error,
      el('div', { class: 'actions' }, submit),
    );
    this.body.replaceChildren(el('p', { class: 'notice' }, notice, opensAt ? ` ${opensAt}` : ''), form);
    message.focus();
  }

  private showChat(chat: KeptChat, note?: string): void {
    // A list of messages inside the log region: the log announces what is added, the list keeps its items.
    this.log = el('ol') as HTMLOListElement;
    this.connection = el('p', { class: 'status', role: 'status' });
    this.body.replaceChildren(
      el('p', { class: 'status' }, fill(this.text.caseNumber, { number: chat.caseNumber })),
      ...(note ? [el('p', { class: 'notice' }, note)] : []),
      el('div', { role: 'log', 'aria-live': 'polite', 'aria-label': this.text.title }, this.log),
      this.connection,
    );
    const reply = el('textarea', {
      name: 'reply',
      'aria-label': this.text.reply,
      placeholder: this.text.reply,
      maxlength: 10_000,
      rows: 2,
    }) as HTMLTextAreaElement;
    const error = el('p', { class: 'error', role: 'alert' });
    const compose = el(
      'form',
      {
        class: 'compose',
        onsubmit: async (event: Event) => {
          event.preventDefault();
          const body = reply.value.trim();
          if (!body) return;
          reply.value = '';
          error.textContent = '';
          try {
            await this.client.send(chat.token, body);
          } catch {
            reply.value = body;
            error.textContent = this.text.failed;
          }
        },
      },
      reply,
      el('button', { type: 'submit', class: 'primary' }, this.text.send),
    ) as HTMLFormElement;
    // Enter sends; Shift+Enter is a new line.
    reply.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey) {
        event.preventDefault();
        compose.requestSubmit();
      }
    });
    const end = el(
      'button',
      {
        type: 'button',
        class: 'secondary',
        onclick: () => void this.client.end(chat.token).catch(() => undefined),
      },
      this.text.endChat,
    );
    this.panel?.append(el('div', { class: 'controls' }, error, end), compose);
    this.stopFollowing = this.client.follow(chat.token, {
      message: (message) => this.add(message),
      connection: (connected) => {
        if (this.connection) this.connection.textContent = connected ? '' : this.text.reconnecting;
      },
      ended: (reason) => this.showEnded(chat, reason),
      gone: () => {
        this.keep(undefined);
        this.close();
      },
    });
    reply.focus();
  }

  private add(message: ChatMessage): void {
    if (!this.log || this.shown.has(message.id)) return;
    this.shown.add(message.id);
    this.log.append(
      el(
        'li',
        { class: message.fromRequester ? 'mine' : 'theirs' },
        el('span', { class: 'who' }, message.fromRequester ? this.text.you : this.text.staff),
        message.body,
      ),
    );
    this.body.scrollTo({ top: this.body.scrollHeight });
  }

  private showEnded(chat: KeptChat, reason: string | null): void {
    this.keep(undefined);
    this.stopFollowing = undefined;
    // The conversation stays on screen; what follows it says how it ended.
    for (const form of this.panel?.querySelectorAll('form.compose, .controls') ?? []) form.remove();
    this.body.append(
      el(
        'div',
        { class: 'notice', role: 'status' },
        el('p', {}, reason === 'IDLE' ? this.text.endedIdle : this.text.ended),
        chat.emailGiven ? el('p', {}, this.text.transcript) : null,
        el(
          'button',
          { type: 'button', class: 'secondary', onclick: () => void this.showIntro() },
          this.text.newChat,
        ),
      ),
    );
  }
}
