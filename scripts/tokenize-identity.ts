/**
 * Fingerprint of tokenize() and of wink's document data over every text of the corpora in ../shared
 * (PolNeAR dev and train, LGL, GeoVirus, TR-News, TimeBank/AQUAINT, MEANTIME, the PLOVER training
 * sentences and GSR event texts), each read twice in one process (the second time every piece has
 * been seen): `node --import tsx scripts/tokenize-identity.ts` prints one SHA-256 over tokenize()'s
 * output (token strings, offsets, POS, sentences) and one over wink's raw document data (its four
 * numbers per token and its sentences). SITREP_WINK_PLAIN=1 runs wink's own modules instead of
 * src/text/wink-fast.ts's wrappers: the two runs must print the same fingerprints.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { warmTexts } from '../bench/corpus.js';
import { sharedPath } from '../eval/shared.js';
import { tokenize, winkDocData } from '../src/text/tokenize.js';
import { winkFast } from '../src/text/wink-fast.js';

const texts: string[] = [];
for (const split of ['dev', 'train']) {
  const d = sharedPath('data', 'attribution', 'polnear', split, 'text');
  if (d)
    for (const f of readdirSync(d).sort())
      if (f.endsWith('.txt')) texts.push(readFileSync(join(d, f), 'utf8'));
}
texts.push(...warmTexts()); // LGL, GeoVirus, TR-News, TimeBank/AQUAINT, MEANTIME
const plv = sharedPath('data', 'events', 'plv_train.tsv');
if (plv && existsSync(plv))
  for (const line of readFileSync(plv, 'utf8').split('\n').slice(1)) {
    const cols = line.split('\t');
    if (cols[2]) texts.push(cols[2]);
  }
const gsr = sharedPath('data', 'events', 'plover_gsr.json');
if (gsr && existsSync(gsr))
  for (const r of JSON.parse(readFileSync(gsr, 'utf8')) as { eventText?: string }[])
    if (r.eventText) texts.push(r.eventText);

// pieces the corpora may lack: non-breaking and other spaces before contractions, words, numbers
for (const sp of [' ', '\u00a0', '\u2009 ', '  \u202f', '\t', '\r\n'])
  texts.push(
    `He${sp}can't${sp}go,${sp}O'Neil${sp}said.${sp}"We're${sp}done."${sp}It's${sp}3.5%${sp}(12${sp}p.m.)${sp}U.S.-led${sp}e-mail:${sp}a@b.co${sp}:-)${sp}🙂${sp}1990s${sp}Dr.${sp}Zqx's.`,
  );
const out = createHash('sha256');
const raw = createHash('sha256');
let tokens = 0;
for (let pass = 0; pass < 2; pass++)
  for (const text of texts) {
    const t = tokenize(text).tokens;
    tokens += t.length;
    for (let i = 0; i < t.length; i++)
      out.update(
        `${t.text[i]}\u0001${t.lower[i]}\u0001${t.start[i]},${t.end[i]},${t.pos[i]},${t.sentence[i]}\n`,
      );
    out.update('\u0002');
    const d = winkDocData(text);
    raw.update(Int32Array.from(d.tokens));
    raw.update(JSON.stringify(d.sentences));
    raw.update(JSON.stringify(d.nonBreakingSpaces));
  }
console.log(
  `${texts.length} texts x 2, ${tokens} tokens, wrappers ${JSON.stringify(winkFast)}\n` +
    `tokenize ${out.digest('hex')}\nwink data ${raw.digest('hex')}`,
);
