import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startRoundRobinProxy, type RoundRobinProxy } from './round-robin-proxy';

/** A backend that answers with its name, the path and the body it was sent. */
async function backend(name: string): Promise<{ origin: string; server: Server }> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json', 'x-backend': name });
      response.end(JSON.stringify({ name, path: request.url, body, method: request.method }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('startRoundRobinProxy', () => {
  const servers: Server[] = [];
  let proxy: RoundRobinProxy | undefined;

  afterEach(async () => {
    await proxy?.close();
    for (const server of servers.splice(0)) server.close();
  });

  it('sends each request to the next replica in turn, with its path, method, headers and body', async () => {
    const [a, b] = [await backend('a'), await backend('b')];
    servers.push(a.server, b.server);
    proxy = await startRoundRobinProxy([a.origin]);
    const call = async () => {
      const response = await fetch(`${proxy!.origin}/graphql?x=1`, { method: 'POST', body: '{"q":1}' });
      return (await response.json()) as { name: string; path: string; body: string; method: string };
    };
    expect(await call()).toEqual({ name: 'a', path: '/graphql?x=1', body: '{"q":1}', method: 'POST' });
    expect((await call()).name).toBe('a');
    proxy.add(b.origin);
    const names = [(await call()).name, (await call()).name, (await call()).name, (await call()).name];
    expect(names.sort()).toEqual(['a', 'a', 'b', 'b']);
  });

  it('answers 502 for a replica that refuses', async () => {
    const gone = await backend('gone');
    await new Promise<void>((resolve) => gone.server.close(() => resolve()));
    proxy = await startRoundRobinProxy([gone.origin]);
    expect((await fetch(`${proxy.origin}/health/ready`)).status).toBe(502);
  });
});
