/** Print rows as an aligned plain-text table. */
export function printTable(rows: Record<string, string | number | null>[]): void {
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0]);
  const fmt = (v: string | number | null) =>
    v === null ? '-' : typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(3)) : v;
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => fmt(r[c] ?? null).length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(width[i])).join('  ');
  console.log(line(cols));
  console.log(line(width.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(cols.map((c) => fmt(r[c] ?? null))));
}

/** Precision, recall and F1 from counts. */
export function prf(tp: number, fp: number, fn: number): { p: number; r: number; f1: number } {
  const p = tp + fp === 0 ? 0 : tp / (tp + fp);
  const r = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}
