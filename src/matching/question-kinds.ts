// The kind of a question, read from its grammar rather than its topic: how many, how much, when, who,
// which, what rank, the most / the fewest, a sum, a share, a difference, a rank change, the source of a
// figure. The kind picks an attribute when the question names only an entity ("문샷 AI는 언제?"), and
// asks for a computation over the article's figures ("가장 적은 나라는?"). These are closed-class words
// of each language (question words, counters, comparatives), so they live here as patterns, not in the
// editable lexicon of facts/attributes.yaml, which lists what people ask about.
import type { QUESTION_KINDS } from '../facts/schema.ts';

export type AskKind = (typeof QUESTION_KINDS)[number];

/** What a question asks the figures to do, beyond reading one of them. */
export type Aggregate = 'most' | 'least' | 'nth' | 'sum' | 'share' | 'average' | 'difference' | 'ratio';

export interface QuestionKinds {
  asks: Set<AskKind>;
  aggregates: Set<Aggregate>;
  /** "출처는?", "where is that from": the source of a figure. */
  source: boolean;
  /** "언제 기준이야?", "as of when": the date a figure is as of. */
  asOf: boolean;
  /** A rank or ordinal the question gives ("10위인 대학", "the 3rd country"), for "which one is n-th". */
  ordinal?: number;
  /** Every rank or ordinal it gives, in order ("1위랑 10위", "from 40th to 9th"). */
  ordinals: number[];
  /** "가장 많이 오른", "fell the most": the most (or least) is about a change, not a value. */
  ofChange: 'up' | 'down' | 'any' | undefined;
  /** "계획, 목표, 하겠다, will": about a plan, a target. */
  plan: boolean;
  /** "1위는?", "who topped", "highest-ranked": the most is a place in a ranking, not the largest count. */
  byRank: boolean;
  /** "몇 개 적어?", "how many fewer": which side of a comparison the subject is on. */
  direction: 'more' | 'less' | undefined;
  /** "가장 먼저 세워진", "the most recently founded": a superlative in time (years: earliest is the least). */
  inTime: 'earliest' | 'latest' | undefined;
  /** The kind of thing a superlative or n-th place picks ("1위 대학", "which country"), when the question says. */
  picks?: 'university' | 'country' | 'company';
  /** "4개국 몫을 빼면 나머지는?", "the rest of the world": the whole less the named. */
  rest?: boolean;
}

// "얼마 만에", "얼마 뒤", "얼마나 걸렸어": how long after, a time; "얼마" there asks no sum.
const HOW_LONG_AFTER = /얼마\s*만(?:에|이)|얼마\s*(?:뒤|후)|얼마나?\s*걸(?:렸|린|려)/;

const KO_KIND: Array<[AskKind, RegExp]> = [
  ['count', /몇\s*(?:개|곳|군데|명|종|가지|대|개소|개사|개국|나라|건)|개수|갯수|수(?:는|가|를|도)?\s*(?:몇|얼마)|(?:^|[\sa-z])수(?:는|가|도)?\s*[?？]*$/],
  ['amount', /얼마|금액|액수|규모|몇\s*(?:억|조|만|천)|(?:달러|원화|위안|엔화)\s*(?:로|으로|기준)|(?:^|\s)원(?:으로|화로)|(?:달러|원화)는/],
  ['when', new RegExp(String.raw`언제|기한|마감|데드라인|몇\s*(?:년|월|일|시)|며칠|연도|년도|시점|시기|날짜|일자|몇년|${HOW_LONG_AFTER.source}|몇\s*시간`)],
  ['who', /누구|누가|누군|어떤\s*사람|인물/],
  ['where', /어디|어느\s*(?:곳|도시|지역)/],
  ['which', /어느|어떤|무슨|무엇|뭐|뭘|뭔/],
  ['rank', /몇\s*(?:위|등|번째|째)|순위|랭킹|등수|몇위|몇등/],
  ['age', /몇\s*살|나이|연세/],
  ['describe', /뭐야|뭐예요|뭔가요|무엇인가|무엇이|어떤\s*(?:회사|곳|기관|곳|모델|사람)|소개|설명|알려\s*줘|어때|어떤가/],
  ['change', /올랐|오른|상승|하락|떨어|내려|변화|변동|바뀌|바뀐|계단|단계|뛰어올|뛴|뛰었|뛰어|도약|급상승|급등|추락|밀려|순위\s*차이|늘었|늘어난|늘어났|늘은|증가|줄었|줄어든|줄어들|감소/],
];

