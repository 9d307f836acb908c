import { randomBytes } from 'node:crypto';

/** A lower-case name that no other suite or run uses: `<label>_<random>`, safe for databases and topics. */
export function uniqueName(label: string, separator = '_'): string {
  const clean = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .slice(0, 30);
  return `${clean}${separator}${randomBytes(5).toString('hex')}`;
}
