// The publishing guide's commands, run exactly as printed (each distinct `npx dti …` line of its
// ```sh blocks, in order) in an empty folder; `> file` redirects standard output as a shell would.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dtiAsync } from './support/cli.js';

const guide = readFileSync(resolve(__dirname, '../docs/guides/publishing-a-new-version.md'), 'utf8');

/** Splits a command line into words the way a POSIX shell does for plain words and "double" or 'single' quotes. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(line))) words.push(match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : (match[2] ?? match[3]!));
  return words;
}

function commandsOf(markdown: string): string[] {
  const lines: string[] = [];
  for (const block of markdown.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const raw of block[1]!.split('\n')) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      if (!lines.includes(line)) lines.push(line);
    }
  }
  return lines;
}

describe('docs/guides/publishing-a-new-version.md', () => {
  const commands = commandsOf(guide);

  it('has the whole cycle, ending with the new version used by name', () => {
    expect(commands.length).toBeGreaterThanOrEqual(10);
    expect(commands.every((line) => line.startsWith('npx dti '))).toBe(true);
    expect(guide).toMatch(/### Dùng phiên bản mới theo tên[\s\S]*### Use the new version by name\n[\s\S]*$/);
  });

  it('every command runs as printed and succeeds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dti-guide-'));
    copyFileSync(resolve(__dirname, '../examples/can-tho-2025/submissions.json'), join(dir, 'bai-nop-2025.json'));
    const before = process.cwd();
    process.chdir(dir);
    try {
      for (const line of commands) {
        const [command, target] = line.split(' > ');
        const words = shellWords(command!);
        expect(words.slice(0, 2)).toEqual(['npx', 'dti']);
        const { code, out, err } = await dtiAsync(...words.slice(2));
        expect(code, `${line}\n${err}`).toBe(0);
        if (target !== undefined) writeFileSync(target.trim(), out);
      }
      expect(JSON.parse(readFileSync('criteria/can-tho/2026.1.0.json', 'utf8'))).toMatchObject({ status: 'published', effective: { from: '2026-01-01' } });
      expect(readFileSync('thay-doi-2026.md', 'utf8')).toContain('2026.1.0');
      expect(existsSync('mau-tu-danh-gia-xa-2026.xlsx')).toBe(true);
      expect(JSON.parse(readFileSync('ket-qua-2026.json', 'utf8')).criteria.version).toBe('2026.1.0');
      expect(readFileSync('bao-cao-2026.html', 'utf8')).toContain('can-tho@2026.1.0');
    } finally {
      process.chdir(before);
    }
  });
});
