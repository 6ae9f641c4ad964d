// Scores the core on a labelled question set or conversation set, in process, with wrong answers
// counted apart from refusals (a wrong answer is worse than a refusal):
//   npx tsx tests/questions/score-set.ts [--set FILE] [--failures]
// A set line is a question ({id, cat, q, expect | abstain}) or a conversation ({id, cat, turns: [...]});
// conversations are asked turn by turn with their context, as the platforms keep it.
import { createCore, type Answer, type ConversationContext } from '../../src/index.ts';
import { compareWithoutSpaces, formatReport, isRight, languageRight, loadQuestions, missKind, QUESTIONS_FILE, scoreQuestions, type QuestionItem, type Tally } from './score-questions.ts';

const args = process.argv.slice(2);
const file = args.includes('--set') ? args[args.indexOf('--set') + 1]! : QUESTIONS_FILE;
const showFailures = args.includes('--failures');
// The third blind round's writers were told that spaces and commas are ignored (their alternatives say "5.6m").
compareWithoutSpaces(args.includes('--ignore-spaces'));
const core = createCore({ answerCacheSize: 0 });
const lines = loadQuestions(file) as Array<QuestionItem & { turns?: Array<Omit<QuestionItem, 'id' | 'cat'>> }>;

if (lines.some((l) => Array.isArray(l.turns))) {
  const byCat: Record<string, Tally> = {};
  let turns = 0, ok = 0, wrong = 0, refused = 0, convOk = 0;
  const failures: string[] = [];
  for (const d of lines) {
    let context: ConversationContext | undefined;
    let all = true;
    d.turns!.forEach((turn, t) => {
      const answer: Answer = core.ask({ text: turn.q }, context);
      context = answer.context ?? context;
      const item = { ...turn, id: `${d.id}#${t + 1}`, cat: d.cat } as QuestionItem;
      const right = isRight(item, answer) && languageRight(item, answer) !== false;
      turns++;
      if (right) ok++;
      else {
        all = false;
        if (missKind(item, answer) === 'wrong') wrong++;
        else refused++;
        const before = d.turns!.slice(0, t).map((x) => x.q).join(' / ');
        failures.push(`${item.id} [${d.cat}] ${turn.q}${before ? `   (after: ${before})` : ''}\n      -> ${answer.answered ? answer.text.replace(/\n/g, ' / ').slice(0, 240) : '(no answer)'}`);
      }
      if (t > 0) {
        const c = (byCat[d.cat] ??= { ok: 0, n: 0 });
        c.n++;
        if (right) c.ok++;
      }
    });
    if (all) convOk++;
  }
  for (const [cat, t] of Object.entries(byCat)) console.log(`${cat.padEnd(16)} ${t.ok}/${t.n} follow-up turns`);
  if (showFailures) for (const f of failures) console.log('FAIL ' + f);
  console.log(`score: ${((100 * ok) / turns).toFixed(1)}% of turns right (${ok}/${turns}); conversations right ${convOk}/${lines.length}; wrong answers ${wrong}, refusals ${refused}`);
} else {
  const report = scoreQuestions(core, lines);
  if (showFailures) for (const f of [...report.failures, ...report.languageFailures]) console.log('FAIL ' + f);
  console.log(formatReport(report));
}
