/**
 * Analyst review of machine-coded events: accept, reject, reopen, and field edits that point at
 * evidence (a span of the immutable article text). Each change is one transaction that updates the
 * event row (record and filter columns), its incident's per-source summary, and the audit log with
 * who, when and what (before and after).
 */

import type { Transaction } from 'kysely';
import { summariseIncident } from '../merge/summarise.js';
import type {
  EventArgument,
  EventRecord,
  Factuality,
  Place,
  PloverType,
  Span,
  TimeExpression,
} from '../model/types.js';
import { raiseEventSpan, spanDays } from '../store/event-span.js';
import { incidentToRow, rowToEvent, rowToIncident } from '../store/rows.js';
import type { Database, EventsTable } from '../store/schema.js';
import { type Actor, type Store, StoreError } from '../store/store.js';
import { FACTUALITIES, PLOVER_TYPES } from './filters.js';

export type ReviewAction = 'accept' | 'reject' | 'reopen';

/** What the desk keeps in an event record about its review (an optional extension of `sitrep/1`). */
export interface ReviewMark {
  status: 'accepted' | 'edited' | 'rejected';
  by: Actor;
  at: string;
  note?: string;
}

export type DeskEventRecord = EventRecord & { review?: ReviewMark };

export const EDITABLE_FIELDS = [
  'type',
  'factuality',
  'actors',
  'recipients',
  'trigger',
  'place',
  'time',
  'fatalities',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export interface FieldEdit {
  field: EditableField;
  /** For type/factuality: the new value; for time: an ISO date or [from, to]; for fatalities: a number; null clears. */
  value?: unknown;
  /** Evidence picked in the article text (the span picker). */
  spans?: Span[];
  note?: string;
}

export class ReviewError extends StoreError {}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_NOTE = 500;

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function checkSpan(text: string, s: Span): Span & { text: string } {
  if (
    !s ||
    !Number.isInteger(s.start) ||
    !Number.isInteger(s.end) ||
    s.start < 0 ||
    s.end > text.length ||
    s.start >= s.end
  )
    throw new ReviewError('span: expected {start, end} inside the article text');
  return { start: s.start, end: s.end, text: text.slice(s.start, s.end) };
}

async function loadEvent(trx: Transaction<Database>, id: string): Promise<EventsTable> {
  const row = await trx.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ReviewError(`no event ${id}`);
  return row;
}

async function recomputeIncident(trx: Transaction<Database>, incidentId: string | null, now: string) {
  if (!incidentId) return;
  const inc = await trx.selectFrom('incidents').selectAll().where('id', '=', incidentId).executeTakeFirst();
  if (!inc) return;
  const current = rowToIncident(inc);
  const rows = await trx.selectFrom('events').selectAll().where('incident_id', '=', incidentId).execute();
  // Rejected events no longer count towards the incident's values.
  const events = rows
    .map(rowToEvent)
    .filter((e) => (e.record as DeskEventRecord).review?.status !== 'rejected');
  if (!events.length) return;
  const next = summariseIncident(incidentId, events, current.audit, current.locked);
  const row = incidentToRow({ ...next, events: current.events, articles: current.articles }, now);
  await trx.updateTable('incidents').set(row).where('id', '=', incidentId).execute();
}

function note(n: unknown): string | undefined {
  if (n === undefined || n === null || n === '') return undefined;
  if (typeof n !== 'string') throw new ReviewError('note: expected text');
  return n.slice(0, MAX_NOTE);
}

/** Accept, reject or reopen an event; returns the updated event row's review state. */
export async function reviewEvent(
  store: Store,
  id: string,
  action: ReviewAction,
  actor: Actor,
  why?: string,
): Promise<ReviewMark | null> {
  if (!['accept', 'reject', 'reopen'].includes(action)) throw new ReviewError(`unknown action ${action}`);
  const now = new Date().toISOString();
  const n = note(why);
  return store.db.transaction().execute(async (trx) => {
    const row = await loadEvent(trx, id);
    const rec = JSON.parse(row.record) as DeskEventRecord;
    const before = Number(row.reviewed) ? (rec.review?.status ?? 'accepted') : 'pending';
    let mark: ReviewMark | null = null;
    if (action === 'reopen') delete rec.review;
    else {
      mark = {
        status: action === 'accept' ? 'accepted' : 'rejected',
        by: actor,
        at: now,
        ...(n ? { note: n } : {}),
      };
      rec.review = mark;
    }
    await trx
      .updateTable('events')
      .set({
        reviewed: action === 'reopen' ? 0 : 1,
        review_status: mark?.status ?? null,
        record: JSON.stringify(rec),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await recomputeIncident(trx, row.incident_id, now);
    await trx
      .insertInto('audit_log')
      .values({
        at: now,
        actor,
        action: `event.${action}`,
        kind: 'event',
        target: id,
        detail: JSON.stringify({ before, after: mark?.status ?? 'pending', ...(n ? { note: n } : {}) }),
      })
      .execute();
    return mark;
  });
}

function argOf(
  s: Span & { text: string },
  entities: { id: string; mentions: string[] }[],
  mentions: { id: string; start: number; end: number }[],
): EventArgument {
  const m = mentions.find((x) => x.start === s.start && x.end === s.end);
  const ent = m ? entities.find((e) => e.mentions.includes(m.id)) : undefined;
  return { ...s, ...(ent ? { entity: ent.id } : {}) };
}

/** Edit one field of an event from evidence the analyst picked; the event counts as reviewed ("edited"). */
export async function editEvent(
  store: Store,
  id: string,
  edit: FieldEdit,
  actor: Actor,
): Promise<StoredEventView> {
  if (!(EDITABLE_FIELDS as readonly string[]).includes(edit.field))
    throw new ReviewError(`field: expected one of ${EDITABLE_FIELDS.join(', ')}`);
  const n = note(edit.note);
  const now = new Date().toISOString();
  const existing = await store.getEvent(id);
  if (!existing) throw new ReviewError(`no event ${id}`);
  const record = await store.getRecord(existing.articleId);
  if (!record) throw new ReviewError(`no article ${existing.articleId}`);
  const text = record.text;
  const spans = (edit.spans ?? []).map((s) => checkSpan(text, s));
  return store.db.transaction().execute(async (trx) => {
    const row = await loadEvent(trx, id);
    const rec = JSON.parse(row.record) as DeskEventRecord;
    const set: Partial<EventsTable> = {};
    let before: unknown;
    let after: unknown;
    switch (edit.field) {
      case 'type': {
        const v = String(edit.value ?? '').toUpperCase();
        if (!(PLOVER_TYPES as readonly string[]).includes(v))
          throw new ReviewError('type: expected a PLOVER type');
        before = rec.type;
        rec.type = v as PloverType;
        delete rec.acled; // derived from the old type
        set.type = v;
        after = v;
        break;
      }
      case 'factuality': {
        const v = String(edit.value ?? '');
        if (!(FACTUALITIES as readonly string[]).includes(v))
          throw new ReviewError('factuality: unknown value');
        before = rec.factuality;
        rec.factuality = v as Factuality;
        set.factuality = v;
        after = v;
        break;
      }
      case 'actors':
      case 'recipients': {
        before = rec[edit.field].map((a) => a.text);
        rec[edit.field] = spans.map((s) => argOf(s, record.entities, record.mentions));
        const names = rec[edit.field].map((a) => a.text.trim().toLowerCase().replace(/\s+/g, ' '));
        set[edit.field] = names.join('\n');
        after = rec[edit.field].map((a) => a.text);
        break;
      }
      case 'trigger': {
        if (spans.length !== 1) throw new ReviewError('trigger: pick exactly one span');
        before = rec.trigger.text;
        rec.trigger = spans[0];
        after = spans[0].text;
        break;
      }
      case 'place': {
        before = row.location;
        if (!spans.length && edit.value === null) {
          delete rec.place;
          Object.assign(set, {
            country: null,
            admin1: null,
            admin2: null,
            location: null,
            lat: null,
            lon: null,
            precision: null,
          });
          after = null;
          break;
        }
        if (spans.length !== 1) throw new ReviewError('place: pick one span');
        const p: Place | undefined = record.places.find((x) => overlaps(x, spans[0]));
        if (!p) throw new ReviewError('place: no coded place at that span; pick a highlighted place');
        rec.place = p.mention;
        Object.assign(set, {
          country: p.country,
          admin1: p.admin1,
          admin2: p.admin2,
          location: p.name ?? p.text,
          lat: p.lat,
          lon: p.lon,
          precision: p.precision,
        });
        after = p.name ?? p.text;
        break;
      }
      case 'time': {
        before = row.date_start ? [row.date_start, row.date_end] : null;
        let interval: [string, string] | null = null;
        if (spans.length === 1) {
          const t: TimeExpression | undefined = record.times.find((x) => overlaps(x, spans[0]) && x.interval);
          if (!t?.interval) throw new ReviewError('time: no dated time expression at that span');
          rec.time = t.id;
          interval = t.interval;
          rec.timePrecision = 'text';
        } else if (typeof edit.value === 'string' && DATE.test(edit.value)) {
          interval = [edit.value, edit.value];
          delete rec.time;
        } else if (
          Array.isArray(edit.value) &&
          edit.value.length === 2 &&
          edit.value.every((d) => typeof d === 'string' && DATE.test(d)) &&
          edit.value[0] <= edit.value[1]
        ) {
          interval = [edit.value[0], edit.value[1]];
          delete rec.time;
        } else throw new ReviewError('time: pick a time expression or give YYYY-MM-DD');
        rec.interval = interval;
        set.date_start = interval[0];
        set.date_end = interval[1];
        await raiseEventSpan(trx, spanDays(interval[0], interval[1]));
        after = interval;
        break;
      }
      case 'fatalities': {
        before = row.fatalities;
        let value: number | null;
        let span: Span | null = null;
        if (spans.length === 1) {
          const q = record.quantities.find((x) => overlaps(x, spans[0]));
          const digits = spans[0].text.replace(/[,\s]/g, '').match(/\d+/);
          value = q ? q.value : digits ? Number(digits[0]) : NaN;
          if (!Number.isFinite(value)) throw new ReviewError('fatalities: no number at that span');
          span = q ?? spans[0];
        } else if (edit.value === null) value = null;
        else {
          value = Number(edit.value);
          if (!Number.isInteger(value) || value < 0)
            throw new ReviewError('fatalities: expected a whole number');
        }
        rec.quantities = rec.quantities.filter((q) => q.kind !== 'dead');
        if (value !== null && span)
          rec.quantities.push({ start: span.start, end: span.end, kind: 'dead', value });
        set.fatalities = value;
        after = value;
        break;
      }
    }
    rec.review = { status: 'edited', by: actor, at: now, ...(n ? { note: n } : {}) };
    await trx
      .updateTable('events')
      .set({ ...set, reviewed: 1, review_status: 'edited', record: JSON.stringify(rec), updated_at: now })
      .where('id', '=', id)
      .execute();
    await recomputeIncident(trx, row.incident_id, now);
    await trx
      .insertInto('audit_log')
      .values({
        at: now,
        actor,
        action: 'event.edit',
        kind: 'event',
        target: id,
        detail: JSON.stringify({
          field: edit.field,
          before,
          after,
          ...(spans.length ? { evidence: spans } : {}),
          ...(n ? { note: n } : {}),
        }),
      })
      .execute();
    const updated = await loadEvent(trx, id);
    return { id, review: rec.review, record: JSON.parse(updated.record) };
  });
}

export interface StoredEventView {
  id: string;
  review: ReviewMark | undefined;
  record: DeskEventRecord;
}
