// When many segments are compared at once, some "significant" changes are luck. Benjamini–Hochberg
// keeps the expected share of false discoveries among those reported at q (METHOD.md §4).

export interface FalseDiscoveryResult {
  /** BH-adjusted p-values ("q-values" in R's p.adjust(method = "BH")), in the input order. */
  adjusted: number[];
  /** adjusted ≤ q, in the input order. */
  significant: boolean[];
}

/**
 * Benjamini–Hochberg (1995) step-up procedure. With p-values sorted p₍₁₎ ≤ … ≤ p₍ₘ₎, the adjusted value
 * of p₍ᵢ₎ is min over j ≥ i of min(1, m·p₍ⱼ₎/j); a hypothesis is rejected when its adjusted value ≤ q.
 */
export function benjaminiHochberg(pValues: readonly number[], q = 0.05): FalseDiscoveryResult {
  const m = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((a, b) => a.p - b.p || a.index - b.index);
  const adjusted = new Array<number>(m).fill(1);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const entry = order[rank - 1]!;
    running = Math.min(running, (m * entry.p) / rank);
    adjusted[entry.index] = Math.min(1, running);
  }
  return { adjusted, significant: adjusted.map((p) => p <= q) };
}
