/** TanStack Query keys, one place so that invalidation cannot miss a spelling. */
export const queryKeys = {
  appInfo: ['app.info'] as const,
  settings: ['settings'] as const,
  profiles: ['profiles'] as const,
  secretsStatus: (profileId: string) => ['secrets.status', profileId] as const,
  dashboard: (profileId: string) => ['dashboard', profileId] as const,
  review: (profileId: string) => ['review', profileId] as const,
  reviewPreview: (profileId: string, id: number) => ['review', profileId, 'preview', id] as const,
  /** Every audit query (all profiles, all filters): what a finished run or an action invalidates. */
  auditAll: ['audit'] as const,
  audit: (filter: object) => ['audit', filter] as const,
  mappings: (profileId: string) => ['mappings', profileId] as const,
  /** Every window of a profile's customer and supplier links. */
  mappingLinks: (profileId: string) => ['mappings', profileId, 'links'] as const,
  /** Every reconciled period of a profile: what a finished run or a review action invalidates. */
  reconciliationAll: (profileId: string) => ['reconciliation', profileId] as const,
  reconciliation: (profileId: string, period: string) => ['reconciliation', profileId, period] as const,
  storedProfile: (profileId: string) => ['profiles.get', profileId] as const,
  profileSettings: (profileId: string) => ['profiles.getSettings', profileId] as const,
  ledgerStatus: ['ledger.status'] as const,
  setupDrafts: ['setup.drafts'] as const,
  setupStatus: (profileId: string) => ['setup.status', profileId] as const,
  setupPreview: (profileId: string) => ['setup.preview', profileId] as const,
};
