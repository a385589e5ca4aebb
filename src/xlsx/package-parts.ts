import JSZip from 'jszip';

/**
 * The workbook package as other programs write it, made into the shape the
 * reader's parser (exceljs) reads. exceljs finds its parts by fixed names
 * (`xl/workbook.xml`, `xl/worksheets/sheet1.xml`, `xl/comments1.xml`, ...),
 * follows only relative relationship targets, matches element and attribute
 * names with their prefixes as exceljs writes them, and reads an ISO date
 * cell (`t="d"`) as the number of its year. Spreadsheet programs write all of
 * these otherwise, each as the format allows:
 *
 * - relationship targets from the package root (`/xl/worksheets/sheet1.xml`:
 *   openpyxl, Google Sheets' `/xl/...` forms);
 * - parts under other names (a worksheet `xl/worksheets/form.xml`, sheets
 *   numbered in another order than the workbook lists them, comments under
 *   `xl/comments/comment1.xml`, a workbook part that is not `xl/workbook.xml`);
 * - the SpreadsheetML namespace under a prefix (`<x:worksheet xmlns:x=...>`,
 *   as the Open XML SDK writes) and the relationships namespace under
 *   another prefix than `r`;
 * - ISO 8601 date cells (`<c t="d"><v>2022-03-15</v></c>`), which become
 *   the date serial number with a date format, as Excel stores dates;
 * - the 1904 date system said `date1904="true"` (LibreOffice) rather than
 *   `"1"`, which exceljs would take for the 1900 system (dates 4 years off);
 * - built-in number formats exceljs has no text for (the East Asian and
 *   Thai date formats 27–36, 50–58, 71–81 and Thai percents 67–68), which
 *   get their format text so that a date is read as a date, a percent as a
 *   percent, never as a plain number.
 *
 * Nothing of a cell's value changes. A package that needs none of it is
 * returned as it is. A package in the Strict conformance of Open XML
 * (Excel's "Strict Open XML Spreadsheet", other namespaces throughout) is
 * not made over: `'strict'` says so, for the reader to ask for an ordinary
 * `.xlsx`.
 *
 * @internal
 */
export async function normalizedPackage(bytes: Uint8Array): Promise<Uint8Array | 'strict'> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return bytes; // not a zip: the reader says so
  }
  const pkg = new Package(zip);
  await pkg.load();
  if (pkg.strict) return 'strict';
  pkg.canonicalNames();
  await pkg.rewrite();
  return pkg.changed ? zip.generateAsync({ type: 'uint8array', compression: 'STORE' }) : bytes;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_TYPE = /\/relationships\/([A-Za-z]+)$/;
/** Relationship types of Strict Open XML start so (the transitional ones with `http://schemas.openxmlformats.org/`). */
const STRICT_RELATIONSHIPS = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';

/** One relationship of a `.rels` part, its target as a part name from the package root. */
interface Relationship {
  readonly type: string;
  /** The part name (`xl/worksheets/sheet1.xml`); `undefined` for an external target. */
  readonly part: string | undefined;
}

/** A `.rels` part: the part it belongs to (`''` for the package) and its relationships. */
interface RelsPart {
  readonly owner: string;
  readonly relationships: Relationship[];
}

/**
 * The parts exceljs reads, by the name it reads them under, and how a part of
 * that kind is renamed when its name is not one exceljs reads.
 */
const KINDS: Readonly<Record<string, { readonly fits: RegExp; readonly name: (n: number) => string }>> = {
  officeDocument: { fits: /^xl\/workbook\.xml$/, name: () => 'xl/workbook.xml' },
  worksheet: { fits: /^xl\/worksheets\/sheet\d+\.xml$/, name: (n) => `xl/worksheets/sheet${n}.xml` },
  sharedStrings: { fits: /^xl\/sharedStrings\.xml$/, name: () => 'xl/sharedStrings.xml' },
  styles: { fits: /^xl\/styles\.xml$/, name: () => 'xl/styles.xml' },
  comments: { fits: /^xl\/comments\d+\.xml$/, name: (n) => `xl/comments${n}.xml` },
  vmlDrawing: { fits: /^xl\/drawings\/vmlDrawing\d+\.vml$/, name: (n) => `xl/drawings/vmlDrawing${n}.vml` },
  drawing: { fits: /^xl\/drawings\/[a-zA-Z0-9]+\.xml$/, name: (n) => `xl/drawings/drawing${n}.xml` },
};

