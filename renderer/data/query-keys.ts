/** TanStack Query keys, one place so that invalidation cannot miss a spelling. */
export const queryKeys = {
  appInfo: ['app.info'] as const,
  settings: ['settings'] as const,
  profiles: ['profiles'] as const,
  secretsStatus: (profileId: string) => ['secrets.status', profileId] as const,
};
