import { connect } from 'node:net';

export interface RawRequest {
  method?: string;
  /** The request target as sent, byte for byte: malformed percent-encoding, raw NUL or non-UTF-8 bytes. */
  target: string | Buffer;
  /** Header lines as sent (`Name: value`), byte for byte. */
  headers?: (string | Buffer)[];
  body?: string | Buffer;
}

/**
 * One HTTP/1.1 request written to the socket exactly as given, for what `fetch` would refuse to send or
 * quietly repair (broken targets, oversized or NUL-bearing headers, bodies in the wrong encoding).
 * Resolves with the answer's status, or 0 when the server closed the connection without answering; rejects
 * when nothing came back in time.
 */
export function sendRaw(origin: string, request: RawRequest, timeoutMs = 10_000): Promise<number> {
  const { hostname, port } = new URL(origin);
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  const head = Buffer.concat([
    Buffer.from(`${request.method ?? 'GET'} `, 'latin1'),
    Buffer.from(request.target as string),
    Buffer.from(` HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n`, 'latin1'),
    ...(request.headers ?? []).map((line) =>
      Buffer.concat([Buffer.from(line as string), Buffer.from('\r\n')]),
    ),
    Buffer.from(body ? `Content-Length: ${body.length}\r\n\r\n` : '\r\n', 'latin1'),
  ]);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer in ${timeoutMs} ms`));
    }, timeoutMs);
    const finish = (status: number) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(status);
    };
    socket.on('connect', () => socket.write(body ? Buffer.concat([head, body]) : head));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      const statusLine = /^HTTP\/1\.[01] (\d{3})/.exec(received);
      if (statusLine) finish(Number(statusLine[1]));
    });
    // A server may answer and reset before reading all we sent (an oversized header): what came is enough.
    socket.on('error', () => finish(0));
    socket.on('close', () => finish(0));
  });
}
