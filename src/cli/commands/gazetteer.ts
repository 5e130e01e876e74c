import type { Command } from 'commander';
import { InputError } from '../errors.js';

/** `sitrep gazetteer stats` and `sitrep gazetteer import FILE [--alternate-names FILE]`. */
export function register(program: Command): void {
  const gz = program.command('gazetteer').description('inspect or extend the offline gazetteer');
  gz.command('stats')
    .description('print what the gazetteer index holds, its load time and memory')
    .action(async () => {
      const { GazetteerMissingError, openGazetteer } = await import('../../nlp/places/gazetteer/load.js');
      const rss0 = process.memoryUsage().rss;
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      let g: ReturnType<typeof openGazetteer>;
      try {
        g = openGazetteer();
      } catch (err) {
        if (err instanceof GazetteerMissingError) throw new InputError(err.message);
        throw new InputError(`cannot load the gazetteer: ${(err as Error).message.split('\n')[0]}`);
      }
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(c0);
      for (const s of g.stats()) {
        process.stdout.write(`${s.dir}\n  source: ${s.source}\n  built: ${s.built}\n`);
        process.stdout.write(
          `  features: ${s.features.toLocaleString('en')}, names: ${s.names.toLocaleString('en')}\n`,
        );
        for (const [k, v] of Object.entries(s.counts))
          process.stdout.write(`    ${k}: ${v.toLocaleString('en')}\n`);
      }
      process.stdout.write(`demonyms: ${g.demonyms.size}\n`);
      process.stdout.write(
        `load: ${Math.round(ms)} ms (${Math.round((cpu.user + cpu.system) / 1000)} ms CPU), memory: +${Math.round((process.memoryUsage().rss - rss0) / 1e6)} MB\n`,
      );
    });
  gz.command('import')
    .description('add a GeoNames dump (allCountries.txt or a per-country file) as a user overlay index')
    .argument('<file>', 'GeoNames dump: tab-separated, 19 columns, UTF-8')
    .option('--alternate-names <file>', 'alternateNamesV2.txt, for English names and abbreviations')
    .option('--out <dir>', 'where to write the overlay (default: $SITREP_DATA_DIR or ~/.sitrep)')
    .addHelpText(
      'after',
      '\nExamples:\n  sitrep gazetteer import SY.txt\n  sitrep gazetteer import allCountries.txt --alternate-names alternateNamesV2.txt',
    )
    .action(async (file: string, opts: { alternateNames?: string; out?: string }) => {
      const { importGeoNames, ImportError } = await import('../../nlp/places/gazetteer/import.js');
      const { userIndexDir } = await import('../../nlp/places/gazetteer/load.js');
      const out = opts.out ?? userIndexDir();
      try {
        const r = await importGeoNames(file, out, {
          alternateNames: opts.alternateNames,
          onProgress: (n) => process.stderr.write(`  ${n.toLocaleString('en')} rows read\n`),
        });
        process.stdout.write(
          `imported ${r.features.toLocaleString('en')} features (${r.names.toLocaleString('en')} names) from ${r.rows.toLocaleString('en')} rows into ${r.dir}; ${r.broken} broken rows skipped, ${r.skipped} of unused feature classes${opts.alternateNames ? `, ${r.alternateNames} alternate names` : ''}\n`,
        );
      } catch (err) {
        if (err instanceof ImportError)
          throw new InputError(`${err.message}; the existing index is unchanged`);
        throw err;
      }
    });
}
