// Reads a question into a frame (frame.ts): the entities it names and the part each plays, the
// attributes it asks about, and its kind. Long, chatty questions are read clause by clause: a clause
// that asks nothing ("요즘 딥시크 얘기가 하도 많아서 기사를 읽고 있는데요,") only sets the scene, so its
// names and words yield to those of the clause that asks.
import type { Entity } from '../facts/schema.ts';
import type { AttributeMention, EntityMention, EntityRole, Frame } from './frame.ts';
import { readKinds } from './question-kinds.ts';
import { readQuestion, type IsKnown, type ReadQuestion } from './read-question.ts';
import { lookupTerms, type TermHit } from './term-lookup.ts';
import { CHOSEONG_SIMILARITY, CLEAR_MATCH, GOOD_MATCH, FRAME_ATTRIBUTE_SIMILARITY, FRAME_ENTITY_SIMILARITY, FRAME_SPAN_FUZZY_SIMILARITY, PREFIX_SIMILARITY } from './tuning.ts';
import { toJamo } from './text.ts';
import type { Term, Vocabulary } from './vocabulary.ts';
import type { Word } from './question-words.ts';
import { cleanText } from './text.ts';
import { stripKoreanTail } from './korean-endings.ts';

// Where one clause ends and the next begins: a sentence's end, a line break, a colon, or a Korean
// connective ending followed by a comma ("...읽고 있는데요, ...", "...많아서, ...").
// "No. 1", "vs. China": an abbreviation's full stop ends no sentence.
const CLAUSE_BREAK = /(?<=[.?!。？！;:])(?<!\b(?:no|vs|approx|ca|mr|ms|dr|st|inc|co|corp|ltd|jr)\.)\s+|\n+|(?<=(?:데요?|던데|는데|지만|니까|아서|어서|해서|라서|고요|구요|건|요|죠|고|구|[가-힣]{2}과|[가-힣]{2}와),)\s*|(?<=\bso),\s*|(?<=[가-힣](?:었|았|였|졌|했|됐|겠)고)\s+|(?<=[가-힣]길래)\s+|(?<=(?:몇\s*(?:개|위|명|곳|살|년)|몇개|몇위|얼마|언제|어디|누구)(?:이)?고)\s+|,?\s+(?=(?:and|also|plus)\s+(?:(?:in|at|from|by|for|of|to|with)\s+)?(?:what|how|who|when|where|which|why|is|are|was|were|does|did|do|can)\b)|,\s*(?=(?:what|how) about\b)/;
// A tag question confirms what the asker already believes ("Moonshot is in Beijing, right?"): background.
const TAG_QUESTION = /(?:\bright|\bcorrect|\bisn't it|\bwasn't it|\bno|맞지|맞죠|맞나요|맞아|맞잖아|그렇지|그렇죠)\s*[?？]?\s*$/;
// A clause asks when it has a question mark, a question word or a request to tell.
const ASKS = /[?？]|알려|가르쳐|궁금|여쭤|여쭙|확인해|말해|찾아\s*줘|뭐|몇|얼마|언제|누구|누가|어디|어느|어떤|무슨|무엇|인가요|나요|까요|습니까|\b(?:tell me|let me know|wonder|want to know|need to know|could you|can you|would you|please|what|which|who|when|where|how|is it|are there|does|did)\b/;

