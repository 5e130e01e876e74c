import type { Stage } from '../../pipeline/pipeline.js';

/** PLOVER events with arguments, place, time, quantities and factuality. Provides `events`. */
export function createEventsStage(): Stage<'events'> {
  return {
    name: 'events',
    requires: ['sentences', 'mentions', 'entities', 'places', 'times', 'quantities', 'claims'],
    provides: ['events'],
    run: () => ({ events: [] }),
  };
}
