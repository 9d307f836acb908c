import type { z } from 'zod';

/** Thrown at start-up when the environment does not satisfy an app's schema; names every bad variable. */
export class ConfigError extends Error {
  constructor(
    readonly app: string,
    readonly problems: readonly { variable: string; message: string }[],
  ) {
    super(
      `${app}: invalid configuration\n` +
        problems.map(({ variable, message }) => `  - ${variable}: ${message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }

  static fromZod(app: string, error: z.ZodError): ConfigError {
    return new ConfigError(
      app,
      error.issues.map((issue) => ({
        variable: issue.path.join('.') || '(environment)',
        message: issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message,
      })),
    );
  }
}
