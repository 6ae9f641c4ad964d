// The questions `npm run bench` asks, by kind, each with what a right reply is. A bot is judged by the
// questions people really send, not by a fact's own example question, so besides those (exact) there
// are paraphrases, one-jamo typos in a name (unambiguous: no other name is within one jamo of the typo;
// ambiguous: another name is), English, questions about the right entity but something the facts do
// not hold (out of scope), chit-chat, and names that are not in the fact base (unknown names).
// For a synthetic base (synthetic-facts.ts) every kind is generated from it; for the article, the
// labelled question set (tests/questions/questions.jsonl) gives the paraphrases, typos, English and
// out-of-scope questions, and the facts' own example questions the exact ones.
import { assemble, disassemble } from 'es-hangul';
import type { SyntheticBase } from './synthetic-facts.ts';
import { MEASURES } from './synthetic-facts.ts';

export const KINDS = ['exact', 'paraphrase', 'typo-unambiguous', 'typo-ambiguous', 'english', 'out-of-scope', 'chit-chat', 'unknown-name'] as const;
export type Kind = (typeof KINDS)[number];

/** What a right reply to a question is. */
export type Expect =
  /** Answered with this fact (synthetic bases: each fact has an id). */
  | { fact: string }
  /** Answered, and the text holds one alternative of every group (the labelled set's rule). */
  | { figures: string[][] }
  /** Answered with a fact that lists this question among its own examples. */
  | { ownExample: true }
  /** Not answered: the bot says the article does not say. */
  | { refuse: true };

export interface BenchQuestion {
  kind: Kind;
  text: string;
  expect: Expect;
}

/** Small talk a chat user sends; the bot must not answer it with a figure. */
export const CHIT_CHAT = [
  '고마워',
  '고마워요!',
  '감사합니다',
  '안녕',
  '안녕하세요',
  '반가워요',
  'ㅋㅋㅋ',
  'ㅎㅎ',
  '뭐해?',
  '좋은 아침',
  '잘 자',
  '수고했어',
  '배고파',
  '사랑해',
  '응',
  '아니',
  'thanks!',
  'thank you',
  'hello there',
  'hi',
  'good morning',
  'lol',
  'how are you?',
  'ok cool',
  'bye',
];

/** Syllables no synthetic name uses: names built from them are several jamo away from every known name. */
const FOREIGN_SYLLABLES = '뱌뵤퓨햐쳐껴뛰쀼뜌꺄쨔쌰퍄챠뀨튜'.split('');
const FOREIGN_LATIN = ['zu', 'qe', 'vy', 'xo', 'wix', 'quo', 'zed', 'yak'];

/** A deterministic pseudo-random generator, so every run asks the same questions. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export interface KindOptions {
  /** Questions per kind (fewer when the base has fewer facts or names to draw from). */
  perKind: number;
  seed?: number;
}

