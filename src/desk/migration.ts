/**
 * The desk's indexes (appended to the store's migration list as `0200_desk_indexes`, numbered apart
 * from the collection and accounts migrations so the lines never collide).
 *
 * - `desk_events_map`: covers every column the map's grid and area queries read (including `id`,
 *   for single-event marks), so clustering 100k events reads one narrow index and never the wide
 *   event rows that carry each record's JSON. Earlier desk code created a narrower index of the same
 *   name at its first request; it is replaced here.
 * - `desk_events_reviewed`: the review queue's count and filter (`reviewed = 0`) without a table scan.
 */
import { type Kysely, type Migration, sql } from 'kysely';

export const m0200DeskIndexes: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`drop index if exists desk_events_map`.execute(db);
    await sql`create index desk_events_map on events (lat, lon, precision, type, country, admin1, fatalities, sources, date_start, date_end, id)`.execute(
      db,
    );
    await sql`create index desk_events_reviewed on events (reviewed)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop index if exists desk_events_reviewed`.execute(db);
    await sql`drop index if exists desk_events_map`.execute(db);
  },
};
