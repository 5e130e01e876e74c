import type { Stance } from '../../model/types.js';

/**
 * How a cue verb takes its content:
 * - `say`: a clause ("said that …", "…, he said"), a quotation or a colon.
 * - `tell`: an addressee first ("told Sputnik that …", "assured voters …").
 * - `ask`: an addressee and an infinitive or question ("urged Congress to …", "asked whether …").
 * - `obj`: a noun phrase or clause object ("denied the report", "confirmed the presence of …").
 * - `think`: mental state ("believes …", "fears that …").
 */
export type CueFrame = 'say' | 'tell' | 'ask' | 'obj' | 'think';

export interface CueVerb {
  lemma: string;
  frame: CueFrame;
  stance: Stance;
}

// lemma forms… : frame : stance. Forms are listed in full (irregular English morphology is cheaper to
// spell out than to generate), and only forms a reporter writes in the third person or participle.
const VERBS = `
say says said saying : say : assert
add adds added adding : say : assert
note notes noted noting : say : assert
write writes wrote written writing : say : assert
explain explains explained explaining : say : assert
state states stated stating : say : assert
declare declares declared declaring : say : assert
announce announces announced announcing : say : assert
argue argues argued arguing : say : assert
suggest suggests suggested suggesting : say : assert
tweet tweets tweeted tweeting : say : assert
post posted : say : assert
continue continued continues : say : assert
recall recalls recalled recalling : say : assert
respond responds responded responding : say : assert
reply replies replied replying : say : assert
predict predicts predicted predicting : say : assert
promise promises promised promising : say : assert
vow vows vowed vowing : say : assert
pledge pledges pledged pledging : say : assert
contend contends contended contending : say : assert
maintain maintains maintained : say : assert
assert asserts asserted asserting : say : assert
testify testifies testified testifying : say : assert
complain complains complained complaining : say : concern
stress stresses stressed stressing : say : assert
emphasize emphasizes emphasized emphasizing emphasise emphasised : say : assert
concede concedes conceded conceding : say : confirm
conclude concludes concluded concluding : say : assert
reveal reveals revealed revealing : say : assert
indicate indicates indicated indicating : say : assert
estimate estimates estimated estimating : say : assert
boast boasts boasted boasting : say : assert
joke jokes joked joking : say : assert
quip quips quipped : say : assert
observe observes observed observing : say : assert
remark remarks remarked : say : assert
repeat repeats repeated repeating : say : assert
counter counters countered countering : say : deny
caution cautions cautioned cautioning : say : concern
speculate speculates speculated speculating : say : allege
lament laments lamented lamenting : say : concern
charge charges charged charging : say : accuse
report reports reported reporting : say : assert
claim claims claimed claiming : say : allege
allege alleges alleged alleging : say : allege
insist insists insisted insisting : say : assert
acknowledge acknowledges acknowledged acknowledging : say : confirm
admit admits admitted admitting : say : confirm
confirm confirms confirmed confirming : obj : confirm
deny denies denied denying : obj : deny
dismiss dismisses dismissed dismissing : obj : deny
reject rejects rejected rejecting : obj : deny
refute refutes refuted refuting : obj : deny
dispute disputes disputed disputing : obj : deny
warn warns warned warning : tell : concern
tell tells told telling : tell : assert
inform informs informed informing : tell : assert
assure assures assured assuring : tell : assert
remind reminds reminded reminding : tell : assert
ask asks asked asking : ask : demand
urge urges urged urging : ask : demand
demand demands demanded demanding : ask : demand
accuse accuses accused accusing : ask : accuse
blame blames blamed blaming : ask : accuse
criticize criticizes criticized criticizing criticise criticised : obj : accuse
condemn condemns condemned condemning : obj : accuse
think thinks thought : think : assert
believe believes believed believing : think : assert
fear fears feared fearing : think : concern
hope hopes hoped hoping : think : assert
worry worries worried worrying : think : concern
doubt doubts doubted : think : deny
express expresses expressed expressing voice voiced voicing : obj : concern
feel feels felt : think : assert
call calls called calling : obj : assert
show shows showed shown showing : obj : assert
find finds found : obj : assert
want wants wanted : obj : demand
describe describes described describing : obj : assert
praise praises praised praising : obj : assert
endorse endorses endorsed endorsing : obj : assert
support supports supported supporting : obj : assert
oppose opposes opposed opposing : obj : assert
refuse refuses refused refusing : obj : deny
decline declines declined declining : obj : deny
attack attacks attacked attacking : obj : accuse
defend defends defended defending : obj : assert
propose proposes proposed proposing : obj : demand
seek seeks sought seeking : obj : demand
plan plans planned : obj : assert
agree agrees agreed agreeing : say : confirm
mention mentions mentioned mentioning : obj : assert
point points pointed pointing : obj : assert
refer refers referred referring : obj : assert
cite cites cited citing : obj : assert
question questions questioned questioning : obj : allege
slam slams slammed slamming : obj : accuse
blast blasts blasted blasting : obj : accuse
view views viewed viewing : obj : assert
address addresses addressed addressing : obj : assert
make makes made making : obj : assert
take takes took taking taken : obj : assert
raise raises raised raising : obj : concern
push pushes pushed pushing : obj : demand
go goes went going : obj : accuse
knock knocks knocked knocking : obj : accuse
approve approves approved approving : obj : assert
promote promotes promoted promoting : obj : assert
denounce denounces denounced denouncing : obj : accuse
welcome welcomes welcomed welcoming : obj : assert
threaten threatens threatened threatening : obj : assert
recommend recommends recommended recommending : say : demand
advise advises advised : tell : demand
learn learned learnt : say : assert
discuss discusses discussed discussing : obj : assert
consider considers considered considering : obj : assert
name named : obj : assert
identify identified identifies : obj : assert
mock mocks mocked mocking : obj : accuse
echo echoed echoes echoing : obj : assert
offer offers offered offering : obj : assert
reiterate reiterates reiterated reiterating : say : assert
list lists listed listing : obj : assert
nominate nominated nominates : obj : assert
challenge challenged challenges challenging : obj : deny
request requests requested requesting : obj : demand
deem deemed deems : obj : assert
decry decried decries decrying : obj : accuse
highlight highlighted highlights highlighting : obj : assert
tout touted touts touting : obj : assert
portray portrayed portrays portraying : obj : assert
thank thanked thanks thanking : obj : assert
ignore ignored ignores : obj : assert
encourage encouraged encourages encouraging : ask : demand
convince convinced convinces : tell : assert
persuade persuaded persuades : tell : assert
project projected projects : obj : assert
prefer prefers preferred : obj : assert
embrace embraced embraces embracing : obj : assert
press pressed presses pressing : ask : demand
answer answered answers answering : say : assert
shout shouted shouts shouting : say : assert
yell yelled yells yelling : say : assert
chant chanted chants chanting : say : assert
remember remembered remembers : say : assert
applaud applauded applauds : obj : assert
reference referenced references referencing : obj : assert
forecast forecasts forecasting : say : assert
wonder wondered wonders wondering : say : allege
recognize recognized recognizes recognizing : obj : confirm
disclose disclosed discloses : say : assert
email emailed emails : say : assert
retweet retweeted retweets : obj : assert
quote quoted quotes quoting : obj : assert
celebrate celebrated celebrates : obj : assert
imply implied implies implying : say : allege
liken likened likens : obj : assert
invoke invoked invokes : obj : assert
bemoan bemoaned bemoans : obj : concern
comment commented comments commenting : say : assert
document documented documents : obj : assert
champion championed champions : obj : assert
detail detailed details detailing : obj : assert
lambast lambasted lambasts : obj : accuse
rebuke rebuked rebukes : obj : accuse
hint hints hinted hinting : say : allege
realize realized realizes : say : assert
label labeled labelled labels : obj : assert
signal signaled signalled signals : say : assert
attribute attributed attributes : obj : assert
congratulate congratulated congratulates congratulating : obj : assert
dub dubbed dubs : obj : assert
outline outlined outlines outlining : obj : assert
hail hailed hails : obj : assert
advocate advocated advocates : obj : demand
proclaim proclaimed proclaims : say : assert
deride derided derides : obj : accuse
credit credited credits crediting : obj : assert
assume assumed assumes : say : assert
chide chided chides chiding : obj : accuse
muse mused muses : say : assert
vouch vouched vouches : obj : assert
interject interjected : say : assert
clarify clarified clarifies : say : assert
reaffirm reaffirmed reaffirms : say : confirm
affirm affirmed affirms : say : confirm
underscore underscored underscores : say : assert
contradict contradicted contradicts : obj : deny
downplay downplayed downplays : obj : deny
envision envisioned envisions : say : assert
foresee foresaw foresees : say : assert
pronounce pronounced : obj : assert
spot spotted : obj : assert
see sees saw : say : assert
know knows knew : say : assert
expect expects expected expecting : say : assert
order ordered orders : ask : demand
urge : ask : demand
speak speaks spoke speaking spoken : obj : assert
talk talks talked talking : obj : assert
rail rails railed railing : obj : accuse
vote votes voted voting : obj : assert
back backs backed backing : obj : assert
favor favors favored favoring favour favoured : obj : assert
decide decides decided deciding : obj : assert
recount recounts recounted recounting : say : assert
compare compares compared comparing : obj : assert
unveil unveils unveiled unveiling : obj : assert
eviscerate eviscerated eviscerates : obj : accuse
rip rips ripped ripping : obj : accuse
assail assails assailed assailing : obj : accuse
articulate articulated articulates : say : assert
plead pleads pleaded pleading : ask : demand
brag brags bragged bragging : say : assert
remarking : say : assert
paint paints painted painting : obj : assert
sing sings sang singing : say : assert
focus focuses focused focusing : obj : assert
characterize characterizes characterized characterizing characterise characterised : obj : assert
contrast contrasts contrasted contrasting : obj : assert
grill grills grilled grilling : obj : accuse
chastise chastises chastised chastising : obj : accuse
implore implores implored imploring : ask : demand
beg begs begged begging : ask : demand
lobby lobbies lobbied lobbying : ask : demand
petition petitions petitioned petitioning : ask : demand
inquire inquires inquired inquiring : ask : demand
scoff scoffs scoffed scoffing : obj : deny
retort retorts retorted retorting : say : deny
rebut rebuts rebutted rebutting : obj : deny
disagree disagrees disagreed disagreeing : obj : deny
object objects objected objecting : obj : deny
protest protests protested protesting : obj : accuse
insinuate insinuates insinuated insinuating : say : allege
theorize theorizes theorized theorizing theorise theorised : say : allege
surmise surmises surmised : say : allege
suspect suspects suspected : think : allege
guess guesses guessed : think : allege
concur concurs concurred : say : confirm
confess confesses confessed confessing : say : confirm
attest attests attested attesting : say : confirm
corroborate corroborates corroborated corroborating : obj : confirm
opine opines opined opining : say : assert
posit posits posited positing : say : assert
divulge divulges divulged divulging : say : assert
confide confides confided confiding : say : assert
elaborate elaborates elaborated elaborating : say : assert
narrate narrates narrated narrating : say : assert
calculate calculates calculated calculating : say : assert
discover discovers discovered discovering : say : assert
swear swears swore : say : assert
guarantee guarantees guaranteed guaranteeing : tell : assert
reassure reassures reassured reassuring : tell : assert
notify notifies notified notifying : tell : assert
alert alerts alerted alerting : tell : concern
reckon reckons reckoned : think : assert
presume presumes presumed : think : assert
imagine imagines imagined imagining : think : assert
anticipate anticipates anticipated anticipating : think : assert
wish wishes wished wishing : think : assert
regret regrets regretted regretting : think : concern
fret frets fretted fretting : think : concern
grumble grumbles grumbled grumbling : say : concern
gripe gripes griped griping : say : concern
vent vents vented venting : say : concern
mourn mourns mourned mourning : obj : concern
deplore deplores deplored deploring : obj : accuse
commend commends commended commending : obj : assert
laud lauds lauded lauding : obj : assert
extol extols extolled extolling : obj : assert
trumpet trumpets trumpeted trumpeting : obj : assert
salute salutes saluted saluting : obj : assert
cheer cheers cheered cheering : obj : assert
rave raves raved raving : say : assert
gush gushes gushed gushing : say : assert
tease teases teased teasing : obj : assert
belittle belittles belittled belittling : obj : accuse
disparage disparages disparaged disparaging : obj : accuse
ridicule ridicules ridiculed ridiculing : obj : accuse
scold scolds scolded scolding : obj : accuse
berate berates berated berating : obj : accuse
castigate castigates castigated castigating : obj : accuse
excoriate excoriates excoriated excoriating : obj : accuse
admonish admonishes admonished admonishing : obj : accuse
bash bashes bashed bashing : obj : accuse
taunt taunts taunted taunting : obj : accuse
sneer sneers sneered sneering : say : accuse
hammer hammers hammered hammering : obj : accuse
lash lashes lashed lashing : obj : accuse
weigh weighs weighed weighing : say : assert
side sides sided siding : obj : assert
lay lays laid laying : obj : assert
apologize apologizes apologized apologizing apologise apologised : obj : confirm
fire fires fired firing : say : deny
hit hits hitting : obj : accuse
seize seizes seized seizing : obj : accuse
pounce pounces pounced pouncing : obj : accuse
double doubles doubled doubling : obj : assert
sounded : obj : assert
reads : say : assert
titled : obj : assert
angered : obj : accuse
ruled : say : assert
pushed : obj : demand
shrug shrugs shrugged shrugging : obj : deny
play plays played playing : obj : deny
single singles singled singling : obj : accuse
allude alludes alluded alluding : obj : assert
spar spars sparred sparring : obj : accuse
touch touches touched touching : obj : assert
`;

