/** Text in Vietnamese (required) and English (optional). */
export interface Localized {
  readonly vi: string;
  readonly en?: string;
}

/** Picks the text in `lang`, falling back to Vietnamese. */
export function pick(text: Localized, lang: 'vi' | 'en'): string {
  return lang === 'en' ? (text.en ?? text.vi) : text.vi;
}
