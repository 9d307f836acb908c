import { cpus, totalmem, type as osType, release } from 'node:os';

/** What the figures were measured on; every report names it, since ratios only compare within one run. */
export function describeMachine() {
  const cores = cpus();
  return {
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${osType()} ${release()}`,
    node: process.version,
  };
}
