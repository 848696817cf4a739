import type { TFunction } from 'i18next';
import type { SyncProgress } from '../../shared/contract/schemas';

/** What the OS notification about a finished run says, and which list a click on it opens. */
export interface RunNotice {
  title: string;
  body: string;
  /** The route that shows what the notice is about. */
  path: '/' | '/review';
  /** One notice per profile and run: a repeat event replaces it instead of stacking. */
  tag: string;
}

/**
 * The notice a run's last progress event calls for: a failed run (never a cancelled one: the person asked for that),
 * or a run that put new documents into the review queue. Anything else is news nobody needs to be interrupted for.
 */
export function runNoticeFor(event: SyncProgress, profileName: string, t: TFunction): RunNotice | null {
  const tag = `sync-${event.profileId}-${event.runId}`;
  if (event.phase === 'failed')
    return {
      title: t('notifications.failed.title', { profile: profileName }),
      body: event.message
        ? t('notifications.failed.body', { message: event.message })
        : t('notifications.failed.bodyNoReason'),
      path: '/',
      tag,
    };
  const added = event.phase === 'done' ? (event.outcome?.reviewAdded ?? 0) : 0;
  if (added === 0) return null;
  return {
    title: t('notifications.review.title', { profile: profileName }),
    body: t('notifications.review.body', { count: added, total: event.outcome?.reviewQueue ?? added }),
    path: '/review',
    tag,
  };
}
