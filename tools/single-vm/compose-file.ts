/**
 * docker/single-vm/compose.yaml as Docker Compose reads it: YAML with merge keys, then variable interpolation
 * from the .env file (`${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`, `${VAR?error}`, `$$`).
 * Enough of the Compose specification to check the file against the apps' own configuration schemas.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const SINGLE_VM_DIR = join(__dirname, '..', '..', 'docker', 'single-vm');

export interface ComposeService {
  image: string;
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  user?: string;
  read_only?: boolean;
  cap_drop?: string[];
  cap_add?: string[];
  security_opt?: string[];
  healthcheck?: { test: string[] };
  mem_limit?: string;
  restart?: string;
  volumes?: string[];
  depends_on?: string[] | Record<string, { condition: string }>;
}

export interface ComposeFile {
  name: string;
  services: Record<string, ComposeService>;
}

/** Thrown where Compose itself would stop: a required variable unset or empty. */
export class ComposeVariableError extends Error {}

/** KEY=value lines, as Compose reads a .env file (comments and blank lines skipped, no quoting rules needed). */
export function parseEnvFile(text: string): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match) variables[match[1] as string] = (match[2] as string).trim();
  }
  return variables;
}

/** Interpolates one string; `missing` collects the required variables that are unset or empty. */
export function interpolate(text: string, variables: Record<string, string>, missing?: string[]): string {
  const ownMissing = missing ?? [];
  const result = text.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (whole, name?: string, colon?: string, operator?: string, argument?: string, bare?: string) => {
      if (whole === '$$') return '$';
      const variable = (name ?? bare) as string;
      const value = variables[variable];
      const unset = value === undefined || (colon === ':' && value === '');
      if (operator === '-') return unset ? (argument ?? '') : (value as string);
      if (operator === '?') {
        if (unset) ownMissing.push(`${variable}: ${argument || 'required'}`);
        return value ?? '';
      }
      return value ?? '';
    },
  );
  if (missing === undefined) refuseMissing(ownMissing);
  return result;
}

/** Compose interpolates the values of the parsed file (so `KEY: ${UNSET:-}` is an empty string, not null). */
export function loadComposeFile(variables: Record<string, string>): ComposeFile {
  const parsed: unknown = parse(readFileSync(join(SINGLE_VM_DIR, 'compose.yaml'), 'utf8'), { merge: true });
  const missing: string[] = [];
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return interpolate(value, variables, missing);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item)]));
    }
    return value;
  };
  const file = walk(parsed) as ComposeFile;
  refuseMissing([...new Set(missing)]);
  return file;
}

function refuseMissing(missing: string[]): void {
  if (missing.length > 0) {
    throw new ComposeVariableError(`required variables missing:\n  ${missing.join('\n  ')}`);
  }
}

export function exampleVariables(): Record<string, string> {
  return parseEnvFile(readFileSync(join(SINGLE_VM_DIR, 'homeroom.env.example'), 'utf8'));
}
