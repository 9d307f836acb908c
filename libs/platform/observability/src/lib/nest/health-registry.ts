import { Injectable } from '@nestjs/common';
import type { ReadinessCheck } from '../health';

/** Modules that own a dependency (database, Kafka) register its readiness check here at start-up. */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();

  register(check: ReadinessCheck): void {
    this.checks.set(check.name, check);
  }

  all(): ReadinessCheck[] {
    return [...this.checks.values()];
  }
}
