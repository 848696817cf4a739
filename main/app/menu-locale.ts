import { Locale } from '../../shared/contract/schemas';
import type { CallRoute } from './ipc';

/** The calls whose answer carries the UI language (`{ locale }`). */
const LOCALE_CHANNELS = new Set(['settings.get', 'settings.setLocale']);

/**
 * Routes every call through `route`, and tells `onLocale` the UI language whenever a settings answer names one that
 * differs from the last (so the menu follows the language the user picks, without a restart).
 */
export function followLocale(route: CallRoute, onLocale: (locale: Locale) => void): CallRoute {
  let current: Locale | null = null;
  return async (name, input) => {
    const result = await route(name, input);
    if (result.ok && LOCALE_CHANNELS.has(name)) {
      const parsed = Locale.safeParse((result.value as { locale?: unknown } | null)?.locale);
      if (parsed.success && parsed.data !== current) {
        current = parsed.data;
        onLocale(parsed.data);
      }
    }
    return result;
  };
}
