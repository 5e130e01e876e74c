import type { PloverType } from '../../../model/types.js';
import { NOUNS, VERBS } from './triggers.js';

/** One compiled trigger: what follows its first word, and what it codes. */
export interface Trigger {
  /** Lemma phrase as written in the lexicon (for explanations: `rule`). */
  phrase: string;
  /** Words after the first; `_` is a gap of up to two free words. */
  tail: readonly string[];
  type: PloverType;
  mode?: string;
  cameo?: string;
  /** Prepositions introducing the recipient. */
  objPreps: readonly string[];
  noObject: boolean;
  weak: boolean;
  noun: boolean;
  /** The first word is a past participle (for passive detection) or an -ing form. */
  form: 'base' | 'past' | 'pp' | 'pastpp' | 'ing' | 's' | 'noun';
}

/**
 * A trigger with its fields always in this order and `mode`/`cameo` always present: every trigger
 * then has one hidden class. (Built by spreading a per-line base object, the 2,583 triggers had
 * 2,575 classes, and each read of a trigger's field in the events rules was a megamorphic lookup
 * that often fell through to the runtime.)
 */
export function makeTrigger(t: Trigger): Trigger {
  return {
    phrase: t.phrase,
    tail: t.tail,
    type: t.type,
    mode: t.mode,
    cameo: t.cameo,
    objPreps: t.objPreps,
    noObject: t.noObject,
    weak: t.weak,
    noun: t.noun,
    form: t.form,
  };
}

// Verbs that double their final consonant before -ed/-ing.
const DOUBLING = new Set(
  'ban stab stop plan drop ship commit admit permit occur refer rob kidnap patrol control expel compel propel rebel equip submit transfer bar jail-no slam beg grab tap trap step pin spur strip wrap blot plot'.split(
    ' ',
  ),
);

function inflect(lemma: string): [string, Trigger['form']][] {
  const out: [string, Trigger['form']][] = [[lemma, 'base']];
  let s: string;
  let ed: string;
  let ing: string;
  if (/[^aeiou]y$/.test(lemma)) {
    s = `${lemma.slice(0, -1)}ies`;
    ed = `${lemma.slice(0, -1)}ied`;
    ing = `${lemma}ing`;
  } else if (lemma.endsWith('e')) {
    s = `${lemma}s`;
    ed = `${lemma}d`;
    ing = lemma.endsWith('ee') ? `${lemma}ing` : `${lemma.slice(0, -1)}ing`;
  } else if (/(s|x|z|ch|sh)$/.test(lemma)) {
    s = `${lemma}es`;
    ed = `${lemma}ed`;
    ing = `${lemma}ing`;
  } else if (DOUBLING.has(lemma)) {
    const c = lemma.at(-1);
    s = `${lemma}s`;
    ed = `${lemma}${c}ed`;
    ing = `${lemma}${c}ing`;
  } else {
    s = `${lemma}s`;
    ed = `${lemma}ed`;
    ing = `${lemma}ing`;
  }
  out.push([s, 's'], [ed, 'pastpp'], [ing, 'ing']);
  // British doubling of a final -l ("cancelled", "travelling") beside the American forms
  if (/[aeiou]l$/.test(lemma) && !DOUBLING.has(lemma))
    out.push([`${lemma}led`, 'pastpp'], [`${lemma}ling`, 'ing']);
  return out;
}

function pluralize(noun: string): string {
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(noun)) return noun;
  return `${noun}s`;
}

const LINE = /^(.+?)\s*=>\s*([A-Z]+)(?::([a-z-]+))?(?:\/(\d+))?((?:\s+![a-z]+(?:=[a-z,]+)?)*)\s*$/;

function parse(src: string, noun: boolean, index: Map<string, Trigger[]>): void {
  const seen = new Set<string>();
  for (const raw of src.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const m = LINE.exec(line);
    if (!m) throw new Error(`events lexicon: cannot parse "${line}"`);
    const [, phrase, type, mode, cameo, flagText] = m;
    if (seen.has(phrase)) continue; // first entry wins
    seen.add(phrase);
    // hyphens are tokens of their own ("cease-fire" is cease - fire)
    const words = phrase.replace(/(\w)-(\w)/g, '$1 - $2').split(/\s+/);
    let objPreps: string[] = [];
    let noObject = false;
    let weak = false;
    for (const f of flagText.trim().split(/\s+/).filter(Boolean)) {
      if (f.startsWith('!obj=')) objPreps = f.slice(5).split(',');
      else if (f === '!noobj') noObject = true;
      else if (f === '!weak') weak = true;
    }
    const base = {
      phrase: phrase.replace(/\|[^\s]+/g, ''),
      type: type as PloverType,
      mode,
      cameo,
      objPreps,
      noObject,
      weak,
      noun,
    };
    const add = (first: string, tail: string[], form: Trigger['form']) => {
      const list = index.get(first) ?? [];
      list.push(makeTrigger({ ...base, tail, form }));
      index.set(first, list);
    };
    if (noun) {
      if (words.length === 1) {
        add(words[0], [], 'noun');
        const pl = pluralize(words[0]);
        if (pl !== words[0]) add(pl, [], 'noun');
      } else {
        const last = words.length - 1;
        add(words[0], words.slice(1), 'noun');
        const pl = pluralize(words[last]);
        if (pl !== words[last]) add(words[0], [...words.slice(1, last), pl], 'noun');
      }
      continue;
    }
    const [head, ...tail] = words;
    // "sign _ agreement" also reads "signed 15 agreements"
    const gapped = tail.length >= 2 && tail[tail.length - 2] === '_';
    const plural = gapped ? pluralize(tail[tail.length - 1]) : '';
    const tails =
      plural && plural !== tail[tail.length - 1] ? [tail, [...tail.slice(0, -1), plural]] : [tail];
    const parts = head.split('|');
    for (const tl of tails) {
      if (parts.length === 3) {
        const [lemma, past, pp] = parts;
        for (const [f, form] of inflect(lemma)) if (form !== 'pastpp') add(f, tl, form);
        if (past === pp) add(past, tl, 'pastpp');
        else {
          add(past, tl, 'past');
          add(pp, tl, 'pp');
        }
      } else {
        for (const [f, form] of inflect(head)) add(f, tl, form);
      }
    }
  }
}

function compile(): { verbs: Map<string, Trigger[]>; nouns: Map<string, Trigger[]>; firsts: Set<string> } {
  const verbs = new Map<string, Trigger[]>();
  const nouns = new Map<string, Trigger[]>();
  parse(VERBS, false, verbs);
  parse(NOUNS, true, nouns);
  // longest phrases first, so the matcher can stop at the first that fits
  for (const m of [verbs, nouns])
    for (const list of m.values()) list.sort((a, b) => b.tail.length - a.tail.length);
  // every first word, for a single lookup per token
  const firsts = new Set([...verbs.keys(), ...nouns.keys()]);
  return { verbs, nouns, firsts };
}

/** Compiled once at module load. */
export const TRIGGERS = compile();