export const CUE_VERBS = new Map<string, CueVerb>();
for (const line of VERBS.split('\n')) {
  const m = line.trim().split(':');
  if (m.length !== 3) continue;
  const forms = m[0].trim().split(/\s+/);
  const verb: CueVerb = { lemma: forms[0], frame: m[1].trim() as CueFrame, stance: m[2].trim() as Stance };
  for (const f of forms) if (!CUE_VERBS.has(f)) CUE_VERBS.set(f, verb);
}

/** Forms that are as often nouns or adjectives: accept them only when tagged as verbs. */
export const NEEDS_VERB_TAG = new Set([
  'contrast',
  'contrasts',
  'grill',
  'lobby',
  'petition',
  'petitions',
  'object',
  'objects',
  'protest',
  'protests',
  'suspect',
  'suspects',
  'guess',
  'guarantee',
  'guarantees',
  'alert',
  'alerts',
  'wish',
  'wishes',
  'regret',
  'regrets',
  'vent',
  'vents',
  'cheer',
  'cheers',
  'hammer',
  'elaborate',
  'swear',
  'discover',
  'back',
  'backs',
  'favor',
  'vote',
  'votes',
  'paint',
  'rip',
  'focus',
  'talk',
  'talks',
  'says',
  'claims',
  'claim',
  'reports',
  'report',
  'states',
  'state',
  'notes',
  'note',
  'posted',
  'post',
  'offer',
  'offers',
  'list',
  'lists',
  'thanks',
  'echo',
  'answer',
  'answers',
  'request',
  'requests',
  'project',
  'projects',
  'press',
  'order',
  'orders',
  'detail',
  'details',
  'detailed',
  'email',
  'emails',
  'comments',
  'comment',
  'quote',
  'quotes',
  'chants',
  'documents',
  'document',
  'credit',
  'credits',
  'label',
  'labels',
  'signal',
  'signals',
  'hints',
  'champion',
  'champions',
  'spot',
  'references',
  'reference',
  'forecast',
  'yell',
  'shout',
  'name',
  'named',
  'expected',
  'known',
  'call',
  'calls',
  'show',
  'shows',
  'plans',
  'plan',
  'point',
  'points',
  'attack',
  'attacks',
  'support',
  'question',
  'questions',
  'welcome',
  'cite',
  'want',
  'defend',
  'slam',
  'blast',
  'found',
  'mention',
  'refuse',
  'decline',
  'seek',
  'remarks',
  'counter',
  'charges',
  'charge',
  'fears',
  'fear',
  'hopes',
  'hope',
  'doubts',
  'doubt',
  'estimates',
  'estimate',
  'promise',
  'promises',
  'demands',
  'demand',
  'concerns',
  'worries',
  'respond',
  'feel',
  'warning',
  'continue',
  'continues',
  'maintain',
  'observe',
  'thought',
  'joke',
  'repeat',
  'dispute',
  'blame',
  'tweet',
  'tweets',
]);

