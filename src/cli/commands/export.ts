import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { InputError, UsageError } from '../errors.js';

interface ExportOptions {
  db?: string;
  format: string;
  out?: string;
  from?: string;
  to?: string;
  country?: string;
  type?: string;
  actor?: string;
  source?: string;
  minSources?: number;
  reviewed?: boolean;
  public?: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function register(program: Command): void {
  program
    .command('export')
    .description('export events (csv, geojson, acled) or sitrep/1 records (jsonl), streamed')
    .requiredOption('--format <format>', 'jsonl, csv, geojson or acled')
    .option('--db <db>', 'SQLite file or postgres:// URL (default: $SITREP_DB or sitrep.db)')
    .option('-o, --out <file>', 'write to a file instead of standard output')
    .option('--from <date>', 'events whose interval ends on or after this date (YYYY-MM-DD)')
    .option('--to <date>', 'events whose interval starts on or before this date')
    .option('--country <cc>', 'ISO 3166-1 alpha-2 country')
    .option('--type <types>', 'PLOVER types, comma-separated')
    .option('--actor <name>', 'actor or target name contains')
    .option('--source <name>', 'outlet or wire credit')
    .option('--min-sources <n>', 'minimum independent sources', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1)
        throw new UsageError(`--min-sources: expected a positive integer, got "${v}"`);
      return n;
    })
    .option('--reviewed', 'only records an analyst has reviewed')
    .option(
      '--public',
      'redacted export for publication: sensitive fields (e.g. victims named as event recipients) withheld',
    )
    .action(async (opts: ExportOptions) => {
      const [{ openStore, StoreError }, { exportChunks, EXPORT_FORMATS }, { redactingStore }] =
        await Promise.all([
          import('../../store/index.js'),
          import('../../export/formats.js'),
          import('../../api/sensitive.js'),
        ]);
      if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format)) {
        throw new UsageError(`--format: expected one of ${EXPORT_FORMATS.join(', ')}, got "${opts.format}"`);
      }
      for (const k of ['from', 'to'] as const) {
        if (opts[k] && !DATE.test(opts[k]!))
          throw new UsageError(`--${k}: expected YYYY-MM-DD, got "${opts[k]}"`);
      }
      let store: Awaited<ReturnType<typeof openStore>>;
      try {
        store = await openStore({ db: opts.db });
      } catch (e) {
        if (e instanceof StoreError) throw new InputError(e.message);
        throw e;
      }
      const out: NodeJS.WritableStream = opts.out ? createWriteStream(opts.out) : process.stdout;
      try {
        // --public reads through the same redaction the API applies to readers.
        const source = opts.public ? redactingStore(store) : store;
        const chunks = exportChunks(source, opts.format as 'csv', {
          from: opts.from,
          to: opts.to,
          country: opts.country,
          type: opts.type ? (opts.type.split(',').map((s) => s.trim().toUpperCase()) as never) : undefined,
          actor: opts.actor,
          source: opts.source,
          minSources: opts.minSources,
          reviewed: opts.reviewed ? true : undefined,
        });
        for await (const chunk of chunks) {
          // Respect back-pressure: constant memory however large the export.
          if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
        }
        if (opts.out) await new Promise<void>((r) => out.end(() => r()));
      } catch (e) {
        if (e instanceof StoreError) throw new InputError(e.message);
        throw e;
      } finally {
        await store.close();
      }
    });
}