// Korean words right after a name that take it out of focus: 말고, 외에 (besides), 처럼 (like), 보다 (than).
const KO_EXCLUDE_NEXT = /^(?:말고|말구|외에|외에도|외엔|이외|이외에|이외에도|제외|제외하고|제외한|빼고|빼면|말곤)$/;
const KO_COMPARE_NEXT = /^(?:대비|비해|비해서|비하면|비교해|비교하면|비교해서)$/;
const KO_EXCLUDE_TAIL = /(?:말고|외에도|외에|이외에|제외하고|빼고)$/;
const KO_COMPARE_TAIL = /(?:보다|보다는|보단|대비)$/;
const KO_CONTEXT_TAIL = /(?:처럼|같이|만큼|마냥)$/;
// English words right before a name that do the same.
const EN_EXCLUDE_BEFORE = /^(?:besides|except|excluding|beyond)$/;
const EN_EXCLUDE_PAIR = /^(?:other than|apart from|aside from|except for|not counting|outside of|instead of)$/;
const EN_COMPARE_BEFORE = /^(?:than|vs|versus|against|beat|beats|beating|outperform|outperforms|outperformed|surpass|surpasses|surpassed|rival|rivals|rivalled|rivaled|exceed|exceeds|exceeded|topped|over)$/;
const EN_COMPARE_PAIR = /^(?:compared to|compared with|relative to|next to|similar to|comparable to|on par|par with|as good|good as|similar with|same as|close to)$/;
const EN_CONTEXT_BEFORE = /^(?:like|unlike|after|before|since|following|amid|during)$/;
// After a name, Korean comparisons and times: "딥시크와 비슷한", "클로드를 능가한", "딥시크 나오고", "딥시크 이후".
const KO_COMPARE_AFTER = /^(?:비슷|유사|맞먹|버금|필적|능가|넘어|넘어선|넘어섰|앞선|앞서|이긴|이겼|뛰어넘)/;
const KO_COMPARE_PARTICLE = /(?:와|과|랑|이랑|하고|을|를)$/;
const KO_CONTEXT_NEXT = /^(?:이후|직후|다음|나오고|나온|나오자|공개된|공개되고|발표된|발표되고|출시된|등장|등장한|때문에|덕분에|이전|직전|출신|후|뒤)/;

// "그 회사", "거기", "그 사람", "it", "he", "that": the question refers back to something said before.
/**
 * "I meant SJTU", "칭화대 말한 건데": the asker points back at (and corrects) what was just asked. Not
 * "누가 말한 거야?" (who said it): after a question word, 말한 is saying, not meaning.
 */
export const I_MEANT = /(?<!(?:누가|누구|어디서|어디|언제|왜|뭐라고|어떻게)\s*)말한\s*(?:건데|거|거야|거예요|거임|거라)|\bi meant\b/;
const REFERS_BACK = new RegExp(String.raw`(?:^|\s)(?:그|이|저)\s*(?:회사|기업|곳|사람|분|대학|나라|모델|서비스|스타트업|기관|계획|자료|수치|숫자|프로젝트|학교|창업자|기사|순위)|(?:^|\s)(?:거기|그거|그게|그건|걔네|걔들|걔|쟤네|그들|그분|그쪽|저기|그때)(?:\s|$|[은는이가을를의에도서])|(?:^|\s)(?:그걸로|그거로|그것으로|그걸|그것을|그것은|그것이)(?:\s|$)|\b(?:it|its|it's|he|his|him|she|her|they|their|them|that|those|this one|there|the company|the firm|that company|this company|the guy|the same)\b|${I_MEANT.source}`);
// A word after something set aside: "네이처 말고", "2024년 대신".
const NOT_THIS_AFTER = /^(?:말고|말구|대신|아니고|아니라)$/;

// A clause that gives an example of what the one before asks: "For example, ...", "예를 들어 ...".
const FOR_EXAMPLE = /^(?:for example|for instance|e\.g\.|like|such as|say|예를 들(?:어|면)|예컨대|가령|이를테면)\b/;

