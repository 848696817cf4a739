import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** What the OS asks for: Windows contrast themes (forced colours) or a dark app mode. */
export interface OsAppearance {
  forcedColors: boolean;
  dark: boolean;
}

/** The media queries that tell the OS appearance; Chromium (and so Electron) maps the Windows settings onto them. */
export const APPEARANCE_QUERIES = {
  forcedColors: '(forced-colors: active)',
  dark: '(prefers-color-scheme: dark)',
} as const;

/** The Fluent theme for an OS appearance: a contrast theme wins over dark, dark over light. */
export function themeFor(appearance: OsAppearance): Theme {
  if (appearance.forcedColors) return teamsHighContrastTheme;
  return appearance.dark ? webDarkTheme : webLightTheme;
}

/** The appearance the page's media queries report now (light when matchMedia is missing, as in some tests). */
export function readAppearance(match: ((query: string) => MediaQueryList) | undefined): OsAppearance {
  if (!match) return { forcedColors: false, dark: false };
  return {
    forcedColors: match(APPEARANCE_QUERIES.forcedColors).matches,
    dark: match(APPEARANCE_QUERIES.dark).matches,
  };
}
