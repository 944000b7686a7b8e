/**
 * Test support for code that walks contract data (the zone planner, the diagram's layout): proves
 * how much work a function does by counting what it reads, not by timing it.
 */

/** The value behind a proxy that counts every property read of it and of what it holds. */
export function countingReads<T extends object>(value: T): { value: T; reads(): number } {
  let count = 0;
  const proxies = new WeakMap<object, object>();
  const wrap = (target: object): object => {
    const known = proxies.get(target);
    if (known) return known;
    const proxy = new Proxy(target, {
      get(t, key, receiver) {
        count += 1;
        const v: unknown = Reflect.get(t, key, receiver);
        return typeof v === 'object' && v !== null ? wrap(v) : v;
      },
    });
    proxies.set(target, proxy);
    return proxy;
  };
  // A proxy has the type of its target.
  return { value: wrap(value) as T, reads: () => count };
}
