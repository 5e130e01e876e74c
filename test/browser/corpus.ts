/**
 * A small test corpus written for the desk's browser tests (not taken from any publication):
 * places down to villages, relative dates, quotes, anonymous and relayed sources, a denial, two
 * reports of one shelling, and an article carrying HTML/script payloads that must never run.
 */
export interface CorpusArticle {
  text: string;
  title: string;
  outlet: string;
  credit?: string;
  published: string;
}

export const XSS_MARK = '__sitrepPwned';

export const CORPUS: CorpusArticle[] = [
  {
    title: 'Shelling kills four in villages near Afrin',
    outlet: 'Levant Daily Wire',
    credit: 'Northline News Agency',
    published: '2024-03-12',
    text: `BEIRUT, March 12 (Northline) - Artillery fire killed four civilians in the village of Kafr Safra near Afrin on Monday, a local monitor said.

"The shells hit houses at dawn and four people died, two of them children," Omar Haddad, head of the Afrin Monitoring Group, told Northline by phone.

Haddad said the fire came from positions held by the Syrian army south of the village. A military source denied that the army had shelled Kafr Safra, saying its units had only returned fire at fighters.

The Syrian Observatory for Human Rights, citing its own sources, said at least five people were killed in the attack.`,
  },
  {
    title: 'Five killed as shells strike Kafr Safra',
    outlet: 'Orient Herald',
    published: '2024-03-12',
    text: `Five civilians were killed when artillery shells struck the village of Kafr Safra in Aleppo province on Monday, residents said.

An anonymous opposition source told the Orient Herald that Syrian army units fired at least twenty shells at the village.

Local rescuers said three houses were destroyed and several people were wounded.`,
  },
  {
    title: 'Protesters rally in Idlib against rising bread prices',
    outlet: 'Levant Daily Wire',
    published: '2024-03-15',
    text: `IDLIB, March 15 - Hundreds of people protested in the city of Idlib on Friday against the rising price of bread, organisers said.

"We cannot feed our families," said Layla Mansour, one of the organisers. Police did not intervene, witnesses said.

The local council said on Thursday it would review subsidies next week.`,
  },
  {
    title: 'Government troops arrest activists in Daraa',
    outlet: 'Southern Courier',
    published: '2024-03-20',
    text: `DARAA, March 20 - Security forces arrested six activists in the town of Nawa in Daraa province on Tuesday, a rights group said.

The Syrian Network for Human Rights said the arrests followed a raid on a house where the activists were meeting. The Interior Ministry did not comment.`,
  },
  {
    title: 'Turkey and Russia agree on new patrol routes',
    outlet: 'Anatolia Observer',
    published: '2024-04-02',
    text: `ANKARA, April 2 - Turkey and Russia agreed on Tuesday to expand joint patrols along the M4 highway in northern Syria, the Turkish Defence Ministry said.

"Both sides agreed to continue coordination," the ministry said in a statement. Russian officials confirmed the agreement.`,
  },
  {
    title: 'Airstrike hits market in Maarat al-Numan',
    outlet: 'Orient Herald',
    published: '2024-04-05',
    text: `An airstrike hit a crowded market in Maarat al-Numan in Idlib province on Thursday, killing twelve people, according to the Syrian Civil Defence.

Witnesses said the aircraft struck twice within ten minutes. The Russian Defence Ministry denied that its aircraft had carried out any strike in the area.`,
  },
  {
    title: 'Unrest reported <img src=x onerror="window.__sitrepPwned=1">',
    outlet: 'Test <script>window.__sitrepPwned=2</script> Wire',
    published: '2024-04-08',
    text: `HOMS, April 8 - Gunmen attacked a checkpoint near Homs on Monday, killing two soldiers, a military source said. <script>window.__sitrepPwned=3</script>

The attackers fled towards Rastan, residents said. <img src=x onerror="window.__sitrepPwned=4"> <a href="javascript:window.__sitrepPwned=5">details</a> <svg onload="window.__sitrepPwned=6"></svg>`,
  },
];
