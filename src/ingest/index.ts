export { decodeBytes } from './decode.js';
export { type ParsedFeed, parseFeedText } from './feed.js';
export { fetchBytes, HostGate } from './fetch.js';
export { extractHtml } from './html.js';
export { readInputs, sniffKind } from './read.js';
export * from './types.js';
