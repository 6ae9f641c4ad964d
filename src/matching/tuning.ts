// Every tuning number of the matcher, in one place, each with the reason for its value. Change one,
// then run the question sets (node ../shared/eval/score.mjs, tests/questions) and `npm run bench`.

// ── Reading words (term-lookup.ts, vocabulary.ts) ───────────────────────────────────────────────
/** Keys up to this length (jamo letters) are found by their one-letter deletions, longer ones by trigrams. */
export const SHORT_KEY = 8;
/** At most this many candidate terms are scored by fuse.js per word: more only costs time. */
export const MAX_CANDIDATES = 16;
/**
 * Trigram candidates checked by edit distance before the cap above: at 100,000 names hundreds share the
 * trigrams a one-jamo typo keeps; a banded distance check on a few hundred short keys costs well under 1 ms.
 */
export const MAX_DISTANCE_CHECKS = 400;
/** fuse.js threshold: loose on purpose; the error budget below decides. */
export const FUSE_THRESHOLD = 0.45;
/** A conjugated Korean word matched through its stem (만들어졌 -> 만든) is close, not certain. */
export const STEM_SIMILARITY = 0.85;
/** Spans longer than this (in letters) are looked up exactly: a typo and a missing space together are rare. */
export const FUZZY_SPAN_LIMIT = 12;
/** Lookups kept per fact base (words recur across questions); cleared when full. */
export const LOOKUP_CACHE_LIMIT = 20_000;
/** Words read once and kept (question-words.ts); cleared when full. */
export const WORD_CACHE_LIMIT = 20_000;
/** A word typed without spaces is split only from this many syllables ("중국데이터센터" yes, "중국" no). */
export const MIN_RUN = 4;
/** The longest known piece looked for when splitting a run-together word (syllables). */
export const LONGEST_PIECE = 10;
/** A run-together word is split only when known pieces cover this share of it: otherwise it is one unknown word. */
export const SPLIT_COVERAGE = 0.6;
/** English words shorter than this are not found by how they sound: their keys are too short ("places" and "plans" meet). */
export const MIN_SOUNDS_LIKE_LENGTH = 7;
/** Words a question has at most (per clause): a question is a sentence, not a page. */
export const MAX_WORDS = 40;
/** Adjacent words joined into one lookup ("데이터 센터" is 데이터센터): three covers "cb 인사이트 자료". */
export const MAX_SPAN = 3;
/** Single syllables typed apart are joined up to this many ("카 이 스 트", "네 이 처"): a name's length. */
export const MAX_SPELLED_OUT = 6;

// ── The frame: who or what is asked about, which attribute, what kind (read-frame.ts) ──────────
/**
 * A name must be this close to count as naming an entity in the frame: one wrong jamo in a short name
 * (중궁 for 중국, 0.83) still names it; two (0.67) do not. Exact words the vocabulary knows for something
 * else (일반, which is one letter from 일본) never reach the fuzzy search at all.
 */
export const FRAME_ENTITY_SIMILARITY = 0.8;
/**
 * The same for an attribute word: one wrong jamo in a word of three syllables or more (창엽자 for 창업자,
 * 0.875); two-syllable words must be spelt right, since one jamo turns them into other words (수업/수입).
 */
export const FRAME_ATTRIBUTE_SIMILARITY = 0.86;
/**
 * A word for something the article never gives (revenue, share price) refuses the whole question, so it
 * must be read with certainty: a near miss (혹시/증시) must not block an answer.
 */
export const BLOCKING_SIMILARITY = 0.95;
/** A misspelt span of several words must be closer than one word: "which place" is not "which paper" (0.8). */
export const FRAME_SPAN_FUZZY_SIMILARITY = 0.9;
/** An English word that sounds like a name or attribute word but is spelt far off ("valuashun"): likely, not sure. */
export const SOUNDS_LIKE_SIMILARITY = 0.88;
/** A Korean word that starts with a known word and goes on (키우겠다고, 조달했나요) names it, nearly surely. */
export const PREFIX_SIMILARITY = 0.9;
/** An initial-consonant query (ㄷㅅㅋ) names what it abbreviates, but never with certainty. */
export const CHOSEONG_SIMILARITY = 0.85;
/** A match this close or closer is clear (an exact word, a stem); a near miss beside a clear one yields to it. */
export const CLEAR_MATCH = 0.95;
/** A match this close is good: preferred over poorer ones even when shorter ("nature index" over "in nature index"). */
export const GOOD_MATCH = 0.9;
/** The confidence of an answer planned from the frame (entity, attribute and a fact that joins them). */
export const PLANNED_CONFIDENCE = 0.9;
/** A fact about what was asked that does not answer it counts this much of its score when breaking ties. */
export const RELATED_WEIGHT = 0.5;
/** At most this many parts are answered in one reply ("중국이랑 미국이랑 독일 각각"): more is a list, not an answer. */
export const MAX_PARTS = 4;

// ── The coverage score (score-facts.ts): how much of a question a fact explains ────────────────
/** A stop word that a fact also uses adds a little: "몇 개" fits a count better than a name. */
export const STOPWORD_BONUS = 0.03;
/** Weight of a word that matches nothing: it may be filler the stop lists miss, or the very thing asked. */
export const UNKNOWN_WORD_WEIGHT = 0.8;
/** The least a matched word weighs, however many facts share it (IDF floor). */
export const MIN_WORD_WEIGHT = 0.3;
/** A number in a question (9위, 2019) is as specific as words get. */
export const NUMBER_WEIGHT = 1;
/** A name is the point of a question even when many facts share it ("China" among data-centre facts). */
export const ENTITY_WORD_WEIGHT = 0.8;
/** A word this close to a name counts as naming it in the coverage score (its weight is the name's). */
export const NAME_WORD_SIMILARITY = 0.8;
/** Below this, a name match is a guess (일반 vs 일본): it may help a fact's score but decides nothing. */
export const ENTITY_SIMILARITY = 0.9;
/** Prefer the general fact when a question names no entity: each unasked-for entity costs a little. */
export const UNASKED_ENTITY_COST = 0.004;
/** The coverage score keeps this many best facts: candidates for a plan, suggestions for a refusal. */
export const KEEP_RANKED = 50;
/** Below this share of the question explained, a question read without a frame is not answered. */
export const ANSWER_THRESHOLD = 0.55;

// ── Korean typed on an English keyboard (matcher.ts) ────────────────────────────────────────────
/**
 * "wndrnr" is read both as typed and as Hangul (중국); the reading that names more wins. A named
 * entity or attribute counts this much, and each word neither reading explains costs this much, so a
 * reading that names one thing but leaves four words unexplained loses to one that names two.
 */
export const READING_NAMED_WEIGHT = 2;
export const READING_UNEXPLAINED_COST = 0.5;
