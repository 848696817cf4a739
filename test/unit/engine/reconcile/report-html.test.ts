import { describe, expect, it } from 'vitest';
import { differenceChartSvg, differencesByUnit } from '../../../../main/engine/reconcile/report-chart';
import { reconciliationReportHtml } from '../../../../main/engine/reconcile/report-html';
import { AWKWARD_NAME, closeFixture, closeTotals } from './close-fixture';

/** The bars of the chart: each one's x, width and the title (unit and amount) it carries. */
function bars(svg: string) {
  return [
    ...svg.matchAll(
      /<rect class="bar bar-(\w+)" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[^>]*><title>([^<]*)<\/title>/g,
    ),
  ].map((m) => ({ sign: m[1], x: Number(m[2]), width: Number(m[3]), title: m[4] }));
}

const zeroX = (svg: string) => Number(/<line class="zero" x1="([\d.]+)"/.exec(svg)?.[1]);

describe('the printable report', () => {
  it('is one self-contained page: no scripts, no external resources, a CSP, print CSS for A4', () => {
    const { filename, html } = reconciliationReportHtml(closeFixture(), 'en');
    expect(filename).toBe('reconciliation-nordic-hvac-2024-03.html');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="en">');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(|@import/i);
    // The only address in an attribute is the SVG namespace (names may mention addresses: they are text).
    expect([...html.matchAll(/="[^"]*https?:[^"]*"/g)].map((m) => m[0])).toEqual([
      '="http://www.w3.org/2000/svg"',
    ]);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).toMatch(/@page \{ size: A4/);
    expect(html).toContain('@media print');
  });

  it('escapes every name that comes from ServiceTitan or Visma', () => {
    const hostile = '<script>alert(1)</script>';
    const r = closeFixture({ companyName: `Varme & <Co>` });
    r.entries[3]!.party.name = AWKWARD_NAME;
    r.entries[2]!.businessUnitName = hostile;
    r.totals[0]!.businessUnitName = `"><img src=x onerror=alert(1)>`;
    const { html } = reconciliationReportHtml(r, 'en');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>Co</b>');
    expect(html).not.toContain('<img');
    expect(html).toContain('Nilsen; &quot;Rør&quot; &amp; &lt;b&gt;Co&lt;/b&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<title>Month-end reconciliation 2024-03 – Varme &amp; &lt;Co&gt;</title>');
  });

  it('shows the header, the verdict and every checklist item with its count', () => {
    const { html } = reconciliationReportHtml(closeFixture(), 'nb');
    expect(html).toContain('<html lang="nb">');
    expect(html).toContain('Månedsavstemming 2024-03 · Nordisk Varme AS');
    expect(html).toContain('202403 (2024-03-01 – 2024-03-31)');
    expect(html).toContain('<dd>2024-04-02 10:00:00</dd>');
    expect(html).toContain('✗ Ikke klar til å lukke perioden');
    for (const [item, count] of [
      ['Ingenting venter i gjennomgangskøen', 1],
      ['Ingenting er ubekreftet av Visma', 0],
      ['Ingenting er ufrigitt i Visma', 1],
      ['Ingen uforklarte differanser i hovedboken', 1],
      ['Oppsamlingskontoen er tom', 1],
    ] as const)
      expect(html).toMatch(
        new RegExp(`<td>${item}</td><td class="(not-)?ok">[^<]*</td><td class="num">${count}</td>`),
      );
    expect(
      reconciliationReportHtml(closeFixture({ checklist: { ready: true, items: [] } }), 'en').html,
    ).toContain('✓ Ready to close');
  });

  it('has the totals, the GL with the unexplained account flagged, and the bucket counts', () => {
    const { html } = reconciliationReportHtml(closeFixture(), 'nb');
    expect(html).toContain(
      '<tr class="all"><td>Faktura</td><td>Alle avdelinger</td><td class="num">6</td><td class="num">750,00</td>',
    );
    expect(html).toContain('<td class="num">1\u00A0600,00</td>');
    expect(html).toContain('<tr class="unexplained"><td>3010</td>');
    expect(html).toContain('<td class="num">-1\u00A0000,00</td></tr>');
    expect(html).toContain('<td>Dobbelt i Visma</td><td class="num">1</td>');
  });

  it('lists every entry that needs attention by bucket and only counts the matched ones', () => {
    const { html } = reconciliationReportHtml(closeFixture(), 'en');
    const buckets = [...html.matchAll(/data-bucket="(\w+)"/g)].map((m) => m[1]);
    expect(buckets).toEqual([
      'notBooked',
      'waiting',
      'neverSynced',
      'changedInServiceTitan',
      'different',
      'duplicated',
      'postedByHand',
      'deletedInVisma',
      'ignored',
      'outsidePeriod',
    ]);
    expect(html).not.toContain('Booked and released in Visma as V1.');
    expect(html).toContain('Bergen Kulde AS<br><small>Visma 10077</small>');
    expect(html).toContain('<td class="num">-12.50</td>');
    const clean = reconciliationReportHtml(
      closeFixture({ entries: closeFixture().entries.slice(0, 1) }),
      'en',
    );
    expect(clean.html).toContain('Nothing needs attention.');
  });

  it('charts the difference of each business unit as one bar, negative ones left of the zero line', () => {
    const { html } = reconciliationReportHtml(closeFixture(), 'en');
    const svg = /<svg[\s\S]*?<\/svg>/.exec(html)![0];
    const found = bars(svg);
    expect(found.map((b) => b.title)).toEqual(['HVAC Service: 112.50', 'Rørlegger Øst: -475.00']);
    const zero = zeroX(svg);
    const [hvac, plumbing] = found;
    expect(hvac).toMatchObject({ sign: 'positive', x: zero });
    expect(plumbing!.sign).toBe('negative');
    expect(plumbing!.x + plumbing!.width).toBeCloseTo(zero, 1);
    expect(plumbing!.width / hvac!.width).toBeCloseTo(475 / 112.5, 1);
    expect(svg).toContain('>HVAC Service</text>');
    expect(svg).toContain('>-475.00</text>');
  });

  it('sums the differences per business unit over document types, exactly', () => {
    expect(differencesByUnit(closeTotals(), 'nb')).toEqual([
      { label: 'HVAC Service', difference: '112.50' },
      { label: 'Rørlegger Øst', difference: '-475.00' },
    ]);
    const svg = differenceChartSvg([{ label: 'Nothing', difference: '0.00' }], 'Chart', 'en');
    expect(bars(svg)).toEqual([{ sign: 'zero', x: zeroX(svg), width: 0, title: 'Nothing: 0.00' }]);
    const allNegative = differenceChartSvg(
      [
        { label: 'A', difference: '-10.00' },
        { label: 'B', difference: '-5.00' },
      ],
      'Chart',
      'en',
    );
    const [a, b] = bars(allNegative);
    expect(a!.x + a!.width).toBeCloseTo(zeroX(allNegative), 1);
    expect(a!.width).toBeCloseTo(2 * b!.width, 1);
  });
});
