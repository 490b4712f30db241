/**
 * The bound shared by the insertion-ordered maps a peer (or a capture) can grow: the newest entry
 * goes last, and the oldest ones go first once the map is full.
 */

/**
 * Sets `key` → `value` as the newest entry of `map` (an existing entry for `key` moves to the
 * end), first dropping the oldest entries so that at most `max` (at least 1) remain. Returns how
 * many were dropped.
 */
export function setNewest<K, V>(map: Map<K, V>, key: K, value: V, max: number): number {
  map.delete(key);
  const bound = Math.max(1, max);
  let dropped = 0;
  while (map.size >= bound) {
    const oldest = map.keys().next();
    if (oldest.done === true) break;
    map.delete(oldest.value);
    dropped++;
  }
  map.set(key, value);
  return dropped;
}
