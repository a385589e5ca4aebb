/**
 * `evidenceHref` (spec §12): a page links to an evidence URL only when the
 * scorer accepts it, so a `javascript:` address is never a live `href`; and
 * it agrees with the scorer's `evidence/url` on any text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evidenceHref, safeScoreBatch } from '../src/index.js';
import { getCriteria } from '../src/sets/index.js';

const runs = Number(process.env.FC_RUNS ?? 200);
const criteria = getCriteria('can-tho@2022.1.0');

/** Whether the scorer refuses `url` as a link's address (`evidence/url` at the entry's `url`). */
function scorerRefuses(url: string): boolean {
  const outcome = safeScoreBatch(criteria, { units: [{ id: 'u', level: 'commune', values: {}, evidence: { 'CQS.2.1': [{ kind: 'link', url }] } }] });
  if (outcome.ok) return false;
  expect(outcome.issues.map((issue) => `${issue.code} ${issue.path}`)).toEqual(['evidence/url units[0].evidence["CQS.2.1"][0].url']);
  return true;
}

describe('evidenceHref', () => {
  it('keeps an http(s) address with a host, unchanged', () => {
    for (const url of ['https://cantho.gov.vn/ke-hoach-cds-2022', 'http://caikhe.ninhkieu.cantho.gov.vn', 'HTTPS://CANTHO.GOV.VN/A?b=1#c', 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.000', 'https://xn--cnth-nta.vn/', 'https://cần-thơ.vn/văn-bản']) {
      expect(evidenceHref(url), url).toBe(url);
    }
    // Read as browsers read them (WHATWG URL): still http(s) addresses with a host, so linked as the scorer accepts them.
    for (const url of ['https:///cantho.gov.vn', 'http:cantho.gov.vn']) expect(evidenceHref(url), url).toBe(url);
  });

  it('never returns a script, data or file address, nor one that browsers would read as one', () => {
    const bad = [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      '\tjavascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0000javascript:alert(1)',
      'javascript\u200b:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'blob:https://cantho.gov.vn/x',
      'mailto:so@cantho.gov.vn',
      'ftp://cantho.gov.vn/a',
    ];
    for (const url of bad) expect(evidenceHref(url), JSON.stringify(url)).toBeUndefined();
  });

  it('refuses relative, host-less, spaced and malformed addresses, and anything not a string', () => {
    for (const url of ['', ' ', '//evil.example/x', '/van-ban/12.pdf', 'cantho.gov.vn', 'https://', 'https://cantho.gov.vn/ke hoach', 'https://cantho.gov.vn ', 'https://[::1', 'javascript&colon;alert(1)']) {
      expect(evidenceHref(url), JSON.stringify(url)).toBeUndefined();
    }
    expect(evidenceHref(undefined)).toBeUndefined();
    for (const value of [null, 42, { href: 'https://cantho.gov.vn' }, ['https://cantho.gov.vn']]) expect(evidenceHref(value as unknown as string)).toBeUndefined();
  });

  it('agrees with the scorer: linked exactly when the scorer does not refuse the address', () => {
    const schemes = fc.constantFrom('http', 'https', 'HTTP', 'javascript', 'JaVaScRiPt', 'data', 'file', 'vbscript', 'ftp', '');
    const rest = fc.string({ unit: fc.constantFrom(...'ab.-/:?#%@[] \t\n\u0000\u200b\u00a0ầ'.split('')), maxLength: 24 });
    const url = fc.oneof(
      fc.tuple(schemes, fc.constantFrom(':', '://', ':///', ' :'), rest).map(([s, sep, r]) => `${s}${sep}${r}`),
      fc.string({ maxLength: 30 }),
      // Addresses that should be linked, and the same with a slip a browser would drop or read otherwise.
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.tuple(fc.webUrl(), fc.constantFrom(' ', '\t', '\n', '\u0000'), fc.nat(40)).map(([u, c, i]) => `${u.slice(0, i % (u.length + 1))}${c}${u.slice(i % (u.length + 1))}`),
    );
    let linked = 0;
    let refused = 0;
    fc.assert(
      fc.property(url, (text) => {
        const href = evidenceHref(text);
        if (href === undefined) refused++;
        else linked++;
        expect(href === undefined, JSON.stringify(text)).toBe(scorerRefuses(text));
        if (href !== undefined) expect(['http:', 'https:']).toContain(new URL(href).protocol);
      }),
      { numRuns: runs },
    );
    // Both sides were tried.
    expect(linked).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});
