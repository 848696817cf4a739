import type { ProfileSummary } from '../../shared/contract/schemas';

/** How the UI names a profile's Visma company: its name when known, otherwise its id. */
export function companyOf(profile: ProfileSummary): string {
  return profile.visma.companyName ?? profile.visma.companyId;
}

/**
 * Whether typed text names the profile's Visma company: its name or its id, ignoring case and the spaces around.
 * Used as the deliberate act that unlocks posting test documents into production books.
 */
export function namesCompany(profile: ProfileSummary, typed: string): boolean {
  const text = typed.trim().toLocaleLowerCase();
  if (!text) return false;
  const { companyName, companyId } = profile.visma;
  return (
    text === companyId.toLocaleLowerCase() ||
    (companyName !== undefined && text === companyName.trim().toLocaleLowerCase())
  );
}
