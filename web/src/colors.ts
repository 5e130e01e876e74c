/** PLOVER types grouped into cooperation (blues/greens), verbal conflict (ambers), material conflict (reds). */
export const TYPE_COLORS: Record<string, string> = {
  AGREE: '#1f77b4',
  CONSULT: '#4e9ad6',
  SUPPORT: '#2ca02c',
  CONCEDE: '#7fbf7b',
  COOPERATE: '#17becf',
  AID: '#1b9e77',
  RETREAT: '#8c9eb5',
  REQUEST: '#bcbd22',
  ACCUSE: '#e6a117',
  REJECT: '#d98c3b',
  THREATEN: '#ff7f0e',
  PROTEST: '#9467bd',
  SANCTION: '#8c564b',
  MOBILIZE: '#e377c2',
  COERCE: '#c0392b',
  ASSAULT: '#d62728',
};

export function typeColor(t: string): string {
  return TYPE_COLORS[t] ?? '#777';
}
