import { createEventsStage, type EventsOptions } from '../nlp/events/index.js';
import { createMentionsStage } from '../nlp/mentions/index.js';
import { createPlacesStage } from '../nlp/places/index.js';
import { createQuantitiesStage } from '../nlp/quantities/index.js';
import { createSourcesStage } from '../nlp/sources/index.js';
import { createTimeStage } from '../nlp/time/index.js';
import { createPipeline, type Pipeline } from './pipeline.js';

export interface DefaultPipelineOptions {
  /** Options of the events stage (e.g. `actorFiles`: extra actor registry files). */
  events?: EventsOptions;
}

/** The standard stage order: each stage reads only what the ones before it provide. */
export function createDefaultPipeline(options: DefaultPipelineOptions = {}): Pipeline {
  return createPipeline([
    createMentionsStage(),
    createPlacesStage(),
    createTimeStage(),
    createQuantitiesStage(),
    createSourcesStage(),
    createEventsStage(options.events),
  ]);
}
