import { Controller, Get, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { INestApplication } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { ObservabilityModule } from './observability.module';
import { shutDownGracefully } from './graceful-shutdown';

@Controller('work')
class SlowController {
  @Get()
  async work(): Promise<{ done: true }> {
    await sleep(400);
    return { done: true };
  }
}

@Module({
  imports: [ObservabilityModule.forRoot({ service: 'shutdown-test', logLevel: 'silent' })],
  controllers: [SlowController],
})
class SlowModule {}

/** A service's SIGTERM on real HTTP: readiness fails at once, it serves through the delay, then closes cleanly. */
describe('graceful shutdown', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [SlowModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${((app.getHttpServer() as Server).address() as AddressInfo).port}`;
  });

  it('fails readiness, serves old and new requests for the delay, then finishes them and closes', async () => {
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    const exits: number[] = [];
    const stop = shutDownGracefully(app, { delayMs: 500, exit: (code) => exits.push(code), signals: [] });

    const inFlight = fetch(`${base}/work`);
    await sleep(20);
    const stopping = stop();
    const readiness = await fetch(`${base}/health/ready`);
    expect({ status: readiness.status, body: await readiness.json() }).toEqual({
      status: 503,
      body: { status: 'draining' },
    });
    // Sent during the delay, as a load balancer that has not yet seen the failed readiness would.
    const late = fetch(`${base}/work`);
    // Sent just before the server closes: still being worked on while it closes, and answered.
    await sleep(400);
    const last = fetch(`${base}/work`);

    await stopping;
    expect((await inFlight).status).toBe(200);
    expect((await late).status).toBe(200);
    expect((await last).status).toBe(200);
    expect(exits).toEqual([0]);
    await expect(fetch(`${base}/health/live`)).rejects.toThrow();
  });
});
