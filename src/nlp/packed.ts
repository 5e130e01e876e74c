/**
 * `xs.map(f)` as a packed array. Array.prototype.map's result is packed when the interpreter runs
 * it but holey when TurboFan inlines it (it allocates the full length first), so arrays that stages
 * keep (a record's parties, a claim's content, a layer) came in both elements kinds depending on
 * whether the function that built them was optimised at the time, and every reader compiled for one
 * kind deoptimised on the other. Pushing onto a literal always gives a packed array.
 */
export function mapPacked<T, U>(xs: readonly T[], f: (x: T, k: number) => U): U[] {
  const out: U[] = [];
  for (let k = 0; k < xs.length; k++) out.push(f(xs[k], k));
  return out;
}
