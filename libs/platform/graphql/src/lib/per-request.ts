/**
 * A value made once per GraphQL request and shared by every resolver that asks during it (DataLoaders, a
 * small table read once): `const loadersOf = perRequest((request) => …)`, then `loadersOf(request)` with
 * the request from `@Context('req')`. It lives on the request object and is gone with it.
 */
export function perRequest<T>(create: (request: object) => T): (request: object) => T {
  const made = new WeakMap<object, T>();
  return (request) => {
    if (made.has(request)) return made.get(request)!;
    const value = create(request);
    made.set(request, value);
    return value;
  };
}