/** Particles that belong to a cue verb ("called for", "pointed out", "referring to"). */
export const CUE_PARTICLES: Record<string, ReadonlySet<string>> = {
  call: new Set(['for', 'on', 'out']),
  point: new Set(['out', 'to']),
  refer: new Set(['to']),
  talk: new Set(['about']),
  speak: new Set(['about', 'of', 'out']),
  warn: new Set(['of', 'against', 'about']),
  complain: new Set(['about', 'of']),
  agree: new Set(['with']),
  respond: new Set(['to']),
  rail: new Set(['against', 'at']),
  vote: new Set(['for', 'against']),
  focus: new Set(['on']),
  brag: new Set(['about']),
  scoff: new Set(['at']),
  object: new Set(['to']),
  disagree: new Set(['with', 'on', 'over', 'about']),
  lash: new Set(['out']),
  weigh: new Set(['in']),
  side: new Set(['with', 'against']),
  lay: new Set(['out']),
  apologize: new Set(['for']),
  decide: new Set(['against']),
  fire: new Set(['back']),
  hit: new Set(['back', 'out']),
  seize: new Set(['on', 'upon']),
  pounce: new Set(['on']),
  double: new Set(['down']),
  vent: new Set(['about']),
  gush: new Set(['about', 'over']),
  rave: new Set(['about']),
  fret: new Set(['about', 'over']),
  grumble: new Set(['about']),
  gripe: new Set(['about']),
  comment: new Set(['on', 'about']),
  think: new Set(['about']),
  argue: new Set(['for', 'against', 'over']),
  hint: new Set(['at']),
  push: new Set(['for', 'back']),
  go: new Set(['after']),
  // phrasal verbs that report only with their particle ("shrugged off the criticism", "played down
  // the risk", "singled out Clinton", "alluded to …", "sparred over …", "touched on …")
  shrug: new Set(['off']),
  play: new Set(['down']),
  single: new Set(['out']),
  allude: new Set(['to']),
  spar: new Set(['over', 'with']),
  touch: new Set(['on', 'upon']),
};

