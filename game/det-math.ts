/**
 * exp, log and pow from +, −, ×, ÷ and sqrt only. JavaScript does not require Math.exp/log/pow to
 * round identically in every engine, and a log recorded in the desktop app must replay bit for bit
 * in any browser; IEEE 754 does require the basic operations (and sqrt) to be correctly rounded, so
 * these give the same bits everywhere (Math.sqrt is correctly rounded on every engine in practice,
 * though ECMAScript does not promise it). Accuracy is better than 1e-14 relative: plenty for a model.
 */

const LN2 = 0.6931471805599453;

/** e^x. */
export function dexp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 709) return Infinity;
  if (x < -745) return 0;
  // x = k·ln2 + r with |r| ≤ ln2/2; e^x = 2^k · e^r.
  const k = Math.round(x / LN2);
  const r = x - k * LN2;
  // Taylor series of e^r to r^16/16!: the tail is below 1e-17 for |r| ≤ 0.35.
  let term = 1;
  let sum = 1;
  for (let n = 1; n <= 16; n++) {
    term = (term * r) / n;
    sum += term;
  }
  return scale2(sum, k);
}

/** Multiply by 2^k exactly (powers of two are exact in binary floating point). */
function scale2(x: number, k: number): number {
  let y = x;
  for (let n = k; n > 0; n--) y *= 2;
  for (let n = k; n < 0; n++) y *= 0.5;
  return y;
}

/** Natural logarithm. */
export function dlog(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  // x = m · 2^k with m in [√½, √2): scaling by two is exact.
  let m = x;
  let k = 0;
  while (m >= 1.4142135623730951) {
    m /= 2;
    k++;
  }
  while (m < 0.7071067811865476) {
    m *= 2;
    k--;
  }
  // ln m = 2·atanh(s), s = (m−1)/(m+1), |s| ≤ 0.172: the series converges fast.
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let term = s;
  let sum = s;
  for (let n = 3; n <= 41; n += 2) {
    term *= s2;
    sum += term / n;
  }
  return k * LN2 + 2 * sum;
}

/** x^y for x > 0 (all the model needs). */
export function dpow(x: number, y: number): number {
  if (x === 1 || y === 0) return 1;
  if (x === 0) return y > 0 ? 0 : Infinity;
  return dexp(y * dlog(x));
}
