// docs/guides/portal-developer.md: its TypeScript blocks run, in order, as one program of the sources
// (test/support/printed-code.ts), and each `console.log(x); // expected` line prints what it says.
// The network is the one thing stubbed: `fetch` serves a criteria folder as the DIC publishes it
// (manifest.json and can-tho/2026.1.0.json, published by the library's own functions), and a second
// run serves the set with one point changed, which the program's hash check must refuse. The bundle
// sizes the guide gives are the README's.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildManifest, parseCriteria } from '../src/index.js';
import { canTho2025 } from '../src/sets/index.js';
import { checkedLines, runPrinted, typescriptBlocks } from './support/printed-code.js';
import { section } from './support/shell-guide.js';

const root = resolve(__dirname, '..');
const guide = readFileSync(join(root, 'docs/guides/portal-developer.md'), 'utf8');
const viPart = section(guide, '## Tiếng Việt', '## English');
const enPart = section(guide, '## English');
const blocks = typescriptBlocks(viPart);

/** The DIC's criteria folder for 2026, as files under the address the guide names. */
function publishedFolder(change?: (set: Record<string, unknown>) => void): Map<string, string> {
  const set = JSON.parse(JSON.stringify(canTho2025)) as Record<string, unknown>;
  Object.assign(set, { version: '2026.1.0', status: 'published', effective: { from: '2026-01-01', to: null } });
  const manifest = buildManifest([parseCriteria(set)]);
  change?.(set);
  const base = /const CRITERIA_URL = '([^']+)';/.exec(guide)![1]!;
  return new Map([[`${base}manifest.json`, JSON.stringify(manifest, null, 2)], [`${base}${manifest.sets[0]!.file}`, JSON.stringify(set, null, 2)]]);
}

function serve(files: Map<string, string>): void {
  vi.stubGlobal('fetch', async (url: URL | string) => {
    const body = files.get(String(url));
    return new Response(body ?? 'not found', { status: body === undefined ? 404 : 200 });
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('docs/guides/portal-developer.md', () => {
  it('the English part shows the same code as the Vietnamese part', () => {
    expect(typescriptBlocks(enPart)).toEqual(blocks);
  });

  it('runs as printed, and prints what it says', async () => {
    expect(blocks.length).toBe(6);
    const code = blocks.join('\n');
    expect(checkedLines(code).length).toBeGreaterThanOrEqual(20);
    serve(publishedFolder());
    await runPrinted('portal-developer-guide', code);
  }, 120_000);

  it('refuses a set file that is not the one published (its sha256 differs from the manifest)', async () => {
    serve(publishedFolder((set) => {
      (set['title'] as Record<string, string>)['vi'] += ' (sửa)';
    }));
    await expect(runPrinted('portal-developer-guide-tampered', blocks.join('\n'))).rejects.toThrow('can-tho@2026.1.0: not the file published (sha256 differs)');
  }, 120_000);

  it('what it says of the scorer: 120 typed in a % field, read as 1.2, is a percent slip in data terms', async () => {
    const { safeScoreBatch } = await import('../src/index.js');
    const scored = safeScoreBatch(canTho2025, { units: [{ id: 'phuong-an-binh', level: 'commune', values: { 'CQS.7.3': '1.2' } }] });
    expect(scored.ok ? [] : scored.issues.map((issue) => issue.code)).toEqual(['value/percent-slip']);
  });

  it('gives the bundle sizes the README states', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const core = /([\d.]+)\s*kB\**\s+minified and gzipped/.exec(readme)![1]!;
    const portal = /portal that scores with one embedded set ships about ([\d.]+)\s*kB/.exec(readme)![1]!;
    for (const part of [viPart, enPart]) {
      expect(part).toContain(`**${core} kB**`);
      expect(part).toContain(`**${portal} kB**`);
    }
  });
});
