/**
 * Probe suite: the phrases news uses for dates, each under several publication dates (every
 * weekday, around New Year, leap days), with the values a careful reader would give.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createArticle } from '../../model/article.js';
import { MutableDoc } from '../../model/doc.js';
import type { TimeExpression } from '../../model/types.js';
import { tokenize } from '../../text/tokenize.js';
import { findTimes, timePrecision } from './index.js';

function times(text: string, published: string | null): TimeExpression[] {
  const a = createArticle({ text, published });
  return findTimes(new MutableDoc(a, tokenize(a.text)));
}

function find(text: string, phrase: string, published: string | null): TimeExpression {
  const t = times(text, published).find((x) => x.text === phrase);
  assert.ok(t, `"${phrase}" not found in "${text}" (${published})`);
  return t;
}

/** [publication date, expected value] pairs for one sentence and phrase. */
function probe(text: string, phrase: string, cases: [string, string][]): void {
  for (const [dct, value] of cases) {
    assert.equal(find(text, phrase, dct).value, value, `"${phrase}" in "${text}" published ${dct}`);
  }
}

// 2020-10-05 is a Monday; the week runs to Sunday 2020-10-11.
const WEEK = [
  '2020-10-05',
  '2020-10-06',
  '2020-10-07',
  '2020-10-08',
  '2020-10-09',
  '2020-10-10',
  '2020-10-11',
];

describe('time probes: weekdays under every publication weekday', () => {
  it('a bare weekday under a past verb is the latest such day, the publication day included', () => {
    const want = [
      '2020-10-02',
      '2020-10-02',
      '2020-10-02',
      '2020-10-02',
      '2020-10-09',
      '2020-10-09',
      '2020-10-09',
    ];
    probe(
      'The minister resigned on Friday.',
      'Friday',
      WEEK.map((d, i) => [d, want[i]]),
    );
  });

  it('a bare weekday under "will" is the next such day', () => {
    const want = [
      '2020-10-09',
      '2020-10-09',
      '2020-10-09',
      '2020-10-09',
      '2020-10-09',
      '2020-10-16',
      '2020-10-16',
    ];
    probe(
      'The minister will resign on Friday.',
      'Friday',
      WEEK.map((d, i) => [d, want[i]]),
    );
  });

  it('"on Monday" in a story published Monday is that day', () => {
    probe('The activist told reporters on Monday that families were expelled.', 'Monday', [
      ['2020-10-05', '2020-10-05'],
      ['2020-10-07', '2020-10-05'],
      ['2021-01-03', '2020-12-28'],
    ]);
  });

  it('"this past Friday" is strictly before the publication day', () => {
    const want = [
      '2020-10-02',
      '2020-10-02',
      '2020-10-02',
      '2020-10-02',
      '2020-10-02',
      '2020-10-09',
      '2020-10-09',
    ];
    probe(
      'The leaders spoke by phone this past Friday.',
      'this past Friday',
      WEEK.map((d, i) => [d, want[i]]),
    );
  });

  it('"last week" is the ISO week before the publication week, across New Year', () => {
    probe('Protesters gathered last week in the capital.', 'last week', [
      ['2020-10-05', '2020-W40'],
      ['2020-10-11', '2020-W40'],
      ['2021-01-03', '2020-W52'],
      ['2021-01-04', '2020-W53'],
      ['2020-01-01', '2019-W52'],
    ]);
    const t = find('Protesters gathered last week in the capital.', 'last week', '2020-10-05');
    assert.deepEqual(t.interval, ['2020-09-28', '2020-10-04']);
    assert.equal(t.granularity, 'week');
  });
});

