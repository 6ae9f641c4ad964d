// Where a plausible-looking answer would be wrong: a name the article does not know, the top of a ranking
// it does not name, words that look like question kinds but are not. Real fact files, real matcher.
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/index.ts';
import { normaliseChatSpelling } from '../../src/matching/chat-spelling.ts';
import { readKinds } from '../../src/matching/question-kinds.ts';

const core = createCore();

describe('a name the article does not know, before an attribute it gives for others', () => {
  it.each([
    ['뜌뛰쨔 투자 유치 금액 알려줘', 'ko'],
    ['What about Zorblax AI valuation?', 'en'],
  ])('"%s" is refused, says what the article gives it for, and does not echo the name', (text, locale) => {
    const a = core.ask({ text });
    expect(a.answered).toBe(false);
    expect(a.locale).toBe(locale);
    expect(a.body).not.toMatch(/뜌뛰쨔|Zorblax/);
    expect(a.body).toMatch(locale === 'ko' ? /이름이 나오지 않아요/ : /does not mention that name/);
  });

  it.each(['정확한 투자액 알려줘', '그 밑에 붙은 이미지 출처는 뭐야?'])('a modifier before the attribute ("%s") is no name', (text) => {
    expect(core.ask({ text }).body).not.toMatch(/이름이 나오지 않아요/);
  });
});

describe('the top of a ranking the article does not name', () => {
  it('"who is 1st" is refused, naming the highest place the article gives', () => {
    const a = core.ask({ text: 'AI 논문 저자수 순위 1위 대학은?' });
    expect(a.answered).toBe(false);
    expect(a.body).toMatch(/1위가 나오지 않아요/);
    expect(a.body).toMatch(/칭화대가 2위/);
  });

  it('a place the article names no one in is refused, with the places near it that it does name', () => {
    const ko = core.ask({ text: '네이처 인덱스 5위는?' });
    expect(ko.answered).toBe(false);
    expect(ko.body).toMatch(/5위가 나오지 않아요/);
    expect(ko.body).toMatch(/2위\(중국과학원대\)/);
    const en = core.ask({ text: 'Who was 5th in the Nature Index?' });
    expect(en.answered).toBe(false);
    expect(en.body).toMatch(/who is 5th/);
    expect(core.ask({ text: '네이처 인덱스 12위는?' }).body).toMatch(/푸단대/);
  });

  it('"칭화대가 2위라던데, 그럼 1위는 어느 기관?" asks the 1st of the ranking the scene names, which the article does not name', () => {
    const a = core.ask({ text: '닛케이 AI 논문 저자수 순위에서 칭화대가 2위라고 하던데, 그럼 1위는 어느 기관인가요?' });
    expect(a.answered).toBe(false);
    expect(a.body).toMatch(/1위가 나오지 않아요/);
    expect(core.ask({ text: 'AI 논문 저자수 1위 기관은?' }).body).not.toMatch(/미국/);
  });

  it('"~길래" gives a reason, setting the scene: "우크라이나가 25위라고 되어 있길래 한국 순위도 궁금해서요" asks Korea’s rank only', () => {
    const a = core.ask({ text: '클라우드신 기준으로 우리나라 데이터센터 순위는 몇 위인가요? 우크라이나가 25위라고 되어 있길래 한국 순위도 궁금해서요.' });
    expect(a.answered).toBe(false);
    expect(a.body).toMatch(/한국의 .*순위가 나오지 않아요/);
  });

  it('"No. 1" is no sentence end: "Who was No. 1 in the 2024 Nature Index, and who was No. 9?" gets both', () => {
    const a = core.ask({ text: 'Who was No. 1 in the 2024 Nature Index, and who was No. 9?' });
    expect(a.body).toMatch(/Harvard/);
    expect(a.body).toMatch(/Shanghai Jiao Tong/);
  });

  it('a place held jointly is no missing place: "joint 6th" of two named universities is answered', () => {
    const a = core.ask({ text: 'Peking University and Zhejiang University both ended joint 6th. What were their 2020 ranks?' });
    expect(a.answered).toBe(true);
    expect(a.body).toMatch(/17th/);
  });

  it('"of those mentioned" is answered with that place, and says the 1st is not named', () => {
    const a = core.ask({ text: 'Of the universities mentioned, which ranked highest in the AI paper author ranking?' });
    expect(a.answered).toBe(true);
    expect(a.body).toMatch(/does not say who is 1st/);
    expect(a.body).toMatch(/Tsinghua ranks highest: 2nd/);
  });

  it('a ranking whose 1st it names is answered plainly', () => {
    expect(core.ask({ text: 'Which university ranks first in the Nature Index?' }).body).toMatch(/^Harvard/);
    expect(core.ask({ text: 'AI 논문 저자수 순위 1위는 어디야?' }).body).toMatch(/미국이에요/);
  });
});

