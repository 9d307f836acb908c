import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The workspace root: the nearest folder upwards that holds nx.json. */
export function workspaceRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No nx.json found above ${from}`);
    dir = parent;
  }
  return dir;
}

/** Everything the local stack writes lives under one git-ignored folder. */
export function stackDir(root: string = workspaceRoot()): string {
  return join(root, '.stack');
}