const EN_KIND: Array<[AskKind, RegExp]> = [
  ['count', /\bhow many\b|\bhow much .*\b(?:centres|centers)\b/],
  ['amount', /\bhow much\b|\bamount\b|\bin (?:us )?(?:dollars|usd|won|krw|yuan|rmb)\b|\bhow big\b|\bsize of\b|\bwhat (?:was|is) .* (?:worth|valued)/],
  ['when', /\bwhen\b|\bdeadline\b|\btimeline\b|\btime ?frame\b|\bwhat (?:year|date|month|day|time)\b|\bwhich (?:year|date|month|day)\b|\bwhat year\b|\bsince when\b|\bhow long (?:after|before|ago|did it take|it took|until)\b|\bhow soon\b|\bhow many (?:hours|days)\b/],
  ['who', /\bwho\b|\bwhom\b|\bwhose\b|\bwhich person\b/],
  ['where', /\bwhere\b|\bwhich (?:city|country|place)\b/],
  ['which', /\bwhich\b|\bwhat\b/],
  ['rank', /\branks?\b|\brank(?:ed|ing|ings)\b|\bplace[ds]?\b|\bposition\b|\bspot\b|\bstanding\b|\bwhere (?:does|did|do) .* (?:rank|stand|place)/],
  ['age', /\bhow old\b|\bage\b|\byears old\b/],
  ['describe', /\bwhat(?:'s| is| are| was)\b|\bwho(?:'s| is| was)\b|\btell me about\b|\bdescribe\b|\bexplain\b|\bintroduce\b/],
  ['change', /\bclimb(?:ed|s)?\b|\brise\b|\brose\b|\brisen\b|\bjump(?:ed)?\b|\bfell\b|\bfall(?:en)?\b|\bdrop(?:ped)?\b|\bdeclin|\bimprov|\bchange[ds]?\b|\bmove[ds]?\b|\bslid\b|\bgain(?:ed)?\b|\bshift|\bincreased?\b|\bdecreased?\b|\bgrew\b/],
];

