import type { VismaErrorCode, VismaErrorInfo } from './errors';

/** What a Visma error body says, whichever of its shapes it came in. */
export interface ParsedErrorBody {
  text: string;
  faultCode?: string;
  oauthError?: string;
}

/**
 * Reads Visma's error shapes: `{message}` / `{Message}`, the IPP `{ExceptionType, ExceptionMessage, ExceptionFaultCode}`,
 * the gateway's `{statusCode, message}`, OAuth `{error, error_description}`, and plain-text (or empty) gateway bodies.
 */
export function parseErrorBody(raw: unknown): ParsedErrorBody {
  const body = typeof raw === 'string' ? tryJson(raw) : raw;
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const b = body as Record<string, unknown>;
    if (typeof b.ExceptionFaultCode === 'string' || typeof b.ExceptionType === 'string') {
      const faultCode = typeof b.ExceptionFaultCode === 'string' ? b.ExceptionFaultCode : undefined;
      const text = [b.ExceptionType, b.ExceptionMessage]
        .filter((x) => typeof x === 'string' && x !== '')
        .join(': ');
      return { text: text || `IPPException ${faultCode ?? ''}`.trim(), ...(faultCode ? { faultCode } : {}) };
    }
    if (typeof b.error === 'string') {
      const description = typeof b.error_description === 'string' ? `: ${b.error_description}` : '';
      return { text: `${b.error}${description}`, oauthError: b.error };
    }
    const message = b.message ?? b.Message;
    if (typeof message === 'string') return { text: message };
    return { text: JSON.stringify(body).slice(0, 300) };
  }
  const text =
    typeof raw === 'string'
      ? raw
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ')
          .trim()
      : '';
  return { text: text.slice(0, 300) };
}

function tryJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/** The profile facts that make messages concrete. */
export interface ErrorContext {
  tenantId?: string;
  companyId?: string;
}

const tenantHint =
  'Use the company tenant id (Visma Admin → Company → Edit → Configuration → Tenant id), not the customer tenant id.';

/**
 * What Visma said, for a message: its JSON text as a quote; for a plain-text or empty body (gateways send those) the
 * HTTP status too, since the text alone rarely says what went wrong.
 */
function saying(status: number, raw: unknown, text: string): string {
  const json = typeof raw === 'object' || (typeof raw === 'string' && tryJson(raw) !== raw);
  if (json && text) return ` (Visma: "${withoutVismaId(text)}")`;
  if (text) return ` (HTTP ${status}: "${text}")`;
  return ` (HTTP ${status}, no details)`;
}

/** Maps a refused call to a code and a message an accountant can act on. */
export function mapVismaError(
  status: number,
  raw: unknown,
  endpoint: string,
  context: ErrorContext = {},
): VismaErrorInfo {
  const parsed = parseErrorBody(raw);
  const detail = parsed.text || `HTTP ${status}`;
  const visma = saying(status, raw, parsed.text);
  const info = (code: VismaErrorCode, message: string): VismaErrorInfo => ({
    code,
    message,
    status,
    detail,
    endpoint,
  });
  const text = parsed.text;

  if (parsed.faultCode === '12002') {
    return info(
      'company_mismatch',
      `Visma refused company id ${context.companyId ?? '?'} for this connection: the token was issued for tenant id ${context.tenantId ?? '?'}, which belongs to a different company. Check that the tenant id and the company id are of the same company. ${tenantHint}`,
    );
  }
  if (parsed.faultCode === '12027' || /no licen[cs]e/i.test(text)) {
    return info(
      'no_licence',
      `Visma says there is no licence for this company. Check that the Visma.net Financials licence is active, that the integration has the API role, and the tenant id. ${tenantHint}`,
    );
  }
  if (status === 401) {
    return info(
      'unauthorized',
      `Visma did not accept the access token for company ${context.companyId ?? ''} (HTTP 401). A token that Visma Connect issues but the ERP API refuses usually means the customer tenant id was used. ${tenantHint}`,
    );
  }
  if (status === 403)
    return info(
      'missing_api_role',
      `Visma refused access: the integration lacks the API role or scope for this${visma}. Ask the Visma administrator to grant the API role to the integration.`,
    );
  if (status === 404) return info('not_found', `Visma could not find what was asked for${visma}.`);
  if (status === 412)
    return info('conflict', `Someone changed this record in Visma in the meantime${visma}.`);
  if (status === 429)
    return info(
      'rate_limited',
      'Visma asked us to slow down (too many calls). The sync will continue later.',
    );
  if (status >= 500)
    return info(
      'server_error',
      `Visma had a problem on its side (HTTP ${status}${text ? `: "${withoutVismaId(text)}"` : ''}). Try again later.`,
    );

  if (/previous operation has not been completed/i.test(text))
    return info(
      'in_progress',
      `Visma is still busy with an earlier action on this document (a release that has not finished)${visma}. Check the document again once it has finished.`,
    );
  const period =
    /financial period ([\d-]+) is closed in the (customer|supplier|general) ledger/i.exec(text) ??
    /period.*closed/i.exec(text);
  if (period) {
    const [, which, ledger] = period;
    return info(
      'period_closed',
      `The financial period ${which ?? ''} is closed${ledger ? ` in the ${ledger.toLowerCase()} ledger` : ''} in Visma. Date the document in an open period or ask the accountant to reopen it.`.replace(
        '  ',
        ' ',
      ),
    );
  }
  if (/taxid|tax id|vat '?[\w-]+'? is not (valid|included)|vat zone|tax category|taxcategoryid/i.test(text)) {
    return info(
      'vat_code_not_valid',
      `The VAT code is not valid here: it must belong to both the customer's or supplier's VAT zone and the account's VAT category${visma}.`,
    );
  }
  const party =
    /(account|customer|supplier) '([^']+)'.*?(inactive|cannot be found|not found|does not exist)/i.exec(text);
  if (party) {
    const [, kind, key, problem] = party;
    const what = kind!.toLowerCase() as 'account' | 'customer' | 'supplier';
    const inactive = problem!.toLowerCase() === 'inactive';
    const code = `${what}_${inactive ? 'inactive' : 'missing'}` as VismaErrorCode;
    const noun = what === 'account' ? 'GL account' : what;
    return info(
      code,
      inactive
        ? `The ${noun} ${key} is inactive in Visma. Activate it or map to another ${noun}.`
        : `The ${noun} ${key} does not exist in Visma.`,
    );
  }
  return info('validation', `Visma refused the request${visma}.`);
}

/** Drops the `VismaId: <guid>. ` prefix Visma puts before its messages. */
export function withoutVismaId(text: string): string {
  return text.replace(/^VismaId:\s*[0-9a-f-]+\.\s*/i, '');
}