/** The kinds of part exceljs parses as SpreadsheetML (their prefixes are made exceljs's). */
const SPREADSHEET_KINDS = new Set(['officeDocument', 'worksheet', 'sharedStrings', 'styles', 'comments']);

/**
 * Built-in number formats exceljs has no text for, by id: the East Asian and Thai
 * dates and times (ECMA-376 Part 1, 18.8.30) and the Thai percents. The text only
 * needs to say what the cell holds: a date (any date format) or a percent.
 */
const BUILT_IN_FORMATS: ReadonlyMap<number, string> = new Map([
  ...[27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81].map((id): [number, string] => [id, 'yyyy-mm-dd']),
  [67, '0%'],
  [68, '0.00%'],
]);

/** A tag with its attributes (quoted values may hold `>`); no comments, declarations or CDATA. */
const TAG = /<(\/?)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTRIBUTE = /(\s+)([^\s=/>]+)(\s*=\s*)("[^"]*"|'[^']*')/g;

function folderOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return slash < 0 ? '' : part.slice(0, slash + 1);
}

/** The part a `.rels` part belongs to (`xl/worksheets/_rels/sheet2.xml.rels` → `xl/worksheets/sheet2.xml`; `_rels/.rels` → `''`). */
function ownerOf(relsPath: string): string {
  const match = /^(.*?)_rels\/([^/]*)\.rels$/.exec(relsPath);
  return match ? `${match[1]}${match[2]}` : '';
}

/** The `.rels` part of a part (`''` → `_rels/.rels`). */
function relsOf(part: string): string {
  const folder = folderOf(part);
  return `${folder}_rels/${part.slice(folder.length)}.rels`;
}

/** `part` (a name from the package root) relative to `folder`. */
function relative(folder: string, part: string): string {
  const from = folder.split('/').filter(Boolean);
  const to = part.split('/').filter(Boolean);
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** A relationship's target as a part name, `undefined` when external. */
function targetPart(owner: string, target: string, external: boolean): string | undefined {
  if (external || /^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined;
  const path = target.startsWith('/') ? target : `/${folderOf(owner)}${target}`;
  const resolved = new URL(path, 'file:///').pathname.slice(1);
  try {
    return decodeURIComponent(resolved);
  } catch {
    return resolved;
  }
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return match ? (match[1] ?? match[2]) : undefined;
}

/**
 * The document with the namespaces of `canonical` (URI → prefix, `''` for the
 * default namespace) under their canonical prefixes, elements and attributes
 * alike; unchanged when a prefix is bound to two namespaces, or when a
 * canonical prefix is taken by another namespace (nothing is guessed).
 */
function canonicalPrefixes(xml: string, canonical: Readonly<Record<string, string>>): string {
  const bound = new Map<string, string>(); // prefix ('' default) → URI
  for (const match of xml.matchAll(/\sxmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const prefix = match[1] ?? '';
    const uri = match[2] ?? match[3] ?? '';
    if (bound.has(prefix) && bound.get(prefix) !== uri) return xml;
    bound.set(prefix, uri);
  }
  const renames = new Map<string, string>();
  for (const [prefix, uri] of bound) {
    const wanted = canonical[uri];
    if (wanted === undefined || wanted === prefix) continue;
    const holder = bound.get(wanted);
    if (holder !== undefined && holder !== uri) return xml;
    renames.set(prefix, wanted);
  }
  if (renames.size === 0) return xml;
  const renamed = (qualified: string): string => {
    const colon = qualified.indexOf(':');
    const prefix = colon < 0 ? '' : qualified.slice(0, colon);
    const to = colon < 0 ? undefined : renames.get(prefix);
    if (to === undefined) return qualified;
    const local = qualified.slice(colon + 1);
    return to === '' ? local : `${to}:${local}`;
  };
  return xml.replace(TAG, (_tag, close: string, prefix: string | undefined, local: string, attributes: string, selfClose: string) => {
    const name = renamed(`${prefix ?? ''}${local}`);
    const written = new Set<string>();
    const rest = attributes.replace(ATTRIBUTE, (_all, space: string, key: string, equals: string, value: string) => {
      let next = key;
      if (key.startsWith('xmlns:')) {
        const to = renames.get(key.slice(6));
        if (to !== undefined) next = to === '' ? 'xmlns' : `xmlns:${to}`;
      } else if (key !== 'xmlns') {
        next = renamed(key);
      }
      // The same declaration twice on one element (`xmlns="main" xmlns:x="main"`): once is enough.
      if (written.has(next)) return '';
      written.add(next);
      return `${space}${next}${equals}${value}`;
    });
    return `<${close}${name}${rest}${selfClose}>`;
  });
}

/** Days from 1899-12-30 (Excel's day 0 in the 1900 system, after its 1900-02-29) or 1904-01-01. */
function dateSerial(iso: string, date1904: boolean): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?:Z|[+-]00:?00)?)?$/.exec(iso.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = ''] = match;
  const time = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) + Number(fraction || 0) * 1000;
  if (Number.isNaN(time)) return undefined;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return (time - epoch) / 86_400_000;
}

