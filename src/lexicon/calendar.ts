/** Month and weekday names of English news, shared by the dateline parser and the places and time stages. */

export const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

export const WEEKDAY_NAMES = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

/** Month number for a full name or an abbreviation ("Sept.", "Aug"), else 0. */
export function monthNumber(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  const full = (MONTH_NAMES as readonly string[]).indexOf(w);
  if (full >= 0) return full + 1;
  if (w === 'sept') return 9;
  if (w.length === 3) return MONTH_NAMES.findIndex((m) => m.startsWith(w)) + 1;
  return 0;
}
