/** Worker thread: codes batches of articles with the default pipeline and posts back the store's rows. */
import { parentPort } from 'node:worker_threads';
import { type CodeItem, codeRows } from './coder.js';

parentPort!.on('message', (msg: { id: number; items: CodeItem[] }) => {
  parentPort!.postMessage({ id: msg.id, results: codeRows(msg.items) });
});
