// FOR THE LEAD — MOVE INTO MIGRATION 0006, then delete this file. Nothing applies it at runtime.
//
// The review queue's windows (`review-page.ts`) filter the outbox by profile and by the review condition
// (`IN_REVIEW` of `engine/outbox/store.ts`). Without this index SQLite walks every outbox row of the profile
// (`outbox_profile_state` on profile_id) and sorts; with it, it reads only the rows in review, already in the
// default (age) order. The WHERE must stay term for term the same as `IN_REVIEW`, or SQLite will not use the index.

/** The partial index the review queue wants (SQL for migration 0006). */
export const REVIEW_QUEUE_INDEX_SQL = `CREATE INDEX outbox_review_queue ON outbox (profile_id, updated_at)
  WHERE state <> 'ignored'
  AND (state IN ('blocked', 'failed', 'uncertain') OR review_code IS NOT NULL OR (held = 1 AND approved = 0));`;
