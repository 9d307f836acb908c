/**
 * A benchmark phase's CPU profile, on request (`BENCH_PROFILE=1 npm run bench -- <name>`): V8's sampling
 * profiler through `node:inspector` around that phase only (in the benchmark's process), or a child
 * process's whole profile cut to the phase's moments (a service's deployable), written to
 * `tmp/profiles/<phase>.cpuprofile` (Chrome DevTools, speedscope) and `<phase>.folded` (collapsed stacks for
 * flamegraph.pl), and summed up as a report: where the process's own time went, by package and by function.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { workspaceRoot } from '@homeroom/platform/local-stack';
import type { BenchmarkReport, BenchmarkRow } from './report';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  /** Microseconds of the monotonic clock (process.hrtime's), as `timeDeltas` add up from it. */
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export const profilingRequested = (): boolean => Boolean(process.env['BENCH_PROFILE']);

const profileDir = () => join(workspaceRoot(), 'tmp', 'profiles');

function save(name: string, profile: CpuProfile): void {
  mkdirSync(profileDir(), { recursive: true });
  writeFileSync(join(profileDir(), `${name}.cpuprofile`), JSON.stringify(profile));
  writeFileSync(join(profileDir(), `${name}.folded`), foldedStacks(profile));
}

/** Now, in microseconds of the clock V8's profiles are timed by: what a phase's moments are marked with. */
export const monotonicMicros = (): number => Number(process.hrtime.bigint() / 1000n);

/**
 * Node options for a child process (a service's deployable) that make it write its whole CPU profile when
 * it ends, when profiling is requested; none otherwise.
 */
export function childProfileArgs(name: string): string[] {
  return profilingRequested()
    ? ['--cpu-prof', `--cpu-prof-dir=${profileDir()}`, `--cpu-prof-name=${name}.whole.cpuprofile`]
    : [];
}

/**
 * The profile a child wrote (childProfileArgs) once it has ended, cut to the samples taken between `from`
 * and `to` (monotonicMicros) and saved as `<name>.cpuprofile` and `.folded`; undefined when none was made.
 */
export function childProfile(name: string, from: number, to: number): CpuProfile | undefined {
  const file = join(profileDir(), `${name}.whole.cpuprofile`);
  if (!profilingRequested() || !existsSync(file)) return undefined;
  const phase = profileBetween(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, from, to);
  save(name, phase);
  return phase;
}

/** The samples of a profile taken from `from` to `to` (microseconds of its clock), each with its time. */
export function profileBetween(whole: CpuProfile, from: number, to: number): CpuProfile {
  const samples: number[] = [];
  const timeDeltas: number[] = [];
  let at = whole.startTime;
  whole.samples.forEach((id, index) => {
    const delta = whole.timeDeltas[index] ?? 0;
    at += delta;
    if (at < from || at > to) return;
    samples.push(id);
    timeDeltas.push(delta);
  });
  return { ...whole, startTime: from, samples, timeDeltas };
}

/** Runs `phase` under the profiler when profiling is requested; returns its result and the profile. */
export async function profiledPhase<T>(
  name: string,
  phase: () => Promise<T>,
): Promise<{ result: T; profile?: CpuProfile }> {
  if (!profilingRequested()) return { result: await phase() };
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  try {
    const result = await phase();
    const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
    save(name, profile);
    return { result, profile };
  } finally {
    session.disconnect();
  }
}

/** Who a frame belongs to: an npm package, a workspace project, Node itself, or V8's own states. */
export function areaOf(frame: CallFrame): string {
  if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  if (frame.url.startsWith('node:')) return 'Node.js';
  // The innermost node_modules: a package nested under another is its own owner.
  const packagePath = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(frame.url);
  if (packagePath) return packagePath[1] ?? '(unknown)';
  const workspacePath = /\/(libs\/[^/]+\/[^/]+|apps\/[^/]+|tools\/[^/]+)\//.exec(frame.url);
  return workspacePath?.[1] ?? frame.url;
}

const frameLabel = (frame: CallFrame): string =>
  `${frame.functionName || '(anonymous)'} [${areaOf(frame)}${frame.url ? `:${frame.lineNumber + 1}` : ''}]`;

/** The profiler's own calls (`node:inspector`) and everything under them: not the phase's work. */
function profilerNodes(profile: CpuProfile): Set<number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const excluded = new Set<number>();
  const exclude = (id: number) => {
    excluded.add(id);
    for (const child of byId.get(id)?.children ?? []) exclude(child);
  };
  for (const node of profile.nodes) if (node.callFrame.url === 'node:inspector') exclude(node.id);
  return excluded;
}

/** Self time in milliseconds per profile node, the profiler's own calls left out. */
function selfTimes(profile: CpuProfile): Map<number, number> {
  const excluded = profilerNodes(profile);
  const times = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    if (excluded.has(id)) return;
    times.set(id, (times.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  return times;
}

/** Collapsed stacks, root first, one line per distinct stack with its sample count (the profiler's left out). */
export function foldedStacks(profile: CpuProfile): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const excluded = profilerNodes(profile);
  const counts = new Map<number, number>();
  for (const id of profile.samples) if (!excluded.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  const lines: string[] = [];
  for (const [id, count] of counts) {
    const stack: string[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const node = byId.get(at);
      if (node && node.callFrame.functionName !== '(root)') stack.unshift(frameLabel(node.callFrame));
    }
    lines.push(`${stack.join(';').replaceAll(' ', '_')} ${count}`);
  }
  return `${lines.sort().join('\n')}\n`;
}

/** Phase `phase`'s profile as the report `<phase>-profile`: self time by area, then by function. */
export function profileReport(
  phase: string,
  description: string,
  command: string,
  profile: CpuProfile,
  operations: number,
  topFunctions = 15,
): BenchmarkReport {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const times = selfTimes(profile);
  const total = [...times.values()].reduce((sum, ms) => sum + ms, 0);
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, ms] of times) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    byArea.set(areaOf(frame), (byArea.get(areaOf(frame)) ?? 0) + ms);
    byFunction.set(frameLabel(frame), (byFunction.get(frameLabel(frame)) ?? 0) + ms);
  }
  const row = (variant: string, ms: number): BenchmarkRow => ({
    variant,
    'self ms': Math.round(ms),
    'share %': Number(((100 * ms) / total).toFixed(1)),
    'µs per operation': Math.round((1000 * ms) / operations),
  });
  const largest = (entries: Map<string, number>, count: number) =>
    [...entries].sort((a, b) => b[1] - a[1]).slice(0, count);
  const idle = byArea.get('(idle)') ?? 0;
  return {
    name: `${phase}-profile`,
    description,
    command,
    rows: [
      ...largest(byArea, 20).map(([area, ms]) => row(`area: ${area}`, ms)),
      ...largest(byFunction, topFunctions).map(([label, ms]) => row(`function: ${label}`, ms)),
    ],
    ratios: { 'busy share of the phase (not idle)': (total - idle) / total },
    notes: [
      `${operations} operations in ${Math.round(total)} ms of samples (every 200 µs); "(idle)" is the process waiting (for PostgreSQL, Kafka, the client), "(program)" V8's native work outside JavaScript, "(garbage collector)" V8's collector.`,
      `The whole profile: tmp/profiles/${phase}.cpuprofile (Chrome DevTools, speedscope) and tmp/profiles/${phase}.folded (flamegraph.pl).`,
    ],
  };
}
