import type { Doc } from '../model/doc.js';
import { type Mention, SCHEMA_ID, type SitrepRecord } from '../model/types.js';
import { VERSION } from '../version.js';

/**
 * Serialise a coded document to the `sitrep/1` contract. Place mentions come from the places layer
 * and join the entity mentions in one sorted `mentions` list; a weak (shape-only) entity mention that
 * a place covers is dropped in favour of the place.
 */
export function toSitrepJson(doc: Doc, warnings: string[] = []): SitrepRecord {
  const { text, ...article } = doc.article;
  const places = doc.layer('places');
  const placeMentions: Mention[] = places.map((p) => ({
    id: p.mention,
    start: p.start,
    end: p.end,
    text: p.text,
    kind: p.kind,
    ...(p.rule ? { rule: p.rule } : {}),
  }));
  const covered = (m: Mention) =>
    m.rule?.startsWith('shape.') && places.some((p) => p.start < m.end && m.start < p.end);
  const mentions = [...doc.layer('mentions').filter((m) => !covered(m)), ...placeMentions].sort(
    (a, b) => a.start - b.start || b.end - a.end,
  );
  return {
    schema: SCHEMA_ID,
    article,
    text,
    sentences: doc.sentences.map((s) => [s.start, s.end] as [number, number]),
    mentions,
    entities: [...doc.layer('entities')],
    places: [...places],
    times: [...doc.layer('times')],
    quantities: [...doc.layer('quantities')],
    claims: [...doc.layer('claims')],
    events: [...doc.layer('events')],
    meta: { version: VERSION, ...(warnings.length ? { warnings } : {}) },
  };
}
