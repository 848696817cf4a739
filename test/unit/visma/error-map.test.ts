import { describe, expect, it } from 'vitest';
import { mapVismaError, parseErrorBody, withoutVismaId } from '../../../main/visma/error-map';

const ctx = { tenantId: 'tenant-a', companyId: '5123402' };

describe('parseErrorBody', () => {
  it('reads every error shape Visma and its gateway use', () => {
    expect(parseErrorBody('{"message":"VismaId: 1-2. Error"}')).toEqual({ text: 'VismaId: 1-2. Error' });
    expect(parseErrorBody({ Message: 'Upper case' })).toEqual({ text: 'Upper case' });
    expect(
      parseErrorBody({ ExceptionType: 'IPPException', ExceptionMessage: '', ExceptionFaultCode: '12002' }),
    ).toEqual({ text: 'IPPException', faultCode: '12002' });
    expect(parseErrorBody({ statusCode: 429, message: 'Rate limit is exceeded.' })).toEqual({
      text: 'Rate limit is exceeded.',
    });
    expect(parseErrorBody({ error: 'invalid_client', error_description: 'bad' })).toEqual({
      text: 'invalid_client: bad',
      oauthError: 'invalid_client',
    });
    expect(parseErrorBody('<html><body>502 Bad Gateway</body></html>')).toEqual({ text: '502 Bad Gateway' });
    expect(parseErrorBody('')).toEqual({ text: '' });
    expect(parseErrorBody(undefined)).toEqual({ text: '' });
  });
});

describe('mapVismaError', () => {
  const map = (status: number, body: unknown) => mapVismaError(status, body, 'POST /v2/customerinvoice', ctx);

  it('explains the tenant and company mix-ups', () => {
    const mismatch = map(400, {
      ExceptionType: 'IPPException',
      ExceptionMessage: '',
      ExceptionFaultCode: '12002',
    });
    expect(mismatch.code).toBe('company_mismatch');
    expect(mismatch.message).toContain('5123402');
    expect(mismatch.message).toContain('tenant-a');
    expect(mismatch.message).toMatch(/not the customer tenant id/);
    expect(
      map(400, {
        ExceptionType: 'IPPException',
        ExceptionMessage: 'No license for this company.',
        ExceptionFaultCode: '12027',
      }).code,
    ).toBe('no_licence');
    expect(map(401, { statusCode: 401, message: 'Unauthorized' })).toMatchObject({
      code: 'unauthorized',
      message: expect.stringMatching(/customer tenant id/) as unknown,
    });
    expect(map(403, 'Forbidden').code).toBe('missing_api_role');
  });

  it('maps business refusals to codes with plain messages', () => {
    const v = (m: string) => map(400, { message: `VismaId: 0a1b-2c. Error creating document. Error: ${m}` });
    expect(v('The financial period 01-2025 is closed in the Customer Ledger.')).toMatchObject({
      code: 'period_closed',
      message: expect.stringMatching(/01-2025 is closed in the customer ledger/) as unknown,
    });
    expect(v("VAT '3' is not valid for VAT zone '02' (Utland) (line 1).").code).toBe('vat_code_not_valid');
    expect(v("TaxID '01' cannot be found in the system.").code).toBe('vat_code_not_valid');
    expect(v("Account '3099' is inactive (line 1).")).toMatchObject({
      code: 'account_inactive',
      message: expect.stringMatching(/GL account 3099 is inactive/) as unknown,
    });
    expect(v("Account '3555' cannot be found in the system (line 1).").code).toBe('account_missing');
    expect(v("Customer '10005' is inactive.").code).toBe('customer_inactive');
    expect(v("Customer '19999' cannot be found in the system.").code).toBe('customer_missing');
    expect(v("Supplier '20005' is inactive.").code).toBe('supplier_inactive');
    expect(v('Something else went wrong.')).toMatchObject({
      code: 'validation',
      message:
        'Visma refused the request (Visma: "Error creating document. Error: Something else went wrong.").',
    });
  });

  it('maps statuses', () => {
    expect(map(404, { message: 'x' }).code).toBe('not_found');
    expect(map(412, '').code).toBe('conflict');
    expect(map(429, '').code).toBe('rate_limited');
    expect(map(503, 'upstream request timeout')).toMatchObject({
      code: 'server_error',
      detail: 'upstream request timeout',
    });
  });

  it('gives empty and plain-text answers (gateway style) a plain message with the HTTP status', () => {
    expect(map(400, '')).toMatchObject({
      code: 'validation',
      status: 400,
      message: 'Visma refused the request (HTTP 400, no details).',
    });
    expect(map(400, 'Bad Request').message).toBe('Visma refused the request (HTTP 400: "Bad Request").');
    expect(map(404, undefined).message).toBe(
      'Visma could not find what was asked for (HTTP 404, no details).',
    );
    expect(map(413, '<html><body>Request Entity Too Large</body></html>').message).toBe(
      'Visma refused the request (HTTP 413: "Request Entity Too Large").',
    );
    expect(map(502, '').message).toBe('Visma had a problem on its side (HTTP 502). Try again later.');
    expect(map(401, '').message).toContain('(HTTP 401)');
    expect(map(412, '').message).toContain('(HTTP 412, no details)');
  });

  it('recognises a refusal while an earlier release is still running', () => {
    expect(
      map(400, {
        message:
          'VismaId: 1. Error releasing document. Error: The previous operation has not been completed yet.',
      }),
    ).toMatchObject({ code: 'in_progress', message: expect.stringMatching(/still busy/) as unknown });
  });

  it('strips the VismaId prefix for display', () => {
    expect(withoutVismaId('VismaId: 5f9d64e3-1f06-4c13. Error: x')).toBe('Error: x');
  });
});
