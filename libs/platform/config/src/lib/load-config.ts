import { z } from 'zod';
import { hasDevelopmentDefault } from './common-schemas';
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
  if (present['NODE_ENV'] === 'production') refuseDevelopmentDefaults(app, schema, present);
  const result = schema.safeParse(present);
  if (!result.success) throw ConfigError.fromZod(app, result.error);
  return result.data;
}

/** In production, a variable whose default is a developer's (developmentDefault) must be set. */
function refuseDevelopmentDefaults(app: string, schema: z.ZodType, present: Environment): void {
  if (!(schema instanceof z.ZodObject)) return;
  const unset = Object.entries(schema.shape as Record<string, z.ZodType>)
    .filter(([variable, field]) => hasDevelopmentDefault(field) && present[variable] === undefined)
    .map(([variable]) => ({
      variable,
      message: 'must be set in production (its default is for development on one machine)',
    }));
  if (unset.length > 0) throw new ConfigError(app, unset);
}
