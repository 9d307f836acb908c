import { Injectable } from '@nestjs/common';
import type { ReadinessCheck } from '../health';

/** Modules that own a dependency (database, Kafka) register its readiness check here at start-up. */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();
  private drainingSince: Date | undefined;

  /** From now on readiness fails, so load balancers stop sending requests; the app still serves them. */
  drain(): void {
    this.drainingSince ??= new Date();
  }

  get draining(): boolean {
    return this.drainingSince !== undefined;
  }

  register(check: ReadinessCheck): void {
    this.checks.set(check.name, check);
  }

  all(): ReadinessCheck[] {
    return [...this.checks.values()];
  }
}
