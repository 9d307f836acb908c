import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { Counter, Gauge, type Registry } from 'prom-client';

/**
 * The gateway's query-plan cache: plans by operation, least recently used out first once the plans'
 * serialized size passes the budget (`QUERY_PLAN_CACHE_MIB`). Planning an operation the first time costs
 * milliseconds (the inbox query: tools/bench, `gateway`); a hit costs a map lookup. Hits, misses and the
 * size in use are exported, so the budget can be sized from production traffic.
 */
export class MeasuredQueryPlanCache<QueryPlan> {
  private readonly plans: InMemoryLRUCache<QueryPlan>;
  private readonly lookups: Counter<'result'>;

  constructor(maxMiB: number, registry: Registry) {
    this.plans = new InMemoryLRUCache<QueryPlan>({
      maxSize: Math.round(maxMiB * 2 ** 20),
      sizeCalculation: InMemoryLRUCache.sizeCalculation,
    });
    this.lookups = new Counter({
      name: 'gateway_query_plan_cache_lookups_total',
      help: 'Query-plan cache lookups, by result (hit or miss)',
      labelNames: ['result'] as const,
      registers: [registry],
    });
    const plans = this.plans;
    new Gauge({
      name: 'gateway_query_plan_cache_entries',
      help: 'Query plans held in the cache',
      registers: [registry],
      collect() {
        this.set(plans.keys().length);
      },
    });
  }

  async get(key: string): Promise<QueryPlan | undefined> {
    const plan = await this.plans.get(key);
    this.lookups.inc({ result: plan ? 'hit' : 'miss' });
    return plan;
  }

  set(key: string, plan: QueryPlan): Promise<void> {
    return this.plans.set(key, plan);
  }

  delete(key: string): Promise<boolean> {
    return this.plans.delete(key);
  }

  clear(): void {
    this.plans.clear();
  }
}
