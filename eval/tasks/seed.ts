/**
 * `npm run eval -- seed [article]`: scores `sitrep code` on the showcase article against the analyst's
 * reading in ../shared/seed/READING.md, as a checklist (each fact found or not), not a snapshot.
 */
import { readFileSync } from 'node:fs';
import { createArticle } from '../../src/model/article.js';
import type { EventRecord, SitrepRecord } from '../../src/model/types.js';
import { toSitrepJson } from '../../src/output/sitrep-json.js';
import { createDefaultPipeline } from '../../src/pipeline/default.js';
import type { EvalReport } from '../main.js';
import { dataPathOrSkip } from '../shared.js';
import { printTable } from '../table.js';

type Check = [section: string, fact: string, test: (r: SitrepRecord) => boolean];

const lc = (s: string | null | undefined) => (s ?? '').toLowerCase();
const mention = (r: SitrepRecord, kind: string, text: string) =>
  r.mentions.some((m) => m.kind === kind && lc(m.text) === lc(text));
const entityWith = (r: SitrepRecord, names: string[]) =>
  r.entities.some((e) => names.every((n) => [e.name, ...e.aliases].some((a) => lc(a).includes(lc(n)))));
const place = (r: SitrepRecord, text: string, pred: (p: SitrepRecord['places'][number]) => boolean) =>
  r.places.some((p) => lc(p.text).includes(lc(text)) && pred(p));
const time = (r: SitrepRecord, text: string, pred: (t: SitrepRecord['times'][number]) => boolean) =>
  r.times.some((t) => lc(t.text).includes(lc(text)) && pred(t));
const claimBy = (r: SitrepRecord, source: string, stance?: string, contentHas?: string) =>
  r.claims.some(
    (c) =>
      lc(c.source.text).includes(lc(source)) &&
      (!stance || c.stance === stance) &&
      (!contentHas || c.content.some((s) => lc(r.text.slice(s.start, s.end)).includes(lc(contentHas)))),
  );
const argText = (_r: SitrepRecord, e: EventRecord, side: 'actors' | 'recipients', has: string) =>
  e[side].some((a) => lc(a.text).includes(lc(has)));
const event = (r: SitrepRecord, type: string, pred: (e: EventRecord) => boolean = () => true) =>
  r.events.some((e) => e.type === type && !e.background && pred(e));
const placeOf = (r: SitrepRecord, e: EventRecord) => r.places.find((p) => p.mention === e.place);
const quantity = (e: EventRecord, value: number) => e.quantities.some((q) => q.value === value);

