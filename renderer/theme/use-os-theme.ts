import { useEffect, useState } from 'react';
import type { Theme } from '@fluentui/react-components';
import { APPEARANCE_QUERIES, readAppearance, themeFor, type OsAppearance } from './os-theme';

const matchMediaOf = (): ((query: string) => MediaQueryList) | undefined =>
  typeof window.matchMedia === 'function' ? (query) => window.matchMedia(query) : undefined;

/** The OS appearance, followed live: switching Windows to dark or to a contrast theme restyles the open app. */
export function useOsAppearance(): OsAppearance {
  const [appearance, setAppearance] = useState(() => readAppearance(matchMediaOf()));
  useEffect(() => {
    const match = matchMediaOf();
    if (!match) return;
    const lists = Object.values(APPEARANCE_QUERIES).map((query) => match(query));
    const update = () => setAppearance(readAppearance(match));
    for (const list of lists) list.addEventListener('change', update);
    return () => {
      for (const list of lists) list.removeEventListener('change', update);
    };
  }, []);
  return appearance;
}

/** The Fluent theme that follows the OS appearance; the page's own colour scheme is set to match. */
export function useOsTheme(): Theme {
  const appearance = useOsAppearance();
  useEffect(() => {
    document.documentElement.style.colorScheme =
      appearance.dark && !appearance.forcedColors ? 'dark' : 'light';
  }, [appearance]);
  return themeFor(appearance);
}