/** Cue verbs that report only with their particle ("spoke about", "talked of", "voted for"). */
export const NEEDS_PARTICLE = new Set([
  'speak',
  'talk',
  'rail',
  'vote',
  'focus',
  'lash',
  'weigh',
  'fire',
  'hit',
  'seize',
  'pounce',
  'double',
  'side',
  'lay',
  'shrug',
  'play',
  'single',
  'allude',
  'spar',
  'touch',
  'push',
  'go',
]);

/**
 * Light verbs that report only with one of their nouns ("made no secret of", "took issue with",
 * "raised questions about"): the nouns, and the prepositions after them that go to the cue.
 */
export const LIGHT_NOUNS: Record<string, { nouns: ReadonlySet<string>; preps: ReadonlySet<string> }> = {
  make: {
    nouns: new Set([
      'case',
      'mention',
      'secret',
      'point',
      'argument',
      'pitch',
      'promise',
      'claim',
      'remarks',
      'comments',
      'reference',
      'references',
      'appeal',
      'plea',
      'allegations',
      'accusations',
    ]),
    preps: new Set(['of', 'for', 'to']),
  },
  take: {
    nouns: new Set([
      'issue',
      'aim',
      'credit',
      'shot',
      'shots',
      'swipe',
      'swipes',
      'jab',
      'jabs',
      'exception',
    ]),
    preps: new Set(['with', 'at', 'for', 'to']),
  },
  raise: {
    nouns: new Set(['question', 'questions', 'concern', 'concerns', 'doubt', 'doubts', 'alarm']),
    preps: new Set(['about', 'over', 'of']),
  },
};

