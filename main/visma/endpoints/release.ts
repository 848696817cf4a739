import { BackgroundState, ReleaseActionResult, parseReply } from '../schemas';
import { VismaError } from '../errors';
import type { EndpointDeps } from './shared';
import { seg } from './shared';

/**
 * What a release action answered. Visma releases "in the background": `Queued`/`InProcess` mean the document is still
 * Balanced (read its status later); `Failed` carries `errorInfo`; only `Done` means it is released.
 */
export interface ReleaseResult {
  actionId?: string;
  actionResult: 'Queued' | 'InProcess' | 'Failed' | 'Done';
  errorInfo?: string;
}

/** Release tuning: wait (polling the cheap status read) until the release is done or failed, at most `waitMs`. */
export interface ReleaseOptions {
  /** Longest wait for a queued release to finish (default 0: return what the action answered). */
  waitMs?: number;
  /** Pause between status reads while waiting (default 250 ms). */
  pollMs?: number;
}

/** A document's release state, read back with one GET. */
export interface DocumentStatus {
  referenceNumber: string;
  status: string;
  /** Open or Closed: the release went through and the GL batch exists. */
  released: boolean;
  /** Why the last background release failed (the document stays Balanced). */
  errorInfo?: string;
  lastModifiedDateTime?: string;
}

/** The status part of a document as read back. */
export function statusOf(doc: {
  referenceNumber: string;
  status: string;
  errorInfo?: string | undefined;
  lastModifiedDateTime?: string | undefined;
}): DocumentStatus {
  return {
    referenceNumber: doc.referenceNumber,
    status: doc.status,
    released: doc.status === 'Open' || doc.status === 'Closed',
    ...(doc.errorInfo ? { errorInfo: doc.errorInfo } : {}),
    ...(doc.lastModifiedDateTime ? { lastModifiedDateTime: doc.lastModifiedDateTime } : {}),
  };
}

/** A release action's answer as a `ReleaseResult`. */
export function actionResult(data: unknown, endpoint: string): ReleaseResult {
  const r = parseReply(ReleaseActionResult, data, endpoint);
  return {
    ...(r.actionId ? { actionId: r.actionId } : {}),
    actionResult: r.actionResult,
    ...(r.errorInfo ? { errorInfo: r.errorInfo } : {}),
  };
}

/** A release result from a document's status (used after waiting, or after an unanswered release call). */
export function resultFromStatus(status: DocumentStatus, actionId?: string): ReleaseResult {
  const id = actionId ? { actionId } : {};
  if (status.released) return { ...id, actionResult: 'Done' };
  if (status.errorInfo) return { ...id, actionResult: 'Failed', errorInfo: status.errorInfo };
  return { ...id, actionResult: 'Queued' };
}

/** Polls `read` until the release is no longer pending or `waitMs` has passed; returns the last result. */
export async function waitForRelease(
  deps: EndpointDeps,
  first: ReleaseResult,
  read: () => Promise<ReleaseResult>,
  options: ReleaseOptions = {},
): Promise<ReleaseResult> {
  const pollMs = Math.max(1, options.pollMs ?? 250);
  let result = first;
  for (let waited = 0; pending(result) && waited < (options.waitMs ?? 0); waited += pollMs) {
    await deps.sleep(pollMs);
    result = await read();
  }
  return result;
}

const pending = (r: ReleaseResult): boolean => r.actionResult === 'Queued' || r.actionResult === 'InProcess';

/** Reads a background request once and says what it means for the action it runs. */
export async function backgroundResult(
  deps: EndpointDeps,
  id: string,
  endpoint: string,
): Promise<ReleaseResult> {
  const state = await readBackground(deps, id);
  if (state.status === 'Finished') return { actionId: id, actionResult: 'Done' };
  if (state.status === 'Failed')
    return {
      actionId: id,
      actionResult: 'Failed',
      errorInfo: state.errorMessage || `Visma's background job failed (HTTP ${state.statusCode ?? '?'}).`,
    };
  if (state.status === 'Started') return { actionId: id, actionResult: 'InProcess' };
  throw new VismaError({
    code: 'bad_response',
    endpoint,
    message: `Visma's background job is in an unknown state "${state.status}".`,
  });
}

/** `GET /v1/background/{id}`. */
export async function readBackground(deps: EndpointDeps, id: string): Promise<BackgroundState> {
  const endpoint = 'GET /v1/background/{requestId}';
  const reply = await deps.transport.send({ method: 'GET', path: `/v1/background/${seg(id)}`, endpoint });
  return parseReply(BackgroundState, reply.data, endpoint);
}

/** `GET /v1/background/{id}/content`: the original answer of a finished background job. */
export async function readBackgroundContent(deps: EndpointDeps, id: string): Promise<unknown> {
  const endpoint = 'GET /v1/background/{requestId}/content';
  return (await deps.transport.send({ method: 'GET', path: `/v1/background/${seg(id)}/content`, endpoint }))
    .data;
}
