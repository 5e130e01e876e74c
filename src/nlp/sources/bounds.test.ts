/**
 * Span extents of attributions (issue 5): where the cue, source and content of a relation the rules
 * find begin and end, by PolNeAR's conventions (each measured on its train split).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createArticle } from '../../model/article.js';
import type { Claim } from '../../model/types.js';
import { createPipeline } from '../../pipeline/pipeline.js';
import { createMentionsStage } from '../mentions/index.js';
import { createSourcesStage } from './index.js';

const pipeline = createPipeline([createMentionsStage(), createSourcesStage()]);

function claims(text: string): { text: string; claims: Claim[] } {
  const doc = pipeline.run(createArticle({ text }));
  return { text: doc.text, claims: doc.layer('claims').filter((c) => !c.rule?.startsWith('relay:')) };
}

const contentOf = (text: string, c: Claim) => c.content.map((s) => text.slice(s.start, s.end)).join(' … ');

test('a manner adverb closing the verb phrase belongs to the cue', () => {
  const a = claims('“We will see about that,” the mayor said sarcastically.');
  assert.equal(a.claims[0]?.cue.text, 'said sarcastically');
  assert.equal(contentOf(a.text, a.claims[0]), '“We will see about that,”');
  const b = claims('The senator has argued repeatedly that the tax plan favours the rich.');
  assert.equal(b.claims[0]?.cue.text, 'has argued repeatedly');
  assert.equal(contentOf(b.text, b.claims[0]), 'that the tax plan favours the rich');
  const c = claims('The farmers complained bitterly about the new import rules.');
  assert.equal(c.claims[0]?.cue.text, 'complained bitterly about');
  assert.equal(contentOf(c.text, c.claims[0]), 'the new import rules');
});

test('an adverb modifying the next word stays out of the cue', () => {
  const a = claims('The minister seemed equally unperturbed by the protests.');
  for (const c of a.claims) assert.ok(!c.cue.text.includes('equally'), c.cue.text);
  const b = claims('The governor said only that the bridge would reopen.');
  assert.equal(b.claims[0]?.cue.text, 'said');
});

test('a degree word opens the speaker phrase', () => {
  const r = claims('More moderate Democrats said the plan went too far.');
  assert.equal(r.claims[0]?.source.text, 'More moderate Democrats');
  const s = claims("The senator's most loyal donors said they would stay.");
  assert.equal(s.claims[0]?.source.text, "The senator's most loyal donors");
});

test('a content ending inside a quotation runs on to its close', () => {
  const r = claims(
    'The mayor said the budget “is not a wish list. It is a plan we can pay for.” Council members disagreed.',
  );
  const c = r.claims.find((x) => x.cue.text === 'said');
  assert.ok(c);
  assert.equal(contentOf(r.text, c), 'the budget “is not a wish list. It is a plan we can pay for.”');
  // a quotation closing in a later paragraph is not followed
  const p = claims('The mayor said the budget “is not a wish list.\n\nIt is a plan.” Nobody replied.');
  const d = p.claims.find((x) => x.cue.text === 'said');
  assert.ok(d);
  assert.ok(!contentOf(p.text, d).includes('plan'));
});

test('a parenthetical cue before a quotation going on in lower case splits its content', () => {
  const r = claims('The new stadium, the mayor said, “is a gift to the whole city.”');
  const c = r.claims.find((x) => x.cue.text === 'said');
  assert.ok(c);
  assert.equal(contentOf(r.text, c), 'The new stadium … “is a gift to the whole city.”');
  // a capitalised quotation is a sentence of its own: the words before the cue are an adjunct
  const s = claims('At the rally, the mayor said, “We will finish the stadium.”');
  const d = s.claims.find((x) => x.cue.text === 'said');
  assert.ok(d);
  assert.equal(contentOf(s.text, d), '“We will finish the stadium.”');
});

test('a sentence adverb or an open parenthesis leads into a content before its cue', () => {
  const r = claims('However, the bridge will stay closed until June, the governor said.');
  assert.equal(contentOf(r.text, r.claims[0]), 'the bridge will stay closed until June');
  const s = claims('(The council, it turns out, never voted on the plan, officials said.');
  const c = s.claims.find((x) => x.cue.text === 'said');
  assert.ok(c);
  assert.equal(contentOf(s.text, c), 'The council, it turns out, never voted on the plan');
});

test('the next quotation continues the speaker after an adjunct with a possessive', () => {
  const r = claims(
    '“We will win this,” Smith told the network’s morning host about extending his support to the mayor. “Nobody doubts it.”',
  );
  const c = r.claims.find((x) => x.cue.text === 'told' && x.source.text === 'Smith');
  assert.ok(c);
  assert.equal(contentOf(r.text, c), '“We will win this,” … “Nobody doubts it.”');
});

test('the source after "according to" takes a quoted title and stops at a parenthesis or a spaced dash', () => {
  const a = claims('The plan would cost $2 trillion, according to the “Fair Share” report he released.');
  assert.equal(a.claims[0]?.source.text, 'the “Fair Share” report he released');
  const b = claims('Turnout rose sharply (more than 40 percent, according to state records).');
  const c = b.claims.find((x) => x.cue.text === 'according to');
  assert.equal(c?.source.text, 'state records');
  const d = claims(
    'The deficit will grow by $1 trillion, according to the budget office - a sharp rise from last year.',
  );
  const e = d.claims.find((x) => x.cue.text === 'according to');
  assert.equal(e?.source.text, 'the budget office');
});

test('the next quotation continues the speaker after a programme title ending the tail', () => {
  const r = claims('“We will win,” Smith said on ABC’s “This Week.” “Nobody doubts it.”');
  const c = r.claims.find((x) => x.cue.text === 'said' && x.source.text === 'Smith');
  assert.ok(c);
  assert.equal(contentOf(r.text, c), '“We will win,” … “Nobody doubts it.”');
  const s = claims('“We will win,” Smith said on ABC’s “This Week.”\n\n“Nobody doubts it,” a rival said.');
  const d = s.claims.find((x) => x.source.text === 'Smith');
  assert.equal(d && contentOf(s.text, d), '“We will win,”');
});

test('a speaker and its apposition opening the sentence are the subject of the cue after them', () => {
  const r = claims('Maria Lopez, a city council member, said campaign strategists plan to win the vote.');
  const c = r.claims.find((x) => x.cue.text === 'said');
  assert.ok(c);
  assert.equal(c.source.text, 'Maria Lopez, a city council member,');
  assert.equal(contentOf(r.text, c), 'campaign strategists plan to win the vote');
  // an inverted speaker after a content still reads as one
  const s = claims('The economy is growing, said Mr. Smith, a banker.');
  assert.equal(s.claims[0]?.source.text, 'Mr. Smith, a banker');
  assert.equal(contentOf(s.text, s.claims[0]), 'The economy is growing');
});

test('a negated passive without "by" names no speaker: its subject is part of the content', () => {
  const r = claims('The governor is not expected to sign the bill this week.');
  const c = r.claims.find((x) => x.cue.text === 'is not expected');
  assert.ok(c);
  assert.equal(c.source.text, '');
  assert.equal(contentOf(r.text, c), 'The governor … to sign the bill this week');
  const s = claims("The mayor isn't expected to attend the dinner.");
  assert.equal(s.claims[0]?.cue.text, "isn't expected");
  assert.equal(s.claims[0]?.source.text, '');
});

test("an evidential's content ends where a clause with its own subject follows a comma or semicolon", () => {
  const r = claims('The topic is not expected to surface in the talks, the summit has also become an issue.');
  const c = r.claims.find((x) => x.cue.text === 'is not expected');
  assert.equal(c && contentOf(r.text, c), 'The topic … to surface in the talks');
  const s = claims(
    'Agencies are expected to search their files; rather, they must produce the records they hold.',
  );
  const d = s.claims.find((x) => x.cue.text === 'are expected');
  assert.equal(d && contentOf(s.text, d), 'Agencies … to search their files');
  const t = claims('The fleet is expected to grow by 2020, the ministry has no plan to pay for it.');
  const e = t.claims.find((x) => x.cue.text === 'is expected');
  assert.equal(e && contentOf(t.text, e), 'The fleet … to grow by 2020');
});

test('a day after "on" ends the adjunct between a cue and its bare reported clause', () => {
  const r = claims('The mayor said on Monday the bridge would reopen in May.');
  assert.equal(r.claims[0]?.cue.text, 'said');
  assert.equal(r.claims[0]?.source.text, 'The mayor');
  assert.equal(contentOf(r.text, r.claims[0]), 'the bridge would reopen in May');
  const s = claims('Several outlets reported on Wednesday night the police had closed the road.');
  assert.equal(s.claims[0]?.source.text, 'Several outlets');
  assert.equal(contentOf(s.text, s.claims[0]), 'the police had closed the road');
});

test('an -s cue form the tagger reads as a noun after "and" ends the content of an -s cue', () => {
  const r = claims('She also gushes about her garden and jokes about her neighbours.');
  const c = r.claims.find((x) => x.cue.text === 'also gushes about');
  assert.equal(c && contentOf(r.text, c), 'her garden');
  const s = claims('He rails against the “Great Wall of Protectionism” and pledges to stand firm.');
  const d = s.claims.find((x) => x.cue.text === 'rails against');
  assert.equal(d && contentOf(s.text, d), 'the “Great Wall of Protectionism”');
});

test("an evidential's content ends at a participle or absolute clause, a colon or a spaced dash", () => {
  const cases: [string, string, string][] = [
    [
      'The race appears closer in Ohio, with the senator ahead by two points.',
      'appears',
      'The race … closer in Ohio',
    ],
    [
      'Several donors appeared ready to leave, throwing the campaign into disarray.',
      'appeared',
      'Several donors … ready to leave',
    ],
    [
      'The deficit is projected to be $544 billion -- far more than last year.',
      'is projected',
      'The deficit … to be $544 billion',
    ],
    ['Investors seem to agree: the shares rose by a third this week.', 'seem', 'Investors … to agree'],
  ];
  for (const [text, cue, content] of cases) {
    const r = claims(text);
    const c = r.claims.find((x) => x.cue.text === cue);
    assert.equal(c && contentOf(r.text, c), content, text);
  }
});

test('a conjunction or connective phrase opening the sentence stays out of a content before its cue', () => {
  const r = claims('The council met on Monday. But the plan failed, the mayor said.');
  const c = r.claims.find((x) => x.cue.text === 'said');
  assert.equal(c && contentOf(r.text, c), 'the plan failed');
  const s = claims('In fact, the deficit grew by a third, according to the budget office.');
  const d = s.claims.find((x) => x.cue.text === 'according to');
  assert.equal(d && contentOf(s.text, d), 'the deficit grew by a third');
});

test('a light verb with its reporting noun is a cue, without it none', () => {
  const cases: [string, string, string][] = [
    [
      'The mayor has made no secret of her distrust of the council.',
      'has made no secret of',
      'her distrust of the council',
    ],
    ['The senator took issue with the ruling.', 'took issue with', 'the ruling'],
    ['Democrats raised questions about the contract.', 'raised questions about', 'the contract'],
    ['The governor made the case that taxes should fall.', 'made the case', 'that taxes should fall'],
  ];
  for (const [text, cue, content] of cases) {
    const r = claims(text);
    const c = r.claims.find((x) => x.cue.text === cue);
    assert.equal(c && contentOf(r.text, c), content, text);
  }
  assert.equal(claims('The delegates took the train and made a deal.').claims.length, 0);
  // a light verb without its noun does not cut the speaker phrase short
  const s = claims('The average of polls taken over two weeks shows the senator ahead.');
  assert.equal(s.claims[0]?.source.text, 'The average of polls taken over two weeks');
});

test('"make" reports with an appeal, a plea or a reference', () => {
  const r = claims('The mayor made an appeal to voters to stay calm.');
  assert.equal(r.claims[0]?.cue.text, 'made an appeal to');
  const s = claims('The senator made reference to the 1992 riots.');
  assert.equal(s.claims[0]?.cue.text, 'made reference to');
  assert.equal(contentOf(s.text, s.claims[0]), 'the 1992 riots');
});

test('phrasal cues: "went after", "pushed for", "pushed back against", "called out"', () => {
  const cases: [string, string, string][] = [
    ['The governor went after the senator on taxes.', 'went after', 'the senator on taxes'],
    ['The union pushed for a higher minimum wage.', 'pushed for', 'a higher minimum wage'],
    ['The mayor pushed back against the criticism.', 'pushed back against', 'the criticism'],
    ['The senator called out his rival for the ads.', 'called out', 'his rival for the ads'],
  ];
  for (const [text, cue, content] of cases) {
    const r = claims(text);
    const c = r.claims.find((x) => x.cue.text === cue);
    assert.equal(c && contentOf(r.text, c), content, text);
  }
  // without the particle "go" and "push" are no cues
  assert.equal(claims('The delegates went to the rally and pushed the cart.').claims.length, 0);
});

test('"hinted at" takes its preposition into the cue', () => {
  const r = claims('The mayor hinted at a run for governor.');
  assert.equal(r.claims[0]?.cue.text, 'hinted at');
  assert.equal(contentOf(r.text, r.claims[0]), 'a run for governor');
});

test('"think about", "disagree on", "argued for" take their preposition into the cue', () => {
  const cases: [string, string, string][] = [
    ['Most voters think about the economy first.', 'think about', 'the economy first'],
    ['The two candidates disagree on trade.', 'disagree on', 'trade'],
    ['The mayor argued for a tax on carbon.', 'argued for', 'a tax on carbon'],
  ];
  for (const [text, cue, content] of cases) {
    const r = claims(text);
    const c = r.claims.find((x) => x.cue.text === cue);
    assert.equal(c && contentOf(r.text, c), content, text);
  }
});

test('a possessive before "endorsement of" is its source', () => {
  const r = claims("The governor's endorsement of the mayor surprised many Republicans.");
  const c = r.claims.find((x) => x.cue.text === 'endorsement of');
  assert.equal(c?.source.text, "The governor's");
  assert.equal(c && contentOf(r.text, c), 'the mayor');
});
