// Ordering of stages and touchpoints: positions are always dense (0…n−1) and computed from the
// current order plus one move, so two people moving cards at once each apply a move, not a snapshot.

/** `ids` with `id` taken out and put at `position` (clamped to the end). `id` may be new. */
export function placeAt(ids: readonly string[], id: string, position: number): string[] {
  const rest = ids.filter((other) => other !== id);
  const at = Math.max(0, Math.min(Math.trunc(position), rest.length));
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}

/**
 * The result of moving `id` to `position` in `toIds`, taking it out of `fromIds` when it comes from
 * another list. Both lists come back densely ordered; `from` is null when the move stays in one list.
 */
export function moveBetween(
  fromIds: readonly string[],
  toIds: readonly string[],
  id: string,
  position: number,
  sameList: boolean,
): { from: string[] | null; to: string[] } {
  if (sameList) return { from: null, to: placeAt(toIds, id, position) };
  return { from: fromIds.filter((other) => other !== id), to: placeAt(toIds, id, position) };
}

/** True when `ids` is exactly a permutation of `expected`. */
export function isPermutation(ids: readonly string[], expected: readonly string[]): boolean {
  if (ids.length !== expected.length) return false;
  const set = new Set(expected);
  return new Set(ids).size === ids.length && ids.every((id) => set.has(id));
}
