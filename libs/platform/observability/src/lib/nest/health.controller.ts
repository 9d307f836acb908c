import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import { checkReadiness } from '../health';
import { HealthRegistry } from './health-registry';

/** Kubernetes probes: live while the process serves HTTP; ready only when every dependency answers. */
@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  @Get('live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response) {
    if (this.registry.draining) {
      response.status(503);
      return { status: 'draining' };
    }
    const report = await checkReadiness(this.registry.all());
    response.status(report.ready ? 200 : 503);
    return { status: report.ready ? 'ok' : 'unavailable', checks: report.checks };
  }
}