const CHECKS: Check[] = [
  ['metadata', 'headline', (r) => lc(r.article.title).startsWith('syrian militants intimidate refugees')],
  ['metadata', 'outlet Pakistan Point News', (r) => r.article.outlet === 'Pakistan Point News'],
  ['metadata', 'credit Sputnik', (r) => r.article.credit === 'Sputnik'],
  ['metadata', 'dateline Beirut', (r) => lc(r.article.dateline?.text) === 'beirut'],
  ['metadata', 'published 2020-10-05', (r) => r.article.published?.slice(0, 10) === '2020-10-05'],
  ['entities', 'person Ahmad Kazem', (r) => mention(r, 'person', 'Ahmad Kazem')],
  ['entities', '"Kazem" is Ahmad Kazem', (r) => entityWith(r, ['Ahmad Kazem', 'Kazem'])],
  [
    'entities',
    'Kazem heads the Syrian Human Rights Network',
    (r) =>
      r.entities.some(
        (e) => e.name === 'Ahmad Kazem' && (e.descriptions ?? []).some((d) => d.text.includes('head of')),
      ),
  ],
  [
    'entities',
    'organisation Syrian Human Rights Network',
    (r) => mention(r, 'organization', 'Syrian Human Rights Network'),
  ],
  [
    'entities',
    'group Sultan Muhammad Al-Fateh',
    (r) => r.mentions.some((m) => m.kind === 'group' && m.text.includes('Sultan Muhammad Al-Fateh')),
  ],
  [
    'entities',
    'alias Al-Amshat on the same entity',
    (r) => entityWith(r, ['Sultan Muhammad Al-Fateh', 'Al-Amshat']),
  ],
  ['entities', 'person Emmanuel Macron', (r) => mention(r, 'person', 'Emmanuel Macron')],
  [
    'entities',
    'organisation Russian Foreign Ministry',
    (r) => r.mentions.some((m) => m.kind === 'organization' && m.text.includes('Foreign Ministry')),
  ],
  ['entities', 'person Ilham Aliyev', (r) => mention(r, 'person', 'Ilham Aliyev')],
  ['entities', 'person Vladimir Putin', (r) => mention(r, 'person', 'Vladimir Putin')],
  ['entities', 'person Nikol Pashinyan', (r) => mention(r, 'person', 'Nikol Pashinyan')],
  ['entities', 'organisation OSCE', (r) => mention(r, 'organization', 'OSCE')],
  ['entities', 'outlet Sputnik', (r) => mention(r, 'outlet', 'Sputnik')],
  ['places', 'Beirut, LB', (r) => place(r, 'Beirut', (p) => p.country === 'LB' && p.geonameid !== null)],
  ['places', 'Damascus, SY', (r) => place(r, 'Damascus', (p) => p.country === 'SY' && p.geonameid !== null)],
  [
    'places',
    'Afrin, SY (Aleppo)',
    (r) => place(r, 'Afrin', (p) => p.country === 'SY' && p.geonameid !== null),
  ],
  [
    'places',
    'Aleppo Province, admin1',
    (r) => place(r, 'Aleppo', (p) => p.country === 'SY' && p.precision === 'admin1'),
  ],
  [
    'places',
    'Akhur kept, placed at its parent',
    (r) => place(r, 'Akhur', (p) => p.country === 'SY' && (p.geonameid !== null || !!p.parent)),
  ],
  [
    'places',
    'Qazalbash kept, placed at its parent',
    (r) => place(r, 'Qazalbash', (p) => p.country === 'SY' && (p.geonameid !== null || !!p.parent)),
  ],
  [
    'places',
    'Azerbaijan, country',
    (r) => place(r, 'Azerbaijan', (p) => p.country === 'AZ' && p.precision === 'country'),
  ],
  [
    'places',
    'Nagorno-Karabakh, region',
    (r) => place(r, 'Nagorno-Karabakh', (p) => p.lat !== null && Math.abs(p.lat - 39.8) < 1),
  ],
  [
    'places',
    'Armenia, country (AM)',
    (r) => place(r, 'Armenia', (p) => p.country === 'AM' && p.precision === 'country'),
  ],
  [
    'places',
    'Turkey, country',
    (r) => place(r, 'Turkey', (p) => p.country === 'TR' && p.precision === 'country'),
  ],
  ['places', 'Middle East, region', (r) => place(r, 'Middle East', (p) => p.precision === 'region')],
  [
    'places',
    'no place for August/Al-Fateh/Monday',
    (r) => !r.places.some((p) => p.kind === 'place' && /^(august|al-fateh|monday)$/i.test(p.text)),
  ],
  ['times', '"on Monday" = 2020-10-05', (r) => time(r, 'Monday', (t) => t.value === '2020-10-05')],
  [
    'times',
    '"Last week" = week before publication',
    (r) => time(r, 'last week', (t) => t.value === '2020-W40' && t.granularity === 'week'),
  ],
  [
    'times',
    '"this weekend" = 3-4 Oct 2020',
    (r) => time(r, 'weekend', (t) => t.interval?.[0] === '2020-10-03' && t.interval?.[1] === '2020-10-04'),
  ],
  ['times', '"back in August" = 2020-08', (r) => time(r, 'August', (t) => t.value === '2020-08')],
  ['times', '"September 27" = 2020-09-27', (r) => time(r, 'September 27', (t) => t.value === '2020-09-27')],
  ['times', '"this past Friday" = 2020-10-02', (r) => time(r, 'Friday', (t) => t.value === '2020-10-02')],
  ['times', '"1994" = 1994', (r) => time(r, '1994', (t) => t.value === '1994')],
  ['sources', 'Kazem told Sputnik (expulsions)', (r) => claimBy(r, 'Kazem', undefined, 'expelled')],
  [
    'sources',
    'Kazem relays his own sources (via)',
    (r) => r.claims.some((c) => lc(c.source.text).includes('kazem') && c.via !== undefined),
  ],
  [
    'sources',
    'Kazem on the three threatened families',
    (r) =>
      claimBy(r, 'activist', undefined, 'three families') || claimBy(r, 'Kazem', undefined, 'three families'),
  ],
  ['sources', 'Kazem on the Al-Fateh group', (r) => claimBy(r, 'Kazem', undefined, 'Sultan Muhammad')],
  [
    'sources',
    'anonymous opposition source told Sputnik',
    (r) => r.claims.some((c) => c.source.kind === 'anonymous' && lc(c.source.text).includes('source')),
  ],
  [
    'sources',
    'Sputnik relays the anonymous source',
    (r) =>
      r.claims.some(
        (c) => c.source.kind === 'anonymous' && (c.via !== undefined || r.claims.some((d) => d.via === c.id)),
      ),
  ],
  [
    'sources',
    'per Kazem, Turkey trained mercenaries from August',
    (r) => claimBy(r, 'Kazem', undefined, 'training'),
  ],
  ['sources', 'Armenia accused Baku', (r) => claimBy(r, 'Armenia', 'accuse')],
  [
    'sources',
    'Macron and the ministry confirmed',
    (r) => r.claims.some((c) => c.stance === 'confirm' && /macron|ministry/i.test(c.source.text)),
  ],
  ['sources', 'Aliyev denied', (r) => claimBy(r, 'Aliyev', 'deny')],
  [
    'sources',
    'Aliyev demanded an apology',
    (r) => claimBy(r, 'Aliyev', 'demand') || r.claims.some((c) => c.stance === 'demand'),
  ],
  ['sources', 'Putin and Pashinyan expressed concern', (r) => r.claims.some((c) => c.stance === 'concern')],
  [
    'events',
    '1 COERCE expel: militants -> 40 families, Akhur, reported',
    (r) =>
      event(
        r,
        'COERCE',
        (e) =>
          quantity(e, 40) &&
          e.factuality === 'reported' &&
          argText(r, e, 'actors', 'militants') &&
          /akhur|afrin/i.test(placeOf(r, e)?.text ?? ''),
      ),
  ],
  [
    'events',
    '2 THREATEN: three families, Qazalbash',
    (r) => event(r, 'THREATEN', (e) => /qazalbash/i.test(placeOf(r, e)?.text ?? '') || quantity(e, 3)),
  ],
  [
    'events',
    '3 MOBILIZE: mercenaries deployed to Nagorno-Karabakh',
    (r) =>
      event(
        r,
        'MOBILIZE',
        (e) =>
          /nagorno/i.test(placeOf(r, e)?.text ?? '') ||
          argText(r, e, 'recipients', 'mercenar') ||
          argText(r, e, 'actors', 'mercenar'),
      ),
  ],
  [
    'events',
    '4 ASSAULT outcome: 93 killed',
    (r) => event(r, 'ASSAULT', (e) => e.quantities.some((q) => q.value === 93 && q.kind === 'dead')),
  ],
  [
    'events',
    '5 Turkey trains mercenaries (per Kazem)',
    (r) => r.events.some((e) => /train/i.test(e.trigger.text) && argText(r, e, 'actors', 'Turkey')),
  ],
  [
    'events',
    '6 ASSAULT: Azerbaijan counteroffensive, 2020-09-27',
    (r) =>
      event(
        r,
        'ASSAULT',
        (e) => argText(r, e, 'actors', 'Azerbaijan') && (e.interval?.[0] ?? '').startsWith('2020-09-27'),
      ),
  ],
  [
    'events',
    '7 ACCUSE: Armenia -> Baku',
    (r) =>
      event(r, 'ACCUSE', (e) => argText(r, e, 'actors', 'Armenia') && argText(r, e, 'recipients', 'Baku')),
  ],
  [
    'events',
    '8 REJECT/REQUEST by Aliyev',
    (r) =>
      event(r, 'REJECT', (e) => argText(r, e, 'actors', 'Aliyev')) &&
      event(r, 'REQUEST', (e) => argText(r, e, 'actors', 'Aliyev')),
  ],
  [
    'events',
    '9 CONSULT phone: Putin <-> Pashinyan, 2020-10-02',
    (r) =>
      event(
        r,
        'CONSULT',
        (e) =>
          /putin|pashinyan/i.test(e.actors.map((a) => a.text).join(' ')) && e.interval?.[0] === '2020-10-02',
      ),
  ],
  [
    'events',
    'nothing new coded from the 1994 ceasefire',
    (r) => !r.events.some((e) => !e.background && e.interval?.[0]?.startsWith('1994')),
  ],
];

