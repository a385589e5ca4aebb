// The layers of src/ (docs/guides/architecture.md), checked by dependency-cruiser as CI does, and
// a check that the checker does refuse an upward import, a sideways one and a cycle.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const config = resolve('.dependency-cruiser.cjs');
const depcruise = resolve('node_modules/.bin/depcruise');
const cruise = (cwd: string): { status: number | null; out: string } => {
  const result = spawnSync(depcruise, ['src', '--config', config, '--output-type', 'err'], { cwd, encoding: 'utf8' });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
};

describe('layers', () => {
  it('src/ has no upward, sideways or circular import', () => {
    const { status, out } = cruise(process.cwd());
    expect(out).toContain('no dependency violations found');
    expect(status).toBe(0);
  }, 60_000);

  it('the checker refuses format → rules, xlsx → csv and a cycle', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dti-layers-'));
    const files: Record<string, string> = {
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }),
      'src/format/a.ts': "import { b } from '../rules/b.js';\nexport const a = b;\n",
      'src/rules/b.ts': 'export const b = 1;\n',
      'src/xlsx/c.ts': "import { d } from '../csv/d.js';\nexport const c = d;\n",
      'src/csv/d.ts': 'export const d = 1;\n',
      'src/scoring/e.ts': "import { f } from './f.js';\nexport const e = (): number => f();\n",
      'src/scoring/f.ts': "import { e } from './e.js';\nexport const f = (): number => e();\n",
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const { status, out } = cruise(dir);
    expect(status).not.toBe(0);
    expect(out).toContain('format-not-to-rules: src/format/a.ts → src/rules/b.ts');
    expect(out).toContain('xlsx-not-sideways: src/xlsx/c.ts → src/csv/d.ts');
    expect(out).toMatch(/no-circular: src\/scoring\/[ef]\.ts/);
  }, 60_000);
});
