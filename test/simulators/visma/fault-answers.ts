import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { SimResponse } from '../common/http';
import { writeResponse } from '../common/http';
import type { FaultSpec } from '../common/faults';
import { gatewayError } from './errors';
import { delay } from '../../../main/http/backoff';

/** Applies a fault that acts before the call is processed; true when the answer has been given (or the socket dropped). */
export async function applyPreFault(fault: FaultSpec, res: http.ServerResponse): Promise<boolean> {
  if (fault.kind === 'slow') {
    await delay(fault.delayMs ?? 1000);
    return false;
  }
  if (fault.kind === 'drop') {
    res.destroy();
    return true;
  }
  if (fault.kind !== 'status') return false;
  writeResponse(res, statusFault(fault));
  return true;
}

/**
 * Applies a fault that acts after the call was processed (the write is stored): drop the answer, send it late, or
 * send a create's 201 without `Location`. Returns true when it wrote (or dropped) the answer itself.
 */
export async function applyPostFault(
  fault: FaultSpec | undefined,
  res: http.ServerResponse,
  response: SimResponse,
): Promise<boolean> {
  if (fault?.kind === 'commit-then-drop') {
    res.destroy();
    return true;
  }
  if (fault?.kind === 'no-location' && response.status === 201 && response.headers) {
    const { location: _dropped, ...rest } = response.headers;
    response.headers = rest;
  }
  if (fault?.kind === 'commit-then-slow') {
    await delay(fault.delayMs ?? 1000);
    if (!res.destroyed) writeResponse(res, response);
    return true;
  }
  return false;
}

/** The answer of a `status` fault: the gateway's or API's shape, an empty body, or plain text. */
function statusFault(fault: FaultSpec): SimResponse {
  const status = fault.status ?? 500;
  const headers: Record<string, string> =
    status === 429 ? { 'retry-after': String(fault.retryAfter ?? 1) } : {};
  const text = `${status} ${http.STATUS_CODES[status] ?? 'Error'}`;
  if (fault.body === 'empty') return { status, headers };
  if (fault.body === 'text' || (fault.body === undefined && status >= 502 && status <= 504))
    return {
      status,
      headers,
      raw: true,
      body: status === 504 && !fault.body ? 'upstream request timeout' : text,
    };
  if (status === 429) return gatewayError(429, 'Rate limit is exceeded.', headers);
  if (status === 401 || status === 403)
    return gatewayError(
      status,
      status === 401 ? 'Unauthorized. Access token is missing or invalid.' : 'Forbidden.',
    );
  return { status, body: { message: `VismaId: ${randomUUID()}. An error has occurred.` } };
}
