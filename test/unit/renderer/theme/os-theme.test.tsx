// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { afterEach, describe, expect, it } from 'vitest';
import { readAppearance, themeFor } from '../../../../renderer/theme/os-theme';
import { useOsTheme } from '../../../../renderer/theme/use-os-theme';

/** A controllable matchMedia: queries listed in `on` match; `flip` changes one and tells its listeners. */
function fakeMedia(on: Set<string>) {
  const lists = new Map<string, { listeners: Set<() => void> }>();
  const match = (query: string) => {
    const entry = lists.get(query) ?? { listeners: new Set<() => void>() };
    lists.set(query, entry);
    return {
      get matches() {
        return on.has(query);
      },
      media: query,
      addEventListener: (_: string, l: () => void) => entry.listeners.add(l),
      removeEventListener: (_: string, l: () => void) => entry.listeners.delete(l),
    } as unknown as MediaQueryList;
  };
  const flip = (query: string) => {
    if (on.has(query)) on.delete(query);
    else on.add(query);
    for (const l of lists.get(query)?.listeners ?? []) l();
  };
  return { match, flip, listenerCount: () => [...lists.values()].reduce((n, e) => n + e.listeners.size, 0) };
}

const DARK = '(prefers-color-scheme: dark)';
const CONTRAST = '(forced-colors: active)';

describe('the theme follows the OS', () => {
  const original = Object.getOwnPropertyDescriptor(window, 'matchMedia');
  afterEach(() => {
    if (original) Object.defineProperty(window, 'matchMedia', original);
  });

  it('picks light, dark, and a contrast theme over dark', () => {
    expect(themeFor({ forcedColors: false, dark: false })).toBe(webLightTheme);
    expect(themeFor({ forcedColors: false, dark: true })).toBe(webDarkTheme);
    expect(themeFor({ forcedColors: true, dark: true })).toBe(teamsHighContrastTheme);
    expect(readAppearance(undefined)).toEqual({ forcedColors: false, dark: false });
  });

  it('switches live when the OS appearance changes, and stops listening when unmounted', async () => {
    const media = fakeMedia(new Set());
    window.matchMedia = media.match;
    function Probe() {
      const theme = useOsTheme();
      const name = theme === webDarkTheme ? 'dark' : theme === teamsHighContrastTheme ? 'contrast' : 'light';
      return <p>{name}</p>;
    }
    const view = render(<Probe />);
    expect(await screen.findByText('light')).toBeTruthy();
    expect(document.documentElement.style.colorScheme).toBe('light');
    act(() => media.flip(DARK));
    expect(await screen.findByText('dark')).toBeTruthy();
    expect(document.documentElement.style.colorScheme).toBe('dark');
    act(() => media.flip(CONTRAST));
    expect(await screen.findByText('contrast')).toBeTruthy();
    view.unmount();
    expect(media.listenerCount()).toBe(0);
  });
});
