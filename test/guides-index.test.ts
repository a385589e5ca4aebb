// docs/guides/README.md, the guides by reader: every guide is listed there in both languages, every
// guide has a title in both languages (the name TypeDoc shows), and no guide links to a file that
// does not exist.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { section } from './support/shell-guide.js';

const root = resolve(__dirname, '..');
const dir = join(root, 'docs/guides');
const guides = readdirSync(dir).filter((name) => name.endsWith('.md')).sort();
const index = readFileSync(join(dir, 'README.md'), 'utf8');

/** The relative targets of a Markdown text's links (`[text](target)`), without their #fragment. */
const links = (markdown: string): string[] => [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((target) => !/^[a-z]+:/.test(target) && !target.startsWith('#')).map((target) => target.replace(/#.*$/, ''));

describe('docs/guides/README.md', () => {
  it('lists every guide, in the Vietnamese part and in the English part, under the readers it is for', () => {
    const vi = section(index, '## Tiếng Việt', '## English');
    const en = section(index, '## English');
    for (const guide of guides.filter((name) => name !== 'README.md')) {
      expect(links(vi), guide).toContain(guide);
      expect(links(en), guide).toContain(guide);
    }
    for (const reader of ['### Cán bộ Sở', '### Cán bộ xã', '### Lập trình viên', '### Người phân tích', '### Người kiểm tra', '### Người bảo trì']) expect(vi).toContain(reader);
    for (const reader of ['### DIC officers', '### Commune, ward and department officers', '### Portal developers', '### Analysts', '### Auditors', '### Maintainers']) expect(en).toContain(reader);
  });

  it('every guide has a title in both languages', () => {
    for (const guide of guides) {
      const title = /^---\ntitle: (.+)\n---\n/.exec(readFileSync(join(dir, guide), 'utf8'))?.[1];
      expect(title, guide).toMatch(/ \/ /);
    }
  });

  it('no guide (nor the README) links to a file that does not exist', () => {
    for (const file of [...guides.map((guide) => join(dir, guide)), join(root, 'README.md')]) {
      for (const target of links(readFileSync(file, 'utf8'))) expect(existsSync(resolve(dirname(file), target)), `${file}: ${target}`).toBe(true);
    }
  });
});
