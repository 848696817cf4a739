import { foldText, nameKey, phoneKey, postalKey, streetKey } from './normalize-name';
import { nameSimilarity } from './similarity';

/** One party as the matcher sees it (either side). */
export interface MatchParty {
  key: string;
  name: string;
  street?: string | undefined;
  zip?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
}

/** A proposed pair with its confidence (0–1) and the evidence in plain words. */
export interface MatchPair {
  stId: string;
  vismaKey: string;
  confidence: number;
  reasons: string[];
}

/** What matching found: pairs to link now and pairs that wait for a decision. */
export interface MatchResult {
  autoLinks: MatchPair[];
  suggestions: MatchPair[];
}

/** Matching options. */
export interface MatchOptions {
  /** Lowest confidence of a suggestion. */
  suggestThreshold: number;
  /** Exact names alone are not enough (people share names): an address, phone or e-mail must agree too. */
  requireCorroboration?: boolean;
  /** Most suggestions per ServiceTitan party. */
  maxSuggestions?: number;
}

/** Confidence at or above which an exact-name pair links without asking. */
export const AUTO_LINK_CONFIDENCE = 0.85;

interface Prepared extends MatchParty {
  nameKey: string;
  words: string[];
  phoneKey: string;
  postalKey: string;
  streetKey: string;
  emailKey: string;
}

function prepare(p: MatchParty): Prepared {
  const key = nameKey(p.name);
  return {
    ...p,
    nameKey: key,
    words: key.split(' ').filter((w) => w.length > 1),
    phoneKey: phoneKey(p.phone),
    postalKey: postalKey(p.zip),
    streetKey: streetKey(p.street),
    emailKey: (p.email ?? '').trim().toLowerCase(),
  };
}

function compare(
  a: Prepared,
  b: Prepared,
): { confidence: number; reasons: string[]; exact: boolean; corroborated: boolean } {
  const exact = a.nameKey === b.nameKey && a.nameKey !== '';
  const reasons: string[] = [];
  let confidence = exact ? 0.9 : 0.8 * nameSimilarity(a.nameKey, b.nameKey);
  reasons.push(
    exact
      ? foldText(a.name) === foldText(b.name)
        ? 'same name'
        : 'same name apart from spelling, spacing or legal form'
      : `similar name (${Math.round(nameSimilarity(a.nameKey, b.nameKey) * 100)} %)`,
  );
  let corroborated = false;
  const both = (x: string, y: string) => x !== '' && y !== '';
  if (both(a.postalKey, b.postalKey)) {
    if (a.postalKey === b.postalKey) {
      confidence += a.streetKey !== '' && a.streetKey === b.streetKey ? 0.08 : 0.04;
      reasons.push(a.streetKey === b.streetKey ? 'same address' : 'same postal code');
      corroborated = true;
    } else {
      confidence -= 0.15;
      reasons.push('different postal code');
    }
  }
  if (both(a.phoneKey, b.phoneKey)) {
    if (a.phoneKey === b.phoneKey) {
      confidence += 0.05;
      reasons.push('same phone');
      corroborated = true;
    } else {
      confidence -= 0.05;
      reasons.push('different phone');
    }
  }
  if (both(a.emailKey, b.emailKey) && a.emailKey === b.emailKey) {
    confidence += 0.05;
    reasons.push('same e-mail');
    corroborated = true;
  }
  return {
    confidence: Math.round(Math.min(1, Math.max(0, confidence)) * 1000) / 1000,
    reasons,
    exact,
    corroborated,
  };
}

function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const i of items) out.set(key(i), (out.get(key(i)) ?? 0) + 1);
  return out;
}

/**
 * Matches unlinked ServiceTitan parties to unlinked Visma parties. A pair links automatically only when the names
 * are equal after normalisation, the name is unique on both sides and nothing contradicts it; similar names are only
 * suggested. Pure and deterministic.
 */
export function matchParties(
  stParties: readonly MatchParty[],
  vismaParties: readonly MatchParty[],
  options: MatchOptions,
): MatchResult {
  const st = stParties.map(prepare);
  const visma = vismaParties.map(prepare);
  const stCounts = countBy(st, (p) => p.nameKey);
  const vismaCounts = countBy(visma, (p) => p.nameKey);
  const byWord = new Map<string, Prepared[]>();
  for (const v of visma) for (const w of new Set(v.words)) byWord.set(w, [...(byWord.get(w) ?? []), v]);
  const autoLinks: MatchPair[] = [];
  const suggestions: MatchPair[] = [];
  for (const s of st) {
    const candidates = new Set<Prepared>(s.words.flatMap((w) => byWord.get(w) ?? []));
    for (const v of visma) if (v.nameKey === s.nameKey) candidates.add(v);
    const scored = [...candidates]
      .map((v) => ({ v, ...compare(s, v) }))
      .sort((x, y) => y.confidence - x.confidence || x.v.key.localeCompare(y.v.key));
    const best = scored[0];
    const unique = best?.exact && stCounts.get(s.nameKey) === 1 && vismaCounts.get(s.nameKey) === 1;
    const corroborationOk = !options.requireCorroboration || best?.corroborated;
    if (best && unique && corroborationOk && best.confidence >= AUTO_LINK_CONFIDENCE) {
      autoLinks.push({
        stId: s.key,
        vismaKey: best.v.key,
        confidence: best.confidence,
        reasons: best.reasons,
      });
      continue;
    }
    for (const c of scored
      .filter((x) => x.confidence >= options.suggestThreshold)
      .slice(0, options.maxSuggestions ?? 3)) {
      const reasons = c.exact && !unique ? [...c.reasons, 'the same name is used more than once'] : c.reasons;
      suggestions.push({ stId: s.key, vismaKey: c.v.key, confidence: c.confidence, reasons });
    }
  }
  return { autoLinks, suggestions };
}
