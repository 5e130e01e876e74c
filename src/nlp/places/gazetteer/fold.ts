/**
 * Name folding shared by the index builder and the matcher: lower case, accents stripped,
 * apostrophes and ‘ayn/hamza marks dropped ("Ra's al-'Ayn" → "ras al ayn"), hyphens and slashes
 * as spaces, full stops dropped ("St. Louis" → "st louis"). Keys are plain ASCII [a-z0-9 ].
 */
const SPECIAL: Record<string, string> = {
  ø: 'o',
  ł: 'l',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  đ: 'd',
  ð: 'd',
  ı: 'i',
  þ: 'th',
  ħ: 'h',
};
const APOSTROPHES = /['’‘`´ʻʼʿʾ]/g;
const SEPARATORS = /[-‐‑‒–—/_,()]+/g;
const COMBINING = /\p{M}+/gu;
const NOT_KEY = /[^a-z0-9 ]/g;
const SPECIAL_CHARS = /[øłßæœđðıþħ]/g;
const ASCII_WORD = /^[A-Za-z0-9]*$/;

export function foldName(s: string): string {
  let t = s.toLowerCase();
  if (!ASCII_WORD.test(t)) {
    t = t
      .normalize('NFD')
      .replace(COMBINING, '')
      .replace(SPECIAL_CHARS, (c) => SPECIAL[c] ?? c);
    t = t.replace(APOSTROPHES, '').replace(SEPARATORS, ' ').replace(/\./g, '').replace(NOT_KEY, '~');
    t = t.replace(/\s+/g, ' ').trim();
  }
  return t;
}

/** True when a folded key is usable (ASCII letters/digits/spaces only, at least one letter). */
export function isKey(k: string): boolean {
  return k.length >= 2 && k.length <= 60 && !k.includes('~') && /[a-z]/.test(k);
}

/** FNV-1a over UTF-16 code units; keys are ASCII so this equals the byte hash. */
export function hashKey(k: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < k.length; i++) {
    h ^= k.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
