import type { Command } from 'commander';
import type { IngestItem } from '../../ingest/types.js';
import { UsageError } from '../errors.js';

interface CodeOptions {
  jsonl?: boolean;
  pretty?: boolean;
  published?: string;
  url?: string;
  title?: string;
  outlet?: string;
  strict?: boolean;
  maxBytes: number;
  actors?: string[];
}

export function register(program: Command): void {
  program
    .command('code')
    .description(
      'code articles into sitrep/1 JSON: mentions, places, times, claims and events with evidence spans',
    )
    .argument(
      '<inputs...>',
      'plain-text article files (first line = title), JSON Lines files, or - for stdin',
    )
    .option('--jsonl', 'print one JSON object per line (default for more than one article)')
    .option('--pretty', 'indent the JSON')
    .option('--published <date>', 'publication date (YYYY-MM-DD or ISO date-time) for plain-text input')
    .option('--url <url>', 'article URL for plain-text input')
    .option('--title <title>', 'headline for plain-text input (default: its first line)')
    .option('--outlet <name>', 'publisher for plain-text input')
    .option('--strict', 'stop at the first bad JSON Lines record instead of skipping it')
    .option('--actors <files...>', 'extra actor registry files (TSV, format of data/actors.tsv)')
    .option('--max-bytes <n>', 'largest input accepted', (v) => parseSize(v), 20 * 1024 * 1024)
    .addHelpText(
      'after',
      '\nExamples:\n  sitrep code examples/dispatch.txt --pretty\n  sitrep code articles.jsonl --jsonl > coded.jsonl\n  cat story.txt | sitrep code - --published 2020-10-05',
    )
    .action(async (inputs: string[], opts: CodeOptions) => {
      process.exitCode = await codeCommand(inputs, opts);
    });
}

function parseSize(v: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(v.trim());
  if (!m) throw new UsageError(`--max-bytes: not a size: ${v}`);
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.floor(Number(m[1]) * mult);
}

async function codeCommand(paths: string[], opts: CodeOptions): Promise<number> {
  if (opts.published && !/^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(opts.published)) {
    throw new UsageError(`--published: expected YYYY-MM-DD or an ISO date-time, got "${opts.published}"`);
  }
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('stdin (-) can be read only once');

  const { formatInputError, readInputs } = await import('../../ingest/index.js');
  let failed = 0;
  const records: unknown[] = [];
  const perArticle: IngestItem[] = [];
  for await (const r of readInputs(paths, {
    maxBytes: opts.maxBytes,
    strict: Boolean(opts.strict),
    fetchPagesBelow: 0,
  })) {
    if (r.ok) {
      perArticle.push(r.value);
      continue;
    }
    failed++;
    process.stderr.write(`sitrep: ${formatInputError(r.error)}\n`);
    if (opts.strict) return 1;
  }
  if (perArticle.length === 0) return failed > 0 ? 1 : 0;
  // Load the pipeline only when there is work (keeps --help fast).
  const [{ createArticle }, { createDefaultPipeline }, { toSitrepJson }, { BATCH_SIZE }] = await Promise.all([
    import('../../model/article.js'),
    import('../../pipeline/default.js'),
    import('../../output/sitrep-json.js'),
    import('../../pipeline/pipeline.js'),
  ]);
  let pipeline: ReturnType<typeof createDefaultPipeline>;
  try {
    pipeline = createDefaultPipeline({ events: { actorFiles: opts.actors ?? [] } });
  } catch (e) {
    // a missing or malformed actor file is the user's input: one line, usage error
    if (e instanceof Error && e.name === 'ActorRegistryError') throw new UsageError(e.message);
    throw e;
  }
  const many = perArticle.length > 1 || Boolean(opts.jsonl);
  // coded in batches, stage by stage (faster: each stage's tables stay in the CPU caches), written
  // in input order as each batch is done
  for (let b = 0; b < perArticle.length; b += BATCH_SIZE) {
    const part = perArticle.slice(b, b + BATCH_SIZE);
    const articles = part.map(({ input }) => {
      const plain = input.firstLineIsTitle === true;
      return createArticle({
        ...input,
        title: plain && opts.title ? opts.title : input.title,
        url: plain && opts.url ? opts.url : input.url,
        outlet: plain && opts.outlet ? opts.outlet : input.outlet,
        published: opts.published && (plain || !input.published) ? opts.published : input.published,
        publishedSource: opts.published && (plain || !input.published) ? 'option' : input.publishedSource,
      });
    });
    const docs = pipeline.runBatch(articles);
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i];
      // a stage that throws is a bug, as it was when articles were coded one by one
      if (doc instanceof Error) throw doc;
      const warnings: string[] = [];
      if (!articles[i].published)
        warnings.push('no publication date: relative dates are left unresolved (give --published)');
      const record = toSitrepJson(doc, warnings);
      if (many) {
        process.stdout.write(`${JSON.stringify(record, null, opts.pretty && !opts.jsonl ? 2 : undefined)}\n`);
      } else {
        records.push(record);
      }
    }
  }
  if (!many && records.length === 1)
    process.stdout.write(`${JSON.stringify(records[0], null, opts.pretty ? 2 : undefined)}\n`);
  return failed > 0 ? 1 : 0;
}