class Package {
  changed = false;
  /** The package's relationships are those of Strict Open XML (`http://purl.oclc.org/ooxml/...`). */
  strict = false;
  private readonly rels = new Map<string, RelsPart>();
  private readonly renames = new Map<string, string>();
  /** Part name (after renaming) → its kind, for the parts exceljs reads. */
  private readonly kinds = new Map<string, string>();

  constructor(private readonly zip: JSZip) {}

  private names(): string[] {
    return Object.keys(this.zip.files).filter((name) => !this.zip.files[name]!.dir);
  }

  async load(): Promise<void> {
    for (const name of this.names().filter((entry) => entry.endsWith('.rels'))) {
      const owner = ownerOf(name);
      const xml = await this.zip.files[name]!.async('string');
      if (xml.includes(STRICT_RELATIONSHIPS)) this.strict = true;
      const relationships: Relationship[] = [];
      for (const [tag] of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
        const target = attribute(tag, 'Target');
        if (target === undefined) continue;
        const type = REL_TYPE.exec(attribute(tag, 'Type') ?? '')?.[1] ?? '';
        relationships.push({ type, part: targetPart(owner, target, attribute(tag, 'TargetMode') === 'External') });
      }
      this.rels.set(name, { owner, relationships });
    }
  }

  /** Gives each part exceljs reads a name it reads, following the relationships from the package root. */
  canonicalNames(): void {
    const taken = new Set(this.names());
    const used = new Map<string, Set<number>>();
    const number = (kind: string, part: string): number | undefined => {
      const match = /(\d+)\.[a-z]+$/.exec(part);
      return match && KINDS[kind]!.fits.test(part) ? Number(match[1]) : undefined;
    };
    const visit = (owner: string, depth: number): void => {
      const rels = this.rels.get(relsOf(owner));
      if (!rels || depth > 2) return;
      for (const relationship of rels.relationships) {
        const kind = KINDS[relationship.type];
        const part = relationship.part;
        if (!kind || part === undefined || !taken.has(part) || this.kinds.has(this.renames.get(part) ?? part)) continue;
        let name = part;
        if (!kind.fits.test(part)) {
          const numbers = used.get(relationship.type) ?? new Set(this.names().map((entry) => number(relationship.type, entry)).filter((n): n is number => n !== undefined));
          used.set(relationship.type, numbers);
          let n = 1;
          while (numbers.has(n) || taken.has(kind.name(n))) n++;
          name = kind.name(n);
          if (taken.has(name)) continue; // a fixed name taken by another part: leave both as they are
          numbers.add(n);
          taken.add(name);
          this.renames.set(part, name);
        }
        this.kinds.set(name, relationship.type);
        if (relationship.type === 'officeDocument' || relationship.type === 'worksheet') visit(part, depth + 1);
      }
    };
    visit('', 0);
  }

