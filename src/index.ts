export type { ArticleInput } from './model/article.js';
export { articleId, createArticle, normaliseText } from './model/article.js';
export type { Doc } from './model/doc.js';
export { timePrecision } from './model/time-precision.js';
export * from './model/types.js';
export { toSitrepJson } from './output/sitrep-json.js';
export { createDefaultPipeline } from './pipeline/default.js';
export { createPipeline, type Pipeline, type Stage } from './pipeline/pipeline.js';
export { VERSION } from './version.js';
