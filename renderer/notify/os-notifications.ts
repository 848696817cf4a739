/** Whether this window may show OS notifications: allowed, not asked yet, refused, or not available at all. */
export type NotificationAccess = 'granted' | 'default' | 'denied' | 'unsupported';

/** The window's Notifications API (in Electron the OS's own notifications; in a browser where the site allows it). */
function api(): typeof Notification | undefined {
  return typeof globalThis.Notification === 'function' ? globalThis.Notification : undefined;
}

/** The current permission of this window. */
export function notificationAccess(): NotificationAccess {
  return api()?.permission ?? 'unsupported';
}

/** Asks the person (a browser shows its own prompt; call it from a click); resolves to the answer. */
export async function askForNotifications(): Promise<NotificationAccess> {
  const Api = api();
  if (!Api) return 'unsupported';
  return Api.requestPermission();
}

/** Shows one notification when allowed; a click brings this window to the front and runs `onClick`. */
export function showNotification(
  notice: { title: string; body: string; tag: string },
  onClick: () => void,
): boolean {
  const Api = api();
  if (!Api || Api.permission !== 'granted') return false;
  const shown = new Api(notice.title, { body: notice.body, tag: notice.tag });
  shown.onclick = () => {
    window.focus();
    onClick();
    shown.close();
  };
  return true;
}
