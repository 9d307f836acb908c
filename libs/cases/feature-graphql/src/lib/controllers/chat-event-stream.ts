import type { Response } from 'express';
import type { ChatState, ChatSubscriber } from '@homeroom/cases/data-access';

/** What the widget reads of one message. */
export interface ChatStreamMessage {
  id: string;
  body: string;
  fromRequester: boolean;
  at: string;
}

/**
 * One family's open stream of their chat, as Server-Sent Events: `message` for each message of the
 * conversation not yet sent on this stream (all of them when it opens: the widget drops the ones it shows
 * already, by id), `ended` once the chat ends (then the stream closes), and a comment line every
 * `keepAliveMs` so that proxies keep a quiet stream open.
 */
export class ChatEventStream implements ChatSubscriber {
  private readonly sent = new Set<string>();
  private keepAlive: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly response: Response,
    private readonly keepAliveMs: number,
    private readonly onEnded: () => void,
    /** A reply's tracking link filled with the family's own (the one this stream was opened by). */
    private readonly fillLink: (text: string) => string = (text) => text,
  ) {}

  /** Starts the stream: its headers, then events as they come. */
  open(): void {
    const response = this.response;
    response.status(200);
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.setHeader('Cache-Control', 'no-store');
    // Buffering proxies (nginx ingress) pass each event on as it comes.
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();
    // The browser's reconnection delay, should the connection drop.
    response.write('retry: 3000\n\n');
    this.keepAlive = setInterval(() => this.write(': keep-alive\n\n'), this.keepAliveMs);
    this.keepAlive.unref();
  }

  update({ messages, session }: ChatState): void {
    if (this.closed) return;
    for (const message of messages) {
      if (this.sent.has(message.id)) continue;
      this.sent.add(message.id);
      const event: ChatStreamMessage = {
        id: message.id,
        body: this.fillLink(message.body),
        fromRequester: message.direction === 'INBOUND',
        at: message.createdAt.toISOString(),
      };
      this.write(`id: ${message.id}\nevent: message\ndata: ${JSON.stringify(event)}\n\n`);
    }
    if (session.endedAt) {
      this.write(`event: ended\ndata: ${JSON.stringify({ reason: session.endReason })}\n\n`);
      this.close();
      this.onEnded();
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.keepAlive);
    this.response.end();
  }

  private write(chunk: string): void {
    if (!this.closed) this.response.write(chunk);
  }
}