export async function run(args: string[]): Promise<EvalReport | null> {
  const path = dataPathOrSkip(args[0], 'seed', 'sputnik-2020-10-05-afrin.txt');
  if (!path) return null;
  const article = createArticle({ text: readFileSync(path, 'utf8'), firstLineIsTitle: true });
  const record = toSitrepJson(createDefaultPipeline().run(article));
  const results = CHECKS.map(([section, fact, test]) => {
    let ok = false;
    try {
      ok = test(record);
    } catch {
      ok = false;
    }
    return { section, fact, ok };
  });
  const sections = [...new Set(results.map((r) => r.section))];
  const rows = sections.map((s) => {
    const rs = results.filter((r) => r.section === s);
    const passed = rs.filter((r) => r.ok).length;
    return { section: s, passed, total: rs.length, score: passed / rs.length };
  });
  const passed = results.filter((r) => r.ok).length;
  rows.push({ section: 'ALL', passed, total: results.length, score: passed / results.length });
  printTable(rows);
  const missing = results.filter((r) => !r.ok);
  if (missing.length)
    console.log(`\nmissing:\n${missing.map((r) => `  [${r.section}] ${r.fact}`).join('\n')}`);
  return {
    task: 'seed',
    data: path,
    metrics: { passed, total: results.length, score: passed / results.length },
    sections: rows,
    checks: results,
  };
}
