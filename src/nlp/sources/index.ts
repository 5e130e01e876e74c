import type { Stage } from '../../pipeline/pipeline.js';

/** Attributions (source, cue, content) turned into claims with stance and relay chains. Provides `claims`. */
export function createSourcesStage(): Stage<'claims'> {
  return {
    name: 'sources',
    requires: ['sentences', 'mentions', 'entities'],
    provides: ['claims'],
    run: () => ({ claims: [] }),
  };
}