describe('words that look like a question kind but are not one', () => {
  it('"first" as an adverb is no place in a ranking; "first place" is', () => {
    expect(readKinds('let me check first: how many data centres does china have?').ordinals).toEqual([]);
    expect(readKinds('who came first in the nature index?').ordinals).toEqual([1]);
  });

  it('"얼마 만이었어?" asks how long after, a time, not a sum', () => {
    const kinds = readKinds('딥시크 공개되고 얼마 만이었어?');
    expect(kinds.asks.has('when')).toBe(true);
    expect(kinds.asks.has('amount')).toBe(false);
    expect(core.ask({ text: '문샷 AI가 모델 발표한 거 딥시크 공개되고 얼마 만이었어?' }).body).toContain('2시간');
  });

  it('"얼마나 걸렸어", "how long did it take" ask a time: Moonshot announced Kimi less than 2 hours after DeepSeek', () => {
    expect(core.ask({ text: '딥시크 공개 이후 문샷 AI가 Kimi k1.5를 발표하기까지 시간이 얼마나 걸렸나요?' }).body).toMatch(/2시간/);
    expect(core.ask({ text: 'How long did it take Moonshot to announce Kimi after DeepSeek?' }).body).toMatch(/2 hours/);
  });

  it('"first" of time ("in its first year") is no place in a ranking, and asks no superlative', () => {
    expect(readKinds('who invested in Moonshot AI in its first year?').ordinals).toEqual([]);
    const a = core.ask({ text: 'Who put $1 billion into Moonshot AI in its first year?' });
    expect(a.body).not.toMatch(/1st-most|Stargate/);
  });

  it('"at the top three conferences" is no superlative; "at the top of" is', () => {
    expect(readKinds('papers at the top three ai conferences').aggregates.has('most')).toBe(false);
    expect(readKinds('which university is at the top of the nature index?').aggregates.has('most')).toBe(true);
  });

  it('letters glued to a number stay its suffix ("2nd"), units are read ("1.5bn")', () => {
    expect(normaliseChatSpelling('what about 2nd place?')).toContain('2nd');
    expect(normaliseChatSpelling('is it 1.5bn?')).not.toContain('bn?');
  });

  it('"school" in "which school topped" picks a university, not someone’s education', () => {
    expect(core.ask({ text: 'Which school topped the 2024 Nature Index?' }).body).toMatch(/Harvard/);
  });
});

describe('a figure asked is answered by the fact that carries it', () => {
  it('long filler before "how many Chinese institutions in the top 100" does not tip it to a related fact', () => {
    const a = core.ask({
      text: 'Hello, I teach high school and prepare a lesson on the AI race between America and China, so I want to check first: in the 2024 ranking of paper authors at the top three AI conferences, how many Chinese institutions were in the top 100?',
    });
    expect(a.body.split('\n')[0]).toMatch(/31/);
  });
});

describe('two questions in one sentence', () => {
  it('", and in which city …" is a second question, answered too', () => {
    const a = core.ask({ text: 'Which Chinese university is Yang Zhilin from, and in which city did he start Moonshot AI?' });
    expect(a.body).toMatch(/Tsinghua/);
    expect(a.body).toMatch(/Beijing/);
  });
});

