/**
 * A fixed pool of worker threads that code article batches into the store's rows. Each worker holds
 * its own pipeline (lexicons load once per worker); batches go to the least busy worker.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type CodeItem, codeRows, type RowsResult } from './coder.js';

export interface Coder {
  code(items: CodeItem[]): Promise<RowsResult[]>;
  close(): Promise<void>;
}

/** Code in the calling thread (tests, tiny inputs). */
export function inlineCoder(): Coder {
  return { code: async (items) => codeRows(items), close: async () => {} };
}

interface Slot {
  worker: Worker;
  busy: number;
  waiting: Map<number, { resolve: (r: RowsResult[]) => void; reject: (e: Error) => void }>;
}

/**
 * Start the worker. Under tsx (tests, `npm run` scripts) the worker thread needs tsx's loader
 * registered first: Node does not carry `--import` hooks over to worker threads.
 */
function spawn(file: URL): Worker {
  const limits = { resourceLimits: { maxOldGenerationSizeMb: 768 } };
  if (!file.pathname.endsWith('.ts')) return new Worker(file, limits);
  const api = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(file.href)}); });`;
  return new Worker(boot, { ...limits, eval: true });
}

export function workerCoder(n: number): Coder {
  const here = fileURLToPath(import.meta.url);
  const file = new URL(`./code-worker${extname(here)}`, import.meta.url);
  let seq = 0;
  const slots: Slot[] = [];
  for (let i = 0; i < n; i++) {
    const worker = spawn(file);
    const slot: Slot = { worker, busy: 0, waiting: new Map() };
    worker.on('message', (m: { id: number; results: RowsResult[] }) => {
      const w = slot.waiting.get(m.id);
      if (!w) return;
      slot.waiting.delete(m.id);
      slot.busy--;
      w.resolve(m.results);
    });
    const failAll = (e: Error) => {
      for (const w of slot.waiting.values()) w.reject(e);
      slot.waiting.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => {
      if (code !== 0) failAll(new Error(`coding worker exited with code ${code}`));
    });
    slots.push(slot);
  }
  return {
    code(items) {
      const slot = slots.reduce((a, b) => (b.busy < a.busy ? b : a));
      const id = ++seq;
      slot.busy++;
      return new Promise((resolve, reject) => {
        slot.waiting.set(id, { resolve, reject });
        slot.worker.postMessage({ id, items });
      });
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