/** Prepositions after a phrasal cue's particle that belong to the cue ("lashed out at", "doubled down on"). */
export const PARTICLE_PREPS = new Set(['at', 'on', 'against', 'about', 'over', 'with']);

/** Words before a cue verb that annotators count as part of the cue ("has also said"). */
export const CUE_PREFIX = new Set([
  'has',
  'have',
  'had',
  "'s",
  '’s',
  'also',
  'later',
  'recently',
  'once',
  'previously',
  'reportedly',
  'earlier',
  'then',
  'again',
  'further',
  'first',
  'publicly',
  'repeatedly',
  'privately',
  'initially',
  'subsequently',
  'similarly',
  'separately',
  'flatly',
  'strongly',
  'openly',
  'explicitly',
  'quickly',
  'immediately',
  'simply',
  'never',
  'not',
  "n't",
  'n’t',
  'did',
  'does',
  'do',
  'would',
  'will',
  'could',
  'is',
  'are',
  'was',
  'were',
  "'ll",
  '’ll',
  // "won't", "can't" split as "wo n't", "ca n't"
  'wo',
  'ca',
  'can',
  'should',
  'must',
  'might',
  'may',
]);

/** Adjuncts between a cue and what follows that do not start content ("said on Monday that"). */
export const TIME_WORDS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'yesterday',
  'today',
  'tonight',
  'earlier',
  'later',
  'recently',
  'last',
  'previously',
  'again',
  'repeatedly',
  'privately',
  'publicly',
  'separately',
  'afterward',
  'afterwards',
  'then',
  'also',
  'too',
  'now',
  'once',
]);

