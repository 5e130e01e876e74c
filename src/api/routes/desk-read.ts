/**
 * Read routes of the desk: the table, map marks, timeline counts, one article with its evidence,
 * one incident with every contributing article, the audit log, and exports of what is shown.
 */
import { Hono } from 'hono';
import { CONTENT_TYPES, EXPORT_FORMATS, type ExportFormat, exportRows } from '../../desk/export.js';
import { parseFilters, parseOrder } from '../../desk/filters.js';
import { cached, deskStats, eventTable, mapMarks, timeline } from '../../desk/query.js';
import type { Store } from '../../store/store.js';
import { problem } from '../desk.js';

function filtersOr400(url: string) {
  const params = new URL(url).searchParams;
  const parsed = parseFilters(params);
  return { params, ...parsed };
}

const ID = /^[\w:./-]{1,300}$/;

export function deskReadRoutes(store: Store): Hono {
  const app = new Hono();

  app.get('/events', async (c) => {
    const { params, filters, errors } = filtersOr400(c.req.url);
    if (errors.length) return problem(c, 400, 'Bad filter', errors.join('; '));
    return c.json(await eventTable(store, filters, parseOrder(params)));
  });

  app.get('/map', async (c) => {
    const { params, filters, errors } = filtersOr400(c.req.url);
    if (errors.length) return problem(c, 400, 'Bad filter', errors.join('; '));
    const zoom = Number(params.get('zoom') ?? 2);
    if (!Number.isFinite(zoom)) return problem(c, 400, 'Bad zoom');
    let view: [number, number, number, number] | undefined;
    const v = params.get('view');
    if (v) {
      const n = v.split(',').map(Number);
      if (n.length !== 4 || !n.every(Number.isFinite))
        return problem(c, 400, 'Bad view', 'west,south,east,north');
      view = [Math.max(-180, n[0]), Math.max(-90, n[1]), Math.min(180, n[2]), Math.min(90, n[3])];
      // A view round the whole globe asks for the world: one cache entry (warmed at start) serves it.
      if (view[0] <= -180 && view[2] >= 180) view = [-180, -85, 180, 85];
    }
    // The map is its own place filter: it shows every place the other filters allow.
    const { bbox: _own, ...rest } = filters;
    return c.json(
      await cached(store, `map|${JSON.stringify([rest, Math.round(zoom), view])}`, () =>
        mapMarks(store, rest, zoom, view),
      ),
    );
  });

  app.get('/timeline', async (c) => {
    const { filters, errors } = filtersOr400(c.req.url);
    if (errors.length) return problem(c, 400, 'Bad filter', errors.join('; '));
    // The timeline is its own time filter: it shows the whole span, the selection drawn over it.
    const { from: _f, to: _t, ...rest } = filters;
    return c.json(await cached(store, `timeline|${JSON.stringify(rest)}`, () => timeline(store, rest)));
  });

  app.get('/article', async (c) => {
    const id = c.req.query('id') ?? '';
    if (!ID.test(id)) return problem(c, 400, 'Bad id');
    const [article, record] = await Promise.all([store.getArticle(id), store.getRecord(id)]);
    if (!article || !record) return problem(c, 404, 'No such article', id);
    const events = (await store.queryEvents({ articleId: id, limit: 1000 })).items;
    const { text: _text, ...meta } = article;
    return c.json({ article: meta, record, events });
  });

  app.get('/event', async (c) => {
    const id = c.req.query('id') ?? '';
    if (!ID.test(id)) return problem(c, 400, 'Bad id');
    const ev = await store.getEvent(id);
    return ev ? c.json(ev) : problem(c, 404, 'No such event', id);
  });

  app.get('/incident', async (c) => {
    const id = c.req.query('id') ?? '';
    if (!ID.test(id)) return problem(c, 400, 'Bad id');
    const incident = await store.getIncident(id);
    if (!incident) return problem(c, 404, 'No such incident', id);
    const events = (await store.queryEvents({ incidentId: id, limit: 1000 })).items;
    const articles = [];
    for (const a of incident.articles.slice(0, 200)) {
      const art = await store.getArticle(a);
      if (art) {
        const { text: _t, ...meta } = art;
        articles.push(meta);
      }
    }
    return c.json({ incident, events, articles });
  });

  app.get('/audit', async (c) => {
    const target = c.req.query('target');
    if (target !== undefined && !ID.test(target)) return problem(c, 400, 'Bad target');
    const limit = Math.min(500, Math.max(1, Number(c.req.query('limit') ?? 100) || 100));
    let qb = store.db.selectFrom('audit_log').selectAll();
    if (target) qb = qb.where('target', '=', target);
    // The desk shows analyst actions by default, not the bulk ingest/merge entries.
    else if (c.req.query('all') !== '1')
      qb = qb.where((eb) => eb.or([eb('action', 'like', 'event.%'), eb('action', 'like', 'incident.%')]));
    const rows = await qb.orderBy('id', 'desc').limit(limit).execute();
    return c.json(
      rows.map((r) => ({
        id: Number(r.id),
        at: r.at,
        actor: r.actor,
        action: r.action,
        kind: r.kind,
        target: r.target,
        detail: r.detail ? JSON.parse(r.detail) : null,
      })),
    );
  });

  app.get('/stats', async (c) => c.json(await deskStats(store)));

  app.get('/export', async (c) => {
    const { params, filters, errors } = filtersOr400(c.req.url);
    if (errors.length) return problem(c, 400, 'Bad filter', errors.join('; '));
    const format = (params.get('format') ?? 'csv') as ExportFormat;
    if (!EXPORT_FORMATS.includes(format)) return problem(c, 400, 'Bad format', EXPORT_FORMATS.join(', '));
    const order = parseOrder(params);
    const iter = exportRows(store, filters, order, format)[Symbol.asyncIterator]();
    const enc = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async pull(ctrl) {
        try {
          const { value, done } = await iter.next();
          if (done) ctrl.close();
          else ctrl.enqueue(enc.encode(value));
        } catch (e) {
          ctrl.error(e);
        }
      },
    });
    const ext = format === 'geojson' ? 'geojson' : format;
    return c.body(stream, 200, {
      'content-type': CONTENT_TYPES[format],
      'content-disposition': `attachment; filename="sitrep-events.${ext}"`,
    });
  });

  return app;
}
