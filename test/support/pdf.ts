// Workbooks printed to PDF by headless LibreOffice, and their pages read back with poppler
// (pdfinfo, pdftotext): page sizes, the words on each page and where they are.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The programs printing needs that are not on the PATH. */
export function missingTools(): string[] {
  return ['soffice', 'pdfinfo', 'pdftotext', 'pdffonts'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
}

/**
 * Converts workbooks to PDF in one LibreOffice run, with a profile of its own (runs in parallel
 * do not share one); returns the PDFs' paths, in the order given.
 */
export function printToPdf(files: readonly string[], outDir: string): string[] {
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files], { stdio: 'pipe', timeout: 180_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return files.map((file) => join(outDir, basename(file).replace(/\.xlsx$/, '.pdf')));
}

/** A word on a page and its box, in points from the top left. */
export interface PdfWord {
  readonly text: string;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** One page: its size in points and its words. */
export interface PdfPage {
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly words: readonly PdfWord[];
}

// pdftotext -bbox writes an apostrophe as &apos; (older versions &#39;).
const unescape = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');

/** The pages of a PDF (pdfinfo for the sizes, `pdftotext -bbox` for the words). */
export function pagesOf(pdf: string): PdfPage[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '100000', pdf], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((match) => ({ number: Number(match[1]), width: Number(match[2]), height: Number(match[3]) }));
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages = html.split(/<page\b/).slice(1);
  if (pages.length !== sizes.length) throw new Error(`${pdf}: pdfinfo gives ${sizes.length} pages, pdftotext ${pages.length}`);
  return sizes.map((size, index) => ({
    ...size,
    words: [...pages[index]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((match) => ({
      x0: Number(match[1]), y0: Number(match[2]), x1: Number(match[3]), y1: Number(match[4]), text: unescape(match[5]!),
    })),
  }));
}

/** Whether a page is A4 (595 × 842 points, either way round), within 1 point. */
export function isA4(page: PdfPage): 'portrait' | 'landscape' | false {
  const near = (a: number, b: number): boolean => Math.abs(a - b) <= 1;
  if (near(page.width, 595.3) && near(page.height, 841.9)) return 'portrait';
  if (near(page.width, 841.9) && near(page.height, 595.3)) return 'landscape';
  return false;
}

/**
 * Words printed over other words: a row too short for its wrapped text prints its last lines
 * over the next row. Lines of one cell touch (their boxes include the font's ascent and descent),
 * so only overlaps of more than 40 % of a word's height count.
 */
export function overlappingWords(page: PdfPage): [string, string][] {
  const out: [string, string][] = [];
  const words = page.words;
  for (let a = 0; a < words.length; a++) {
    for (let b = a + 1; b < words.length; b++) {
      const p = words[a]!;
      const q = words[b]!;
      const across = Math.min(p.x1, q.x1) - Math.max(p.x0, q.x0);
      const down = Math.min(p.y1, q.y1) - Math.max(p.y0, q.y0);
      if (across > 0.5 && down > 0.4 * Math.min(p.y1 - p.y0, q.y1 - q.y0)) out.push([p.text, q.text]);
    }
  }
  return out;
}

/** Whether `page` holds every word of `words`, as many times as it is there. */
export function holdsAll(page: PdfPage, words: readonly string[]): boolean {
  const count = new Map<string, number>();
  for (const word of page.words) count.set(word.text, (count.get(word.text) ?? 0) + 1);
  for (const word of words) {
    const left = count.get(word) ?? 0;
    if (left === 0) return false;
    count.set(word, left - 1);
  }
  return true;
}

/** The words of texts, as pdftotext splits them (at white space). */
export function wordsOf(...texts: readonly string[]): string[] {
  return texts.flatMap((text) => text.split(/\s+/).filter((word) => word !== ''));
}