/** Every kind of question for a synthetic base. */
export function syntheticQuestions(base: SyntheticBase, { perKind, seed = 7 }: KindOptions): BenchQuestion[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const out: BenchQuestion[] = [];
  const facts = base.facts;
  const entityById = new Map(base.entities.map((e) => [e.id, e]));
  const measureOf = (i: number) => base.measureOf[i]!;
  const sample = (n: number) => Array.from({ length: Math.min(n, facts.length) }, () => Math.floor(rnd() * facts.length));

  for (const i of sample(perKind)) {
    const f = facts[i]!;
    out.push({ kind: 'exact', text: rnd() < 0.5 ? f.questions.ko[0]! : f.questions.en[0]!, expect: { fact: f.id } });
  }
  for (const i of sample(perKind)) {
    const f = facts[i]!;
    const m = MEASURES[measureOf(i)]!;
    const name = entityById.get(f.entities[0]!)!.names.ko[0]!;
    const phrasings = [`${name} ${m.ko[1]} 알려줄래?`, `${name}의 ${m.ko[0]} 좀 알려줘`, `${name} ${m.ko[0]} 궁금해`, `혹시 ${name} ${m.ko[1]} 얼마인지 알아?`];
    out.push({ kind: 'paraphrase', text: pick(phrasings), expect: { fact: f.id } });
  }
  for (const i of sample(perKind)) {
    const f = facts[i]!;
    const m = MEASURES[measureOf(i)]!;
    const name = entityById.get(f.entities[0]!)!.names.en[0]!;
    const phrasings = [`What is the ${m.en[0]} of ${name}?`, `Tell me ${name}'s ${m.en[1]}`, `${name} ${m.en[1]}?`, `Do you know the ${m.en[1]} of ${name}?`];
    out.push({ kind: 'english', text: pick(phrasings), expect: { fact: f.id } });
  }

  // One jamo changed in the name; ambiguous when another name is within one jamo of the typo.
  const near = jamoNeighbours(base.entities.map((e) => ({ id: e.id, name: e.names.ko[0]! })));
  const typos = { 'typo-unambiguous': 0, 'typo-ambiguous': 0 };
  for (let tries = 0; tries < perKind * 40 && (typos['typo-unambiguous'] < perKind || typos['typo-ambiguous'] < perKind); tries++) {
    const i = Math.floor(rnd() * facts.length);
    const f = facts[i]!;
    const entity = entityById.get(f.entities[0]!)!;
    const typo = oneJamoTypo(entity.names.ko[0]!, rnd);
    if (!typo) continue;
    const kind = near(typo, entity.id) ? 'typo-ambiguous' : 'typo-unambiguous';
    if (typos[kind] >= perKind) continue;
    typos[kind] += 1;
    const m = MEASURES[measureOf(i)]!;
    out.push({ kind, text: `${typo}${m.qko}`, expect: { fact: f.id } });
  }

  for (const i of sample(perKind)) {
    const f = facts[i]!;
    const entity = entityById.get(f.entities[0]!)!;
    const questions = [`${entity.names.ko[0]}의 주가는 얼마야?`, `${entity.names.ko[0]} 본사는 어디에 있어?`, `${entity.names.ko[0]} 대표 이름이 뭐야?`, `What is ${entity.names.en[0]}'s stock price?`, `Where is ${entity.names.en[0]} headquartered?`];
    out.push({ kind: 'out-of-scope', text: pick(questions), expect: { refuse: true } });
  }
  for (const text of CHIT_CHAT.slice(0, Math.max(perKind, 1))) out.push({ kind: 'chit-chat', text, expect: { refuse: true } });
  for (let n = 0; n < perKind; n++) {
    const m = pick(MEASURES);
    const ko = pick(FOREIGN_SYLLABLES) + pick(FOREIGN_SYLLABLES) + pick(FOREIGN_SYLLABLES);
    const en = (pick(FOREIGN_LATIN) + pick(FOREIGN_LATIN) + pick(FOREIGN_LATIN)).replace(/^./, (c) => c.toUpperCase());
    out.push({ kind: 'unknown-name', text: rnd() < 0.5 ? `${ko}${m.qko}` : `What is ${en}'s ${m.en[0]}?`, expect: { refuse: true } });
  }
  return shuffle(out, rnd);
}

export interface LabelledItem {
  cat: string;
  q: string;
  expect?: string[][];
  abstain?: true;
}

/** The kind a labelled question's category belongs to (undefined: not part of the bench's kinds). */
const LABELLED_KIND: Record<string, Kind> = {
  ko: 'paraphrase',
  'ko-colloquial': 'paraphrase',
  'ko-spacing': 'paraphrase',
  chosung: 'paraphrase',
  qwerty: 'paraphrase',
  mixed: 'paraphrase',
  compute: 'paraphrase',
  // The set's Korean typos are not split by ambiguity: all count as unambiguous (the names they
  // misspell have no neighbour within one jamo among the article's entities).
  'ko-typo': 'typo-unambiguous',
  en: 'english',
  'en-typo': 'english',
  oos: 'out-of-scope',
  'oos-near': 'out-of-scope',
};

