import type { Stage } from '../../pipeline/pipeline.js';

/** Counted quantities (dead, injured, families, crowds). Provides `quantities`. */
export function createQuantitiesStage(): Stage<'quantities'> {
  return {
    name: 'quantities',
    requires: ['sentences'],
    provides: ['quantities'],
    run: () => ({ quantities: [] }),
  };
}
