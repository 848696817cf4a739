import { describe, expect, it } from 'vitest';
import { OUTBOX_STATES } from '../../../../main/engine/outbox/states';
import { REASON_TEXTS } from '../../../../main/engine/reasons';
import {
  closeReasonText,
  interpolate,
  REPORT_LOCALES,
  REPORT_TEXT_CODES,
  reportTemplate,
  reportText,
} from '../../../../main/engine/reconcile/report-text';
import type { CloseReasonCode } from '../../../../main/engine/reconcile/types';
import { CLOSE_BUCKETS, CLOSE_REASON_CODES, RECON_DOC_TYPES } from '../../../../main/engine/reconcile/types';

/** The parameters each reason code documents (see `CloseReasonCode`), with plausible values. */
const PARAMS: Record<CloseReasonCode, Record<string, string | number>> = {
  booked: { vismaNumber: '100231' },
  unreleased: { vismaNumber: '100231', status: 'Balanced' },
  onHold: { vismaNumber: '100231' },
  holdingAccount: { vismaNumber: '100231', reviewReason: 'holding_account' },
  waiting: { reviewReason: 'period_closed', state: 'blocked' },
  uncertain: { state: 'uncertain' },
  notPostedYet: { state: 'ready' },
  neverSynced: {},
  changedAfterPosting: { fields: 'total,date' },
  different: { differences: 'amount,vat', amountDifference: '1234.5', vatDifference: '-2.50' },
  duplicated: { count: 2, numbers: '100231, 100232', periods: '202403, 202404' },
  postedByHand: { vismaNumber: '100240' },
  deletedInVisma: { vismaNumber: '100231' },
  reversedInVisma: { vismaNumber: '100231', reversal: '100250' },
  ignored: { by: 'kari@example.no', why: 'Entered twice by the office' },
  otherPeriod: { date: '2024-04-02' },
  notEligible: {},
  unknownSource: { marker: 'ST-8450100-INV-99' },
};

const values = (params: Record<string, string | number>) =>
  Object.entries(params)
    .filter(
      ([name]) =>
        !['reviewReason', 'state', 'differences', 'fields', 'amountDifference', 'vatDifference'].includes(
          name,
        ),
    )
    .map(([, v]) => String(v));

describe('the export texts', () => {
  it('have every bucket, reason, document type and review reason in every language, differently worded', () => {
    const others = REPORT_LOCALES.filter((l) => l !== 'en');
    expect(others).toEqual(['nb', 'sv', 'da', 'fi']);
    for (const bucket of CLOSE_BUCKETS) {
      const en = reportText('en', `bucket.${bucket}`);
      expect(en, bucket).toMatch(/\w/);
      for (const locale of others)
        expect(reportText(locale, `bucket.${bucket}`), `${locale} ${bucket}`).not.toBe(en);
    }
    for (const code of CLOSE_REASON_CODES) {
      const en = closeReasonText('en', { code, params: PARAMS[code] });
      for (const locale of REPORT_LOCALES) {
        const text = closeReasonText(locale, { code, params: PARAMS[code] });
        expect(text, `${locale} ${code}`).not.toMatch(/[{}[\]]/);
        for (const value of values(PARAMS[code]))
          expect(text, `${locale} ${code} shows ${value}`).toContain(value);
        if (locale !== 'en') expect(text, `${locale} ${code}`).not.toBe(en);
      }
    }
    for (const locale of others) {
      for (const type of RECON_DOC_TYPES) expect(reportText(locale, `docType.${type}`)).not.toBe(type);
      for (const code of Object.keys(REASON_TEXTS) as (keyof typeof REASON_TEXTS)[])
        expect(reportText(locale, `review.${code}`), `${locale} ${code}`).not.toBe(REASON_TEXTS[code]);
      for (const state of OUTBOX_STATES) expect(reportText(locale, `state.${state}`)).not.toBe(state);
    }
    for (const code of Object.keys(REASON_TEXTS) as (keyof typeof REASON_TEXTS)[])
      expect(reportText('en', `review.${code}`)).toBe(REASON_TEXTS[code]);
  });

  it('use, in every language, exactly the parameters and optional segments of the English template', () => {
    const shape = (template: string) => ({
      params: [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort(),
      optional: [...template.matchAll(/\[([^\]]*)\]/g)].map((m) =>
        [...m[1]!.matchAll(/\{(\w+)\}/g)].map((p) => p[1]).sort(),
      ),
    });
    for (const code of REPORT_TEXT_CODES) {
      const english = shape(reportTemplate('en', code));
      for (const locale of REPORT_LOCALES) {
        const template = reportTemplate(locale, code);
        expect(template.trim(), `${locale} ${code}`).not.toBe('');
        expect(shape(template), `${locale} ${code}`).toEqual(english);
      }
    }
  });

  it('localize amounts the way each language writes them', () => {
    const different = { code: 'different' as const, params: PARAMS.different };
    expect(closeReasonText('sv', different)).toContain('1\u00A0234,50 brutto');
    expect(closeReasonText('da', different)).toContain('1.234,50 brutto');
    expect(closeReasonText('fi', different)).toContain('1\u00A0234,50 brutto');
  });

  it('translate review reasons, states, field and difference names, and localize amounts', () => {
    const waiting = { code: 'waiting' as const, params: PARAMS.waiting };
    expect(closeReasonText('en', waiting)).toBe(
      `Waiting in the review queue (blocked): ${REASON_TEXTS.period_closed}`,
    );
    expect(closeReasonText('nb', waiting)).toBe(
      'Venter i gjennomgangskøen (stoppet): Regnskapsperioden for dokumentdatoen er lukket i Visma; dokumentet bokføres når perioden åpnes.',
    );
    const different = { code: 'different' as const, params: PARAMS.different };
    expect(closeReasonText('en', different)).toBe(
      'Booked with a different amount, VAT: ServiceTitan minus Visma is 1,234.50 gross, -2.50 VAT.',
    );
    expect(closeReasonText('nb', different)).toBe(
      'Bokført med avvik i beløp, mva: ServiceTitan minus Visma er 1\u00A0234,50 brutto, -2,50 mva.',
    );
    expect(
      closeReasonText('nb', { code: 'changedAfterPosting', params: { fields: 'total, date, colour' } }),
    ).toBe('Endret i ServiceTitan etter bokføring: totalbeløp, dato, colour.');
    expect(
      closeReasonText('en', { code: 'waiting', params: { reviewReason: 'masterdata_drift', state: 'odd' } }),
    ).toBe('Waiting in the review queue (odd): masterdata_drift');
  });

  it('drop an optional segment whose parameter is missing', () => {
    expect(closeReasonText('en', { code: 'holdingAccount', params: { vismaNumber: '7' } })).toBe(
      'In Visma as 7 with lines on the holding account; not booked yet.',
    );
    expect(closeReasonText('nb', { code: 'holdingAccount', params: PARAMS.holdingAccount })).toBe(
      'Registrert i Visma som 100231 med linjer på oppsamlingskontoen; ikke bokført ennå. Til gjennomgang: En eller flere linjer ble bokført på oppsamlingskontoen; velg riktig konto og godkjenn.',
    );
    expect(interpolate('a[ b {x}][ c {y}]', { x: 1, y: '' })).toBe('a b 1');
    expect(interpolate('{missing}!', {})).toBe('!');
  });
});
