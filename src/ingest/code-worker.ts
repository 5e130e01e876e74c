/** Worker thread: codes batches of articles with the default pipeline and posts back `sitrep/1` records. */
import { parentPort } from 'node:worker_threads';
import type { Article } from '../model/types.js';
import { codeArticles } from './coder.js';

parentPort!.on('message', (msg: { id: number; articles: Article[] }) => {
  parentPort!.postMessage({ id: msg.id, results: codeArticles(msg.articles) });
});
