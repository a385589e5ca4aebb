import { rememberHash } from '../compile/criteria-hash.js';
import type { CriteriaSource } from '../criteria/registry.js';
import { safeParseCriteria } from '../compile/parse-criteria.js';
import { compactJsonText } from '../format/json-text.js';
import { isSealed, sealOwned } from '../format/sealed.js';
import type { CriteriaSet } from '../compile/types.js';
import { EMBEDDED_FACTS, EMBEDDED_HASHES } from './hashes.js';

/**
 * Deep-freezes an embedded set's JSON module data (the library owns it), with
 * its hash computed at build time; the same object every time it is asked for.
 * Checked in full at build time (and by the tests), it is only compiled on
 * first use, without its schema check.
 */
export function embed(data: unknown): CriteriaSet {
  const set = data as CriteriaSet;
  if (isSealed(set)) return set;
  sealOwned(set, true);
  const sha256 = EMBEDDED_HASHES[`${set.id}@${set.version}`];
  if (sha256 !== undefined) rememberHash(set, sha256);
  return set;
}

/** An embedded set's JSON module data, by `id@version`: read (deep-frozen) only when asked for. */
export type EmbeddedData = Readonly<Record<string, unknown>>;

/**
 * The embedded sets as a registry source named `embedded`: listed from the
 * facts written at build time (`hashes.ts`), each set frozen and compiled only
 * when it is resolved.
 */
export function embeddedSource(data: EmbeddedData): CriteriaSource {
  return {
    name: 'embedded',
    entries: EMBEDDED_FACTS.map(({ id, version, status, effective, sha256 }) => ({ id, version, status, effective, sha256, load: () => safeParseCriteria(embed(data[`${id}@${version}`])) })),
  };
}

/** Each embedded set's JSON text as `JSON.stringify` writes it, made once when first compared. */
const texts = new Map<string, string>();

/**
 * The embedded set a JSON text holds word for word (a copy of a set the
 * package ships, as in a `criteria/` folder beside the embedded ones), else
 * `undefined`. The text matches when, white space between its tokens left
 * out, it is the set's own JSON text: then it reads as exactly that set, with
 * no key given twice, and the set is handed out already checked, compiled
 * once and hashed at build time. Decided on the text, before any parsing.
 */
export function embeddedTwin(data: EmbeddedData, text: string): CriteriaSet | undefined {
  const compact = compactJsonText(text);
  for (const { id, version } of EMBEDDED_FACTS) {
    // Every JSON text of the set names its id and version so: a quick test before the whole text is compared.
    if (!compact.includes(`"id":${JSON.stringify(id)}`) || !compact.includes(`"version":${JSON.stringify(version)}`)) continue;
    const ref = `${id}@${version}`;
    let own = texts.get(ref);
    if (own === undefined) texts.set(ref, (own = JSON.stringify(data[ref])));
    if (compact === own) return embed(data[ref]);
  }
  return undefined;
}
