// Synthetic bilingual fact bases for the benchmark: N facts about made-up companies, each with Korean
// and English keywords, example questions and a figure, shaped like the real ones.
import type { KnownFact } from '../facts/knowledge.ts';
import type { Entity } from '../facts/schema.ts';

const SYLLABLES = '가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허고노도로모보소오조초코토포호구누두루무부수우주추쿠투푸후기니디리미비시이지치키티피히'.split('');
const LATIN = ['ka', 'na', 'da', 'ra', 'ma', 'ba', 'sa', 'ja', 'cha', 'ta', 'pa', 'ha', 'go', 'no', 'do', 'ro', 'mo', 'bo', 'so', 'jo', 'ki', 'ni', 'ri', 'mi'];
export const MEASURES = [
  { attribute: 'valuation', ko: ['기업가치', '몸값'], en: ['valuation', 'worth'], qko: '의 기업가치는 얼마야?', qen: ' valuation', unitKo: '억달러', unitEn: ' billion dollars' },
  { attribute: 'founded', ko: ['설립', '창업'], en: ['founded', 'founding year'], qko: '는 언제 설립됐어?', qen: ' founding year', unitKo: '년', unitEn: '' },
  { attribute: 'staff-count', ko: ['직원 수', '인력'], en: ['employees', 'staff'], qko: ' 직원 수는?', qen: ' number of employees', unitKo: '명', unitEn: ' people' },
  { attribute: 'data-centres', ko: ['데이터센터', '데이터 센터'], en: ['data centers', 'data centres'], qko: ' 데이터센터는 몇 개야?', qen: ' data center count', unitKo: '개소', unitEn: '' },
  { attribute: 'gpus', ko: ['GPU 보유량', 'GPU'], en: ['GPUs', 'GPU count'], qko: ' GPU 몇 개 있어?', qen: ' GPU count', unitKo: '개', unitEn: ' GPUs' },
];

/** A deterministic pseudo-random generator, so every run benchmarks the same fact base. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export interface SyntheticBase {
  facts: KnownFact[];
  entities: Entity[];
  /** For each fact (by index), the index of its measure in MEASURES. */
  measureOf: number[];
}

export function syntheticBase(size: number, seed = 42): SyntheticBase {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const companies = Math.max(1, Math.ceil(size / MEASURES.length));
  const entities: Entity[] = [];
  const names = new Set<string>();
  for (let i = 0; entities.length < companies; i++) {
    const ko = pick(SYLLABLES) + pick(SYLLABLES) + pick(SYLLABLES) + (i % 3 === 0 ? pick(SYLLABLES) : '');
    if (names.has(ko)) continue;
    names.add(ko);
    const en = (pick(LATIN) + pick(LATIN) + pick(LATIN)).replace(/^./, (c) => c.toUpperCase()) + entities.length;
    entities.push({ id: `company-${entities.length}`, kind: 'company', names: { ko: [ko], en: [en] } });
  }
  const article = {
    id: 'synthetic',
    outlet: { ko: '합성', en: 'Synthetic' },
    date: '2025-01-01',
    title: { ko: '합성 기사', en: 'Synthetic article' },
    writer: { ko: '벤치', en: 'Bench' },
    editor: { ko: '벤치', en: 'Bench' },
    text: 'synthetic.txt',
  };
  const facts: KnownFact[] = [];
  const measureOf: number[] = [];
  for (let i = 0; i < size; i++) {
    const entity = entities[i % companies]!;
    const measure = Math.floor(i / companies) % MEASURES.length;
    const m = MEASURES[measure]!;
    measureOf.push(measure);
    const value = 10 + Math.floor(rnd() * 5000);
    const ko = entity.names.ko[0]!;
    const en = entity.names.en[0]!;
    facts.push({
      id: `fact-${i}`,
      topic: 'synthetic',
      source: { ko: '합성 출처', en: 'Synthetic source' },
      quote: `${ko} ${value}`,
      answer: { ko: `${ko}의 ${m.ko[0]}: ${value}${m.unitKo}`, en: `${en}: ${value}${m.unitEn} (${m.en[0]})` },
      entities: [entity.id],
      keywords: { ko: m.ko, en: m.en },
      questions: { ko: [`${ko}${m.qko}`], en: [`${en}${m.qen}?`] },
      values: [],
      // The attribute ids of facts/attributes.yaml, so the bench reads questions as the real base does.
      answers: { [entity.id]: [m.attribute] },
      article,
    });
  }
  return { facts, entities, measureOf };
}
