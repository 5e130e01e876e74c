/**
 * Word lists for finding and classifying names. General English-news vocabulary only; the actor
 * registry (with country and sector codes) lives with the events stage.
 */

const set = (s: string) => new Set(s.trim().split(/\s*\n\s*|\s*\|\s*/));

/** Titles and roles that introduce a person's name ("President Emmanuel Macron", "Gen. Smith"). */
export const PERSON_TITLES = set(`
president|vice-president|vice|prime|minister|premier|chancellor|secretary|secretary-general|spokesman|spokeswoman
spokesperson|general|gen.|gen|lieutenant|lt.|col.|colonel|major|maj.|captain|capt.|commander|admiral|sergeant|sgt.
king|queen|prince|princess|crown|sheikh|emir|sultan|ayatollah|imam|pope|cardinal|archbishop|bishop|rabbi|reverend|rev.
senator|sen.|representative|rep.|congressman|congresswoman|governor|gov.|mayor|judge|justice|ambassador|envoy
mr.|mrs.|ms.|dr.|prof.|professor|mr|mrs|ms|dr|sir|lord|lady|dame|chairman|chairwoman|chair|ceo|director|deputy
leader|chief|head|commissioner|attorney|lawyer|activist|journalist|reporter|correspondent|analyst|officer|official
candidate|nominee|speaker|foreign|defense|defence|interior|finance|health|justice|economy|trade|energy|state
`);

/** Last words that make a capitalised name an organisation. */
export const ORG_HEADS = set(`
network|ministry|council|committee|organization|organisation|agency|party|union|bank|court|parliament|assembly
office|department|foundation|institute|university|college|commission|movement|observatory|association|federation
alliance|coalition|company|corporation|corp.|corp|inc.|inc|ltd|ltd.|llc|group|service|services|authority
administration|government|senate|congress|cabinet|center|centre|fund|programme|program|mission|league|society
church|board|bureau|tribunal|secretariat|directorate|unit|watch|international|initiative|project|trust|syndicate
club|monitor|federation|consortium|institution|academy|caucus|campaign|house|republicans|democrats|nations|community
`);

/** Armed-organisation heads: the name is a group (armed or militant), not a civilian organisation. */
export const GROUP_HEADS = set(`
army|forces|force|guard|guards|brigade|brigades|battalion|battalions|regiment|division|corps|militia|militias
front|legion|rebels|fighters|mujahideen|jihad|hezbollah|taliban|police|navy|marines|gendarmerie
`);

/** Lower-case nouns after a name that make it a group ("the X group", "the X militia"). */
export const GROUP_NOUNS = set(
  `group|militia|faction|brigade|battalion|rebels|fighters|movement|organization|organisation`,
);

/** Lower-case nouns after a name that make it an outlet ("the X newspaper", "X news agency"). */
export const OUTLET_NOUNS = set(
  `newspaper|daily|weekly|magazine|agency|broadcaster|channel|network|tv|radio|website|outlet|tabloid`,
);

/** Words that end a facility name. */
export const FACILITY_HEADS = set(`
airport|hospital|prison|base|stadium|bridge|mosque|cathedral|camp|port|harbour|harbor|dam|plant|station|embassy
consulate|palace|school|refinery|checkpoint|crossing|square|hotel|mall|market|tower|building|compound|airbase
`);

/** News organisations known by name. */
export const OUTLETS = set(`
Reuters|AP|Associated Press|AFP|Agence France-Presse|Agence France Presse|TASS|RIA Novosti|Interfax|Sputnik|Xinhua
Anadolu|Anadolu Agency|Al Jazeera|Al-Jazeera|Al Arabiya|BBC|CNN|Fox News|NBC|NBC News|CBS|CBS News|ABC News|NPR
MSNBC|The New York Times|New York Times|The Washington Post|Washington Post|The Guardian|Guardian|Bloomberg|Politico
Axios|Breitbart|HuffPost|Huffington Post|USA Today|The Wall Street Journal|Wall Street Journal|Financial Times
The Times|Le Monde|Der Spiegel|Spiegel|SANA|IRNA|Fars|Tasnim|Kyodo|Yonhap|Haaretz|Times of Israel|Jerusalem Post
Dawn|Al-Monitor|Middle East Eye|Kommersant|Izvestia|RT|Euronews|Deutsche Welle|DW|France 24|Voice of America|VOA
Radio Free Europe|RFE/RL|The Telegraph|The Independent|The Economist|Le Figaro|El País|Asharq Al-Awsat
The Hill|Los Angeles Times|Chicago Tribune|Boston Globe|The Atlantic|Vox|BuzzFeed|Daily Mail|Newsweek|Time
`);

