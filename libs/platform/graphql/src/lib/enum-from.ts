/**
 * A GraphQL enum object from a domain's list of values (`registerEnumType(enumFrom(STATUSES), …)`), so
 * the API and the rules it exposes can never drift apart.
 */
export function enumFrom<const T extends readonly string[]>(values: T): { [K in T[number]]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T[number]]: K };
}