  async rewrite(): Promise<void> {
    const zip = this.zip;
    const renamed = (part: string): string => this.renames.get(part) ?? part;
    // Parts moved, with their relationships.
    for (const [from, to] of this.renames) {
      const bytes = await zip.file(from)!.async('uint8array');
      zip.remove(from);
      zip.file(to, bytes);
      this.changed = true;
    }
    // Relationship targets relative to their (renamed) owner; `.rels` parts follow their owner.
    for (const [relsName, rels] of this.rels) {
      const owner = renamed(rels.owner);
      const newName = rels.owner === '' ? relsName : relsOf(owner);
      let xml = await zip.file(relsName)!.async('string');
      let index = 0;
      const next = canonicalPrefixes(xml, { [PACKAGE_REL_NS]: '' }).replace(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g, (tag) => {
        const relationship = rels.relationships[index];
        if (attribute(tag, 'Target') !== undefined) index++;
        if (relationship?.part === undefined) return tag;
        const written = relative(folderOf(owner), renamed(relationship.part));
        return attribute(tag, 'Target') === written ? tag : tag.replace(/(\sTarget\s*=\s*)(?:"[^"]*"|'[^']*')/, `$1"${written}"`);
      });
      if (next !== xml || newName !== relsName) {
        zip.remove(relsName);
        xml = next;
        zip.file(newName, xml);
        this.changed = true;
      }
    }
    const types = zip.file('[Content_Types].xml');
    if (types !== null && this.renames.size > 0) {
      let xml = await types.async('string');
      for (const [from, to] of this.renames) xml = xml.split(`PartName="/${from}"`).join(`PartName="/${to}"`);
      zip.file('[Content_Types].xml', xml);
    }
    // The SpreadsheetML parts: exceljs's prefixes, dates and formats exceljs reads as such.
    const date1904 = await this.date1904();
    let dateStyle: number | undefined;
    for (const [part, kind] of [...this.kinds].sort(([, a], [, b]) => (a === 'styles' ? -1 : b === 'styles' ? 1 : 0))) {
      if (!SPREADSHEET_KINDS.has(kind)) continue;
      const file = zip.file(part);
      if (file === null) continue;
      const xml = await file.async('string');
      let next = canonicalPrefixes(xml, { [MAIN_NS]: '', [REL_NS]: 'r' });
      // xsd:boolean `true` (LibreOffice writes it) where exceljs takes only `1`: a 1904 workbook's dates would move 4 years.
      if (kind === 'officeDocument') next = next.replace(/(<workbookPr\b[^>]*\sdate1904\s*=\s*)(?:"true"|'true')/, '$1"1"');
      if (kind === 'styles') next = withBuiltInFormats(next);
      if (kind === 'worksheet' && /\st\s*=\s*["']d["']/.test(next)) {
        dateStyle ??= await this.addDateStyle();
        next = withDateSerials(next, date1904, dateStyle);
      }
      if (next !== xml) {
        zip.file(part, next);
        this.changed = true;
      }
    }
  }

  private async date1904(): Promise<boolean> {
    const xml = await this.zip.file('xl/workbook.xml')?.async('string');
    const pr = xml === undefined ? undefined : /<(?:[\w.-]+:)?workbookPr\b[^>]*>/.exec(xml)?.[0];
    const value = pr === undefined ? undefined : attribute(pr, 'date1904');
    return value === '1' || value === 'true';
  }

  /** Adds a cell format showing a date and time (built-in 22) to the styles; its index, `undefined` without styles. */
  private async addDateStyle(): Promise<number | undefined> {
    const file = this.zip.file('xl/styles.xml');
    if (file === null) return undefined;
    const xml = await file.async('string');
    const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml);
    if (!cellXfs) return undefined;
    const count = [...cellXfs[1]!.matchAll(/<xf\b/g)].length;
    const added = cellXfs[0]
      .replace(/<\/cellXfs>$/, '<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>')
      .replace(/(<cellXfs\b[^>]*\bcount\s*=\s*)["']\d+["']/, `$1"${count + 1}"`);
    this.zip.file('xl/styles.xml', xml.replace(cellXfs[0], added));
    return count;
  }
}

/** Styles with a format text for each built-in format exceljs has none for (see {@link BUILT_IN_FORMATS}). */
function withBuiltInFormats(xml: string): string {
  const cellXfs = /<cellXfs\b[\s\S]*?<\/cellXfs>/.exec(xml)?.[0] ?? '';
  const ids = new Set([...cellXfs.matchAll(/\snumFmtId\s*=\s*["'](\d+)["']/g)].map((match) => Number(match[1])));
  const defined = new Set([...xml.matchAll(/<numFmt\b[^>]*\snumFmtId\s*=\s*["'](\d+)["']/g)].map((match) => Number(match[1])));
  const missing = [...ids].filter((id) => BUILT_IN_FORMATS.has(id) && !defined.has(id));
  if (missing.length === 0) return xml;
  const formats = missing.map((id) => `<numFmt numFmtId="${id}" formatCode="${BUILT_IN_FORMATS.get(id)!}"/>`).join('');
  if (/<numFmts\b[^>]*\/>/.test(xml)) return xml.replace(/<numFmts\b[^>]*\/>/, `<numFmts count="${missing.length}">${formats}</numFmts>`);
  if (/<numFmts\b/.test(xml)) {
    return xml.replace(/(<numFmts\b[^>]*>)([\s\S]*?)<\/numFmts>/, (_all, open: string, inner: string) => {
      const count = [...inner.matchAll(/<numFmt\b/g)].length + missing.length;
      return `${open.replace(/\scount\s*=\s*["']\d+["']/, ` count="${count}"`)}${inner}${formats}</numFmts>`;
    });
  }
  return xml.replace(/(<styleSheet\b[^>]*>)/, `$1<numFmts count="${missing.length}">${formats}</numFmts>`);
}

/**
 * A worksheet whose ISO date cells (`t="d"`) hold the date's serial number in
 * the date format `style`, as Excel stores a date; a `t="d"` cell whose text is
 * no date (or without styles to show it) becomes a text cell of that text.
 */
function withDateSerials(xml: string, date1904: boolean, style: number | undefined): string {
  return xml.replace(/<c\b((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*>([\s\S]*?)<\/c>/g, (cell, attributes: string, inner: string) => {
    if (attribute(attributes, 't') !== 'd') return cell;
    const text = /<v>([^<]*)<\/v>/.exec(inner)?.[1] ?? '';
    const serial = dateSerial(text, date1904);
    const rest = attributes.replace(/\st\s*=\s*["']d["']/, '');
    if (serial === undefined || style === undefined) {
      const formula = /<f\b[\s\S]*?<\/f>|<f\b[^>]*\/>/.exec(inner)?.[0];
      return formula === undefined ? `<c${rest} t="inlineStr"><is><t>${text}</t></is></c>` : `<c${rest} t="str">${formula}<v>${text}</v></c>`;
    }
    const styled = /\ss\s*=/.test(rest) ? rest.replace(/(\ss\s*=\s*)(?:"[^"]*"|'[^']*')/, `$1"${style}"`) : `${rest} s="${style}"`;
    return `<c${styled}>${inner.replace(/<v>[^<]*<\/v>/, `<v>${serial}</v>`)}</c>`;
  });
}