// Verbs that take "us" as their object: "asked us", "tell us", "let us", "help us".
const VERB_BEFORE_US = /^(?:ask|asks|asked|tell|tells|told|give|gives|gave|let|lets|help|helps|helped|show|shows|showed|send|sent|teach|taught|want|wants|wanted|remind|reminded|brief|update|informed|inform)$/;
const DEMONSTRATIVE = /^(?:그|이|저|that|this|those|these)$/;
// An interjection may come first: "ㅇㅋ 그럼 …", "ok so what about …".
const FOLLOW_UP_START = /^(?:(?:ㅇㅋ|ㅇㅇ|오케이|ok|okay|아|음|네|응|알겠어|좋아)[,.!~]*\s+)?(?:(?:그럼|그러면|그렇다면|그리고|또|근데|그런데|그래서|and|what about|how about|and what about|ok and|same for|also|with|in|for|from|by|at|as of)\b|(?:그럼|그러면))|\b(?:who|what|which|where) else\b|\bany others?\b|말고\s*또|그\s*외에?|(?:또|다른)\s*(?:누가|어디|곳|회사)/;

/** Attributes whose words also say what kind of thing a name is ("AI 스타트업 문샷", "unicorn MiniMax", "model Kimi"). */
const CLASSIFIERS = new Set(['ai-startups', 'unicorns', 'model', 'founder', 'maker', 'identity', 'talent', 'ai-development']);
const EN_CLASSIFIER = /^(?:start-?ups?|unicorns?|models?|founder|company|firm|maker|developer|llm|chatbot|giant|university|institute)$/;
const CHAT_INITIALS = /^(?:ㄱㄱ|ㅇㅇ|ㅋ+|ㅎ+|ㄴㄴ|ㅇㅋ|ㅇㅎ|ㅎㅇ|ㅃㅇ|ㄱㄷ|ㅇㄴ|ㅊㅊ|ㄷㄷ|ㅂㅂ|ㅅㄱ|ㄳ|ㄱㅅ|ㅊㅋ|ㅈㅅ|ㅇㅈ|ㄹㅇ|ㅁㅊ|ㅠ+|ㅜ+|ㅗ+|ㄱㄱㄱ+)$/;
/** Entities whose kind names a place, a school, a company...: what makes a word a classifier before a name. */
/** Attributes whose words are also the noun of a kind of thing picked ("어느 기관", "which institution"). */
const KIND_NOUN_ATTRIBUTES = new Set(['affiliation']);

const NAMED_KINDS = new Set(['company', 'product', 'university', 'person', 'organisation']);

function allKnown(known: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i <= to; i++) if (!known[i]) return false;
  return true;
}

export interface FrameReaderDeps {
  vocab: Vocabulary;
  isKnown: IsKnown;
  entityById: Map<string, Entity>;
}

interface Clause {
  text: string;
  read: ReadQuestion;
  words: Word[];
  /** Position of the clause's first word in the whole question. */
  offset: number;
  asks: boolean;
}

