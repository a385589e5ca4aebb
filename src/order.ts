/**
 * Orders strings by UTF-16 code units, the same on every machine whatever its
 * locale (unlike `localeCompare`, which follows the host's language settings).
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
