/**
 * Number words and ACLED-style vague numbers. ACLED codes reports of "several"/"many" as 10,
 * "dozens" as 12, "hundreds" as 100 (and so on for larger magnitudes); we record such values with
 * `vague: true` so a consumer can tell an estimate from a count.
 */

export const UNITS: ReadonlyMap<string, number> = new Map([
  ['zero', 0],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['thirteen', 13],
  ['fourteen', 14],
  ['fifteen', 15],
  ['sixteen', 16],
  ['seventeen', 17],
  ['eighteen', 18],
  ['nineteen', 19],
  ['twenty', 20],
  ['thirty', 30],
  ['forty', 40],
  ['fifty', 50],
  ['sixty', 60],
  ['seventy', 70],
  ['eighty', 80],
  ['ninety', 90],
  ['dozen', 12],
]);

export const MULTIPLIERS: ReadonlyMap<string, number> = new Map([
  ['hundred', 100],
  ['thousand', 1000],
  ['million', 1_000_000],
  ['billion', 1_000_000_000],
]);

/** Vague plurals (ACLED conventions). "tens of thousands" is handled as tens × thousands. */
export const VAGUE: ReadonlyMap<string, number> = new Map([
  ['several', 10],
  ['many', 10],
  ['numerous', 10],
  ['dozens', 12],
  ['scores', 20],
  ['tens', 10],
  ['hundreds', 100],
  ['thousands', 1000],
  ['millions', 1_000_000],
]);

const DIGITS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/;

/** Value of a single token written in digits or words ("1,200", "forty-two", "three"), else NaN. */
export function tokenValue(lower: string): number {
  // most tokens are words: only one that begins with a digit is worth the regex
  const c = lower.charCodeAt(0);
  if (c >= 48 && c <= 57 && DIGITS.test(lower)) return Number(lower.replace(/,/g, ''));
  const u = UNITS.get(lower);
  if (u !== undefined) return u;
  const dash = lower.indexOf('-');
  if (dash > 0) {
    const tens = UNITS.get(lower.slice(0, dash));
    const ones = UNITS.get(lower.slice(dash + 1));
    if (tens !== undefined && ones !== undefined && tens >= 20 && tens % 10 === 0 && ones < 10)
      return tens + ones;
  }
  return Number.NaN;
}
