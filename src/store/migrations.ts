/**
 * Versioned migrations, shared by both engines. Append new ones; never edit a released one.
 * Engine-specific bits (full-text search, auto-increment) branch on `engine`.
 */
import { type Kysely, type Migration, type MigrationProvider, type RawBuilder, sql } from 'kysely';
import { m0100Accounts } from '../accounts/migration.js';
import { m0200DeskIndexes, m0201DeskReviewStatus } from '../desk/migration.js';
import { CELL_SQL } from './event-cells.js';
import { SPAN_KEY, spanDays } from './event-span.js';
import type { Engine } from './store.js';

type Db = Kysely<unknown>;

function m0001(engine: Engine): Migration {
  const blob = engine === 'sqlite' ? 'blob' : 'bytea';
  const float = 'double precision';
  return {
    async up(db: Db) {
      await db.schema
        .createTable('articles')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('url', 'text')
        .addColumn('title', 'text')
        .addColumn('outlet', 'text')
        .addColumn('credit', 'text')
        .addColumn('published', 'text')
        .addColumn('published_date', 'text', (c) => c.notNull())
        .addColumn('published_source', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('dateline', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('record', 'text', (c) => c.notNull())
        .addColumn('signature', sql.raw(blob), (c) => c.notNull())
        .addColumn('cluster', 'text', (c) => c.notNull())
        .addColumn('source_key', 'text', (c) => c.notNull())
        .addColumn('origin', 'text')
        .addColumn('feed', 'text')
        .addColumn('event_count', 'integer', (c) => c.notNull())
        .addColumn('ingested_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('articles_url').on('articles').column('url').execute();
      await db.schema
        .createIndex('articles_published')
        .on('articles')
        .columns(['published_date', 'id'])
        .execute();
      await db.schema.createIndex('articles_updated').on('articles').columns(['updated_at', 'id']).execute();

      await db.schema
        .createTable('spans')
        .addColumn('article_id', 'text', (c) => c.notNull())
        .addColumn('layer', 'text', (c) => c.notNull())
        .addColumn('n', 'integer', (c) => c.notNull())
        .addColumn('span_id', 'text')
        .addColumn('start', 'integer', (c) => c.notNull())
        .addColumn('end', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('spans_pk', ['article_id', 'layer', 'n'])
        .execute();

      await db.schema
        .createTable('claims')
        .addColumn('article_id', 'text', (c) => c.notNull())
        .addColumn('n', 'integer', (c) => c.notNull())
        .addColumn('claim_id', 'text', (c) => c.notNull())
        .addColumn('source_text', 'text', (c) => c.notNull())
        .addColumn('source_kind', 'text', (c) => c.notNull())
        .addColumn('stance', 'text', (c) => c.notNull())
        .addColumn('cue_start', 'integer', (c) => c.notNull())
        .addColumn('cue_end', 'integer', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('claims_pk', ['article_id', 'n'])
        .execute();

      await db.schema
        .createTable('events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('article_id', 'text', (c) => c.notNull())
        .addColumn('incident_id', 'text')
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('date_start', 'text', (c) => c.notNull())
        .addColumn('date_end', 'text', (c) => c.notNull())
        .addColumn('country', 'text')
        .addColumn('admin1', 'text')
        .addColumn('admin2', 'text')
        .addColumn('location', 'text')
        .addColumn('lat', sql.raw(float))
        .addColumn('lon', sql.raw(float))
        .addColumn('precision', 'text')
        .addColumn('factuality', 'text', (c) => c.notNull())
        .addColumn('actors', 'text', (c) => c.notNull())
        .addColumn('recipients', 'text', (c) => c.notNull())
        .addColumn('fatalities', 'integer')
        .addColumn('outlet', 'text')
        .addColumn('credit', 'text')
        .addColumn('source_key', 'text', (c) => c.notNull())
        .addColumn('sources', 'integer', (c) => c.notNull())
        .addColumn('reviewed', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('record', 'text', (c) => c.notNull())
        .execute();
      // Keyset pagination is over (date_start, id); each common filter gets an index leading with it.
      await db.schema.createIndex('events_date').on('events').columns(['date_start', 'id']).execute();
      await db.schema
        .createIndex('events_type_date')
        .on('events')
        .columns(['type', 'date_start', 'id'])
        .execute();
      await db.schema
        .createIndex('events_country_date')
        .on('events')
        .columns(['country', 'date_start', 'id'])
        .execute();
      await db.schema.createIndex('events_article').on('events').column('article_id').execute();
      await db.schema.createIndex('events_incident').on('events').column('incident_id').execute();
      await db.schema.createIndex('events_updated').on('events').columns(['updated_at', 'id']).execute();
      await db.schema.createIndex('events_latlon').on('events').columns(['lat', 'lon']).execute();

      await db.schema
        .createTable('incidents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('date_start', 'text', (c) => c.notNull())
        .addColumn('date_end', 'text', (c) => c.notNull())
        .addColumn('country', 'text')
        .addColumn('admin1', 'text')
        .addColumn('location', 'text')
        .addColumn('lat', sql.raw(float))
        .addColumn('lon', sql.raw(float))
        .addColumn('precision', 'text')
        .addColumn('sources', 'integer', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('locked', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('incidents_date').on('incidents').columns(['date_start', 'id']).execute();
      await db.schema
        .createIndex('incidents_updated')
        .on('incidents')
        .columns(['updated_at', 'id'])
        .execute();

      await db.schema
        .createTable('sources')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('first_seen', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('deletions')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('deleted_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('deletions_at').on('deletions').column('deleted_at').execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', engine === 'sqlite' ? 'integer' : 'serial', (c) =>
          engine === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey(),
        )
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('detail', 'text')
        .execute();
      await db.schema.createIndex('audit_target').on('audit_log').columns(['target', 'id']).execute();
      await db.schema.createIndex('audit_at').on('audit_log').column('at').execute();

      // Full text over title + body.
      if (engine === 'sqlite') {
        await sql`CREATE VIRTUAL TABLE article_fts USING fts5(title, text, content='articles', content_rowid='rowid')`.execute(
          db,
        );
        await sql`CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
          INSERT INTO article_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text); END`.execute(
          db,
        );
        await sql`CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
          INSERT INTO article_fts(article_fts, rowid, title, text) VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text); END`.execute(
          db,
        );
      } else {
        await sql`CREATE INDEX articles_fts ON articles USING gin (to_tsvector('english', coalesce(title, '') || ' ' || text))`.execute(
          db,
        );
      }
    },
    async down(db: Db) {
      for (const t of ['audit_log', 'deletions', 'sources', 'incidents', 'events', 'claims', 'spans']) {
        await db.schema.dropTable(t).execute();
      }
      if (engine === 'sqlite') await sql`DROP TABLE article_fts`.execute(db);
      await db.schema.dropTable('articles').execute();
    },
  };
}

/** Polled feeds: conditional-GET validators and backoff state (`sitrep watch`). */
const m0002: Migration = {
  async up(db: Db) {
    await db.schema
      .createTable('feeds')
      .addColumn('url', 'text', (c) => c.primaryKey())
      .addColumn('etag', 'text')
      .addColumn('last_modified', 'text')
      .addColumn('last_status', 'text', (c) => c.notNull())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('next_at', 'text', (c) => c.notNull())
      .addColumn('polled_at', 'text')
      .addColumn('articles', 'integer', (c) => c.notNull())
      .execute();
  },
  async down(db: Db) {
    await db.schema.dropTable('feeds').execute();
  },
};

/**
 * Indexes for the filters the 1M-event benchmark found slow: admin1, country + type, and source
 * (outlet or credit, compared lower-cased), each leading an index that ends in the page order.
 */
const m0003: Migration = {
  async up(db: Db) {
    await sql`create index events_admin1_date on events (admin1, date_start, id)`.execute(db);
    await sql`create index events_country_type_date on events (country, type, date_start, id)`.execute(db);
    await sql`create index events_outlet_date on events (lower(outlet), date_start, id)`.execute(db);
    await sql`create index events_credit_date on events (lower(credit), date_start, id)`.execute(db);
  },
  async down(db: Db) {
    for (const i of [
      'events_admin1_date',
      'events_country_type_date',
      'events_outlet_date',
      'events_credit_date',
    ]) {
      await db.schema.dropIndex(i).execute();
    }
  },
};

/**
 * Event queries over 1M events (issue 7, p95 ≤ 50 ms). Filters without an index of their own
 * (precision, min sources, factuality, a long type list, bbox, the date-end half of a time range)
 * are tested on each row of a scan in page order until a page is full. On SQLite that scan now reads
 * `events_scan`: the page order (date_start, id) followed by the filter columns, so rows that fail
 * are rejected from the index alone (SQLite defers the table read until a column outside the index
 * is needed) — thousands of index entries a page instead of thousands of wide rows with their JSON.
 * It starts with (date_start, id), so it replaces `events_date`. PostgreSQL tests filters on the
 * heap row whatever the index holds, so it keeps `events_date`. Both get fresh statistics: the
 * planner picks between the filter indexes by them.
 */
function m0004(engine: Engine): Migration {
  return {
    async up(db: Db) {
      if (engine === 'sqlite') {
        await sql`create index events_scan on events (date_start, id, date_end, type, country, admin1, precision, factuality, sources, lat, lon, reviewed)`.execute(
          db,
        );
        await sql`drop index events_date`.execute(db);
      }
      await sql`analyze events`.execute(db);
    },
    async down(db: Db) {
      if (engine === 'sqlite') {
        await sql`create index events_date on events (date_start, id)`.execute(db);
        await sql`drop index events_scan`.execute(db);
      }
    },
  };
}

/** The longest event interval, as a bound for time filters (see event-span.ts). */
const m0005: Migration = {
  async up(db: Db) {
    await db.schema
      .createTable('store_meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
    // Distinct (start, end) pairs are few even in a large store; the days are counted here, where
    // an unreadable date cannot fail the migration.
    const pairs = await sql<{
      s: string;
      e: string;
    }>`select distinct date_start as s, date_end as e from events where date_start != '' and date_end != ''`.execute(
      db,
    );
    let days = 0;
    for (const p of pairs.rows) days = Math.max(days, spanDays(p.s, p.e));
    await sql`insert into store_meta (key, value) values (${SPAN_KEY}, ${String(days)})`.execute(db);
  },
  async down(db: Db) {
    await db.schema.dropTable('store_meta').execute();
  },
};

/**
 * `events_latlon` (lat, lon) is a prefix of the desk's `desk_events_map` (lat, lon, …, migration
 * 0200), which serves every lat/lon range it served; each stored event paid for both.
 */
const m0006: Migration = {
  async up(db: Db) {
    await sql`drop index if exists events_latlon`.execute(db);
  },
  async down(db: Db) {
    await db.schema.createIndex('events_latlon').on('events').columns(['lat', 'lon']).execute();
  },
};

/**
 * Evidence spans: one row per article and layer (a JSON array of the layer's spans) instead of one
 * row per span (~80 an article, each with its JSON and columns it repeated: start, end, text). They
 * were read back only to rebuild records, and writing them cost more than anything else an article
 * stores. Existing rows are joined in order of `n`, which gives the text JSON.stringify gives for
 * the layer's array (each span's JSON was written by JSON.stringify).
 */
async function spanLayersUp(db: Db, concat: RawBuilder<string>): Promise<void> {
  await db.schema
    .createTable('span_layers')
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('layer', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('span_layers_pk', ['article_id', 'layer'])
    .execute();
  await sql`insert into span_layers (article_id, layer, data)
    select article_id, layer, '[' || ${concat} || ']' from spans group by article_id, layer`.execute(db);
  await db.schema.dropTable('spans').execute();
  await sql`alter table span_layers rename to spans`.execute(db);
}

/** The `data` of rows grouped by article, joined in order of `n` (the inside of a JSON array). */
function joinedInOrder(engine: Engine): RawBuilder<string> {
  return engine === 'sqlite'
    ? sql<string>`group_concat(data, ',' order by n)`
    : sql<string>`string_agg(data, ',' order by n)`;
}

/** Kysely runs SQLite migrations outside a transaction: run `up` in one, so a crash leaves the old table. */
async function atomically(engine: Engine, db: Db, up: (db: Db) => Promise<void>): Promise<void> {
  if (engine === 'sqlite') await db.transaction().execute(up);
  else await up(db);
}

function m0007(engine: Engine): Migration {
  const concat = joinedInOrder(engine);
  return {
    async up(db: Db) {
      await atomically(engine, db, (trx) => spanLayersUp(trx, concat));
    },
    async down(db: Db) {
      await db.schema
        .createTable('span_rows')
        .addColumn('article_id', 'text', (c) => c.notNull())
        .addColumn('layer', 'text', (c) => c.notNull())
        .addColumn('n', 'integer', (c) => c.notNull())
        .addColumn('span_id', 'text')
        .addColumn('start', 'integer', (c) => c.notNull())
        .addColumn('end', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('spans_pk', ['article_id', 'layer', 'n'])
        .execute();
      // the kind column held the time type, the place precision, or the span's kind
      if (engine === 'sqlite')
        await sql`insert into span_rows
          select s.article_id, s.layer, j.key,
            coalesce(j.value ->> '$.id', j.value ->> '$.mention'), j.value ->> '$.start', j.value ->> '$.end',
            case s.layer when 'times' then j.value ->> '$.type' when 'places' then j.value ->> '$.precision'
              else j.value ->> '$.kind' end,
            j.value ->> '$.text', j.value
          from spans s, json_each(s.data) j`.execute(db);
      else
        await sql`insert into span_rows
          select s.article_id, s.layer, j.n - 1,
            coalesce(j.v ->> 'id', j.v ->> 'mention'), (j.v ->> 'start')::integer, (j.v ->> 'end')::integer,
            case s.layer when 'times' then j.v ->> 'type' when 'places' then j.v ->> 'precision'
              else j.v ->> 'kind' end,
            j.v ->> 'text', j.v::text
          from spans s, json_array_elements(s.data::json) with ordinality as j (v, n)`.execute(db);
      await db.schema.dropTable('spans').execute();
      await sql`alter table span_rows rename to spans`.execute(db);
    },
  };
}

/**
 * PostgreSQL: the large text columns every stored article writes (its body, its record's JSON, its
 * span layers' JSON: ~19 kB an article, most over the 2 kB TOAST threshold) compressed with lz4
 * instead of pglz, which took ~0.3 ms of PostgreSQL CPU an article against ~0.1 ms for lz4, for a
 * tenth more space (measured re-inserting 640 articles' values). Values stored before stay as they
 * are (both read alike). Skipped on a server built without lz4; SQLite does not compress.
 */
function m0008(engine: Engine): Migration {
  const columns: [string, string][] = [
    ['articles', 'text'],
    ['articles', 'record'],
    ['spans', 'data'],
  ];
  return {
    async up(db: Db) {
      if (await hasLz4(db, engine)) for (const [t, c] of columns) await setCompression(db, t, c, 'lz4');
    },
    async down(db: Db) {
      if (await hasLz4(db, engine)) for (const [t, c] of columns) await setCompression(db, t, c, 'pglz');
    },
  };
}

/** Does this PostgreSQL server compress with lz4 (false on SQLite)? */
async function hasLz4(db: Db, engine: Engine): Promise<boolean> {
  if (engine !== 'postgres') return false;
  const r = await sql<{
    ok: boolean;
  }>`select 'lz4' = any(enumvals) as ok from pg_settings where name = 'default_toast_compression'`.execute(
    db,
  );
  return r.rows[0]?.ok === true;
}

async function setCompression(db: Db, table: string, column: string, method: 'lz4' | 'pglz') {
  await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} set compression ${sql.raw(method)}`.execute(
    db,
  );
}

/**
 * Claims: one row per article (a JSON array of its claims) instead of one per claim (~17 an article,
 * with columns repeating their JSON), for the reasons of 0007: they were read back only to rebuild
 * records. On PostgreSQL the new column is compressed with lz4 as in 0008 (~4 kB an article).
 */
function m0009(engine: Engine): Migration {
  const concat = joinedInOrder(engine);
  const up = async (db: Db) => {
    await db.schema
      .createTable('claim_lists')
      .addColumn('article_id', 'text', (c) => c.primaryKey())
      .addColumn('data', 'text', (c) => c.notNull())
      .execute();
    if (await hasLz4(db, engine)) await setCompression(db, 'claim_lists', 'data', 'lz4');
    await sql`insert into claim_lists (article_id, data)
      select article_id, '[' || ${concat} || ']' from claims group by article_id`.execute(db);
    await db.schema.dropTable('claims').execute();
    await sql`alter table claim_lists rename to claims`.execute(db);
  };
  return {
    async up(db: Db) {
      await atomically(engine, db, up);
    },
    async down(db: Db) {
      await db.schema
        .createTable('claim_rows')
        .addColumn('article_id', 'text', (c) => c.notNull())
        .addColumn('n', 'integer', (c) => c.notNull())
        .addColumn('claim_id', 'text', (c) => c.notNull())
        .addColumn('source_text', 'text', (c) => c.notNull())
        .addColumn('source_kind', 'text', (c) => c.notNull())
        .addColumn('stance', 'text', (c) => c.notNull())
        .addColumn('cue_start', 'integer', (c) => c.notNull())
        .addColumn('cue_end', 'integer', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('claims_pk', ['article_id', 'n'])
        .execute();
      if (engine === 'sqlite')
        await sql`insert into claim_rows
          select c.article_id, j.key, j.value ->> '$.id', j.value ->> '$.source.text', j.value ->> '$.source.kind',
            j.value ->> '$.stance', j.value ->> '$.cue.start', j.value ->> '$.cue.end', j.value
          from claims c, json_each(c.data) j`.execute(db);
      else
        await sql`insert into claim_rows
          select c.article_id, j.n - 1, j.v ->> 'id', j.v #>> '{source,text}', j.v #>> '{source,kind}',
            j.v ->> 'stance', (j.v #>> '{cue,start}')::integer, (j.v #>> '{cue,end}')::integer, j.v::text
          from claims c, json_array_elements(c.data::json) with ordinality as j (v, n)`.execute(db);
      await db.schema.dropTable('claims').execute();
      await sql`alter table claim_rows rename to claims`.execute(db);
    },
  };
}

/**
 * Event counts by (date_start, date_end, type, country) on SQLite, kept by triggers, so an aggregate
 * filtered only by time, type and country sums a few thousand rows instead of reading every event in
 * its window (a 60-day window of a 1M-event store is ~180k index entries: 70 ms a request). The key
 * holds the full dates, so the time filter means what it means on `events`. Ingest, the only writer
 * that inserts events on SQLite, adds its batch's counts itself (one upsert per distinct key: an
 * insert trigger, run per event with a copy of the whole new row, doubled the store's CPU an
 * article); triggers follow deletions and desk edits of dates, type or country. PostgreSQL has no such table: with
 * workers writing at once, every event insert would update a shared counter row, and concurrent
 * transactions would wait on each other there.
 */
function m0010(engine: Engine): Migration {
  return {
    async up(db: Db) {
      if (engine !== 'sqlite') return;
      await sql`create table event_counts (
        date_start text not null, date_end text not null, type text not null, country text not null,
        n integer not null, primary key (date_start, date_end, type, country)) without rowid`.execute(db);
      await sql`insert into event_counts (date_start, date_end, type, country, n)
        select date_start, date_end, type, coalesce(country, ''), count(*) from events
        group by date_start, date_end, type, coalesce(country, '')`.execute(db);
      const add = sql.raw(`insert into event_counts (date_start, date_end, type, country, n)
          values (new.date_start, new.date_end, new.type, coalesce(new.country, ''), 1)
          on conflict do update set n = n + 1;`);
      const remove = sql.raw(`update event_counts set n = n - 1 where date_start = old.date_start
          and date_end = old.date_end and type = old.type and country = coalesce(old.country, '');
        delete from event_counts where date_start = old.date_start and date_end = old.date_end
          and type = old.type and country = coalesce(old.country, '') and n <= 0;`);
      await sql`create trigger event_counts_delete after delete on events begin ${remove} end`.execute(db);
      await sql`create trigger event_counts_update after update of date_start, date_end, type, country
        on events begin ${remove} ${add} end`.execute(db);
    },
    async down(db: Db) {
      if (engine !== 'sqlite') return;
      for (const t of ['delete', 'update']) await sql`drop trigger event_counts_${sql.raw(t)}`.execute(db);
      await sql`drop table event_counts`.execute(db);
    },
  };
}

/**
 * On SQLite, box aggregates by a 1° grid (event-cells.ts): `event_cell_counts` holds counts by cell,
 * dates, type and country (as event_counts, migration 0010: ingest adds its batches, triggers follow
 * deletions and edits), and `events_cell` indexes events by cell, then by the columns an aggregate
 * filters and groups on, for the cells a box's edges cut through. Without them a box aggregate read
 * the whole time window, or a whole band of latitudes, testing each row: ~130 ms for a box of a few
 * degrees over up to 60 days of the 1M-event api-load store (direct store calls on a loaded host;
 * ~2.4 ms with them). Cost: ~0.1–0.2 ms of SQLite store CPU an article at ingest (the index and one
 * upsert per distinct key of a batch). PostgreSQL keeps its plans (see migration 0010).
 */
function m0011(engine: Engine): Migration {
  const cell = (row: 'old' | 'new') => CELL_SQL.replace(/\b(lat|lon)\b/g, `${row}.$1`);
  return {
    async up(db: Db) {
      if (engine !== 'sqlite') return;
      await sql`create index events_cell on events ((${sql.raw(CELL_SQL)}), date_start, date_end, type, country, lat, lon)`.execute(
        db,
      );
      await sql`create table event_cell_counts (
        cell integer not null, date_start text not null, date_end text not null, type text not null,
        country text not null, n integer not null,
        primary key (cell, date_start, date_end, type, country)) without rowid`.execute(db);
      await sql`insert into event_cell_counts (cell, date_start, date_end, type, country, n)
        select ${sql.raw(CELL_SQL)}, date_start, date_end, type, coalesce(country, ''), count(*) from events
        where lat is not null and lon is not null group by 1, 2, 3, 4, 5`.execute(db);
      const add = sql.raw(`insert into event_cell_counts (cell, date_start, date_end, type, country, n)
          select ${cell('new')}, new.date_start, new.date_end, new.type, coalesce(new.country, ''), 1
          where new.lat is not null and new.lon is not null
          on conflict do update set n = n + 1;`);
      const key = `cell = ${cell('old')} and date_start = old.date_start and date_end = old.date_end
          and type = old.type and country = coalesce(old.country, '')`;
      const remove = sql.raw(`update event_cell_counts set n = n - 1 where ${key};
        delete from event_cell_counts where ${key} and n <= 0;`);
      await sql`create trigger event_cell_counts_delete after delete on events begin ${remove} end`.execute(
        db,
      );
      await sql`create trigger event_cell_counts_update after update of date_start, date_end, type, country, lat, lon
        on events begin ${remove} ${add} end`.execute(db);
    },
    async down(db: Db) {
      if (engine !== 'sqlite') return;
      for (const t of ['delete', 'update'])
        await sql`drop trigger event_cell_counts_${sql.raw(t)}`.execute(db);
      await sql`drop table event_cell_counts`.execute(db);
      await sql`drop index events_cell`.execute(db);
    },
  };
}

export function migrationProvider(engine: Engine): MigrationProvider {
  return {
    async getMigrations() {
      return {
        '0001_init': m0001(engine),
        '0002_feeds': m0002,
        '0003_event_filter_indexes': m0003,
        '0004_event_scan_index': m0004(engine),
        '0005_event_span': m0005,
        '0006_drop_events_latlon': m0006,
        '0007_span_layers': m0007(engine),
        '0008_toast_lz4': m0008(engine),
        '0009_claim_lists': m0009(engine),
        '0010_event_counts': m0010(engine),
        '0011_event_cells': m0011(engine),
        '0100_accounts': m0100Accounts(engine),
        '0200_desk_indexes': m0200DeskIndexes,
        '0201_desk_review_status': m0201DeskReviewStatus(engine),
      };
    },
  };
}
