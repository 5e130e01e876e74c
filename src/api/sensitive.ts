/**
 * Field-level restriction. A field is sensitive when a rule below marks it; sensitive values are
 * withheld from readers (and anonymous users) and from public exports, and kept for editors and
 * admins. The rules are the single place to change what counts as sensitive.
 *
 * Rule `person-recipient`: a person named as the recipient (target, victim) of an event. For such a
 * person, every mention of them in the article text is masked with "█" of the same length (so all
 * offsets into the text stay valid), their entity's name and aliases become "[withheld]", and the
 * event arguments and incident field values that name them are replaced by "[withheld]".
 * Organisations, groups and officials acting (event actors) are not sensitive.
 */
import type { Entity, EventArgument, EventRecord, SitrepRecord } from '../model/types.js';
import type { Incident, Page, Store, StoredArticle, StoredEvent } from '../store/store.js';

export const WITHHELD = '[withheld]';

export const SENSITIVE_RULES = [
  { id: 'person-recipient', description: 'a person named as the recipient (target, victim) of an event' },
] as const;

const MASK = '█';

function mask(text: string, spans: { start: number; end: number }[]): string {
  if (!spans.length) return text;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    const start = Math.max(at, s.start);
    const end = Math.min(text.length, s.end);
    if (end <= start) continue;
    out += text.slice(at, start) + MASK.repeat(end - start);
    at = end;
  }
  return out + text.slice(at);
}

/** Entity ids (and recipient spans) a record marks sensitive. */
export function sensitiveIn(record: SitrepRecord): {
  entities: Set<string>;
  spans: { start: number; end: number }[];
} {
  const persons = new Map<string, Entity>();
  for (const e of record.entities ?? []) if (e.kind === 'person') persons.set(e.id, e);
  const personMentions = (record.mentions ?? []).filter((m) => m.kind === 'person');
  const entities = new Set<string>();
  const spans: { start: number; end: number }[] = [];
  for (const ev of record.events ?? []) {
    for (const r of ev.recipients) {
      const viaEntity = r.entity && persons.has(r.entity);
      const overlapping = personMentions.filter((m) => m.start < r.end && r.start < m.end);
      if (!viaEntity && !overlapping.length) continue;
      if (r.entity) entities.add(r.entity);
      for (const m of overlapping) if (m.entity) entities.add(m.entity);
      spans.push({ start: r.start, end: r.end });
    }
  }
  for (const m of record.mentions ?? []) if (m.entity && entities.has(m.entity)) spans.push(m);
  return { entities, spans };
}

function withholdArg(
  a: EventArgument,
  sens: { entities: Set<string>; spans: { start: number; end: number }[] },
) {
  const hit =
    (a.entity && sens.entities.has(a.entity)) || sens.spans.some((s) => s.start < a.end && a.start < s.end);
  return hit ? { ...a, text: WITHHELD } : a;
}

export function redactRecord(record: SitrepRecord): SitrepRecord {
  const sens = sensitiveIn(record);
  if (!sens.spans.length) return record;
  const r = record as SitrepRecord & Record<string, unknown>;
  return {
    ...record,
    text: mask(record.text, sens.spans),
    mentions: record.mentions.map((m) =>
      m.entity && sens.entities.has(m.entity) ? { ...m, text: WITHHELD } : m,
    ),
    entities: record.entities.map((e) =>
      sens.entities.has(e.id) ? { ...e, name: WITHHELD, aliases: [], descriptions: [] } : e,
    ),
    events: record.events.map((e) => ({
      ...e,
      recipients: e.recipients.map((a) => withholdArg(a, sens)),
    })),
    ...(r.redacted ? {} : { redacted: SENSITIVE_RULES.map((x) => x.id) }),
  } as SitrepRecord;
}

/** A store seen by a reader: every read path returns redacted values; writes are not reachable. */
export function redactingStore(store: Store): Store {
  // Records read to decide what to withhold, kept while the store is unchanged: an edit (a victim
  // named, a recipient changed) must be seen by the next read, so any write empties the cache, and
  // an engine without a cheap write version (PostgreSQL) reads every time.
  const cache = new Map<string, Promise<SitrepRecord | null>>();
  let cachedAt: string | null = null;
  const recordOf = (id: string) => {
    const version = store.writeVersion();
    if (version === null) return store.getRecord(id);
    if (version !== cachedAt) {
      cache.clear();
      cachedAt = version;
    }
    let p = cache.get(id);
    if (!p) {
      p = store.getRecord(id);
      cache.set(id, p);
      if (cache.size > 500) cache.delete(cache.keys().next().value as string);
    }
    return p;
  };
  const redactEvent = async (e: StoredEvent): Promise<StoredEvent> => {
    if (!e.recipients.length) return e;
    const rec = await recordOf(e.articleId);
    if (!rec) return { ...e, recipients: e.recipients.map(() => WITHHELD) };
    const sens = sensitiveIn(rec);
    const record: EventRecord = {
      ...e.record,
      recipients: e.record.recipients.map((a) => withholdArg(a, sens)),
    };
    const names = new Set(
      e.record.recipients
        .filter((_a, i) => record.recipients[i].text === WITHHELD)
        .map((a) => a.text.toLowerCase()),
    );
    return { ...e, record, recipients: e.recipients.map((r) => (names.has(r) ? WITHHELD : r)) };
  };
  const redactIncident = (i: Incident): Incident => {
    // Incident recipient values come from many articles; readers see how many, not who.
    const fields = { ...i.fields };
    if (fields.recipients) fields.recipients = fields.recipients.map((v) => ({ ...v, value: WITHHELD }));
    return { ...i, fields, best: { ...i.best, ...(i.best.recipients ? { recipients: WITHHELD } : {}) } };
  };
  const redactArticle = async (a: StoredArticle): Promise<StoredArticle> => {
    const rec = await recordOf(a.id);
    return rec ? { ...a, text: redactRecord(rec).text } : a;
  };
  const page = async <T>(p: Page<T>, f: (x: T) => Promise<T> | T): Promise<Page<T>> => ({
    ...p,
    items: await Promise.all(p.items.map(f)),
  });
  const overrides: Partial<Store> = {
    getRecord: async (id) => {
      const r = await store.getRecord(id);
      return r && redactRecord(r);
    },
    streamRecords: async function* (q) {
      for await (const r of store.streamRecords(q)) yield redactRecord(r);
    },
    getArticle: async (id) => {
      const a = await store.getArticle(id);
      return a && redactArticle(a);
    },
    listArticles: async (q) => page(await store.listArticles(q), redactArticle),
    getEvent: async (id) => {
      const e = await store.getEvent(id);
      return e && redactEvent(e);
    },
    queryEvents: async (q) => page(await store.queryEvents(q), redactEvent),
    // (from the redacted page: the store's own text would carry the withheld fields)
    queryEventsJson: async (q) => JSON.stringify(await page(await store.queryEvents(q), redactEvent)),
    streamEvents: async function* (q) {
      for await (const e of store.streamEvents(q)) yield await redactEvent(e);
    },
    getIncident: async (id) => {
      const i = await store.getIncident(id);
      return i && redactIncident(i);
    },
    queryIncidents: async (q) => page(await store.queryIncidents(q), redactIncident),
  };
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && prop in overrides) return overrides[prop as keyof Store];
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}
