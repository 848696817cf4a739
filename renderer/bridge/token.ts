/** Where the browser transport keeps its per-run token so that a reload still works. */
export const TOKEN_STORAGE_KEY = 'stVisma.bridgeToken';

const TOKEN_IN_HASH = /^#(?:.*&)?token=([^&]+)/;

/** The parts of `window` the token lookup touches (injectable for tests). */
export interface TokenEnvironment {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState'>;
  sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
}

/**
 * Finds the browser host's token: from `#token=…` on first load (then stored in sessionStorage and removed from
 * the visible URL, so it is neither bookmarked nor shown), otherwise from sessionStorage. Null when there is none.
 */
export function takeBrowserToken(env: TokenEnvironment): string | null {
  const match = TOKEN_IN_HASH.exec(env.location.hash);
  const fromHash = match?.[1] ? decodeURIComponent(match[1]) : null;
  if (fromHash) {
    env.sessionStorage.setItem(TOKEN_STORAGE_KEY, fromHash);
    env.history.replaceState(null, '', `${env.location.pathname}${env.location.search}#/`);
    return fromHash;
  }
  return env.sessionStorage.getItem(TOKEN_STORAGE_KEY);
}
