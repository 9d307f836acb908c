import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received, as a test reads it. */
export interface ChatCompletionsRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the request body is checked field by field
  body: any;
}

/** How the fake answers: a completion, or one of the failures a real endpoint shows. */
export type ChatCompletionsMode = 'ok' | 'error' | 'slow' | 'garbage' | 'empty';

export interface FakeChatCompletions {
  /** The base URL to configure (`…/v1/`), as for an OpenAI-compatible endpoint. */
  url: string;
  /** Requests received, oldest first. */
  seen: ChatCompletionsRequest[];
  setMode(mode: ChatCompletionsMode): void;
  close(): Promise<void>;
}

/**
 * A stand-in for an OpenAI-compatible chat-completions endpoint on loopback, for tests of the writing
 * assistant: records each request and answers `POST /v1/chat/completions` with `answer(request)` as the
 * assistant's message, or fails as told (HTTP 500, silence for `slowMs`, a body that is not JSON, JSON
 * without a completion).
 */
export async function startFakeChatCompletions(options: {
  answer: (request: ChatCompletionsRequest) => string;
  slowMs?: number;
}): Promise<FakeChatCompletions> {
  const seen: ChatCompletionsRequest[] = [];
  let mode: ChatCompletionsMode = 'ok';
  const server = createServer(async (request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const received: ChatCompletionsRequest = {
      method: request.method ?? '',
      path: request.url ?? '',
      authorization: request.headers.authorization,
      body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'),
    };
    seen.push(received);
    if (mode === 'error') {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: 'model overloaded; prompt was: …' } }));
      return;
    }
    if (mode === 'slow') await new Promise((resolve) => setTimeout(resolve, options.slowMs ?? 30_000));
    response.writeHead(200, { 'content-type': 'application/json' });
    if (mode === 'garbage') return void response.end('<html>gateway</html>');
    if (mode === 'empty') return void response.end(JSON.stringify({ choices: [] }));
    response.end(
      JSON.stringify({
        id: `chatcmpl-${seen.length}`,
        object: 'chat.completion',
        choices: [
          {
            index: 0,
            finish_reason: 'stop',
            message: { role: 'assistant', content: options.answer(received) },
          },
        ],
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/`,
    seen,
    setMode: (next) => {
      mode = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