describe('time probes: months, years and New Year', () => {
  it('"back in August" is the past August', () => {
    probe('Training began back in August, officials said.', 'August', [
      ['2020-10-05', '2020-08'],
      ['2021-01-02', '2020-08'],
      ['2020-08-20', '2020-08'],
    ]);
  });

  it('a bare month under a past verb does not jump into next year', () => {
    probe('The talks collapsed in December.', 'December', [
      ['2021-01-02', '2020-12'],
      ['2020-12-30', '2020-12'],
    ]);
  });

  it('month and day without a year take the nearest past occurrence', () => {
    probe('Fighting broke out on September 27.', 'September 27', [
      ['2020-10-05', '2020-09-27'],
      ['2021-01-02', '2020-09-27'],
    ]);
    probe('The ceasefire began on Dec. 30.', 'Dec. 30', [['2021-01-02', '2020-12-30']]);
  });

  it('relative years, months and periods', () => {
    probe('The rebels seized the town two years ago.', 'two years ago', [
      ['2020-10-05', '2018'],
      ['2021-01-01', '2019'],
    ]);
    probe('Prices have risen since 2011.', '2011', [['2020-10-05', '2011']]);
    probe('The fund shrank earlier this year.', 'earlier this year', [
      ['2020-10-05', '2020'],
      ['2021-01-04', '2021'],
    ]);
    probe('Exports fell last month.', 'last month', [
      ['2020-10-05', '2020-09'],
      ['2021-01-02', '2020-12'],
    ]);
    probe('Elections will be held next year.', 'next year', [['2020-12-31', '2021']]);
    probe('Profit rose in the third quarter.', 'the third quarter', [['2020-10-20', '2020-Q3']]);
    probe('Unrest spread in the 1990s.', 'the 1990s', [['2020-10-05', '199']]);
    probe('The dam was built in the 20th century.', 'the 20th century', [['2020-10-05', '19']]);
    probe('The drought hit last summer.', 'last summer', [['2020-10-05', '2020-SU']]);
  });
});

describe('time probes: leap days', () => {
  it('"yesterday" steps back over leap days and New Year', () => {
    probe('Troops withdrew yesterday.', 'yesterday', [
      ['2020-03-01', '2020-02-29'],
      ['2021-03-01', '2021-02-28'],
      ['2021-01-01', '2020-12-31'],
    ]);
  });

  it('February 29 without a year goes to the nearest leap year', () => {
    probe('The law passed on February 29.', 'February 29', [
      ['2021-03-10', '2020-02-29'],
      ['2020-03-10', '2020-02-29'],
    ]);
  });

  it('"a week earlier" counts from an explicit date in the same paragraph', () => {
    const t = times('The army attacked on March 3. A week earlier, talks had stalled.', '2020-03-20');
    const earlier = t.find((x) => x.text === 'A week earlier')!;
    assert.equal(earlier.value, '2020-02-25');
    assert.equal(earlier.anchor, t.find((x) => x.text === 'March 3')!.id);
  });
});

describe('time probes: anchoring and reported speech', () => {
  it('"the previous day" and "the next day" anchor on the last date in the paragraph', () => {
    const text =
      'On Sept. 27 the army shelled the town. The previous day, talks collapsed. The next day, aid arrived.';
    const ts = times(text, '2020-10-05');
    assert.equal(ts.find((x) => x.text === 'The previous day')?.value, '2020-09-26');
    assert.equal(ts.find((x) => x.text === 'The next day')?.value, '2020-09-28');
  });

  it('"this weekend" inside a report from last week is the weekend just gone', () => {
    const text = 'Last week, a source told reporters that another group was to depart this weekend.';
    for (const dct of ['2020-10-05', '2020-10-07']) {
      const t = find(text, 'this weekend', dct);
      assert.equal(t.value, '2020-W40-WE');
      assert.deepEqual(t.interval, ['2020-10-03', '2020-10-04']);
    }
  });

  it('"this weekend" in the future tense is the coming weekend', () => {
    assert.equal(
      find('The team will travel this weekend.', 'this weekend', '2020-10-07').value,
      '2020-W41-WE',
    );
  });
});

