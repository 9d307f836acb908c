/** How an SLA timer reads at a glance: what to say, and how urgent it looks. */
export interface SlaReading {
  text: string;
  tone: 'ok' | 'amber' | 'red' | 'quiet';
}

/** Amber in the last quarter of the target, or the last hour, whichever comes first. */
const AMBER_SHARE = 0.25;
const AMBER_MINUTES = 60;

export function readSlaTimer(
  timer: { status: string; dueAt: string | null; target: number } | null | undefined,
  now: number,
): SlaReading {
  if (!timer) return { text: 'No target', tone: 'quiet' };
  if (timer.status === 'MET') return { text: 'Met', tone: 'ok' };
  if (timer.status === 'PAUSED') return { text: 'Paused', tone: 'quiet' };
  if (timer.status === 'BREACHED' || (timer.dueAt && Date.parse(timer.dueAt) <= now))
    return {
      text: timer.dueAt ? `Overdue by ${duration(now - Date.parse(timer.dueAt))}` : 'Breached',
      tone: 'red',
    };
  if (!timer.dueAt) return { text: 'Running', tone: 'quiet' };
  const left = Date.parse(timer.dueAt) - now;
  const amber = left <= Math.max(timer.target * AMBER_SHARE, Math.min(AMBER_MINUTES, timer.target)) * 60_000;
  return { text: `${duration(left)} left`, tone: amber ? 'amber' : 'ok' };
}

function duration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1_440);
  const hours = Math.floor((minutes % 1_440) / 60);
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${minutes % 60}m`;
  return `${minutes}m`;
}
