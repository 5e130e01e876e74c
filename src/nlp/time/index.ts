import type { Stage } from '../../pipeline/pipeline.js';

/** Time expressions normalised against the publication date. Provides `times`. */
export function createTimeStage(): Stage<'times'> {
  return {
    name: 'time',
    requires: ['sentences'],
    provides: ['times'],
    run: () => ({ times: [] }),
  };
}
