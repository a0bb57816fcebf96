// What to fix first (METHOD.md §6): each touchpoint placed by importance (its driver weight) and
// performance (its score against its target); high importance below target is "fix first".

export type Quadrant = "fix_first" | "keep_up" | "low_priority" | "possible_overkill";

export interface PriorityInput {
  id: string;
  /** Driver weight, best as a share of R² (DriverWeight.share). */
  importance: number;
  /** The chosen score; null when there are too few answers to place it. */
  performance: number | null;
  /** The touchpoint's target for that score; null when none is set. */
  target: number | null;
  momentOfTruth: boolean;
}

export interface PriorityPoint extends PriorityInput {
  /** Null when performance is unknown. */
  quadrant: Quadrant | null;
  /** performance − the reference it is judged against (its target, else the average); negative is below. */
  gap: number | null;
  highImportance: boolean;
}

export interface PriorityMatrix {
  /** Importance at or above this is high: the mean importance unless given. */
  importanceThreshold: number;
  /** Fix first, then keep up, low priority, possible overkill, unplaced; by importance within each. */
  points: PriorityPoint[];
}

const quadrantOrder: Record<Quadrant, number> = { fix_first: 0, keep_up: 1, low_priority: 2, possible_overkill: 3 };

/**
 * Importance–performance quadrants (Martilla & James 1977, with targets): high importance and below
 * target → `fix_first`; high and on target → `keep_up`; low and below → `low_priority`; low and on
 * target → `possible_overkill`. A touchpoint without a target is judged against the average
 * performance of the others; moments of truth sort first among equals.
 */
export function prioritise(items: readonly PriorityInput[], options: { importanceThreshold?: number } = {}): PriorityMatrix {
  const threshold = options.importanceThreshold ?? (items.length > 0 ? items.reduce((sum, i) => sum + i.importance, 0) / items.length : 0);
  const known = items.filter((i) => i.performance !== null);
  const averagePerformance = known.length > 0 ? known.reduce((sum, i) => sum + i.performance!, 0) / known.length : 0;
  const points = items.map((item): PriorityPoint => {
    const highImportance = item.importance >= threshold;
    if (item.performance === null) return { ...item, quadrant: null, gap: null, highImportance };
    const gap = item.performance - (item.target ?? averagePerformance);
    const below = gap < 0;
    const quadrant: Quadrant = highImportance ? (below ? "fix_first" : "keep_up") : below ? "low_priority" : "possible_overkill";
    return { ...item, quadrant, gap, highImportance };
  });
  points.sort(
    (a, b) =>
      (a.quadrant === null ? 4 : quadrantOrder[a.quadrant]) - (b.quadrant === null ? 4 : quadrantOrder[b.quadrant]) ||
      b.importance - a.importance ||
      Number(b.momentOfTruth) - Number(a.momentOfTruth) ||
      (a.gap ?? 0) - (b.gap ?? 0),
  );
  return { importanceThreshold: threshold, points };
}
