import { randomUUID } from 'node:crypto';
import type { SimResponse } from '../common/http';

/** A refusal the simulator answers with instead of running the handler. */
export class SimFault extends Error {
  constructor(readonly response: SimResponse) {
    super(`Simulated refusal ${response.status}`);
  }
}

/** Visma's business-error shape: `{ message: "VismaId: <guid>. …" }`. */
export function vismaError(message: string, status = 400): SimFault {
  return new SimFault({ status, body: { message: `VismaId: ${randomUUID()}. ${message}` } });
}

/** Visma's platform-error shape (IPPException), e.g. 12002 company not set, 12027 no licence. */
export function ippError(faultCode: string, message: string, status = 400): SimFault {
  return new SimFault({
    status,
    body: {
      ExceptionType: 'IPPException',
      ExceptionMessage: message,
      ExceptionFaultCode: faultCode,
      ExceptionMessageID: `${faultCode}_${randomUUID()}`,
      ExceptionDetails: '',
    },
  });
}

/** The API gateway's JSON shape for 401/403/404/429. */
export function gatewayError(status: number, message: string, headers?: Record<string, string>): SimResponse {
  return { status, body: { statusCode: status, message }, ...(headers ? { headers } : {}) };
}

/** What was being done to a document when it was refused. */
export type DocumentAction = 'creating' | 'updating' | 'releasing' | 'deleting' | 'reversing';

/** A refusal while creating, updating, releasing, deleting or reversing a document, in Visma's wording. */
export function documentError(action: DocumentAction, detail: string): SimFault {
  return vismaError(`Error ${action} document. Error: ${detail}`);
}

/** Acumatica's refusal while an earlier long-running operation (a background release) on the record is unfinished. */
export function inProgressError(action: DocumentAction): SimFault {
  return documentError(action, 'The previous operation has not been completed yet.');
}

/** 404 for a record that does not exist. */
export function notFound(what: string): SimFault {
  return vismaError(`${what} not found.`, 404);
}

/** `YYYYMM` as Visma prints it in messages: `MM-YYYY`. */
export function periodText(period: string): string {
  return `${period.slice(4, 6)}-${period.slice(0, 4)}`;
}
