/** Similarity measures between normalised names (0 = nothing in common, 1 = equal). */

function bigrams(text: string): string[] {
  const s = ` ${text} `;
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** Sørensen–Dice coefficient over character bigrams. */
export function diceSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  const left = bigrams(a);
  const counts = new Map<string, number>();
  for (const g of left) counts.set(g, (counts.get(g) ?? 0) + 1);
  let shared = 0;
  const right = bigrams(b);
  for (const g of right) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(g, n - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/** Share of words the two names have in common (Jaccard over word sets). */
export function wordOverlap(a: string, b: string): number {
  const left = new Set(a.split(' ').filter(Boolean));
  const right = new Set(b.split(' ').filter(Boolean));
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const w of left) if (right.has(w)) shared++;
  return shared / (left.size + right.size - shared);
}

/** Name similarity: the mean of bigram and word similarity, so both spelling and word changes count. */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  return (diceSimilarity(a, b) + wordOverlap(a, b)) / 2;
}
