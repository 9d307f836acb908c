import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const CONTAINERFILE = join(__dirname, '..', '..', 'docker', 'images', 'service.Containerfile');

/** The NODE_OPTIONS the service images set (the last `NODE_OPTIONS="…"` of an ENV instruction). */
function imageNodeOptions(): string[] {
  const matches = [...readFileSync(CONTAINERFILE, 'utf8').matchAll(/^\s*NODE_OPTIONS="([^"]*)"/gm)];
  const options = matches.at(-1)?.[1];
  if (options === undefined) throw new Error(`no NODE_OPTIONS="…" in ${CONTAINERFILE}`);
  return options.split(/\s+/).filter(Boolean);
}

describe('the service images', () => {
  it('do not turn on --enable-source-maps (24 MiB of the cases service idle memory; see the Containerfile)', () => {
    expect(imageNodeOptions()).not.toContain('--enable-source-maps');
  });

  it('keep the warning that negative timers raise off', () => {
    expect(imageNodeOptions()).toContain('--disable-warning=TimeoutNegativeWarning');
  });
});
