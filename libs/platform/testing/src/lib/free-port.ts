import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** The lowest port tests pick from: above the well-known and registered services most machines run. */
const LOWEST = 10_000;

/**
 * Where the OS takes the local ports of outbound connections (Linux's ip_local_port_range), or null where
 * it cannot be read. A port the OS picked for a listener comes from that range too, so between closing it
 * and the test listening on it, any outbound connection (a Kafka client, an npm download) may take it.
 */
function ephemeralRangeStart(): number | null {
  try {
    const [start] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/);
    const port = Number(start);
    return Number.isInteger(port) && port > LOWEST + 1_000 ? port : null;
  } catch {
    return null;
  }
}

/** Listens on `port` (0: any) on loopback and closes again; resolves the port, or null when it was taken. */
function tryListen(port: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EADDRINUSE' || error.code === 'EACCES' ? resolve(null) : reject(error),
    );
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : null));
    });
  });
}

/**
 * A TCP port nothing listens on right now, for a test's server to listen on. Picked at random below the
 * ephemeral range, so that no outbound connection can take it before the server binds it.
 */
export async function freePort(): Promise<number> {
  const ephemeral = ephemeralRangeStart();
  if (ephemeral !== null) {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const port = await tryListen(LOWEST + Math.floor(Math.random() * (ephemeral - LOWEST)));
      if (port !== null) return port;
    }
  }
  const port = await tryListen(0);
  if (port === null) throw new Error('no free port');
  return port;
}
