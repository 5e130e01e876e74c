/**
 * Write routes of the desk: review actions (accept / reject / reopen), field edits with evidence
 * spans, incident merge and split, and ingest from the browser. Every write names its actor and
 * lands in the audit log. Mounted under `/desk/api` together with the read routes.
 */
import { type Context, Hono } from 'hono';
import { IngestError, ingestOne } from '../../desk/ingest.js';
import { editEvent, type FieldEdit, ReviewError, reviewEvent } from '../../desk/review.js';
import { type Actor, type Store, StoreError } from '../../store/store.js';
import { problem } from '../desk.js';
import { deskReadRoutes } from './desk-read.js';

async function jsonBody(c: Context): Promise<Record<string, unknown> | null> {
  try {
    const b = await c.req.json();
    return b && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function isIdList(v: unknown, max = 200): v is string[] {
  return Array.isArray(v) && v.length <= max && v.every((x) => typeof x === 'string' && x.length <= 300);
}

export function reviewRoutes(store: Store, actor: (c: Context) => Actor): Hono {
  const app = new Hono();
  app.route('/', deskReadRoutes(store));

  app.onError((err, c) => {
    if (err instanceof ReviewError || err instanceof IngestError || err instanceof StoreError) {
      const missing = /^no (event|incident|article) /.test(err.message);
      return problem(c, missing ? 404 : 400, missing ? 'Not found' : 'Bad request', err.message);
    }
    console.error(`desk: ${err instanceof Error ? err.message : String(err)}`);
    return problem(c, 500, 'Internal error');
  });

  app.post('/review', async (c) => {
    const b = await jsonBody(c);
    if (!b || typeof b.id !== 'string' || typeof b.action !== 'string')
      return problem(c, 400, 'Bad request', 'expected {id, action, note?}');
    const mark = await reviewEvent(
      store,
      b.id,
      b.action as 'accept',
      actor(c),
      typeof b.note === 'string' ? b.note : undefined,
    );
    return c.json({ id: b.id, review: mark });
  });

  app.post('/edit', async (c) => {
    const b = await jsonBody(c);
    if (!b || typeof b.id !== 'string' || typeof b.field !== 'string')
      return problem(c, 400, 'Bad request', 'expected {id, field, value?, spans?, note?}');
    if (b.spans !== undefined && !(Array.isArray(b.spans) && b.spans.length <= 20))
      return problem(c, 400, 'Bad request', 'spans: expected a list of {start, end}');
    const edit: FieldEdit = {
      field: b.field as FieldEdit['field'],
      ...('value' in b ? { value: b.value } : {}),
      ...(b.spans ? { spans: b.spans as FieldEdit['spans'] } : {}),
      ...(typeof b.note === 'string' ? { note: b.note } : {}),
    };
    return c.json(await editEvent(store, b.id, edit, actor(c)));
  });

  app.post('/incidents/merge', async (c) => {
    const b = await jsonBody(c);
    if (!b || !isIdList(b.ids)) return problem(c, 400, 'Bad request', 'expected {ids: [...], reason?}');
    const reason = typeof b.reason === 'string' ? b.reason.slice(0, 500) : undefined;
    return c.json(await store.mergeIncidents(b.ids, actor(c), reason));
  });

  app.post('/incidents/split', async (c) => {
    const b = await jsonBody(c);
    if (!b || typeof b.id !== 'string' || !isIdList(b.events, 1000))
      return problem(c, 400, 'Bad request', 'expected {id, events: [...], reason?}');
    const reason = typeof b.reason === 'string' ? b.reason.slice(0, 500) : undefined;
    return c.json(await store.splitIncident(b.id, b.events, actor(c), reason));
  });

  app.post('/ingest', async (c) => {
    const b = await jsonBody(c);
    if (!b)
      return problem(c, 400, 'Bad request', 'expected {text | html | url, title?, outlet?, published?}');
    return c.json(await ingestOne(store, b, actor(c)));
  });

  return app;
}
