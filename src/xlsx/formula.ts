/** An exact rational `n / d` (`d > 0`). */
interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

const DECIMAL = /^\d+(?:\.\d+)?|^\.\d+/;

/**
 * The exact value of a formula that is arithmetic of literals only (`=12+3`,
 * `=45/60`, `=(1.5+2)*4`, unary minus): `+ - * /` and parentheses over plain
 * decimal numbers, nothing else (no cell reference, function, percent sign or
 * exponent). `undefined` for any other formula, or a division by zero.
 *
 * @internal
 */
export function literalArithmetic(formula: string): Rational | undefined {
  const text = formula.replace(/^=/, '').replace(/\s+/g, '');
  if (text === '' || text.length > 200) return undefined;
  let at = 0;
  const peek = (): string => text[at] ?? '';
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
  const make = (n: bigint, d: bigint): Rational => {
    const sign = d < 0n ? -1n : 1n;
    const g = gcd(n, d) || 1n;
    return { n: (sign * n) / g, d: (sign * d) / g };
  };
  let depth = 0;
  const expression = (): Rational | undefined => {
    let left = term();
    while (left !== undefined && (peek() === '+' || peek() === '-')) {
      const op = text[at++];
      const right = term();
      if (right === undefined) return undefined;
      left = op === '+' ? make(left.n * right.d + right.n * left.d, left.d * right.d) : make(left.n * right.d - right.n * left.d, left.d * right.d);
    }
    return left;
  };
  const term = (): Rational | undefined => {
    let left = factor();
    while (left !== undefined && (peek() === '*' || peek() === '/')) {
      const op = text[at++];
      const right = factor();
      if (right === undefined) return undefined;
      if (op === '/' && right.n === 0n) return undefined;
      left = op === '*' ? make(left.n * right.n, left.d * right.d) : make(left.n * right.d, left.d * right.n);
    }
    return left;
  };
  const factor = (): Rational | undefined => {
    if (peek() === '-' || peek() === '+') {
      const sign = text[at++];
      const inner = factor();
      return inner === undefined ? undefined : sign === '-' ? make(-inner.n, inner.d) : inner;
    }
    if (peek() === '(') {
      if (++depth > 50) return undefined;
      at++;
      const inner = expression();
      if (inner === undefined || peek() !== ')') return undefined;
      at++;
      depth--;
      return inner;
    }
    const match = DECIMAL.exec(text.slice(at));
    if (!match) return undefined;
    at += match[0].length;
    const [whole = '', decimals = ''] = match[0].split('.');
    return make(BigInt(`${whole || '0'}${decimals}`), 10n ** BigInt(decimals.length));
  };
  const value = expression();
  return value !== undefined && at === text.length ? value : undefined;
}

/**
 * Whether an exact rational equals a plain decimal text (`"0.75"`) exactly.
 *
 * @internal
 */
export function equalsDecimal(value: Rational, decimal: string): boolean {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal);
  if (!match) return false;
  const decimals = match[3] ?? '';
  const m = BigInt(`${match[1]}${match[2]}${decimals}`);
  return m * value.d === value.n * 10n ** BigInt(decimals.length);
}