describe('time probes: durations, sets, mods, ranges', () => {
  it('durations are not dates', () => {
    const t = find('The siege lasted 100 days.', '100 days', '2020-10-05');
    assert.equal(t.type, 'DURATION');
    assert.equal(t.value, 'P100D');
    assert.equal(t.interval, null);
    assert.equal(
      find('The rebels held the town for about three years.', 'about three years', '2020-10-05').mod,
      'APPROX',
    );
  });

  it('sets', () => {
    assert.equal(find('The council meets every Monday.', 'every Monday', '2020-10-05').value, 'XXXX-WXX-1');
    assert.equal(find('Patrols run daily along the border.', 'daily', '2020-10-05').type, 'SET');
  });

  it('early, mid and late narrow the interval', () => {
    const early = find('The plant opens in early 2021.', 'early 2021', '2020-10-05');
    assert.equal(early.mod, 'START');
    assert.equal(early.value, '2021');
    assert.equal(early.interval?.[0], '2021-01-01');
    assert.ok(early.interval![1] < '2021-06-01');
    assert.equal(find('Talks resume in mid-November.', 'mid-November', '2020-10-05').mod, 'MID');
  });

  it('ranges carry the joint interval', () => {
    const ts = times('The war lasted from 1990 to 1995, officials said.', '2020-10-05');
    const a = ts.find((t) => t.text === '1990')!;
    assert.deepEqual(a.range, ['1990-01-01', '1995-12-31']);
    const b = times('Output fell between 2014 and 2016.', '2020-10-05').find((t) => t.text === '2016')!;
    assert.deepEqual(b.range, ['2014-01-01', '2016-12-31']);
  });

  it('ACLED time precision from the interval', () => {
    const text = 'Troops withdrew yesterday, last week and in August.';
    const ts = times(text, '2020-10-05');
    const p = Object.fromEntries(ts.map((t) => [t.text, timePrecision(t)]));
    assert.deepEqual(p, { yesterday: 1, 'last week': 2, August: 3 });
  });
});

