import type { Doc } from '../../model/doc.js';
import type { Place, Span } from '../../model/types.js';
import type { Stage } from '../../pipeline/pipeline.js';
import { detectToponyms, toponymsForSpans } from './detect.js';
import { type Gazetteer, gazetteer } from './gazetteer/load.js';
import { resolveToponyms } from './resolve.js';

export { type EventLocation, eventLocation } from './event-location.js';

/** Find and resolve the places of a document (or resolve caller-given spans, for evaluation). */
export function geoparse(doc: Doc, opts: { spans?: readonly Span[]; gazetteer?: Gazetteer } = {}): Place[] {
  const gz = opts.gazetteer ?? gazetteer();
  const toponyms = opts.spans
    ? toponymsForSpans(doc, gz, opts.spans, gz.demonyms)
    : detectToponyms(doc, gz, gz.demonyms);
  return resolveToponyms(doc, gz, toponyms);
}

/**
 * Places: toponyms and demonyms detected in the text and resolved against the gazetteer.
 * Provides `places` (each place is also a mention of kind place/demonym, id in `mention`).
 */
export function createPlacesStage(opts: { gazetteer?: Gazetteer } = {}): Stage<'places'> {
  return {
    name: 'places',
    requires: ['sentences', 'mentions'],
    provides: ['places'],
    run: (doc) => ({ places: geoparse(doc, opts) }),
  };
}
