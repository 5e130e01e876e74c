import type {
  EventArgument,
  EventQuantity,
  EventRecord,
  Factuality,
  PloverType,
  TextSpan,
} from '../../model/types.js';

type Acled = NonNullable<EventRecord['acled']>;

/** The optional fields, by the index their accessors mark. */
const OPTIONAL = [
  'mode',
  'context',
  'cameo',
  'acled',
  'place',
  'placeBasis',
  'time',
  'interval',
  'timePrecision',
  'claim',
  'background',
] as const;

/**
 * An event record while findEvents codes it. Every field exists from construction on, in one order,
 * so all records share one hidden class: as plain objects that gained `mode`, `cameo`, `claim`,
 * `place`, … in whatever order the rules set them (and lost `mode` again), they took dozens of
 * shapes, and each rarer shape reaching optimised code (civicSense, findEvents, refineByObject …)
 * deoptimised it and had V8 compile the whole function again.
 *
 * The optional fields are accessors that note when each was first set (since `unset`), and
 * `toRecord` gives the plain record with its keys in that order: the order a plain object would
 * have had, so the JSON output stays the same byte for byte.
 */
export class WorkingRecord implements EventRecord {
  id: string;
  type: PloverType;
  actors: EventArgument[];
  recipients: EventArgument[];
  quantities: EventQuantity[];
  factuality: Factuality;
  trigger: TextSpan;
  sentence: number;
  confidence: number;
  rule: string;
  /** Values of the optional fields, and when each was set (0: absent), by OPTIONAL index. */
  #mode: string | undefined = undefined;
  #context: string[] | undefined = undefined;
  #cameo: string | undefined = undefined;
  #acled: Acled | undefined = undefined;
  #place: string | undefined = undefined;
  #placeBasis: 'sentence' | 'article' | undefined = undefined;
  #time: string | undefined = undefined;
  #interval: [string, string] | undefined = undefined;
  #timePrecision: 'text' | 'reported-by' | undefined = undefined;
  #claim: string | undefined = undefined;
  #background: boolean | undefined = undefined;
  readonly #at = new Int32Array(OPTIONAL.length);
  #seq = 0;

  constructor(
    id: string,
    type: PloverType,
    actors: EventArgument[],
    recipients: EventArgument[],
    trigger: TextSpan,
    sentence: number,
    rule: string,
  ) {
    this.id = id;
    this.type = type;
    this.actors = actors;
    this.recipients = recipients;
    this.quantities = [];
    this.factuality = 'asserted';
    this.trigger = trigger;
    this.sentence = sentence;
    this.confidence = 0.8;
    this.rule = rule;
  }

  #mark(k: number): void {
    if (this.#at[k] === 0) this.#at[k] = ++this.#seq;
  }

  /** What `delete rec.mode` did: the field is absent, and set again it comes last. */
  unsetMode(): void {
    this.#mode = undefined;
    this.#at[0] = 0;
  }

  get mode() {
    return this.#mode;
  }
  set mode(v) {
    this.#mark(0);
    this.#mode = v;
  }
  get context() {
    return this.#context;
  }
  set context(v) {
    this.#mark(1);
    this.#context = v;
  }
  get cameo() {
    return this.#cameo;
  }
  set cameo(v) {
    this.#mark(2);
    this.#cameo = v;
  }
  get acled() {
    return this.#acled;
  }
  set acled(v) {
    this.#mark(3);
    this.#acled = v;
  }
  get place() {
    return this.#place;
  }
  set place(v) {
    this.#mark(4);
    this.#place = v;
  }
  get placeBasis() {
    return this.#placeBasis;
  }
  set placeBasis(v) {
    this.#mark(5);
    this.#placeBasis = v;
  }
  get time() {
    return this.#time;
  }
  set time(v) {
    this.#mark(6);
    this.#time = v;
  }
  get interval() {
    return this.#interval;
  }
  set interval(v) {
    this.#mark(7);
    this.#interval = v;
  }
  get timePrecision() {
    return this.#timePrecision;
  }
  set timePrecision(v) {
    this.#mark(8);
    this.#timePrecision = v;
  }
  get claim() {
    return this.#claim;
  }
  set claim(v) {
    this.#mark(9);
    this.#claim = v;
  }
  get background() {
    return this.#background;
  }
  set background(v) {
    this.#mark(10);
    this.#background = v;
  }

  /** The plain record: the fixed fields, then the optional ones set, in the order they were set. */
  toRecord(): EventRecord {
    const rec: EventRecord = {
      id: this.id,
      type: this.type,
      actors: this.actors,
      recipients: this.recipients,
      quantities: this.quantities,
      factuality: this.factuality,
      trigger: this.trigger,
      sentence: this.sentence,
      confidence: this.confidence,
      rule: this.rule,
    };
    const at = this.#at;
    const set: number[] = [];
    for (let k = 0; k < at.length; k++) if (at[k] > 0) set.push(k);
    set.sort((a, b) => at[a] - at[b]);
    const out = rec as unknown as Record<string, unknown>;
    for (const k of set) out[OPTIONAL[k]] = this[OPTIONAL[k]];
    return rec;
  }
}
