import type { ReadinessCheck } from '@homeroom/platform/observability';

/** One check per subgraph: its liveness endpoint answers (the gateway cannot serve what it cannot reach). */
export function subgraphReadinessChecks(subgraphUrls: Readonly<Record<string, string>>): ReadinessCheck[] {
  return Object.entries(subgraphUrls).map(([name, url]) => ({
    name,
    async check() {
      const response = await fetch(new URL('/health/live', url), { signal: AbortSignal.timeout(2_000) });
      if (!response.ok) throw new Error(`${name} answered ${response.status}`);
    },
  }));
}
