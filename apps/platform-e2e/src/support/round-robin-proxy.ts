import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A load balancer in front of an app's replicas, as a Kubernetes Service is in front of its pods. */
export interface RoundRobinProxy {
  origin: string;
  /** Another replica in the rotation, from the next request on. */
  add(target: string): void;
  close(): Promise<void>;
}

/**
 * An HTTP proxy that sends each request to the next target in turn, streaming both ways (server-sent
 * events included), for the harness that runs an app in several replicas on one machine. A target that
 * refuses answers 502, as a load balancer whose backend went away does.
 */
export async function startRoundRobinProxy(targets: readonly string[]): Promise<RoundRobinProxy> {
  const rotation = targets.map((target) => new URL(target));
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;
  const server = createServer((incoming, outgoing) => {
    const target = rotation[next++ % rotation.length]!;
    const upstream = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    upstream.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(upstream);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    add: (target) => rotation.push(new URL(target)),
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
