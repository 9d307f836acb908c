/**
 * Whether an error is PostgreSQL's unique_violation (23505) on this constraint, as TypeORM throws it (a
 * QueryFailedError with the driver's error inside) or as `pg` does: how a write tells "someone wrote this
 * first" (a second delivery racing the first) from any other failure.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const outer = (error ?? {}) as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  const code = outer.code ?? outer.driverError?.code;
  return code === '23505' && (outer.constraint ?? outer.driverError?.constraint) === constraint;
}
