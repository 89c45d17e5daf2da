/**
 * A small per-node cache of answers that may be a few seconds old (the public launcher feed, the
 * service a key belongs to, the member a SIRET names): they are read on every page load of every
 * member's intranet and every file upload, and change rarely. Entries live `ttlMs` by the given
 * clock; at most `maxEntries` are kept (beyond, the whole cache is dropped: no eviction order to
 * get wrong, and an attacker varying the query cannot grow memory). Another node, or a change on
 * this one, is seen within `ttlMs`.
 */
export function createTtlCache<T>(options: {
  readonly ttlMs: number;
  readonly maxEntries: number;
  readonly now: () => number;
}) {
  const entries = new Map<string, { readonly at: number; readonly value: Promise<T> }>();
  return {
    /** The cached value of `key`, or `load()`'s (a failed load is not kept). */
    get(key: string, load: () => Promise<T>): Promise<T> {
      const now = options.now();
      const hit = entries.get(key);
      if (hit !== undefined && now - hit.at < options.ttlMs) return hit.value;
      if (entries.size >= options.maxEntries) entries.clear();
      const value = load();
      entries.set(key, { at: now, value });
      value.catch(() => entries.delete(key));
      return value;
    },
    clear: () => entries.clear(),
  };
}
