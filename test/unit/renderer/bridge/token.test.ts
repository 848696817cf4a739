import { describe, expect, it, vi } from 'vitest';
import { TOKEN_STORAGE_KEY, takeBrowserToken } from '../../../../renderer/bridge/token';

function environment(hash: string, stored: string | null = null) {
  const storage = new Map<string, string>(stored ? [[TOKEN_STORAGE_KEY, stored]] : []);
  return {
    location: { hash, pathname: '/', search: '' },
    history: { replaceState: vi.fn() },
    sessionStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
    },
    storage,
  };
}

describe('takeBrowserToken', () => {
  it('takes the token from the fragment, keeps it for reloads and removes it from the address bar', () => {
    const env = environment('#token=abc%2Bdef');
    expect(takeBrowserToken(env)).toBe('abc+def');
    expect(env.storage.get(TOKEN_STORAGE_KEY)).toBe('abc+def');
    expect(env.history.replaceState).toHaveBeenCalledWith(null, '', '/#/');
  });

  it('falls back to the token this tab stored earlier', () => {
    const env = environment('#/settings', 'stored-token');
    expect(takeBrowserToken(env)).toBe('stored-token');
    expect(env.history.replaceState).not.toHaveBeenCalled();
  });

  it('answers null when there is no token anywhere', () => {
    expect(takeBrowserToken(environment(''))).toBeNull();
  });
});
