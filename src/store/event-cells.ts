/**
 * A 1° grid over the globe for counting events in a box (aggregates with `bbox`, SQLite). Migration
 * 0011 keeps `event_cell_counts`, counts by cell, dates, type and country, and indexes events by
 * cell (`events_cell`). A box aggregate sums the counts of the cells wholly inside the box and counts
 * the events of the cells its edges cut through, one index seek per cell, instead of reading the
 * whole time window (or a whole band of latitudes). Cells are numbered row by row: 181 latitude rows
 * (lat + 90 truncated, 0…180) of 361 longitude columns (lon + 180 truncated, 0…360); truncation is
 * the floor here because both sums are ≥ 0 for valid coordinates, in SQL (`cast(… as integer)`) as
 * in JavaScript (`Math.trunc`).
 */
export const CELL_SQL = 'cast(lat + 90 as integer) * 361 + cast(lon + 180 as integer)';

/** The cell of a point (the same number CELL_SQL gives). */
export function cellOf(lat: number, lon: number): number {
  return Math.trunc(lat + 90) * 361 + Math.trunc(lon + 180);
}

/** Beyond this many cells a box is counted by the date-ordered scan instead. */
export const MAX_BOX_CELLS = 4096;

export interface BoxCells {
  /** Cells wholly inside the box: their counts answer for them. */
  inner: number[];
  /** Cells the box's edges cut through: their events are tested one by one. */
  edge: number[];
}

/** The cells a box [west, south, east, north] touches (two longitude runs across the antimeridian), or null when more than `max`. */
export function boxCells(
  box: readonly [number, number, number, number],
  max = MAX_BOX_CELLS,
): BoxCells | null {
  const [w, s, e, n] = box;
  // [first column, last column, west bound, east bound] of each longitude run
  const runs: [number, number, number, number][] =
    w <= e
      ? [[Math.trunc(w + 180), Math.trunc(e + 180), w, e]]
      : [
          [Math.trunc(w + 180), 360, w, 180],
          [0, Math.trunc(e + 180), -180, e],
        ];
  const lat0 = Math.trunc(s + 90);
  const lat1 = Math.trunc(n + 90);
  let count = 0;
  for (const [a, b] of runs) count += (b - a + 1) * (lat1 - lat0 + 1);
  if (count > max) return null;
  const inner = new Set<number>();
  const edge = new Set<number>();
  for (let r = lat0; r <= lat1; r++) {
    // a cell holds [r - 90, r - 89) × [c - 180, c - 179): inside the closed box when both ends are
    const rowInside = r - 90 >= s && r - 89 <= n;
    for (const [a, b, west, east] of runs) {
      for (let c = a; c <= b; c++) {
        const inside = rowInside && c - 180 >= west && c - 179 <= east;
        (inside ? inner : edge).add(r * 361 + c);
      }
    }
  }
  // (a column in both runs of a box that nearly wraps the globe: inner wins, each cell counted once)
  return { inner: [...inner], edge: [...edge].filter((c) => !inner.has(c)) };
}
