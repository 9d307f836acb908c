/**
 * A small seeded pseudo-random generator (mulberry32): generated data (the triage starter set, the demo
 * history) and property tests must come out identical on every
 * machine and every run, so that a figure measured once can be measured again. Not for anything secret.
 */
export type Random = () => number;

/** A generator of floats in [0, 1) determined entirely by the 32-bit seed. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: Random, items: readonly T[]): T {
  if (!items.length) throw new Error('Cannot pick from an empty list');
  return items[Math.floor(random() * items.length)]!;
}

/** Fisher–Yates, in place, driven by the seeded generator. */
export function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