const MOST = /가장|제일|젤(?=\s*(?:많|높|크|큰|먼저|잘|좋))|최고|최대|최다|최상위|일등|으뜸|\bmost\b|\bhighest\b|\blargest\b|\bbiggest\b|\bgreatest\b|\bbest\b|\btopped\b|\btops\b|\btop spot\b|\bat the top\b(?!\s*(?:\d|two|three|four|five|ten|hundred))|\bcame top\b|\bon top\b|\bno\.?\s*1\b|\bnumber one\b|\bfirst place\b|\bhighest-ranked\b|\bbest-ranked\b/;
// Which side of a comparison the subject is on: "독일보다 몇 개 적어?" (fewer), "how many more".
const FEWER = /적어|적은|적나|적지|덜|작아|낮아|\bfewer\b|\bless\b|\bcheaper\b|\bsmaller\b|\blower\b/;
const MORE_SIDE = /많아|많은|많나|많지|커|높아|\bmore\b|\bbigger\b|\blarger\b|\bhigher\b|\boutnumber/;
// A superlative in time: the first founded, the latest.
const EARLIEST = /(?:가장|제일|젤)\s*(?:먼저|일찍|오래|이른|빠른|빨리)|(?:어디|어느\s*(?:곳|회사|쪽|기업)|누가|뭐)(?:가|이)?\s*(?:더\s*)?(?:먼저|일찍)|최초로|\bwhich (?:one |company |firm |startup |of them )?(?:was |came |got )?(?:founded |established |set up |started )?(?:first|earlier)\b|\bearliest\b|\boldest\b|\bfirst (?:to be )?(?:founded|established|set up)\b|\bfounded first\b/;
const LATEST = /(?:가장|제일|젤)\s*(?:최근|늦게|나중|젊은)|\blatest\b|\bnewest\b|\byoungest\b|\bmost recent(?:ly)?\b|\bfounded last\b/;
// The best place in a ranking, rather than the largest figure.
const BY_RANK = /1위|1등|일등|최상위|가장\s*높|제일\s*높|가장\s*낮|제일\s*낮|\btopped\b|\btops\b|\btop spot\b|\bat the top\b(?!\s*(?:\d|two|three|four|five|ten|hundred))|\bon top\b|\bcame top\b|\bhighest\b|\blowest\b|\bfirst place\b|\bnumber one\b|\bno\.?\s*1\b|\branked\b|\branks\b|\bbest-ranked\b|\bhighest-ranked\b|\bworst-ranked\b/;
// "더 큰 곳", "dropped more": between two named things the comparative picks one, as a superlative would.
const COMPARATIVE = /더\s*(?:크|컸|큰|많|높|낮|적|작)|\bmore\b|\bbigger\b|\blarger\b|\bgreater\b|\bfurther\b/;
const LEAST = /(?:가장|제일|젤)\s*(?:적|낮|작|못|덜|뒤|하위)|최소|최저|최하위|꼴찌|\bfewest\b|\bleast\b|\blowest\b|\bsmallest\b|\bworst\b|\bbottom\b/;
const SUM = /합치면|합하면|더하면|합계|총합|합산|합친|모두\s*(?:더|합)|다\s*합|총\s*몇|\badd(?:ed)? up\b|\bcombined\b|\bin total\b|\bsum\b|\baltogether\b|\b(?:added|taken) together\b|\b(?:take|have|hold|get|make|account for) together\b|\btogether,? (?:they|do|have|hold|make|account)\b|\btotal of\b/;
const SHARE = /비중|비율|퍼센트|%|프로(?:야|는|나|쯤|지)?\b|점유|몫|차지하는|\bshare\b|\bpercent(?:age)?\b|\bproportion\b|\bfraction\b|\bwhat part of\b/;
const YEAR_TO_YEAR = /\b(?:19|20)\d{2}\s*(?:년\s*)?(?:vs\.?|versus|대비|→|->|to|에서)\s*(?:19|20)\d{2}\b/;
const REST = /나머지|빼면|빼고|제외하면|제외한|\bthe rest\b|\brest of the world\b|\bexcluding\b|\bother countries\b/;
const AVERAGE = /평균|\baverage\b|\bmean\b/;
const DIFFERENCE = /차이|격차|보다\s*(?:몇|얼마|더)|더\s*(?:많|적|높|낮)|덜|몇\s*(?:개|곳|군데)?\s*(?:더\s*)?(?:많|적)|\bmore than\b|\bfewer than\b|\bless than\b|\bdifference\b|\bgap\b|\bhow many more\b|\bhow much more\b|\bhow many fewer\b|\bhow much (?:bigger|larger|smaller|cheaper)\b|\bthan\b|\boutnumber|\bexceed|\bahead of\b|\bbehind\b|\bby how (?:many|much)\b|\bapart\b|\bvs\.?(?=\s)|\bversus\b/;
const RATIO = /몇\s*배|배나|배\s*(?:많|더|적|차이)|\btimes\b|\bfold\b|\bratio\b|\bmultiple\b|\bhow many x\b|\bx (?:as (?:many|much)|more)\b/;
// "10위 안", "10위권", "상위 10" are a range, not a place.
const NTH_KO = /(\d+)\s*(?:위|등|번째|째)(?!\s*(?:안|권|내|이내|까지|밖))/g;
// A place followed by what it is: "10위 대학", "3rd country".
const NTH_NOUN = /\d+\s*(?:위|등|번째)\s*(?:인\s*|에\s*오른\s*|를\s*차지한\s*|한\s*)?(?:대학|학교|나라|국가|기업|회사|곳|기관|모델)|\b\d+(?:st|nd|rd|th)\b(?:[- ](?:place|ranked))?\s+(?:university|universities|school|country|countries|company|institution)/;
// A place asked as such, at the end: "네이처 인덱스 5위는?", "12위?", "and 5th place?".
// A statement that ends on a place ("both ended joint 6th") asks nothing: a question mark or particle.
const NTH_ASKED = /\d+\s*(?:위|등)(?:(?:는|은|요|는요)\s*[?？]*|\s*[?？]+)$|\b\d+(?:st|nd|rd|th)(?: place)?\s*[?]+$/;
const NTH_WORD_KO: Array<[RegExp, number]> = [[/두\s*번째|둘째|2등/, 2], [/세\s*번째|셋째/, 3], [/네\s*번째|넷째/, 4], [/첫\s*번째|첫째/, 1]];
const NTH_EN = /\b(\d+)(?:st|nd|rd|th)\b|(?:\bno\.?|\bnumber|#)\s*(\d+)\b|\bplace (\d+)\b/g;
// "first" as an adverb ("let me check first:", "first of all", "at first") or of time ("in its first year")
// is no place in a ranking.
const NTH_WORD_EN: Array<[RegExp, number]> = [[/\bsecond\b/, 2], [/\bthird\b/, 3], [/\bfourth\b/, 4], [/(?<!\b(?:check|ask|at|but)\s)\bfirst\b(?!\s*(?::|,|of all\b|(?:year|years|month|months|week|weeks|day|days|time|half|quarter|round)\b))/, 1], [/\btenth\b/, 10], [/\bninth\b/, 9]];
const SOURCE = /출처|근거|인용|어디\s*(?:기사|자료|신문|데이터)(?:를|에서|야|예요|인가요)?\s*(?:보고|따온|인용|참고|바탕|기반)|어디서\s*(?:나온|나왔|온|가져)|누구\s*(?:자료|조사|말)|어느\s*(?:자료|기관\s*자료)|(?:어디|무슨|어느)\s*(?:자료|데이터|통계)(?:임|야|예요|이에요|인가요|래|냐|지|에요)?\s*[?？]*$|자료는|소스|\bsource[sd]?\b|\bwhere (?:is|does|did) (?:that|this|it|the) (?:number|figure|data|stat)\w* (?:come|from)|\bwhere.*\bfrom\b|\bwho says\b|\bcited\b|\bcredit(?:ed)?\b|\baccording to whom\b|\bwho (?:reported|compiled|counted|estimated|came up with|worked out|measured)\b|\bsays who\b|\bwho says (?:so|that)\b|\b(?:which|what) (?:agency|organi[sz]ation|body|institute|research firm|outlet|group) (?:reported|said|says|published|compiled|counted|estimated|gave|came up with)\b|\breported by\b|어느\s*기관(?:이|에서)\s*(?:발표|집계|조사|밝혔|내놓)|누가\s*(?:발표|집계|조사)한\s*(?:거|수치|자료)/;
const AS_OF = /기준|언제\s*(?:자료|데이터|수치|통계)|몇\s*년\s*(?:자료|데이터|기준)|\bas of\b|\bas-of\b|\bhow (?:recent|current|up to date)\b|\bwhat date is (?:that|this|it)\b|\bdated\b/;
const PLAN = /계획|목표|예정|하겠|할\s*것|추진|확보할|확보하|육성|까지\s*(?:확보|육성|지원)|내년|\bplan(?:s|ned)?\b|\btarget\b|\bgoal\b|\baim(?:s)?\b|\bwill\b|\bby 20\d\d\b/;
const UP = /올랐|오른|상승|뛰어올|급상승|급등|\bclimb|\brise\b|\brose\b|\brisen\b|\bjump|\bimprov|\bgain|\bup\b/;
const DOWN = /하락|떨어|내려|밀려|추락|\bfell\b|\bfall|\bdrop|\bdeclin|\bslid|\bdown\b|\blost\b/;

// A count named as a noun ("데이터센터 수", "number of") asks for the count only when nothing else is asked:
// "데이터센터 수 세계 몇 위야?" asks a rank.
const COUNT_NOUN = /숫자|보유\s*수|(?:센터|기관|대학|서비스|기업|스타트업|유니콘|곳)\s*수|\bnumber of\b|\bcount\b|\btotal\b/;
const SPECIFIC: AskKind[] = ['rank', 'when', 'who', 'where', 'age', 'amount'];

/** The kinds a (cleaned, lower-case) question text shows. */
export function readKinds(text: string): QuestionKinds {
  const asks = new Set<AskKind>();
  for (const [kind, pattern] of KO_KIND) if (pattern.test(text)) asks.add(kind);
  for (const [kind, pattern] of EN_KIND) if (pattern.test(text)) asks.add(kind);
  if (!asks.has('count') && COUNT_NOUN.test(text) && !SPECIFIC.some((k) => asks.has(k))) asks.add('count');
  // "얼마 만이었어?", "얼마 뒤에": how long, a time; "얼마" there asks no sum.
  if (HOW_LONG_AFTER.test(text) && !/얼마\s*(?:짜리|정도의?\s*돈|의\s*돈)/.test(text)) asks.delete('amount');
  const aggregates = new Set<Aggregate>();
  const least = LEAST.test(text);
  if (least) aggregates.add('least');
  else if (MOST.test(text)) aggregates.add('most');
  if (SUM.test(text)) aggregates.add('sum');
  // "제일 오래된 곳": the superlative is in time, whatever "제일" alone would say.
  const earliest = EARLIEST.test(text);
  if (earliest) {
    aggregates.delete('most');
    aggregates.add('least');
  } else if (LATEST.test(text)) {
    aggregates.delete('least');
    aggregates.add('most');
  }
  if (SHARE.test(text)) aggregates.add('share');
  // "4개국 몫을 빼면 나머지 국가들의 합계는?": the whole less the named, worked out where the share is.
  const rest = REST.test(text) && (aggregates.has('share') || aggregates.has('sum'));
  if (rest) {
    aggregates.delete('sum');
    aggregates.add('share');
  }
  if (AVERAGE.test(text)) aggregates.add('average');
  // "2020 vs 2024", "2016년 대비 2024년": one thing's change between two years, not two things compared.
  const yearToYear = YEAR_TO_YEAR.test(text);
  if (yearToYear) asks.add('change');
  if (RATIO.test(text)) aggregates.add('ratio');
  else if (DIFFERENCE.test(text) && !yearToYear) aggregates.add('difference');
  if (asks.has('change') && COMPARATIVE.test(text) && !aggregates.has('least')) aggregates.add('most');
  // "which was founded first?": "first" there is the earliest, not the 1st place of a ranking.
  const ordinals = readOrdinals(text).filter((n) => !(n === 1 && earliest && /\bfirst\b|먼저/.test(text) && !/1위|1등|\b1st\b|first place/.test(text)));
  const ordinal = ordinals[0];
  if (ordinal !== undefined && (asks.has('which') || asks.has('who') || asks.has('where') || NTH_NOUN.test(text) || NTH_ASKED.test(text))) aggregates.add('nth');
  const up = UP.test(text);
  const down = DOWN.test(text);
  return {
    asks,
    aggregates,
    source: SOURCE.test(text),
    asOf: AS_OF.test(text),
    ...(ordinal !== undefined ? { ordinal } : {}),
    ...(rest ? { rest } : {}),
    ordinals,
    ofChange: asks.has('change') ? (up && !down ? 'up' : down && !up ? 'down' : 'any') : undefined,
    plan: PLAN.test(text),
    byRank: BY_RANK.test(text),
    direction: FEWER.test(text) ? 'less' : MORE_SIDE.test(text) ? 'more' : undefined,
    inTime: earliest ? 'earliest' : LATEST.test(text) ? 'latest' : undefined,
    ...pickedKind(text),
  };
}

const MAY_HAVE_ORDINAL = /\d|첫|두\s*번|세\s*번|네\s*번|둘째|셋째|넷째|first|second|third|fourth|ninth|tenth/;

/** Every place the question names, in the order written ("first ... and 12th" is 1 then 12). */
const KO_PLACE_LIST = /(\d+(?:\s*[,·]\s*\d+)*)\s*[,·]\s*\d+\s*(?:위|등)/g;
const KO_PLACE_BAND = /\d+\s*(?:위\s*)?[~\-–]\s*\d+\s*위/g;

function readOrdinals(raw: string): number[] {
  if (!MAY_HAVE_ORDINAL.test(raw)) return [];
  // "10~20위", "21-30위" is a band of places, not the 20th or 30th (a move is "40위에서 9위로").
  const text = raw.replace(KO_PLACE_BAND, (band) => ' '.repeat(band.length));
  const found: Array<[number, number]> = [...text.matchAll(NTH_KO)].map((m) => [m.index, Number(m[1])]);
  // "1,2,3위": each place of the list (the last is read above).
  for (const m of text.matchAll(KO_PLACE_LIST)) for (const n of m[1]!.split(/\s*[,·]\s*/)) found.push([m.index, Number(n)]);
  for (const m of text.matchAll(NTH_EN)) found.push([m.index, Number(m[1] ?? m[2] ?? m[3])]);
  for (const [pattern, n] of [...NTH_WORD_KO, ...NTH_WORD_EN]) {
    const at = pattern.exec(text)?.index;
    if (at !== undefined) found.push([at, n]);
  }
  return found.sort((a, b) => a[0] - b[0]).map(([, n]) => n);
}

// The noun of the thing picked, right after an n-th place or a superlative or as "which …".
const PICKS: Array<[NonNullable<QuestionKinds['picks']>, RegExp]> = [
  // 기관 (institution): the article's rankings of institutions are of universities and academies.
  ['university', /(?:위|등|높은|낮은|많은|적은)\s*(?:대학|학교|연구기관|기관)|(?:대학|학교|기관)(?:들)?\s*(?:중|가운데)|\b(?:of|among) the (?:\w+ )?(?:universities|schools|institutions)\b|어느\s*(?:대학|학교|기관)|\b(?:which|what) (?:university|school|institution|college)\b|\b(?:top|highest|best|first|lowest)[- ](?:ranked )?(?:university|school|institution)\b/],
  ['country', /(?:위|등|높은|낮은|많은|적은)\s*(?:나라|국가)|(?:나라|국가)(?:들)?\s*(?:중|가운데)|\b(?:of|among) the (?:\w+ )?(?:countries|nations)\b|어느\s*(?:나라|국가)|\b(?:which|what) (?:country|nation)\b|\b(?:top|highest|best|first|lowest)[- ](?:ranked )?(?:country|nation)\b/],
  ['company', /(?:위|등|높은|낮은|많은|적은)\s*(?:기업|회사|스타트업)|(?:기업|회사|스타트업)(?:들)?\s*(?:중|가운데)|\b(?:of|among) the (?:\w+ )?(?:companies|start-?ups|firms)\b|어느\s*(?:기업|회사|스타트업)|\b(?:which|what) (?:company|start-?up|firm)\b/],
];

function pickedKind(text: string): { picks?: NonNullable<QuestionKinds['picks']> } {
  const found = PICKS.filter(([, pattern]) => pattern.test(text));
  return found.length === 1 ? { picks: found[0]![0] } : {};
}