export function readFrame(deps: FrameReaderDeps, text: string): Frame {
  const cleaned = cleanText(text);
  const clauses = splitClauses(deps, cleaned);
  const words = clauses.flatMap((c) => c.words);
  const anyAsks = clauses.some((c) => c.asks);
  const inQuestion = (position: number) => {
    if (!anyAsks) return true;
    const clause = clauses.find((c) => position >= c.offset && position < c.offset + c.words.length);
    return clause?.asks ?? true;
  };

  const entityCandidates: EntityMention[] = [];
  const attributeCandidates: AttributeMention[] = [];
  const explained = new Uint8Array(words.length);
  for (const clause of clauses) {
    // A clause that only sets the scene is read for names spelt right; typos are searched where it asks.
    const fuzzyHere = clause.asks || !anyAsks;
    // Words found as written (or filler): a run of only such words is looked up as written, not fuzzily;
    // a misspelt name over several words ("데이타 센타") has a word that is not found. (Patterns list
    // single words first, so each is known before the spans that hold it.)
    const known = new Uint8Array(clause.words.length);
    for (const p of clause.read.patterns) {
      const from = p.from + clause.offset;
      const to = p.to + clause.offset;
      const single = p.from === p.to;
      const word = clause.words[p.from]!;
      // ㄱㄱ, ㅇㅇ, ㅋㅋ are chat, not initials.
      if (p.mode === 'choseong' && CHAT_INITIALS.test(p.keys[0]!)) continue;
      const hits: TermHit[] =
        p.mode === 'choseong'
          ? (deps.vocab.byChoseong.get(p.keys[0]!) ?? []).map((term: Term) => ({ term, similarity: CHOSEONG_SIMILARITY }))
          : lookupTerms(deps.vocab, p.keys, single || p.spelled === true, fuzzyHere && (single ? !word.stop : p.spelled === true || !allKnown(known, p.from, p.to)));
      if (single && (word.stop || hits.some((h) => h.similarity === 1))) known[p.from] = 1;
      const named = (h: TermHit) => (h.term.entities.length > 0 && h.similarity >= FRAME_ENTITY_SIMILARITY) || (h.term.attributes.length > 0 && h.similarity >= FRAME_ATTRIBUTE_SIMILARITY);
      if (single && !word.stop && !hits.some(named)) {
        // The word as typed may be a misspelt name even when a stripped form of it is some other word
        // (우크라이니 is 우크라이나 misspelt, though 우크라 is a word of the article's text).
        if (fuzzyHere && p.keys.length > 1) hits.push(...lookupTerms(deps.vocab, [p.keys[0]!], true, true).filter((h) => h.term.entities.length + h.term.attributes.length > 0));
        if (/[가-힣]/.test(word.raw) && !hits.some(named)) hits.push(...prefixHits(deps, word));
      }
      for (const { term, similarity } of hits) {
        // A misspelt run of several words is too easily something else ("which place" is not "which paper").
        if (!single && !p.spelled && similarity < FRAME_SPAN_FUZZY_SIMILARITY) continue;
        if (term.facts.length > 0 && similarity >= FRAME_ATTRIBUTE_SIMILARITY) for (let i = from; i <= to; i++) explained[i] = 1;
        if (similarity >= FRAME_ENTITY_SIMILARITY) {
          // A name that is only a stop word ("us", "it") names nothing on its own.
          // Nor "us" after a verb ("my teacher asked us to find"): the pronoun, not the United States.
          const onlyStop = (single && word.stop && !/^[가-힣]{2,}$/.test(word.raw)) || (single && word.raw === 'us' && VERB_BEFORE_US.test(words[from - 1]?.raw ?? ''));
          if (!onlyStop) for (const id of term.entities) entityCandidates.push({ id, from, to, similarity, role: 'focus', inQuestion: inQuestion(from) });
        }
        if (similarity >= FRAME_ATTRIBUTE_SIMILARITY) {
          for (const id of term.attributes) attributeCandidates.push({ id, from, to, similarity, inQuestion: inQuestion(from) });
        }
      }
    }
  }

  // A word read exactly as an attribute is not also a misspelt name ("설립 연도" is not 인도).
  const exactAttributes = bestMentions(attributeCandidates).filter((a) => a.similarity === 1);
  const entities = bestMentions(entityCandidates.filter((e) => e.similarity === 1 || !exactAttributes.some((a) => a.from <= e.to && e.from <= a.to)));
  let attributes = bestMentions(attributeCandidates).filter((a) => !isClassifier(a, entities, words, deps.entityById));
  // A near match (a stem, one letter off) yields to clear ones: "예정액" is not "예전" when "정책금융" is exact.
  if (attributes.some((a) => a.similarity >= CLEAR_MATCH)) attributes = attributes.filter((a) => a.similarity >= GOOD_MATCH || attributes.every((b) => b.id === a.id || b.from !== a.from));
  // "네이처 말고 AI 논문 저자수 순위", "not the Nature Index, the paper ranking": what is set aside is not asked,
  // when something else is.
  const isSetAside = (m: { from: number; to: number }) => words[m.from - 1]?.raw === 'not' || NOT_THIS_AFTER.test(words[m.to + 1]?.raw ?? '');
  const setAside = attributes.filter(isSetAside);
  if (setAside.length > 0 && attributes.some((a) => !setAside.includes(a) && !setAside.some((b) => b.id === a.id))) attributes = attributes.filter((a) => !setAside.some((b) => b.id === a.id));
  // "트럼프가 발표한 스타게이트", "the initiative which Trump unveiled": a verb that describes a name is not what is asked.
  const modifiers = attributes.filter((a) => isModifier(a, entities, words));
  if (modifiers.length < attributes.length) attributes = attributes.filter((a) => !modifiers.includes(a));
  // "I meant Shanghai Jiao Tong, not Tsinghua": a name set aside beside another of its kind is not asked.
  const kindOf = (e: EntityMention) => deps.entityById.get(e.id)?.kind;
  const asideNames = entities.filter(isSetAside);
  const keptNames = entities.filter((e) => !asideNames.includes(e));
  if (asideNames.length > 0 && asideNames.every((a) => keptNames.some((k) => kindOf(k) === kindOf(a) && k.id !== a.id))) entities.splice(0, entities.length, ...keptNames);
  // "그 기사" after an answer credited to Nikkei is Nikkei's article, not this one.
  const pointed = entities.filter((e) => deps.entityById.get(e.id)?.kind === 'article' && /^(?:그|저|that|those)$/.test(words[e.from - 1]?.raw ?? ''));
  if (pointed.length > 0) entities.splice(0, entities.length, ...entities.filter((e) => !pointed.includes(e)));
  // "the Chinese government", "미국 정부": another country's institution, not the one of that name the
  // article speaks of (정부 is Korea's government); the country is what is named.
  const anothersInstitution = entities.filter((e) => {
    const country = deps.entityById.get(e.id)?.country;
    return country !== undefined && entities.some((c) => c.to === e.from - 1 && c.id !== country && deps.entityById.get(c.id)?.kind === 'country');
  });
  if (anothersInstitution.length > 0) entities.splice(0, entities.length, ...entities.filter((e) => !anothersInstitution.includes(e)));
  for (const e of entities) {
    e.role = roleOf(e, words);
    for (let i = e.from; i <= e.to; i++) explained[i] = 1;
  }
  for (const a of attributes) for (let i = a.from; i <= a.to; i++) explained[i] = 1;

  let kinds = readKinds(kindText(text));
  // "칭화대가 2위라던데, 그럼 1위는 어느 기관?": the place asked is the asking clause's, not the scene's.
  if (anyAsks && clauses.some((c) => !c.asks) && kinds.ordinals.length > 0) {
    const asked = readKinds(kindText(clauses.filter((c) => c.asks).map((c) => c.text).join(' '))).ordinals;
    if (asked.length > 0) kinds = { ...kinds, ordinals: asked, ordinal: asked[0]! };
  }
  // "1위는 어느 기관?", "which institution was 1st": 기관 names the kind of thing picked, not an affiliation.
  if (kinds.picks && (kinds.aggregates.has('nth') || kinds.aggregates.has('most') || kinds.aggregates.has('least'))) {
    attributes = attributes.filter((a) => !KIND_NOUN_ATTRIBUTES.has(a.id));
  }
  // Words nothing explained, in the clauses that ask: what may be asked that the lexicon does not know.
  const unexplained = words.filter((w, i) => !explained[i] && !w.stop && !w.numeric && inQuestion(i)).map((w) => w.raw);
  const first = words[0]?.raw ?? '';
  const unknownName = unknownNameBefore(text, words, explained, entities, attributes);
  return {
    cleaned,
    entities,
    attributes,
    kinds,
    years: [...cleaned.matchAll(/\b(20[0-3]\d)\b|(20[0-3]\d)\s*년/g)].map((m) => Number(m[1] ?? m[2])),
    refersBack: REFERS_BACK.test(cleaned) || pointed.length > 0,
    pointedAttributes: attributes.filter((a) => DEMONSTRATIVE.test(words[a.from - 1]?.raw ?? '')).map((a) => a.from),
    followUpShape: FOLLOW_UP_START.test(cleaned) || (words.length <= 2 && /[은는요]$|^(?:and|what|how)$/.test(words.at(-1)?.raw ?? first)),
    unexplained,
    ...(unknownName ? { unknownName } : {}),
    empty: words.length === 0,
    clauses: clauses.map((c) => ({ from: c.offset, to: c.offset + c.words.length - 1, asks: c.asks, text: c.text })),
  };
}