describe('time probes: tense, anchors and TimeBank conventions', () => {
  it('weekdays: past perfect, planning verbs, possessives, "could", "until"', () => {
    // 2000-01-07 is a Friday
    probe('Until Thursday, they had not called him a suspect.', 'Thursday', [['2000-01-07', '2000-01-06']]);
    probe('Protesters planned a large demonstration on Saturday.', 'Saturday', [
      ['2000-01-07', '2000-01-08'],
    ]);
    probe('The court has scheduled a hearing Thursday.', 'Thursday', [['2000-01-05', '2000-01-06']]);
    probe("They would seek ways to overturn Wednesday's ruling.", 'Wednesday', [
      ['2000-01-07', '2000-01-05'],
    ]);
    probe('His relatives could not be reached Wednesday.', 'Wednesday', [['2000-01-07', '2000-01-05']]);
    probe('Officials postponed until Tuesday any action on the case.', 'Tuesday', [
      ['2000-03-30', '2000-04-04'],
    ]);
    probe('He could arrive as soon as Tuesday, officials said.', 'Tuesday', [['2000-04-03', '2000-04-04']]);
  });

  it('months and dates under "would" lean ahead of the report; a bare infinitive does not', () => {
    probe('The dividend would be paid in January.', 'January', [['1989-10-26', '1990-01']]);
    probe('A ceremony would be held on April 24.', 'April 24', [['1999-02-10', '1999-04-24']]);
    probe('He was kidnapped to make the late-November trip, Castro said.', 'late-November', [
      ['2000-01-28', '1999-11'],
    ]);
  });

  it('anaphors reach back over short paragraphs; "the quarter ended" names its quarter', () => {
    const ts = times(
      'The bid was launched on Oct. 13.\n\nThe following month, the company put itself up for sale.',
      '1989-10-27',
    );
    assert.equal(ts.find((t) => t.text === 'The following month')?.value, '1989-11');
    probe('In the quarter ended July 31, sales rose.', 'the quarter', [['1989-10-30', '1989-Q2']]);
    probe('For the quarter a year ago, profit was $16 million.', 'the quarter a year ago', [
      ['1989-10-26', '1988-Q3'],
    ]);
  });

  it('durations as TimeBank writes them', () => {
    const d = (text: string, phrase: string, dct = '1998-08-17') => find(text, phrase, dct).value;
    assert.equal(d('She spent about 5 1/2 hours in Nairobi.', 'about 5 1/2 hours'), 'PT5H30M');
    assert.equal(d('They lived in camps for 2 1/2 years.', '2 1/2 years'), 'P2Y6M');
    assert.equal(d('A minute and a half later, a pilot called.', 'A minute and a half'), 'PT1M30S');
    assert.equal(d('Three days later, the index recovered.', 'Three days'), 'P3D');
    assert.equal(d('It will not change for a couple of years.', 'a couple of years'), 'P2Y');
    assert.equal(d('He won after a decades-long dispute.', 'decades-long'), 'PXY');
    assert.equal(d('Sales reached their highest level in years.', 'years'), 'PXY');
    assert.equal(d('The loan may be extended for an additional year.', 'an additional year'), 'P1Y');
    // "three days later" still carries the day it points to
    assert.deepEqual(find('Three days later, the index recovered.', 'Three days', '1998-08-17').interval, [
      '1998-08-20',
      '1998-08-20',
    ]);
  });

  it('present and future references, holidays, weekly sets', () => {
    probe('The plant was closed because of current market conditions.', 'current', [
      ['1989-10-26', 'PRESENT_REF'],
    ]);
    probe('It expects to post sales in the current fiscal year.', 'the current fiscal year', [
      ['1989-11-02', '1989'],
    ]);
    probe('Kellogg soon will begin selling smaller boxes.', 'soon', [['1989-10-26', 'FUTURE_REF']]);
    probe('It will raise the money at a later date.', 'a later date', [['1989-10-26', 'FUTURE_REF']]);
    // the adjective qualifies a noun: it must not date an event to the publication day
    assert.equal(find('Rebels shelled the current front line.', 'current', '1989-10-26').interval, null);
    probe("This is an exciting time at today's GM.", 'today', [['2013-12-10', 'PRESENT_REF']]);
    probe('Protesters prayed as Easter week began.', 'Easter week', [['2000-04-17', '2000-W16']]);
    probe('Violence is a theme from now to Election Day.', 'Election Day', [['1998-10-26', '1998-11-03']]);
    probe('Flights leave Bombay on Tuesday nights.', 'Tuesday nights', [['1998-02-13', 'XXXX-WXX-2TNI']]);
    probe('Ford said on Tuesday that its stock rose in morning trading.', 'morning', [
      ['2010-03-03', '2010-03-02TMO'],
    ]);
    assert.equal(
      times("Secretary Baker said on ABC's This Week that the request stands.", '1990-08-13').length,
      0,
    );
  });
});

describe('time probes: bad input', () => {
  it('impossible dates and absurd years never become confident dates', () => {
    const t = find('The decree was signed on February 30, 2021.', 'February 30, 2021', '2021-03-05');
    assert.match(t.value, /X/);
    assert.equal(t.interval, null);
    assert.equal(
      times('The galaxy formed in 9999 BC.', '2021-03-05').filter((x) => x.value === '9999').length,
      0,
    );
    assert.doesNotThrow(() => times('Le sommet a eu lieu le 5 octobre, au mois de décembre.', '2021-03-05'));
  });

  it('without a publication date the first full date in the text stands in, and says so', () => {
    const ts = times('KABUL, March 3, 2015 - A bomb exploded yesterday near the ministry.', null);
    const y = ts.find((t) => t.text === 'yesterday')!;
    assert.equal(y.value, '2015-03-02');
    assert.equal(y.anchor, 'text');
  });

  it('with no date anywhere relative times stay unknown', () => {
    const ts = times('A bomb exploded on Monday near the ministry, a week after the last attack.', null);
    const mon = ts.find((t) => t.text === 'Monday')!;
    assert.equal(mon.value, 'XXXX-WXX-1');
    assert.equal(mon.interval, null);
    for (const g of ['not a date', '20-20-20', '0000-00-00']) {
      const a = createArticle({ text: 'Troops withdrew yesterday.', published: g });
      assert.equal(findTimes(new MutableDoc(a, tokenize(a.text)))[0].value, 'XXXX-XX-XX');
    }
  });
});
