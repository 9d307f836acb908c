/** One Server-Sent Event, as the HTML standard's event stream parsing gives it. */
export interface ServerSentEvent {
  event: string;
  data: string;
  id?: string;
}

/**
 * Server-Sent Events from a byte stream's decoded text, chunk by chunk (a chunk may end anywhere, even
 * inside a line): the widget reads its stream with fetch, since EventSource cannot send the tracking
 * token in a header. Follows the standard's rules: lines end with CRLF, LF or CR; `:` starts a comment;
 * `data` lines join with LF; an event without data is no event; the default type is `message`.
 */
export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private event = '';
  private id: string | undefined;
  /** The server's `retry:` advice, in ms, when it gave one. */
  retryMs: number | undefined;

  push(chunk: string): ServerSentEvent[] {
    this.buffer += chunk;
    const events: ServerSentEvent[] = [];
    const lineEnd = /\r\n|\r|\n/g;
    let start = 0;
    for (let match = lineEnd.exec(this.buffer); match; match = lineEnd.exec(this.buffer)) {
      // A CR at the very end may be the first half of a CRLF still to come.
      if (match[0] === '\r' && match.index === this.buffer.length - 1) break;
      const dispatched = this.line(this.buffer.slice(start, match.index));
      if (dispatched) events.push(dispatched);
      start = lineEnd.lastIndex;
    }
    this.buffer = this.buffer.slice(start);
    return events;
  }

  private line(line: string): ServerSentEvent | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    else if (field === 'id' && !value.includes('\0')) this.id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
    return undefined;
  }

  private dispatch(): ServerSentEvent | undefined {
    const event: ServerSentEvent | undefined = this.data.length
      ? { event: this.event || 'message', data: this.data.join('\n'), ...(this.id ? { id: this.id } : {}) }
      : undefined;
    this.data = [];
    this.event = '';
    return event;
  }
}
