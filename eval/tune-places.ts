/**
 * `node --import tsx eval/tune-places.ts '{"pplc":[1,1.5,2]}'`: gold-span acc@161 on LGL, TR-News and
 * GeoVirus for the current resolution weights (W in src/nlp/places/resolve.ts), then for each listed
 * weight value in turn (the others at their current values), with the change in tenths of a percent.
 * For tuning by hand; the weights in resolve.ts stay the source of truth.
 */
import { W } from '../src/nlp/places/resolve.js';
import { SHARED_DIR } from './shared.js';
import { run } from './tasks/geo.js';

const FILES = ['lgl', 'tr-news', 'geovirus'];
const weights = W as Record<string, number>;
const print = console.log;

async function score(): Promise<number[]> {
  const out: number[] = [];
  console.log = () => {}; // the eval task prints its tables
  try {
    for (const f of FILES) {
      const r = await run([`${SHARED_DIR}/data/geo/${f}.xml`, '--mode', 'gold']);
      out.push(Number(r?.metrics[`${f}.acc161`] ?? Number.NaN));
    }
  } finally {
    console.log = print;
  }
  return out;
}

const spec = JSON.parse(process.argv[2] ?? '{}') as Record<string, number[]>;
for (const k of Object.keys(spec))
  if (!(k in weights)) {
    console.error(`tune-places: no weight "${k}"; weights: ${Object.keys(weights).join(', ')}`);
    process.exit(2);
  }
const base = await score();
print(`${FILES.join(' ')}\nbase ${base.map((x) => x.toFixed(4)).join(' ')}`);
for (const [k, values] of Object.entries(spec)) {
  const was = weights[k];
  for (const v of values) {
    weights[k] = v;
    const s = await score();
    const delta = s.map((x, i) => `${x >= base[i] ? '+' : ''}${((x - base[i]) * 1000).toFixed(1)}`);
    print(`${k}=${v} ${s.map((x) => x.toFixed(4)).join(' ')} ${delta.join(' ')}`);
  }
  weights[k] = was;
}
