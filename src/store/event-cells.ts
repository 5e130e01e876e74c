/**
 * A 1° grid over the globe for counting events in a box (aggregates with `bbox`). SQLite indexes
 * events by the expression `CELL_SQL` (migration 0011) together with the columns an aggregate
 * reads, so a box is answered by one index seek per cell it touches instead of a scan of the whole
 * time window (or of a whole band of latitudes). Cells are numbered row by row: 181 latitude rows
 * (lat + 90 truncated, 0…180) of 361 longitude columns (lon + 180 truncated, 0…360); truncation is
 * the floor here because both sums are ≥ 0 for valid coordinates.
 */
export const CELL_SQL = 'cast(lat + 90 as integer) * 361 + cast(lon + 180 as integer)';

/** Beyond this many cells a box is counted by the date-ordered scan instead. */
export const MAX_BOX_CELLS = 4096;

/** The cells a box [west, south, east, north] touches (two longitude runs across the antimeridian), or null when more than `max`. */
export function boxCells(
  box: readonly [number, number, number, number],
  max = MAX_BOX_CELLS,
): number[] | null {
  const [w, s, e, n] = box;
  const lonRuns: [number, number][] =
    w <= e
      ? [[Math.trunc(w + 180), Math.trunc(e + 180)]]
      : [
          [Math.trunc(w + 180), 360],
          [0, Math.trunc(e + 180)],
        ];
  const lat0 = Math.trunc(s + 90);
  const lat1 = Math.trunc(n + 90);
  let count = 0;
  for (const [a, b] of lonRuns) count += (b - a + 1) * (lat1 - lat0 + 1);
  if (count > max) return null;
  const cells: number[] = [];
  for (let r = lat0; r <= lat1; r++)
    for (const [a, b] of lonRuns) for (let c = a; c <= b; c++) cells.push(r * 361 + c);
  return cells;
}
