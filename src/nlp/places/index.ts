import type { Stage } from '../../pipeline/pipeline.js';

/**
 * Places: toponyms and demonyms detected in the text and resolved against the gazetteer.
 * Provides `places` (each place is also a mention of kind place/demonym, id in `mention`).
 */
export function createPlacesStage(): Stage<'places'> {
  return {
    name: 'places',
    requires: ['sentences', 'mentions'],
    provides: ['places'],
    run: () => ({ places: [] }),
  };
}
