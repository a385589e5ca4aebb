import JSZip from 'jszip';

const RELATIONSHIP = /<Relationship\b[^>]*>/g;
const TARGET = /\bTarget="([^"]*)"/;
/** The parts exceljs reads only under its own names: comments and their VML drawings. */
const RENAMED_KINDS = [
  { type: /relationships\/comments"/, name: /^xl\/comments\d+\.xml$/, make: (n: number): string => `xl/comments${n}.xml` },
  { type: /relationships\/vmlDrawing"/, name: /^xl\/drawings\/vmlDrawing\d+\.vml$/, make: (n: number): string => `xl/drawings/vmlDrawing${n}.vml` },
] as const;

/** The folder of the part a `.rels` part belongs to (`xl/worksheets/_rels/sheet2.xml.rels` → `xl/worksheets/`). */
function ownerFolder(relsPath: string): string {
  return relsPath.replace(/_rels\/[^/]*\.rels$/, '');
}

/** `target` (a part name from the package root) relative to `folder`. */
function relative(folder: string, target: string): string {
  const from = folder.split('/').filter(Boolean);
  const to = target.split('/').filter(Boolean);
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/**
 * The bytes of a workbook package written the way the reader (exceljs)
 * expects the parts it reads, when another program wrote them otherwise:
 * relationship targets written from the package root (`/xl/comments/comment1.xml`,
 * as openpyxl writes them) are made relative to their part, and comment parts
 * and their drawings are given the names exceljs reads (`xl/comments1001.xml`,
 * `xl/drawings/vmlDrawing1002.vml`). A package that
 * needs neither is returned as it is. Nothing of a cell's content changes.
 *
 * @internal
 */
export async function normalizedPackage(bytes: Uint8Array): Promise<Uint8Array> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return bytes; // not a zip: the reader says so
  }
  const rels = Object.keys(zip.files).filter((name) => name.endsWith('.rels') && !zip.files[name]!.dir);
  let changed = false;
  let renames = 0;
  const renamed = new Map<string, string>();
  for (const name of rels) {
    const folder = ownerFolder(name);
    const xml = await zip.files[name]!.async('string');
    const next = xml.replace(RELATIONSHIP, (relationship) => {
      const target = TARGET.exec(relationship)?.[1];
      if (target === undefined || /^[a-z]+:/i.test(target)) return relationship; // external (http:, mailto:)
      let part = target.startsWith('/') ? target.slice(1) : new URL(target, `file:///${folder}`).pathname.slice(1);
      const kind = RENAMED_KINDS.find((entry) => entry.type.test(relationship));
      if (kind !== undefined && !kind.name.test(part)) {
        const name = renamed.get(part) ?? kind.make(++renames + 1000);
        renamed.set(part, name);
        part = name;
      }
      const written = relative(folder, part);
      return written === target ? relationship : relationship.replace(TARGET, `Target="${written}"`);
    });
    if (next !== xml) {
      zip.file(name, next);
      changed = true;
    }
  }
  if (!changed) return bytes;
  for (const [from, to] of renamed) {
    const part = zip.file(from);
    if (part === null) continue;
    zip.file(to, await part.async('uint8array'));
    zip.remove(from);
  }
  const types = zip.file('[Content_Types].xml');
  if (types !== null && renamed.size > 0) {
    let xml = await types.async('string');
    for (const [from, to] of renamed) xml = xml.split(`PartName="/${from}"`).join(`PartName="/${to}"`);
    zip.file('[Content_Types].xml', xml);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
}
