import type { Stage } from '../../pipeline/pipeline.js';
import { extractClaims } from './claims.js';

/** Attributions (source, cue, content) turned into claims with stance and relay chains. Provides `claims`. */
export function createSourcesStage(): Stage<'claims'> {
  return {
    name: 'sources',
    requires: ['sentences', 'mentions', 'entities'],
    provides: ['claims'],
    run: (doc) => ({ claims: extractClaims(doc) }),
  };
}