// Between a name and what is asked of it: "Vyvy AI 투자액", "Zedqe Labs' funding".
const NAME_SUFFIX = /^(?:ai|ai의|ai's|labs?|inc|corp|co|ltd|tech|technologies|group|대학|대학교|그룹|랩스?)$/;
// Korean modifiers and adverbs end this way ("정확한", "최근에", "빨리"); the made-up names the bench
// asks about and real company names seldom do, and a refusal for "정확한 투자액" would be wrong.
// Words for kinds of things, not names: "어느 학교 출신이야?" asks of someone talked about, names no one.
const KO_COMMON_NOUN = /^(?:학교|대학|대학교|회사|기업|업체|나라|국가|사람|기관|단체|모델|서비스|원래|처음|거기|여기)$/;
const KO_NOT_A_NAME = /(?:한|된|인|던|는|은|을|를|운|적인|게|히|에|에서|까지|부터|로|으로|도|만)$/;

/**
 * The word in the name's place before the first asked attribute, when nothing explains it and no known
 * name is asked: Korean as typed, English only when capitalised mid-sentence as names are.
 */
function unknownNameBefore(text: string, words: Word[], explained: Uint8Array, entities: EntityMention[], attributes: AttributeMention[]): string | undefined {
  if (entities.some((e) => e.inQuestion && e.role === 'focus')) return undefined;
  const asked = attributes.filter((a) => a.inQuestion).sort((a, b) => a.from - b.from)[0];
  if (!asked) return undefined;
  let at = asked.from - 1;
  if (at >= 0 && NAME_SUFFIX.test(words[at]!.raw)) at--;
  const word = words[at];
  if (!word || explained[at] || word.stop || word.numeric) return undefined;
  const raw = word.raw.replace(/(?:'s|'|의)$/, '');
  if (/[가-힣]/.test(raw)) return raw.length >= 2 && !KO_NOT_A_NAME.test(raw) && !KO_COMMON_NOUN.test(raw) ? raw : undefined;
  if (!/^[a-z][a-z0-9-]*$/.test(raw) || at === 0) return undefined;
  const capitalised = new RegExp(`(?<![A-Za-z])${raw[0]!.toUpperCase()}${raw.slice(1)}(?![a-z])`);
  return capitalised.test(text) ? raw : undefined;
}

/** The part of a frame one clause holds, with that clause's own kind: one part of a two-part question. */
export function clauseFrame(frame: Frame, index: number): Frame {
  const clause = frame.clauses[index]!;
  const inside = (m: { from: number }) => m.from >= clause.from && m.from <= clause.to;
  return {
    ...frame,
    cleaned: clause.text,
    entities: frame.entities.filter(inside).map((e) => ({ ...e, inQuestion: true })),
    attributes: frame.attributes.filter(inside).map((a) => ({ ...a, inQuestion: true })),
    kinds: readKinds(kindText(clause.text)),
    refersBack: REFERS_BACK.test(clause.text),
    followUpShape: FOLLOW_UP_START.test(clause.text) || clause.to - clause.from <= 1,
    clauses: [clause],
  };
}

/** The question's clauses, each with its words; the words are what readQuestion would make of them. */
function splitClauses(deps: FrameReaderDeps, cleaned: string): Clause[] {
  const out: Clause[] = [];
  let offset = 0;
  for (const part of cleaned.split(CLAUSE_BREAK)) {
    if (!part || !part.trim()) continue;
    const read = readQuestion(part, deps.isKnown, true);
    const words = read.words;
    if (words.length === 0) continue;
    // "For example, any government committee roles?" only illustrates the question before it.
    const example = out.some((c) => c.asks) && FOR_EXAMPLE.test(part);
    out.push({ text: part, read, words, offset, asks: ASKS.test(part) && !TAG_QUESTION.test(part) && !example });
    offset += words.length;
  }
  // "기자의 이름과, 곽대종 씨의 소속을 알려주세요": a part ending in "과," / "와," shares the verb after it.
  for (let i = out.length - 2; i >= 0; i--) if (!out[i]!.asks && out[i + 1]!.asks && /[가-힣][과와],\s*$/.test(out[i]!.text)) out[i]!.asks = true;
  return out;
}

/**
 * Overlapping mentions keep the better one: a longer span first (중국과학원대 over 중국), then the closer
 * match. Mentions of one id keep each place they occur (a name said twice is still one entity).
 */
function bestMentions<T extends { id: string; from: number; to: number; similarity: number }>(candidates: T[]): T[] {
  // Good matches before poor ones ("nature index" over a two-letters-off "in nature index"), then longer
  // ("policy finanse" over "policy"), then closer.
  const good = (m: T) => Number(m.similarity >= GOOD_MATCH);
  const sorted = [...candidates].sort((a, b) => good(b) - good(a) || b.to - b.from - (a.to - a.from) || b.similarity - a.similarity || a.from - b.from);
  const kept: T[] = [];
  for (const c of sorted) {
    const overlapping = kept.filter((k) => k.from <= c.to && c.from <= k.to);
    // The same span may name several things only when they are equally good ("네이처" is the index and its ranking).
    if (overlapping.some((k) => k.from !== c.from || k.to !== c.to || k.similarity > c.similarity)) continue;
    if (overlapping.some((k) => k.id === c.id)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.from - b.from);
}

/** The part a name plays, from the words around it. */
function roleOf(e: EntityMention, words: Word[]): EntityRole {
  const last = words[e.to]!;
  const next = words[e.to + 1]?.raw ?? '';
  const before = words[e.from - 1]?.raw ?? '';
  const pair = `${words[e.from - 2]?.raw ?? ''} ${before}`;
  if (KO_EXCLUDE_TAIL.test(last.raw) || KO_EXCLUDE_NEXT.test(next) || EN_EXCLUDE_BEFORE.test(before) || EN_EXCLUDE_PAIR.test(pair)) return 'excluded';
  if (KO_COMPARE_TAIL.test(last.raw) || KO_COMPARE_NEXT.test(next) || EN_COMPARE_BEFORE.test(before) || EN_COMPARE_PAIR.test(pair)) return 'compared';
  // "similar performance with DeepSeek", "comparable in reasoning to o1": the yardstick.
  const window = words.slice(Math.max(0, e.from - 5), e.from).map((w) => w.raw).join(' ');
  if (/\b(?:similar|comparable|par|compete|competing|close|equal|equivalent|rival|better|worse|superior|inferior)\b.*\b(?:with|to|as|than)$/.test(window)) return 'compared';
  // "딥시크와 비슷한 성능", "클로드 3.5 소넷을 능가한": the yardstick, not the subject.
  if (KO_COMPARE_PARTICLE.test(last.raw) && last.raw !== last.forms[last.forms.length - 1] && KO_COMPARE_AFTER.test(next)) return 'compared';
  // "딥시크 공개 후": an event of the name, as a point in time.
  const eventThen = /^(?:공개|발표|출시|등장)/.test(next) && /^(?:후|뒤|이후|직후|다음|전|이전)/.test(words[e.to + 2]?.raw ?? '');
  if (KO_CONTEXT_TAIL.test(last.raw) || EN_CONTEXT_BEFORE.test(before) || KO_CONTEXT_NEXT.test(next) || eventThen) return 'context';
  return 'focus';
}

/**
 * "AI 스타트업 문샷", "startup Moonshot", "창업자 양즈린의 나이": a bare word right before a name says what
 * the name is, not what is asked about it.
 */
function isClassifier(a: AttributeMention, entities: EntityMention[], words: Word[], entityById: Map<string, Entity>): boolean {
  const named = entities.find((e) => e.from === a.to + 1);
  if (!named || !NAMED_KINDS.has(entityById.get(named.id)?.kind ?? '') || !CLASSIFIERS.has(a.id)) return false;
  const last = words[a.to]!;
  // Korean: the word carries no particle (스타트업 문샷, not 스타트업은 문샷). English: a kind noun right
  // before the name ("startup Moonshot"), not a verb ("who founded DeepSeek").
  if (/[가-힣]/.test(last.raw)) return stripKoreanTail(last.raw) === last.raw;
  return a.from === a.to && EN_CLASSIFIER.test(last.raw);
}

/** Attributes whose English words are verbs of an event, which a relative clause can use to describe a name. */
const EVENT_VERBS = new Set(['release', 'release-date', 'founded', 'investors', 'funding', 'announcer', 'cost', 'investment']);

/**
 * Korean: a verb in its adnominal form (발표한, 세운, 만든) right before a name or another asked word.
 * English: a word in a relative clause after a name ("Stargate, which Trump unveiled").
 */
function isModifier(a: AttributeMention, entities: EntityMention[], words: Word[]): boolean {
  const last = words[a.to]!;
  // Only before a name: "문샷에 투자한 대기업" asks who invested (the verb is the question), "트럼프가 발표한
  // 스타게이트" names Stargate by what Trump did.
  const nextIsName = entities.some((e) => e.from === a.to + 1);
  if (nextIsName && /[가-힣]{2,}$/.test(last.raw) && /(?:한|된|던|운|든|낸|진|는)$/.test(last.raw)) return true;
  // Only verbs of an event (unveiled, founded, invested): "Alibaba, which other tech giants" asks about giants.
  if (!EVENT_VERBS.has(a.id)) return false;
  for (let i = a.from - 1; i >= Math.max(0, a.from - 4); i--) {
    const w = words[i]!.raw;
    if (/^(?:which|that|who|whom)$/.test(w)) return entities.some((e) => e.to === i - 1 || e.to === i - 2);
  }
  return false;
}

/**
 * Vocabulary words a Korean word starts with ("키우겠다고" starts with 키우; "조달했나요" with 조달), also
 * where a verb's ending has merged into its last syllable ("키운다는" is 키우 + ㄴ다는).
 */
function prefixHits(deps: FrameReaderDeps, word: Word): TermHit[] {
  for (let n = word.raw.length - 1; n >= 2; n--) {
    const head = toJamo(word.raw.slice(0, n));
    for (const key of [head, withoutFinalConsonant(word.raw.slice(0, n))]) {
      const term = key ? deps.vocab.byKey.get(key) : undefined;
      if (term && (term.attributes.length > 0 || term.entities.length > 0)) return [{ term, similarity: PREFIX_SIMILARITY }];
    }
  }
  return [];
}

/** The jamo of a Hangul run with its last syllable's final consonant taken off (키운 -> 키우), or '' when it has none. */
function withoutFinalConsonant(syllables: string): string {
  const last = syllables.charCodeAt(syllables.length - 1) - 0xac00;
  if (last < 0 || last > 11171 || last % 28 === 0) return '';
  return toJamo(syllables.slice(0, -1) + String.fromCharCode(0xac00 + last - (last % 28)));
}

/** The text question kinds are read from: lower case, spaces collapsed, ordinals kept (3rd, 10th). */
function kindText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/<[@#!][^>\s]{0,80}>/g, ' ').replace(/(\d),(?=\d{3})/g, '$1').replace(/\s+/g, ' ').trim();
}