/** Organisations usually written as acronyms or short names. */
export const KNOWN_ORGS = set(`
UN|U.N.|United Nations|NATO|EU|European Union|OSCE|WHO|ICRC|Red Cross|Red Crescent|IAEA|UNHCR|UNICEF|UNESCO|UNRWA
African Union|AU|ECOWAS|OPEC|IMF|World Bank|WTO|ASEAN|Arab League|Interpol|Amnesty International|Human Rights Watch
Kremlin|Pentagon|White House|State Department|FBI|CIA|NSA|Mossad|FSB|Congress|Senate|Security Council|G7|G20
Doctors Without Borders|MSF|Oxfam|ICC|ICJ|OPCW|SDF|OCHA|WFP|Hamas|Fatah
`);

/** Armed groups known by name (detection only; coding lives in the actor registry). */
export const KNOWN_GROUPS = set(`
Hezbollah|Hizbollah|Taliban|ISIS|ISIL|Islamic State|Daesh|al-Qaeda|Al-Qaeda|al-Qaida|Al Qaeda|Al-Shabaab|al-Shabab
Boko Haram|Houthis|Houthi|Ansar Allah|Wagner|Wagner Group|PKK|YPG|PYD|HTS|Hayat Tahrir al-Sham|Hay'at Tahrir al-Sham
Free Syrian Army|FSA|Syrian National Army|SNA|Jabhat al-Nusra|Nusra Front|M23|RSF|Rapid Support Forces|Janjaweed
Hamas|Islamic Jihad|Lashkar-e-Taiba|Jaish-e-Mohammed|Tehrik-i-Taliban|TTP|ELN|FARC|Shining Path|Azov|Kataib Hezbollah
`);

/**
 * Capitalised words that begin sentences or headlines but are not names. Anything wink tags as a
 * determiner, pronoun, adposition, auxiliary or conjunction is also excluded; this list covers the rest.
 */
export const NOT_NAMES = set(`
according|another|families|family|meanwhile|however|also|last|next|this|that|these|those|after|before|during|since
while|when|where|what|who|why|how|it|there|here|today|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday
saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|earlier
later|some|many|several|most|more|both|all|each|every|other|such|no|not|but|and|or|if|as|at|in|on|by|for|with
from|to|of|the|a|an|we|they|he|she|i|you|our|their|his|her|its|my|your|read|watch|photo|video|update|breaking
militants|refugees|mercenaries|troops|soldiers|officials|residents|police|sources|witnesses|activists|rebels
fighters|gunmen|protesters|protestors|demonstrators|civilians|villagers|authorities|forces|members|leaders|workers
people|children|women|men|students|farmers|settlers|insurgents|jihadists|attackers|assailants
`);

/** Name particles that may sit inside a name in lower case ("Hayat Tahrir al-Sham", "Ludwig van Beethoven"). */
export const NAME_PARTICLES = set(
  `al|el|bin|ibn|bint|abu|van|von|der|den|de|da|di|du|la|le|del|dos|das|ul|ud`,
);

/** Words that join parts of an organisation name ("Ministry of Foreign Affairs", "Bank for …"). */
export const ORG_CONNECTORS = set(`of|for|and|on|the|&`);

/** Last words of place names; such a name is never guessed to be a person. */
export const PLACE_HEADS = set(`
province|region|governorate|district|county|city|village|town|state|island|islands|valley|mountains|mountain|sea
gulf|river|lake|strait|peninsula|east|west|north|south|coast|bay|desert|plain|plateau|oblast|prefecture|territory
territories|republic|kingdom|emirates|states|strip|bank|heights|square|street|avenue|road|park|hills|delta|basin|ocean
`);

/** Last words of names of things that are not people (treaties, events, laws, documents). */
export const THING_HEADS = set(`
convention|treaty|agreement|accord|accords|act|law|bill|plan|war|crisis|conflict|revolution|election|elections
summit|conference|games|cup|award|prize|day|week|month|year|protocol|resolution|declaration|charter|doctrine
initiative|deal|talks|process|operation|offensive|ceasefire|truce|memorandum|report|index|survey|poll|strategy
program|programme|policy|reform|amendment|constitution|festival|olympics|championship|series|tour|show|museum
`);
