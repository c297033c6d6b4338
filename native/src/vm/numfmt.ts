// Exact C-style number formatting (%e, %f, %g digits): JS rounds decimal ties up where C
// rounds the exact binary value half to even; these helpers correct that.

/** The last digit of s decremented (used to turn JS's round-up of a tie into round-to-even). */
export function decLastDigit(s: string, at: number): string {
  return s.slice(0, at) + String.fromCharCode(s.charCodeAt(at) - 1) + s.slice(at + 1);
}

/** 10 ** i for i in 0..9 (exact). */
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

/** 2 ** i for i in 0..64. */
const POW2 = Array.from({ length: 65 }, (_, i) => 2 ** i);

/** Whether the exact value a (>= 0) lies exactly half-way at the r-th decimal place. */
export function isTie(a: number, r: number): boolean {
  if (r >= 0 && r < 64) return Number.isInteger(a * POW2[r + 1]) && !Number.isInteger(a * POW2[r]);
  if (r >= 0) return Number.isInteger(a * 2 ** (r + 1)) && !Number.isInteger(a * 2 ** r);
  if (!Number.isInteger(a)) return false;
  const d = 10n ** BigInt(-r);
  const b = BigInt(a) * 2n;
  return b % d === 0n && (b / d) % 2n === 1n;
}

/** C's %.<p>f of a finite a >= 0. */
export function fixedDigits(a: number, p: number): string {
  if (a >= 1e21) {
    const int = BigInt(a).toString(); // a is an integer here, printed exactly
    return p > 0 ? `${int}.${"0".repeat(p)}` : int;
  }
  if (p <= 9) {
    // a * 10^p in doubles is off by at most an ulp (< 2^-12 here): unless it lies near a
    // half, rounding it to the nearest integer gives the exact value's rounding
    const x = a * POW10[p];
    if (x < 2 ** 40) {
      const fl = Math.floor(x);
      const fr = x - fl;
      if (fr < 0.499 || fr > 0.501) {
        const n = fr > 0.5 ? fl + 1 : fl;
        if (p === 0) return String(n);
        let t = String(n);
        if (t.length <= p) t = "0".repeat(p + 1 - t.length) + t;
        return `${t.slice(0, t.length - p)}.${t.slice(t.length - p)}`;
      }
    }
  }
  const s = a.toFixed(p);
  const last = s.length - 1;
  if ((s.charCodeAt(last) & 1) === 1 && isTie(a, p)) return decLastDigit(s, last);
  return s;
}

/** The last exponent expMantissa computed. */
let lastExp = 0;

/**
 * The mantissa "d.ddd" of C's %.<p>e of a finite a >= 0, rounded as glibc rounds; the
 * decimal exponent is left in lastExp.
 */
export function expMantissa(a: number, p: number): string {
  if (a === 0) {
    lastExp = 0;
    return p > 0 ? `0.${"0".repeat(p)}` : "0";
  }
  const s = a.toExponential(p);
  const ei = s.indexOf("e");
  let m = s.slice(0, ei);
  let x = 0;
  for (let j = ei + 2; j < s.length; j++) x = x * 10 + s.charCodeAt(j) - 48;
  if (s.charCodeAt(ei + 1) === 45 /* - */) x = -x;
  const last = m.length - 1;
  if ((m.charCodeAt(last) & 1) === 1 && isTie(a, p - x)) m = decLastDigit(m, last);
  lastExp = x;
  return m;
}

/** "e+05": an exponent with at least two digits. */
export function expSuffix(x: number): string {
  const ax = x < 0 ? -x : x;
  return `e${x < 0 ? "-" : "+"}${ax < 10 ? "0" : ""}${ax}`;
}

/** C's %.<p>e of a finite a >= 0 (lower case). */
export function expDigits(a: number, p: number): string {
  const m = expMantissa(a, p);
  return m + expSuffix(lastExp);
}

/** Removes trailing zeros of a fraction, and the point when nothing is left after it. */
export function stripZeros(s: string): string {
  if (s.indexOf(".") < 0) return s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--;
  if (s.charCodeAt(end - 1) === 46) end--;
  return s.slice(0, end);
}

/** C's %.<p>g of a finite a >= 0 (lower case). */
export function gDigits(a: number, p: number, alt: boolean): string {
  if (p === 0) p = 1;
  const m = expMantissa(a, p - 1);
  const x = lastExp;
  if (x < -4 || x >= p) return (alt ? m : stripZeros(m)) + expSuffix(x);
  // fixed notation with p - 1 - x decimals: the same p significant digits, rounded alike
  let f: string;
  if (p === 1) f = x === 0 ? m : `0.${"0".repeat(-x - 1)}${m}`;
  else if (x === 0) f = m;
  else if (x > 0) f = x + 1 < p ? `${m[0]}${m.slice(2, x + 2)}.${m.slice(x + 2)}` : m[0] + m.slice(2);
  else f = `0.${"0".repeat(-x - 1)}${m[0]}${m.slice(2)}`;
  return alt ? f : stripZeros(f);
}
