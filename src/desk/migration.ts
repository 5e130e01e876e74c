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
import type { Engine } from '../store/store.js';

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

/**
 * `0201_desk_review_status`: an analyst's verdict on an event (accepted, edited, rejected; null while
 * pending) as a column, written with `reviewed` by the desk's review actions, instead of read out
 * of the record's JSON (`record.review.status`) with engine-specific JSON SQL on every filter.
 * Existing verdicts are copied from the records. The review index now covers both columns: the
 * queue (`reviewed = 0`) and the rejected list (`reviewed = 1 and review_status = 'rejected'`).
 */
export function m0201DeskReviewStatus(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await sql`alter table events add column review_status text`.execute(db);
      const status =
        engine === 'sqlite'
          ? sql`json_extract(record, '$.review.status')`
          : sql`(record::jsonb #>> '{review,status}')`;
      await sql`update events set review_status = ${status} where ${status} is not null`.execute(db);
      await sql`drop index if exists desk_events_reviewed`.execute(db);
      await sql`create index desk_events_review on events (reviewed, review_status)`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop index if exists desk_events_review`.execute(db);
      await sql`create index desk_events_reviewed on events (reviewed)`.execute(db);
      await sql`alter table events drop column review_status`.execute(db);
    },
  };
}
