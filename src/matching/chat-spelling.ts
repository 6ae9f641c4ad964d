// English as it is typed in chat: "hw mch", "wat", "wich", "teh", "abt", "govt". These are the function
// words a question's kind is read from ("how much", "which"), so they are written out before anything
// else reads the question. Content words are left to the fuzzy lookup (term-lookup.ts) and to how they
// sound (sounds-like.ts); this list is closed-class words and common chat abbreviations only.
const CHAT_SPELLING: Record<string, string> = {
  hw: 'how',
  hww: 'how',
  mch: 'much',
  muc: 'much',
  wat: 'what',
  wut: 'what',
  wht: 'what',
  whta: 'what',
  waht: 'what',
  whats: "what's",
  wats: "what's",
  wich: 'which',
  whcih: 'which',
  whihc: 'which',
  wch: 'which',
  whos: "who's",
  hows: "how's",
  wheres: "where's",
  whens: "when's",
  wen: 'when',
  whn: 'when',
  wher: 'where',
  teh: 'the',
  hte: 'the',
  tht: 'that',
  taht: 'that',
  abt: 'about',
  bout: 'about',
  u: 'you',
  r: 'are',
  ur: 'your',
  yr: 'year',
  yrs: 'years',
  pls: 'please',
  plz: 'please',
  govt: 'government',
  gov: 'government',
  univ: 'university',
  uni: 'university',
  unis: 'universities',
  approx: 'approximately',
  bn: 'billion',
  mn: 'million',
  mil: 'million',
  thx: 'thanks',
  ty: 'thanks',
  bc: 'because',
  cuz: 'because',
  b4: 'before',
  rn: 'now',
  im: "i'm",
  dont: "don't",
  didnt: "didn't",
  doesnt: "doesn't",
  isnt: "isn't",
  wasnt: "wasn't",
  frm: 'from',
  fr: 'from',
  w: 'with',
  wrt: 'about',
  tho: 'though',
  thru: 'through',
  ppl: 'people',
  hv: 'have',
  hav: 'have',
  dat: 'that',
  dis: 'this',
  ths: 'this',
  nd: 'and',
  n: 'and',
  mny: 'many',
  meny: 'many',
  manny: 'many',
  mutch: 'much',
  muhc: 'much',
  hwo: 'how',
  whem: 'when',
  // Misspelt words a question's kind is read from ("toped" is topped, "higest" highest).
  toped: 'topped',
  topd: 'topped',
  frist: 'first',
  fisrt: 'first',
  secnd: 'second',
  scond: 'second',
  higest: 'highest',
  highst: 'highest',
  hihgest: 'highest',
  lowst: 'lowest',
  lowets: 'lowest',
  mosst: 'most',
  biggst: 'biggest',
  bigest: 'biggest',
  largst: 'largest',
  fewst: 'fewest',
  rnak: 'rank',
  rnaked: 'ranked',
  rankd: 'ranked',
  clmbed: 'climbed',
  climed: 'climbed',
  droped: 'dropped',
  avrage: 'average',
  averge: 'average',
  totl: 'total',
  percnt: 'percent',
  mfg: 'manufacturing',
  mnfg: 'manufacturing',
};

const LATIN_TOKEN = /[A-Za-z][A-Za-z']*/g;
// Chat spellings that are units of the number they follow.
const NUMBER_UNITS = new Set(['bn', 'mn', 'mil', 'yr', 'yrs']);

// Korean two-country abbreviations: 미중 is the US and China, 한중 Korea and China.
const COUNTRY_PAIRS: Record<string, string> = { 미중: '미국 중국', 중미: '중국 미국', 한중: '한국 중국', 한미: '한국 미국', 한중일: '한국 중국 일본', 미·중: '미국 중국', 한·중: '한국 중국' };
const COUNTRY_PAIR = /(?<![가-힣])(미·중|한·중|한중일|미중|중미|한중|한미)(?=[은는이가을를의에과와도]?(?![가-힣]))/g;

/**
 * The question with chat spellings of English function words written out ("hw mch" -> "how much").
 * Only words typed in lower case (or capitalised at a sentence's start): "U.S." and "R&D" stay as written.
 */
export function normaliseChatSpelling(text: string): string {
  return text.replace(COUNTRY_PAIR, (pair) => COUNTRY_PAIRS[pair] ?? pair).replace(LATIN_TOKEN, (word, at: number) => {
    const lower = word.toLowerCase();
    const replacement = CHAT_SPELLING[lower];
    if (!replacement) return word;
    const capitalised = word === word[0]!.toUpperCase() + lower.slice(1) && word.length > 1;
    if (word !== lower && !capitalised) return word;
    // A single letter is chat only between spaces ("r u sure"), not in "U.S." or "o1".
    if (word.length === 1 && !/^\s?$/.test(text[at + 1] ?? '')) return word;
    // Letters glued to a number are its suffix ("2nd", "3n"), except a unit ("1.5bn", "20mn").
    if (/\d/.test(text[at - 1] ?? '') && !NUMBER_UNITS.has(lower)) return word;
    return replacement;
  });
}
