// Korean particles (조사) and sentence endings (어미) that follow the word a question is about.
// "데이터센터는", "중국이야", "설립됐어요" carry their meaning in the head: the matcher strips these
// tails before it looks words up. Longest first, so "에서는" goes before "는".

const PARTICLES = [
  // Honorifics before a particle: "필자분이", "기자님께서" are 필자, 기자.
  '분께서', '님께서', '분이', '분은', '분의', '분도', '님이', '님은', '님의', '께서',
  '으로부터', '에서부터', '이라고', '이라는', '에서는', '에게서', '까지는', '부터는', '이라도', '만으로',
  '에서', '에게', '한테', '으로', '까지', '부터', '보다', '처럼', '마다', '이랑', '하고', '이나', '이란', '라는', '라고',
  '에는', '으론', '로는', '와는', '과는', '이며', '이고', '에도', '의', '은', '는', '이', '가', '을', '를', '에', '로',
  '와', '과', '도', '만', '랑', '나', '란',
];

const ENDINGS = [
  '되었나요', '되었어요', '되었는지', '되었을까', '됐었나요', '만들어졌어', '만들어졌나', '이었어요', '였어요',
  '했었나요', '하였나요', '하나요', '했나요', '했어요', '했는지', '했을까', '되나요', '되었어', '됐나요', '됐어요',
  '인가요', '인지요', '일까요', '인데요', '이에요', '이예요', '입니까', '입니다', '이었어', '이었나', '였나요',
  '했대', '했어', '했지', '했나', '했니', '했냐', '한대', '한다', '하니', '하냐', '해요', '해줘', '해봐', '됐어', '됐지',
  '됐나', '됐니', '됐냐', '된대', '된다', '되나', '되니', '돼요', '인가', '인지', '일까', '인데', '이야', '이지', '이냐',
  '이니', '예요', '에요', '였어', '였지', '였나', '였니', '이래', '이라', '라던데', '이던데', '던데', '래', '야', '지', '냐',
  '니', '요', '임', '음', '죠', '나요', '까', '어', '아',
];

const TAILS = [...new Set([...PARTICLES, ...ENDINGS])].sort((a, b) => b.length - a.length);
// Tails by their last letter, longest first: a word is compared only with tails that could end it.
const TAILS_BY_LAST = new Map<string, string[]>();
for (const tail of TAILS) TAILS_BY_LAST.set(tail.at(-1)!, [...(TAILS_BY_LAST.get(tail.at(-1)!) ?? []), tail]);

// The plural 들 before a particle ("기술자들이", "대학들은"): stripped when a word of two syllables or more remains.
const PLURAL = /^(.{2,})들(?:이|은|을|의|도|과|에|에서|로|만|까지)?$/;

/** The word with one particle or ending removed, when at least one syllable remains. */
export function stripKoreanTail(word: string): string {
  if (word.includes('들')) {
    const plural = PLURAL.exec(word);
    if (plural) return plural[1]!;
  }
  for (const tail of TAILS_BY_LAST.get(word.at(-1) ?? '') ?? []) {
    if (word.length > tail.length && word.endsWith(tail)) return word.slice(0, -tail.length);
  }
  return word;
}

const TAIL_SET = new Set(TAILS);

/** Whether a word is nothing but particles or endings ("이랑은", "는요"): typed apart from its word. */
export function isParticle(word: string): boolean {
  if (TAIL_SET.has(word)) return true;
  const once = stripKoreanTail(word);
  return once !== word && TAIL_SET.has(once);
}

/** The word with up to two tails removed ("설립됐어요" -> "설립"; "서울대는요" -> "서울대"). */
export function koreanStem(word: string): string {
  const once = stripKoreanTail(word);
  return once === word ? word : stripKoreanTail(once);
}