describe('an exact figure the article gives only as a bound', () => {
  it('"지푸 AI 기업가치 정확히 얼마야?" is refused, saying the article only gives "over $1bn"', () => {
    const a = core.ask({ text: '지푸 AI 기업가치 정확히 얼마야?' });
    expect(a.answered).toBe(false);
    expect(a.body).toContain('정확한 수치로는 나오지 않아요');
    expect(a.body).toContain('10억달러 이상');
  });

  it('"What exactly is MiniMax valued at?" is refused the same way in English', () => {
    const a = core.ask({ text: 'What exactly is MiniMax valued at?' });
    expect(a.answered).toBe(false);
    expect(a.body).toMatch(/no exact figure for the valuation of MiniMax/);
    expect(a.body).toMatch(/\$1 billion or more/);
  });

  it('an exact figure the article does give is answered: Moonshot’s valuation, China’s data centres', () => {
    expect(core.ask({ text: '문샷 AI 기업가치 정확히 얼마?' }).body).toContain('33억달러');
    expect(core.ask({ text: '중국 데이터센터 정확히 몇 개야?' }).body).toContain('449');
  });
});

describe('a sum asked of something the article gives without one', () => {
  it('"how much money has the Chinese government committed to its AI plan?" is refused, not answered with the plan', () => {
    const a = core.ask({ text: 'How much money has the Chinese government committed to its 2017 next-generation AI plan?' });
    expect(a.answered).toBe(false);
    expect(a.body).toMatch(/China/);
    expect(a.body).not.toMatch(/Stargate Project, which/);
  });

  it('"중국 정부" is China, not the Korean government the article calls 정부', () => {
    const a = core.ask({ text: '중국 정부 AI 계획은?' });
    expect(a.facts.map((f) => f.id)).toEqual(['china-2017-ai-plan']);
  });

  it('"2016년에 하버드 몇위였음?" (the ranking picked by the kind) is refused for 2016, not answered with the chart’s summary', () => {
    const a = core.ask({ text: '2016년에 하버드 몇위였음?' });
    expect(a.answered).toBe(false);
    expect(a.body).toMatch(/하버드대의 2016년 네이처 인덱스 순위가 나오지 않아요/);
  });

  it('a year past a series the article gives is refused, even the article’s own year; a single "as of" figure is not', () => {
    const ko = core.ask({ text: '카이스트 2025년 네이처 인덱스 순위는?' });
    expect(ko.answered).toBe(false);
    expect(ko.body).toMatch(/2025년/);
    expect(core.ask({ text: "What was KAIST's Nature Index rank in 2025?" }).answered).toBe(false);
    expect(core.ask({ text: '카이스트 2024년 네이처 인덱스 순위는?' }).body).toMatch(/76위/);
    expect(core.ask({ text: '2025년 현재 중국 대형 데이터센터 몇 개?' }).body).toMatch(/449/);
  });

  it('"asked us to find" is the pronoun, not the United States', () => {
    const a = core.ask({ text: 'My teacher asked us to find how many data centres China has.' });
    expect(a.body).toContain('449');
    expect(a.body).not.toMatch(/5,381/);
  });
});

describe('an attribute borrowed from the clauses that set the scene', () => {
  it('"She wrote that KAIST slid to 76th. What was its rank before?" is KAIST’s rank, not the writer', () => {
    const a = core.ask({ text: "She wrote that KAIST slid to 76th in the Nature Index. What was its rank before, according to the article?" });
    expect(a.answered).toBe(true);
    expect(a.body).toMatch(/60th/);
  });
});

describe('a clause that gives an example of the question before it', () => {
  it('"What positions did the writer hold? For example any government committee roles?" is one question about the writer', () => {
    const a = core.ask({ text: 'What positions did the writer hold in the past? For example any government committee roles?' });
    expect(a.facts.map((f) => f.id)).toEqual(['article-writer-background']);
    expect(a.body).toMatch(/Regulatory Reform Committee/);
  });
});

