import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitText, visibleText, VISMA_TEXT_LIMITS } from '../../../main/engine/mapping/visma-text';

const graphemes = (s: string) =>
  [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)].map((g) => g.segment);
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('visibleText', () => {
  it('turns control characters and line breaks into single spaces and drops NUL, DEL and C1 controls', () => {
    expect(visibleText('Rør\u0000legger\u0007\tservice\r\n\r\nkveld\u007f\u0085ok ')).toBe(
      'Rør legger service kveld ok',
    );
  });

  it('removes bidirectional overrides and isolates but keeps right-to-left letters, direction marks and Æ/Ø/Å', () => {
    expect(visibleText('Faktura \u202Eevil\u202C \u2067שלום\u2069 \u200Fمرحبا\u200E Æ Ø Å')).toBe(
      'Faktura evil שלום \u200Fمرحبا\u200E Æ Ø Å',
    );
  });

  it('removes byte-order marks and lone surrogates, keeps whole emoji', () => {
    expect(visibleText('\uFEFFPipe \uD83D valve \uDE00 👍🏽 👨‍👩‍👧')).toBe('Pipe valve 👍🏽 👨‍👩‍👧');
  });

  it('strips tags and decodes entities of HTML fields only', () => {
    expect(visibleText('<p>Rens &amp; spyling</p><br>av&nbsp;sluk &#248; &#x2713;', { html: true })).toBe(
      'Rens & spyling av sluk ø ✓',
    );
    expect(visibleText('Rør <20 mm> &amp;')).toBe('Rør <20 mm> &amp;');
  });
});

describe('fitText', () => {
  it('leaves a text that fits alone', () => {
    expect(fitText('Kort tekst', 40)).toEqual({ text: 'Kort tekst' });
  });

  it('shortens with an ellipsis and says from how long', () => {
    const long = 'Æ'.repeat(300);
    const fitted = fitText(long, VISMA_TEXT_LIMITS.lineDescription);
    expect(fitted.text).toHaveLength(256);
    expect(fitted.text.endsWith('Æ…')).toBe(true);
    expect(fitted.shortenedFrom).toBe(300);
  });

  it('never cuts inside a surrogate pair, a combining sequence or an emoji sequence', () => {
    expect(fitText('ab👍🏽cd', 5).text).toBe('ab…');
    expect(fitText('e\u0301e\u0301e\u0301', 4).text).toBe('e\u0301…');
    expect(fitText('👨‍👩‍👧👨‍👩‍👧', 10).text).toBe('👨‍👩‍👧…');
  });

  it('always fits, ends on a grapheme boundary, and keeps a prefix of the text (property)', () => {
    const pieces = fc.constantFrom('a', 'Ø', 'ש', '👍🏽', '👨‍👩‍👧', 'e\u0301', ' ', '🇳🇴', '\u200F');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 80 }), fc.integer({ min: 2, max: 60 }), (parts, limit) => {
        const text = visibleText(parts.join(''));
        const fitted = fitText(text, limit);
        expect(fitted.text.length).toBeLessThanOrEqual(limit);
        expect(loneSurrogate.test(fitted.text)).toBe(false);
        if (fitted.shortenedFrom === undefined) {
          expect(fitted.text).toBe(text);
          return;
        }
        const kept = fitted.text.slice(0, -1);
        expect(text.startsWith(kept)).toBe(true);
        const cut = graphemes(text);
        let prefix = '';
        const boundaries = new Set([''].concat(cut.map((g) => (prefix += g))));
        expect(boundaries.has(kept) || boundaries.has(kept + text.slice(kept.length).match(/^\s*/)![0])).toBe(
          true,
        );
      }),
      { seed: 20260620, numRuns: 500 },
    );
  });
});
