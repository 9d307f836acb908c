import type { z } from 'zod';
import { ConfigError } from './config-error';

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The one place an app reads its environment: the schema validates and converts every variable at once,
 * so start-up fails with the complete list of problems instead of the first.
 */
export function loadConfig<Schema extends z.ZodType>(
  app: string,
  schema: Schema,
  environment: Environment = process.env,
): z.infer<Schema> {
  // An empty string is how shells and manifests say "unset"; treat it so, so defaults apply.
  const present = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== ''));
  const result = schema.safeParse(present);
  if (!result.success) throw ConfigError.fromZod(app, result.error);
  return result.data;
}