/** The article's kinds: its facts' own example questions, the labelled set, chit-chat and unknown names. */
export function articleQuestions(examples: string[], labelled: LabelledItem[], measureWords: string[], seed = 11): BenchQuestion[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const out: BenchQuestion[] = examples.map((text) => ({ kind: 'exact' as const, text, expect: { ownExample: true as const } }));
  for (const item of labelled) {
    const kind = LABELLED_KIND[item.cat];
    if (!kind) continue;
    out.push({ kind, text: item.q, expect: item.abstain ? { refuse: true } : { figures: item.expect ?? [] } });
  }
  for (const text of CHIT_CHAT) out.push({ kind: 'chit-chat', text, expect: { refuse: true } });
  for (let n = 0; n < 25; n++) {
    const ko = pick(FOREIGN_SYLLABLES) + pick(FOREIGN_SYLLABLES) + pick(FOREIGN_SYLLABLES);
    const en = (pick(FOREIGN_LATIN) + pick(FOREIGN_LATIN)).replace(/^./, (c) => c.toUpperCase());
    const word = pick(measureWords);
    out.push({ kind: 'unknown-name', text: rnd() < 0.5 ? `${ko} ${word} 알려줘` : `What about ${en} AI ${word}?`, expect: { refuse: true } });
  }
  return shuffle(out, rnd);
}

const VOWEL_SWAP: Record<string, string> = { ㅏ: 'ㅓ', ㅓ: 'ㅏ', ㅗ: 'ㅜ', ㅜ: 'ㅗ', ㅣ: 'ㅔ', ㅔ: 'ㅐ', ㅐ: 'ㅔ', ㅡ: 'ㅜ', ㅑ: 'ㅕ', ㅕ: 'ㅑ' };
const CONSONANT_SWAP: Record<string, string> = { ㄱ: 'ㅋ', ㅋ: 'ㄱ', ㄷ: 'ㅌ', ㅌ: 'ㄷ', ㅂ: 'ㅍ', ㅍ: 'ㅂ', ㅈ: 'ㅊ', ㅊ: 'ㅈ', ㅅ: 'ㅆ', ㄴ: 'ㄹ', ㄹ: 'ㄴ', ㅁ: 'ㄴ', ㅎ: 'ㅇ', ㅇ: 'ㅎ' };

/** The name with one jamo changed (a vowel or initial consonant swapped for a near one), or undefined. */
export function oneJamoTypo(name: string, rnd: () => number): string | undefined {
  const syllables = [...name];
  const at = Math.floor(rnd() * syllables.length);
  const jamo = [...disassemble(syllables[at]!)];
  const useVowel = rnd() < 0.5;
  const index = useVowel ? 1 : 0;
  const swap = (useVowel ? VOWEL_SWAP : CONSONANT_SWAP)[jamo[index] ?? ''];
  if (!swap || jamo.length > 3) return undefined;
  jamo[index] = swap;
  syllables[at] = assemble(jamo);
  const typo = syllables.join('');
  return typo !== name && [...typo].length === syllables.length ? typo : undefined;
}

/**
 * A test for "is another name within one jamo of this text?": each name's jamo string is indexed by its
 * one-jamo wildcards (substitutions) and its one-jamo deletions (insertions and deletions).
 */
export function jamoNeighbours(names: Array<{ id: string; name: string }>): (text: string, except: string) => boolean {
  const wild = new Map<string, Set<string>>();
  const exact = new Map<string, Set<string>>();
  const deleted = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, id: string) => {
    let ids = map.get(key);
    if (!ids) map.set(key, (ids = new Set()));
    ids.add(id);
  };
  for (const { id, name } of names) {
    const s = disassemble(name);
    add(exact, s, id);
    for (let i = 0; i < s.length; i++) {
      add(wild, s.slice(0, i) + '\u0000' + s.slice(i + 1), id);
      add(deleted, s.slice(0, i) + s.slice(i + 1), id);
    }
  }
  const other = (ids: Set<string> | undefined, except: string) => Boolean(ids && [...ids].some((id) => id !== except));
  return (text, except) => {
    const t = disassemble(text);
    if (other(exact.get(t), except) || other(deleted.get(t), except)) return true;
    for (let i = 0; i < t.length; i++) {
      if (other(wild.get(t.slice(0, i) + '\u0000' + t.slice(i + 1)), except)) return true;
      if (other(exact.get(t.slice(0, i) + t.slice(i + 1)), except)) return true;
    }
    return false;
  };
}

function shuffle<T>(list: T[], rnd: () => number): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}
