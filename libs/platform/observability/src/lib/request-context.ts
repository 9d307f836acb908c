import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { childTraceContext, type TraceContext } from './trace-context';

/** What follows one unit of work (an HTTP request, a consumed event) through every async call. */
export interface RequestContext {
  correlationId: string;
  /** The event or request that caused this work, when there is one. */
  causationId?: string;
  trace: TraceContext;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

export function newContext(parts: Partial<RequestContext> = {}): RequestContext {
  return {
    correlationId: parts.correlationId ?? randomUUID(),
    ...(parts.causationId === undefined ? {} : { causationId: parts.causationId }),
    trace: parts.trace ?? childTraceContext(),
  };
}