describe('a request to look beyond the article', () => {
  it.each([
    ['그거 지금 최신 숫자 맞는지 인터넷에서 확인해줘', /인터넷 검색/],
    ['search the web for the latest number', /search the web/],
    ['Can you google whether that is still true?', /search the web/],
  ])('"%s" is refused, saying the bot answers only from the article', (text, said) => {
    const a = core.ask({ text });
    expect(a.answered).toBe(false);
    expect(a.body).toMatch(said);
  });

  it('"인터넷 대기업" (the article’s internet giants) is no such request', () => {
    expect(core.ask({ text: '중국 인터넷 대기업은 AI를 어떻게 개발해?' }).answered).toBe(true);
  });
});

describe('a ratio of two figures that are not of one measure, asked on its own', () => {
  it('is refused with the reason, and quotes both figures so the reader has them', () => {
    const a = core.ask({ text: 'So Stargate is $500B and DeepSeek cost $5.6M... how many times bigger is Stargate?' });
    expect(a.answered).toBe(false);
    expect(a.body).toMatch(/can't work that comparison out/);
    expect(a.body).toMatch(/\$500 billion/);
    expect(a.body).toMatch(/\$5\.6 million/);
    const ko = core.ask({ text: '문샷 AI 기업가치는 설립 1년 만에 조달한 금액의 몇 배야?' });
    expect(ko.answered).toBe(false);
    expect(ko.body).toMatch(/33억달러/);
  });

  it('a name read as both sides ("Korea vs China … how many times more does China have?") is never compared with itself', () => {
    const a = core.ask({ text: 'Korea vs China data centers - what are the numbers and roughly how many times more does China have?' });
    expect(a.body).not.toMatch(/449 ÷ 449/);
    expect(a.body).toMatch(/43/);
    expect(a.body).toMatch(/449/);
  });

  it('a ratio within one measure is still computed', () => {
    expect(core.ask({ text: '미국 데이터센터는 중국의 몇 배야?' }).body).toMatch(/5381 ÷ 449/);
  });
});

describe('a request for a text of the bot’s own', () => {
  it.each([
    ['이 기사 내용을 바탕으로 중국 AI 스타트업 투자 보고서를 한 페이지 분량으로 작성해 줄 수 있을까요?', /써 드리는 일은 할 수 없어요/],
    ['can you write a short report on DeepSeek’s cost', /can't write reports/],
  ])('"%s" is refused, saying what the bot does instead', (text, said) => {
    const a = core.ask({ text });
    expect(a.answered).toBe(false);
    expect(a.body).toMatch(said);
  });

  it('a report the asker is writing is only the reason for the question: "보고서 쓰고 있는데 … 몇 개였는지" is answered', () => {
    const a = core.ask({ text: '회사에서 AI 동향 보고서를 쓰고 있는데요, AI 논문 저자수 상위 100개 기관 중 미국 기관은 몇 개였죠?' });
    expect(a.body).toMatch(/37/);
  });
});

describe('the date of a named figure', () => {
  it('"중국 데이터센터 449개는 언제 기준이야?" gives the date the chart gives; "클라우드신 숫자는 언제 기준?" is undated', () => {
    const dated = core.ask({ text: '중국 데이터센터 449개는 언제 기준이야?' });
    expect(dated.body.split('\n')[0]).toMatch(/2024년 기준/);
    const undated = core.ask({ text: '클라우드신 숫자는 언제 기준인데?' });
    expect(undated.answered).toBe(false);
    expect(undated.body).toMatch(/언제 기준인지 따로 나오지 않아요/);
  });

  it('"2024년 기준 … 몇 개?" asks the count, not the date', () => {
    expect(core.ask({ text: '2024년 기준 중국 데이터센터 몇 개?' }).body.split('\n')[0]).toMatch(/449개소/);
  });
});

describe('a sum asked of one company, found only for another', () => {
  it('"지푸AI에 알리바바가 얼마 투자했냐" is refused for Zhipu, not answered with the $1bn Moonshot raised from Alibaba', () => {
    const a = core.ask({ text: '지푸AI에 알리바바가 얼마 투자했냐' });
    expect(a.answered).toBe(false);
    expect(a.body).toMatch(/지푸 AI의 투자 유치 금액이 나오지 않아요/);
    expect(core.ask({ text: 'how much did Alibaba invest in Moonshot?' }).body).toMatch(/\$1 billion/);
  });
});
