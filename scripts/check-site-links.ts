/**
 * Checks the documentation site TypeDoc built (docs/api, `npm run docs`): every
 * internal link and image of every page leads to a file of the site, and every
 * `#anchor` to an element of that page with that id. External links (http,
 * https, mailto) are not followed: CI has no network.
 *
 *   npx tsx scripts/check-site-links.ts [site folder, default docs/api]
 *
 * Exits 1 listing every broken link (page, link), 2 when the site is not built.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const site = resolve(process.argv[2] ?? 'docs/api');
if (!existsSync(join(site, 'index.html'))) {
  console.error(`check-site-links: ${site}/index.html is missing; run npm run docs first`);
  process.exit(2);
}

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? pages(path) : path.endsWith('.html') ? [path] : [];
  });
}

/** The ids of a page's elements (what `#anchor` may name), read once per page. */
const idsCache = new Map<string, ReadonlySet<string>>();
function idsOf(page: string): ReadonlySet<string> {
  let ids = idsCache.get(page);
  if (ids === undefined) {
    const html = readFileSync(page, 'utf8');
    ids = new Set([...html.matchAll(/\s(?:id|name)="([^"]*)"/g)].map((m) => decodeEntities(m[1]!)));
    idsCache.set(page, ids);
  }
  return ids;
}

function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

const broken: string[] = [];
let checked = 0;
for (const page of pages(site)) {
  const html = readFileSync(page, 'utf8');
  for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
    const link = decodeEntities(match[1]!);
    if (link === '' || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(link)) continue;
    checked++;
    const [path, anchor] = link.split('#', 2) as [string, string | undefined];
    const target = path === '' ? page : resolve(dirname(page), decodeURIComponent(path));
    if (!existsSync(target) || statSync(target).isDirectory()) {
      broken.push(`${relative(site, page)}: ${link} (no such file)`);
      continue;
    }
    if (anchor !== undefined && anchor !== '' && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(anchor))) {
      broken.push(`${relative(site, page)}: ${link} (no element with id "${decodeURIComponent(anchor)}")`);
    }
  }
}
if (broken.length > 0) {
  console.error(`check-site-links: ${broken.length} broken internal link(s) of ${checked}:`);
  for (const line of broken) console.error(`  ${line}`);
  process.exit(1);
}
console.log(`check-site-links: ${checked} internal links and images of ${pages(site).length} pages lead somewhere`);
