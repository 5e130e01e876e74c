import type { Stage } from '../../pipeline/pipeline.js';

/** Entity mentions (people, organisations, armed groups, outlets) and within-document entities. */
export function createMentionsStage(): Stage<'mentions' | 'entities'> {
  return {
    name: 'mentions',
    requires: ['sentences'],
    provides: ['mentions', 'entities'],
    run: () => ({ mentions: [], entities: [] }),
  };
}
