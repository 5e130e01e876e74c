export { DEFAULT_DB, isPostgresUrl, openStore, resolveDb } from './open.js';
export type * from './store.js';
export { StoreError } from './store.js';