/** Prepositions that start an adjunct after a cue ("told reporters in Ohio on Monday"). */
export const ADJUNCT_PREPS = new Set([
  'on',
  'in',
  'at',
  'during',
  'after',
  'before',
  'via',
  'through',
  'over',
  'from',
  'to',
  'with',
  'by',
  'while',
]);

/** Head nouns of anonymous sources. */
export const ANONYMOUS_HEADS = new Set([
  'source',
  'sources',
  'insider',
  'insiders',
  'official',
  'officials',
  'aide',
  'aides',
  'person',
  'people',
  'diplomat',
  'diplomats',
  'witness',
  'witnesses',
  'resident',
  'residents',
  'observer',
  'observers',
  'activist',
  'activists',
  'someone',
  'individuals',
  'individual',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'officer',
  'officers',
  'member',
  'members',
]);

/** Words that make a description anonymous by themselves ("unnamed", "on condition of anonymity"). */
export const ANONYMITY_MARKERS =
  /\b(?:source|sources|insiders?|unnamed|anonymous|anonymity|unidentified|not authori[sz]ed|asked not to be (?:named|identified)|declined to be (?:named|identified)|familiar with|close to|(?:own|his|her|their) sources)\b/i;

/** Heads of media sources. */
export const MEDIA_WORDS =
  /\b(?:media|newspaper|newspapers|paper|daily|tabloid|outlet|outlets|agency|broadcaster|channel|television|TV|radio|magazine|journal|website|news|press|reporters?|correspondents?|journalists?|Reuters|AP|AFP|Associated Press|Agence France-Presse|Sputnik|TASS|RIA Novosti|Interfax|Xinhua|Bloomberg|CNN|BBC|Fox|MSNBC|NBC|CBS|ABC|NPR|Al Jazeera|Politico|Axios|Post|Times|Tribune|Herald|Guardian|Telegraph|Gazette|Breitbart)\b/;

/** Heads of documents as sources ("the report", "a statement", "the poll"). */
export const DOCUMENT_WORDS =
  /\b(?:report|reports|statement|statements|document|documents|letter|memo|study|survey|poll|polls|data|filing|complaint|indictment|lawsuit|ruling|release|communiqu[eé]|transcript|records?|email|emails|tweet|post|analysis|article|book|footage|video|resolution|decree|bill)\b/i;

/** Heads of organisations ("the ministry", "the campaign", "police"). */
export const ORGANIZATION_WORDS =
  /\b(?:ministry|ministries|government|governments|administration|department|office|agency|committee|council|commission|party|campaign|army|military|forces|police|ministry|embassy|authorities|group|network|organi[sz]ation|union|coalition|court|parliament|congress|senate|house|board|company|firm|bank|corporation|institute|foundation|center|centre|observatory|association|movement|alliance|opposition|state|states|kremlin|pentagon|white house|nato|osce|fbi|cia|fsb|mfa)\b/i;

/** An acronym ("OSCE", "NATO") names an organisation. */
export const ACRONYM = /\b[A-Z]{2,6}\b/;

export const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her', 'i', 'we', 'you']);
export const GROUP_PRONOUNS = new Set(['they', 'it', 'we']);

/** Nouns that name speakers: the head of an inverted source ("said a spokesman for …"). */
export const SPEAKER_NOUNS = new Set([
  ...ANONYMOUS_HEADS,
  'president',
  'minister',
  'leader',
  'leaders',
  'chairman',
  'chairwoman',
  'director',
  'secretary',
  'governor',
  'senator',
  'lawmaker',
  'lawmakers',
  'candidate',
  'nominee',
  'lawyer',
  'attorney',
  'expert',
  'experts',
  'analyst',
  'analysts',
  'professor',
  'strategist',
  'adviser',
  'advisor',
  'advisers',
  'manager',
  'chief',
  'head',
  'founder',
  'executive',
  'campaign',
  'ministry',
  'statement',
  'report',
  'voter',
  'voters',
  'supporter',
  'supporters',
  'critics',
  'democrats',
  'republicans',
  'police',
  'government',
  'administration',
  'committee',
  'group',
  'organizers',
  'organisers',
  'author',
  'authors',
  'study',
  'survey',
  'poll',
]);
