import { SseParser } from './sse-parser';

/** A message of the chat, as the stream sends it. */
export interface ChatMessage {
  id: string;
  body: string;
  fromRequester: boolean;
  at: string;
}

export interface ChatOpening {
  /** Within the district's business hours. */
  open: boolean;
  /** When closed: the next opening, ISO 8601. */
  opensAt: string | null;
  timeZone: string;
  /** A member of staff is there to answer. */
  agentsAvailable: boolean;
}

export interface StartChatInput {
  message: string;
  language: string;
  schoolId?: string | null;
  requester?: { name?: string | null; email?: string | null } | null;
}

/** A refusal from the API: its stable code (extensions.code) and reason, for the widget's words. */
export class ChatApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly reason?: string,
  ) {
    super(message);
  }
}

export interface StreamHandlers {
  message(message: ChatMessage): void;
  ended(reason: string | null): void;
  /** Whether the stream is connected now (the widget says "reconnecting…" while not). */
  connection(connected: boolean): void;
  /** The chat is gone (an unknown token): the widget forgets it. */
  gone(): void;
}

/**
 * The widget's side of the API, on the gateway's origin: public GraphQL operations (no sign-in; the
 * tracking token is the family's key) and the chat's live stream at /chat/events.
 */
export class ChatClient {
  constructor(
    private readonly origin: string,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  async opening(schoolId: string | null): Promise<ChatOpening> {
    const data = await this.graphql<{
      businessHoursNow: { open: boolean; opensAt: string | null; timeZone: string };
      chatAvailability: { agentsAvailable: boolean };
    }>(
      'query ChatOpening($schoolId: ID) { businessHoursNow(schoolId: $schoolId) { open opensAt timeZone } chatAvailability(schoolId: $schoolId) { agentsAvailable } }',
      { schoolId },
    );
    return { ...data.businessHoursNow, agentsAvailable: data.chatAvailability.agentsAvailable };
  }

  async start(input: StartChatInput): Promise<{ caseNumber: string; trackingToken: string }> {
    const data = await this.graphql<{ startChat: { caseNumber: string; trackingToken: string } }>(
      'mutation StartChat($input: SubmitInquiryInput!) { startChat(input: $input) { caseNumber trackingToken } }',
      { input },
    );
    return data.startChat;
  }

  async send(token: string, body: string): Promise<void> {
    await this.graphql(
      'mutation ChatSend($token: String!, $body: String!) { replyAsRequester(token: $token, body: $body) { number } }',
      { token, body },
    );
  }

  async end(token: string): Promise<void> {
    await this.graphql('mutation EndChat($token: String!) { endChat(token: $token) }', { token });
  }

  /**
   * Follows the chat until stopped or ended: every message (again after a reconnection; the caller drops
   * the ones it shows), reconnecting after the server's `retry` advice, longer while it keeps failing.
   * Returns the function that stops it.
   */
  follow(token: string, handlers: StreamHandlers): () => void {
    const controller = new AbortController();
    let failures = 0;
    const connect = async (): Promise<void> => {
      const parser = new SseParser();
      let ended = false;
      try {
        const response = await this.fetchImpl(`${this.origin}/chat/events`, {
          headers: { Authorization: `Tracking ${token}`, Accept: 'text/event-stream' },
          signal: controller.signal,
          cache: 'no-store',
        });
        if (response.status === 404 || response.status === 401) {
          handlers.gone();
          return;
        }
        if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
        handlers.connection(true);
        failures = 0;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          for (const event of parser.push(value)) {
            if (event.event === 'message') handlers.message(JSON.parse(event.data) as ChatMessage);
            if (event.event === 'ended') {
              ended = true;
              handlers.ended((JSON.parse(event.data) as { reason: string | null }).reason);
            }
          }
        }
      } catch {
        if (controller.signal.aborted) return;
        failures += 1;
      }
      if (ended || controller.signal.aborted) return;
      handlers.connection(false);
      const wait = Math.min((parser.retryMs ?? 3000) * 2 ** Math.min(failures, 4), 60_000);
      setTimeout(() => void connect(), wait);
    };
    void connect();
    return () => controller.abort();
  }

  private async graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.origin}/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
    } catch {
      throw new ChatApiError('The chat could not be reached', 'NETWORK');
    }
    const payload = (await response.json().catch(() => ({}))) as {
      data?: T;
      errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
    };
    const [error] = payload.errors ?? [];
    if (error || !payload.data)
      throw new ChatApiError(
        error?.message ?? `The chat answered ${response.status}`,
        error?.extensions?.code ?? 'UNAVAILABLE',
        error?.extensions?.reason,
      );
    return payload.data;
  }
}
