// Follow-up questions in a conversation, resolved by the core from what the earlier turns were
// understood as (answer.context), as the platforms keep it per thread, channel and user, or session.
import { describe, expect, it } from 'vitest';
import { createCore, type Answer, type ConversationContext } from '../../src/index.ts';
import { loadQuestions } from '../questions/score-questions.ts';

const core = createCore();

/** Asks the turns in order within one conversation; returns every answer. */
function converse(...turns: string[]): Answer[] {
  let context: ConversationContext | undefined;
  return turns.map((text) => {
    const answer = core.ask({ text }, context);
    context = answer.context ?? context;
    return answer;
  });
}

describe('ellipsis: the last attribute for a new entity', () => {
  it('answers "그럼 영국은?" after a data-centre count with the UK’s count, and shows how it read it', () => {
    const [, uk] = converse('독일 대형 데이터센터 몇 개야?', '그럼 영국은?');
    expect(uk!.answered).toBe(true);
    expect(uk!.body).toContain('514');
    expect(uk!.body.split('\n')[0]).toMatch(/^↪ 영국 · /);
  });

  it('answers "And Zhipu AI?" after a founding year', () => {
    const [, zhipu] = converse('When was MiniMax founded?', 'And Zhipu AI?');
    expect(zhipu!.body).toContain('2019');
    expect(zhipu!.locale).toBe('en');
  });

  it('refuses a follow-up whose entity lacks the attribute, naming what it understood', () => {
    const [, france] = converse('미국 대형 데이터센터 몇 개야?', '프랑스는?');
    expect(france!.answered).toBe(false);
    expect(france!.body).toContain('프랑스');
    expect(france!.body).toContain('데이터센터');
  });

  it('keeps what a refused turn asked: "일본은?" refused, then "한국은?" is Korea’s count', () => {
    const [, japan, korea] = converse('중국 데이터센터 몇 개야?', '일본은?', '한국은?');
    expect(japan!.answered).toBe(false);
    expect(korea!.answered).toBe(true);
    expect(korea!.body).toContain('43');
  });
});

describe('pronouns and demonstratives: the last entity, of the kind the pronoun names', () => {
  it('reads "그 회사 창업자는?" after a question about Kimi as Moonshot AI’s founder', () => {
    const [, founder, age] = converse('키미 k1.5는 어느 회사가 만들었어?', '그 회사 창업자는?', '그 사람 몇 살이야?');
    expect(founder!.body).toContain('양즈린');
    expect(age!.body).toContain('35');
  });

  it('reads "Who founded it?" after DeepSeek as DeepSeek’s founder, which the article does not name', () => {
    const [, who] = converse('How much did DeepSeek spend?', 'Who founded it?');
    expect(who!.answered).toBe(false);
  });

  it('reads "그 기사" after an answer credited to Nikkei as Nikkei’s article', () => {
    const [, source, date] = converse('중국은 AI 논문 저자수 상위 100개 기관 중 몇 개야?', '출처는?', '그 기사 언제 나왔어?');
    expect(source!.body).toMatch(/닛케이|니혼게이자이/);
    expect(date!.body).toContain('2월 3일');
  });
});

describe('about the last answer: its source and its date', () => {
  it('answers "출처는?" and "언제 기준이야?" about Moonshot AI’s valuation', () => {
    const [, source, asOf] = converse('문샷 AI 기업가치 얼마야?', '출처는?', '언제 기준이야?');
    expect(source!.body).toContain('CB인사이트');
    expect(asOf!.body).toContain('1월');
  });

  it("answers \"Where's that number from?\" in English", () => {
    const [, source] = converse('How many large data centres does the UK have?', "Where's that number from?");
    expect(source!.body).toContain('VisualCapitalist');
  });
});

describe('comparisons with the last figure', () => {
  it('computes "그럼 미국은 중국의 몇 배야?" from the two counts', () => {
    const [, ratio] = converse('중국 대형 데이터센터 몇 개야?', '그럼 미국은 중국의 몇 배야?');
    expect(ratio!.body).toContain('12배');
    expect(ratio!.body).toContain('5381 ÷ 449');
  });

  it('computes "how many more than the UK?" against the last entity', () => {
    const [, more] = converse('How many large data centres does Germany have?', 'how many more than the UK?');
    expect(more!.body).toContain('7');
    expect(more!.body).toContain('521 − 514');
  });

  it('computes a rank change asked of the last answer ("몇 계단 떨어진 거야?")', () => {
    const [, fall] = converse('KAIST 네이처 인덱스 2016년 순위는?', '2024년엔 몇 계단 떨어진 거야?');
    expect(fall!.body).toContain('16');
  });
});

describe('a question that stands by itself is answered by itself', () => {
  it('answers a new complete question on another topic without the last turn', () => {
    const [, plan] = converse('문샷 AI 창업자 누구야?', '정부가 2027년까지 키우겠다는 유니콘은 몇 개야?');
    expect(plan!.body).toContain('5개');
    expect(plan!.body).not.toContain('↪');
  });

  it('answers each turn in the language it is asked in', () => {
    const [ko, en] = converse('문샷 AI 창업자 누구야?', 'how old is he?');
    expect(ko!.locale).toBe('ko');
    expect(en!.locale).toBe('en');
    expect(en!.body).toContain('35');
  });
});

describe('the context itself', () => {
  it('keeps a few understood turns and nothing a user typed', () => {
    const answers = converse('중국 데이터센터 몇 개야?', '독일은?', '영국은?', '미국은?', '그럼 한국은?');
    const context = answers.at(-1)!.context!;
    expect(context.turns.length).toBeLessThanOrEqual(3);
    expect(JSON.stringify(context)).not.toMatch(/[가-힣]/);
    expect(context.turns.at(-1)).toMatchObject({ entities: ['korea'], attributes: ['data-centres'], answered: true });
  });

  it('answers a question asked alone the same with and without an empty conversation', () => {
    for (const item of loadQuestions().slice(0, 80)) {
      expect(core.ask({ text: item.q }, { turns: [] }).text, item.q).toBe(core.ask({ text: item.q }).text);
    }
  });

  it('keeps conversations apart: one conversation’s follow-up does not lean on another’s', () => {
    const moonshot = core.ask({ text: '문샷 AI 창업자 누구야?' }).context;
    const dataCentres = core.ask({ text: '독일 데이터센터 몇 개야?' }).context;
    expect(core.ask({ text: '영국은?' }, dataCentres).body).toContain('514');
    expect(core.ask({ text: '그 사람 몇 살이야?' }, moonshot).body).toContain('35');
  });
});

describe('a follow-up with nothing to follow, or another topic', () => {
  it('"그럼 미국은?" as the first question is refused, not answered with one of several US facts', () => {
    const [us] = converse('그럼 미국은?');
    expect(us!.answered).toBe(false);
    expect(us!.body).not.toMatch(/1위를 다툴/);
  });

  it('"What\'s the weather in Seoul?" after a data-centre answer is another topic, refused', () => {
    const [, weather] = converse('중국 데이터센터 몇 개야?', "What's the weather in Seoul?");
    expect(weather!.answered).toBe(false);
    expect(weather!.body).not.toContain('449');
  });

  it('a verb the lexicon does not know still follows up ("몇 계단 떨어진 거야?")', () => {
    const [, fell] = converse('KAIST 네이처 인덱스 순위 어떻게 됐어?', '몇 계단 떨어진 거야?');
    expect(fell!.answered).toBe(true);
    expect(fell!.body).toContain('16');
  });
});

describe('"the two" after two turns about the same thing', () => {
  it('"둘이 몇 개 차이나?" after the US and then China compares those two', () => {
    const [, , gap] = converse('미국 대형 데이터센터 몇 개야?', '중국은?', '둘이 몇 개 차이나?');
    expect(gap!.body).toContain('4932');
  });
});

describe('"더 자세히" after an answer', () => {
  it('gives the last answer again in full; with nothing before it, refuses', () => {
    const [, more] = converse('독일 대형 데이터센터 몇 개야?', '더 자세히');
    expect(more!.answered).toBe(true);
    expect(more!.body).toContain('521');
    expect(converse('더 자세히')[0]!.answered).toBe(false);
  });
});

describe('"왜?" after an answer', () => {
  it('answers with the reason the article gives (the plan answers Korea’s GPU shortfall)', () => {
    const [, why] = converse('What is the Korean government’s GPU target?', 'why?');
    expect(why!.answered).toBe(true);
    expect(why!.body).toMatch(/few thousand/);
    expect(why!.body).toContain('DeepSeek');
  });

  it('refuses, never guesses, when the article gives no reason for that fact', () => {
    const [, why] = converse('문샷 AI 기업가치 얼마야?', '왜?');
    expect(why!.answered).toBe(false);
    expect(why!.body.split('\n')[0]).toMatch(/^↪ 문샷 AI · 기업가치/);
  });

  it('still reads "왜" inside a question of its own as a word about the start-ups’ growth', () => {
    const [answer] = converse('중국에 AI 스타트업이 왜 이렇게 많아?');
    expect(answer!.answered).toBe(true);
    expect(answer!.body).toContain('학계 인력');
  });
});

describe('comparisons and sums over the two things just asked about', () => {
  it('"so what\'s the gap between them?" after two counts is their difference, not AI capability', () => {
    const [, , gap] = converse('How many Chinese institutions are in the AI paper author top 100?', 'and American?', "so what's the gap between them?");
    expect(gap!.body).toMatch(/\b6\b/);
    expect(gap!.body).not.toMatch(/compete with the US for first place/);
  });

  it('"차이는?" after the US and then China is the difference of those two counts', () => {
    const [, , gap] = converse('AI 논문 저자수 상위 100개 중에 미국 기관 몇 개?', '중국은?', '차이는?');
    expect(gap!.body).toContain('37 − 31 = 6');
  });

  it('"우크라가 몇 개 더 많은 거야" after Korea and then Ukraine compares with Korea', () => {
    const [, , more] = converse('우리나라 데이터센터 수?', '우크라이나는 몇 개?', '우크라가 몇 개 더 많은 거야');
    expect(more!.body).toContain('15');
  });
});

describe('questions about the last figure', () => {
  it('"in dollars?" after a valuation in won gives the dollar figure, in English', () => {
    const [, dollars, asOf] = converse('문샷 AI 기업가치 원화로 얼마야?', 'in dollars?', 'as of when?');
    expect(dollars!.locale).toBe('en');
    expect(dollars!.body).toContain('3.3 billion');
    expect(asOf!.body).toContain('January');
  });

  it('"출처는?" after a refused turn is the source of the figure given before it', () => {
    const [, users, source] = converse('How many generative AI services are registered in China?', 'how many people actually use them?', 'Which agency reported that 300 figure?');
    expect(users!.answered).toBe(false);
    expect(source!.answered).toBe(true);
    expect(source!.body).toContain('Cyberspace Administration');
  });

  it('"이거 어디 기사 인용한 거예요?" is the source of the last figure, not the article’s chart credits', () => {
    const [, source] = converse('AI 논문 저자수 순위에 중국 기관 몇 개 들어갔어요?', '이거 어디 기사 인용한 거예요?');
    expect(source!.body).toContain('닛케이');
    expect(source!.body).not.toContain('VisualCapitalist');
  });

  it('"when was that announced?" after the GPU target is the committee’s date', () => {
    const [, when] = converse('how many GPUs is korea planning to secure?', 'when was that announced?');
    expect(when!.body).toContain('February 20');
  });
});

describe('the conversation’s subject wins over the one entity the article gives an attribute for', () => {
  it('"창업자 누구야" after Zhipu AI is refused for Zhipu, naming Moonshot AI as the one it is given for', () => {
    const [, founder] = converse('지푸AI 설립연도?', '창업자 누구야');
    expect(founder!.answered).toBe(false);
    expect(founder!.body).toContain('지푸 AI');
    expect(founder!.body).not.toContain('양즈린(35세)');
  });

  it('"MIT는?" after an aside about the ranking asks MIT’s rank, as asked before the aside', () => {
    const [, , mit] = converse('네이처 인덱스 하버드 몇위?', '이거 언제 발표된 건데', 'MIT는?');
    expect(mit!.body).toContain('10위');
  });

  it('"which gpus? h100s?" after a GPU count refuses the model, not repeating the count', () => {
    const [, which] = converse('how many gpus does deepseek have?', 'which gpus? h100s?');
    expect(which!.answered).toBe(false);
  });
});

describe('follow-ups that ask what the article has no figure for', () => {
  it('"그 사람 지분은 몇 퍼센트?" after the founder’s education is refused by name, not answered with the education', () => {
    const [, , share] = converse('문샷 AI 창업자 누구야?', '그 사람 박사는 어디서 땄어?', '그 사람 지분은 몇 퍼센트 갖고 있어?');
    expect(share!.answered).toBe(false);
    expect(share!.body).toContain('양즈린');
    expect(share!.body).not.toContain('카네기멜론');
  });

  it('"how many of those are Baidu’s?" after the registered services is refused for Baidu', () => {
    const [, baidu] = converse('how many generative AI services are registered in china now?', "how many of those are baidu's");
    expect(baidu!.answered).toBe(false);
    expect(baidu!.body).toContain('Baidu');
  });

  it('"참여 기업은 어디어디?" about Stargate is not answered with Naver’s partner', () => {
    const [, partners] = converse('스타게이트 프로젝트 투자액이 얼마라고?', '참여 기업은 어디어디?');
    expect(partners!.answered).toBe(false);
    expect(partners!.body).not.toContain('리벨리온과 협력해');
  });
});

describe('what the last answer named', () => {
  it('"Is that firm American?" after the source of a valuation is about CB Insights, which the article calls a US firm', () => {
    const [, source, american] = converse("What valuation does the piece give for Moonshot AI?", 'Who came up with that number?', 'Is that firm American?');
    expect(source!.body).toContain('CB Insights');
    expect(american!.body.split('\n')[0]).toContain('CB Insights');
    expect(american!.body).toMatch(/\bUS\b/);
  });
});

describe('honest about what the article does not date or name', () => {
  it('"언제 기준이야?" about a figure the article does not date says so, not the article’s own date', () => {
    const [, asOf] = converse('중국에 등록된 생성형 AI 서비스 몇 개야?', '그 자료가 몇 년 몇 월 기준이야?');
    expect(asOf!.answered).toBe(false);
    expect(asOf!.body).toContain('언제 기준인지 따로 나오지 않아요');
  });

  it('"상편 제목은?" asks for the series’ other part, which the article does not give', () => {
    const [, first] = converse('이거 시리즈명 뭐야', '상편 제목은');
    expect(first!.answered).toBe(false);
  });
});

describe('chat around the question', () => {
  it('"한국어로 여쭤볼게요! 그 돈으로 뭘 한대요?" is about the policy finance just given, not Korea or Stargate', () => {
    const [, plan] = converse('How much policy financing is the Korean government putting into AI this year?', '아 그냥 한국어로 여쭤볼게요! 그 돈으로 뭘 한다고 나와 있나요?');
    expect(plan!.locale).toBe('ko');
    expect(plan!.body).toContain('선도 프로젝트');
    expect(plan!.body).not.toContain('스타게이트');
  });

  it('"다시 문샷 얘기로 돌아가서, 그 창업자 나이?" goes back to Moonshot from another topic', () => {
    const [, , age] = converse('문샷 AI 창업자는 어느 대학 출신이야?', '정부가 제조 AI 전문기업 몇 개 지원한대?', '다시 문샷 얘기로 돌아가서요, 그 창업자분 나이가 어떻게 되시나요?');
    expect(age!.body).toContain('35');
  });

  it('"걔네가 뭐 이겼다고 주장함" after Kimi’s maker is Moonshot’s claim', () => {
    const [, claim] = converse('kimi k1.5 만든데 어디?', '걔네가 뭐 이겼다고 주장함');
    expect(claim!.body).toContain('클로드');
  });
});

describe('comparisons the figures do not allow, and new topics', () => {
  it('"how many times bigger is Stargate?" after two sums of money is refused, not answered with one of them again', () => {
    const [, , ratio] = converse('What did Trump commit to Stargate?', 'and DeepSeek spent how much?', 'so roughly how many times bigger is Stargate?');
    expect(ratio!.answered).toBe(false);
    expect(ratio!.body).toMatch(/can't work that comparison out/);
  });

  it('"ok diff thing: ..." is not read against the last turn', () => {
    const [, other] = converse('total number of large data centres worldwide?', 'ok diff thing: which big chinese tech names are backing Zhipu and MiniMax?');
    expect(other!.body).not.toContain('449');
  });

  it('"how much is it worth, if the article says?" about Naver’s Saudi project is refused, not another sum', () => {
    const [, worth] = converse('what does the article say about Naver Cloud? who are they working with?', "And how much money is it worth, if the article says?");
    expect(worth!.answered).toBe(false);
  });
});

describe('clarifying questions about the source and the figures', () => {
  it('"그 학회들 이름이 뭔데요?" is refused: the article does not name the conferences', () => {
    const [, names] = converse('닛케이 기사는 AI 학회 몇 개 논문을 기준으로 했어요?', '그 학회들 이름이 뭔데요?');
    expect(names!.answered).toBe(false);
  });

  it('"그 자료는 누가, 언제 발표한 건가요?" gives the source and when it published the ranking', () => {
    const [, who] = converse('네이처 인덱스 2024에서 중국 대학이 상위 10위 안에 몇 개나 들어갔어?', '그 자료는 누가, 언제 발표한 건가요?');
    expect(who!.body).toContain('네이처');
    expect(who!.body).toContain('6월');
  });

  it('"개수로는?" after "몇 배야?" is the difference of the same two', () => {
    const [, , gap] = converse('미중 대형 데이터센터 수 각각', '몇배 차이', '개수로는');
    expect(gap!.body).toContain('4932');
  });
});

describe('turns that were refused or said nothing', () => {
  it('"deadline?" after a refused "budget per GPU?" is about the GPU target before it', () => {
    const [, , deadline] = converse('How many GPUs is Korea aiming to secure?', 'budget per GPU?', 'deadline?');
    expect(deadline!.body).toContain('first half of next year');
  });

  it('"which meeting was this decided at?" after a refused aside is about the policy finance before it', () => {
    const [, , , meeting] = converse('how much policy financing is the Korean government putting into AI this year?', '그 돈으로 뭘 한다고 나와 있나요?', '혹시 그중에 반도체 쪽에 얼마 쓰이는지도 나와 있나요?', 'Oh and which meeting was this decided at? sorry switching back to English lol');
    expect(meeting!.locale).toBe('en');
    expect(meeting!.body).toContain('National AI Committee');
  });

  it('"2020 vs 2024" is one university’s change between the years, not a comparison with the last country', () => {
    const [, rank] = converse('AI 논문 저자수 상위100 미국기관 몇개', 'ok and peking u rank 2020 vs 2024');
    expect(rank!.body).toMatch(/17/);
    expect(rank!.body).toMatch(/6/);
  });
});

describe('a new entity whose kind of question the last attribute does not fit', () => {
  it('"이 기사 누가 쓴거임?" after a valuation asks the article’s writer, not the article’s valuation', () => {
    const [, writer] = converse('문샷 기업가치 얼마였지', '아 근데 이 기사 누가 쓴거임?');
    expect(writer!.body).toContain('곽대종');
  });

  it('"기자 메일 주소 있어?" is refused: the article gives no contact details', () => {
    const [, , mail] = converse('이 기사 누가 정리했어?', '언제 올라온 기사?', '기자 메일 주소 있어?');
    expect(mail!.answered).toBe(false);
  });
});

describe('what a follow-up is about, when the last answer named several things of one kind', () => {
  it('"본사 어디?" after Baichuan’s valuation (answered by the unicorn list) is refused for Baichuan, not answered for Moonshot', () => {
    const [, , hq] = converse('바이촨 AI 언제 설립됐어?', '기업가치는?', '본사 어디?');
    expect(hq!.answered).toBe(false);
    expect(hq!.body).toContain('바이촨');
    expect(hq!.body).not.toContain('베이징에서');
  });

  it('"거기 창업자는?" after MiniMax was asked about is refused for MiniMax, not Moonshot’s founder', () => {
    const [, , founder] = converse('중국 AI 유니콘 어디 있어?', '미니맥스 기업가치 얼마야?', '거기 창업자는?');
    expect(founder!.answered).toBe(false);
    expect(founder!.body).toContain('미니맥스');
    expect(founder!.body).not.toContain('양즈린(');
  });

  it('"where did he start the company?" after the founder’s PhD is where the company was founded', () => {
    const [, , , where] = converse('Who founded Moonshot AI?', 'how old is he?', 'where did he get his PhD?', 'where did he start the company?');
    expect(where!.answered).toBe(true);
    expect(where!.body).toMatch(/Beijing/);
  });
});

describe('the source’s own article', () => {
  it('"며칠자 기사?" right after the source was given is the date of the source’s article, not this one', () => {
    const [, , when] = converse('AI 논문 저자수 상위 100개 기관 중 중국 몇 개야?', '이거 어디 자료임?', '며칠자 기사?');
    expect(when!.body).toContain('2월 3일');
    expect(when!.body).not.toContain('2025년 2월 24일');
  });

  it('"이 기사 언제 나왔어?" after the source still asks this article’s date', () => {
    const [, , when] = converse('AI 논문 저자수 상위 100개 기관 중 중국 몇 개야?', '출처는?', '이 기사 언제 나왔어?');
    expect(when!.body).toContain('2025년 2월 24일');
  });
});

describe('"behind" in a comparison', () => {
  it('"how far behind SNU is it now?" after KAIST’s rank is the gap in places, not what drives the start-ups', () => {
    const [, gap] = converse('What rank was KAIST in the Nature Index 2024?', 'how far behind SNU is it now?');
    expect(gap!.answered).toBe(true);
    expect(gap!.body).toMatch(/22 places/);
  });
});

describe('a name the last answer gave, asked of "it"', () => {
  it('"Which DeepSeek model did it beat?" after Alibaba Cloud’s new model is about Qwen 2.5-Max, not DeepSeek', () => {
    const [, beat] = converse('알리바바 클라우드 새 모델 뭐야?', 'Which DeepSeek model did it beat?');
    expect(beat!.answered).toBe(true);
    expect(beat!.body).toMatch(/DeepSeek V3/);
    expect(beat!.body).not.toMatch(/5\.6 million/);
  });
});

describe('"차렸" is founding', () => {
  it('"회사는 어디서 차렸고?" after the founder’s PhD is where his company was founded', () => {
    const [, , where] = converse('문샷 AI 창업자 누구야?', '박사는 어디서 했대?', '회사는 어디서 차렸고?');
    expect(where!.answered).toBe(true);
    expect(where!.body).toContain('베이징');
  });
});

describe('chat words and common nouns in a follow-up', () => {
  it('"ㅇㅎ 원래 어느 학교 출신이야?" after the founder’s PhD is his education, not an unknown name "학교"', () => {
    const [, , school] = converse('문샷 AI 창업자 누구야?', '걔 박사는 어디서 땄대?', 'ㅇㅎ 원래 어느 학교 출신이야?');
    expect(school!.answered).toBe(true);
    expect(school!.body).toContain('칭화대');
  });

  it('"When did Nature publish that index?" points at the index the last answer credited', () => {
    const [, when] = converse('How many Chinese universities made the Nature Index top 10 in 2024?', 'When did Nature publish that index?');
    expect(when!.body).toMatch(/June/);
  });
});

describe('corrections and availability', () => {
  it('"네이처 말고 AI 논문 저자수 순위 말한건데 2020년꺼" after SJTU’s Nature Index rank is its 2020 paper rank', () => {
    const [, papers] = converse('상하이교통대 네이처 인덱스 몇 위?', '아 네이처 말고 AI 논문 저자수 순위 말한건데 2020년꺼');
    expect(papers!.answered).toBe(true);
    expect(papers!.body).toContain('40위');
  });

  it('"그거 지금 일반인도 쓸 수 있음?" after Exaone is whether it is public, not India ("일반인도")', () => {
    const [, pub] = converse('LG에서 딥시크급이라고 한 모델 이름 뭐더라', '그거 지금 일반인도 쓸 수 있음?');
    expect(pub!.answered).toBe(true);
    expect(pub!.body).toContain('공개');
    expect(pub!.body).not.toContain('인도');
  });
});

describe('a name corrected', () => {
  it('"sorry, I meant Shanghai Jiao Tong, not Tsinghua" asks the same of SJTU, not of Tsinghua', () => {
    const [, sjtu] = converse('what rank did tsinghua get in the AI paper author ranking?', 'sorry, I meant Shanghai Jiao Tong, not Tsinghua. same year (2020)');
    expect(sjtu!.answered).toBe(true);
    expect(sjtu!.body).toMatch(/40th/);
    expect(sjtu!.body).not.toMatch(/8th/);
  });
});

describe('two questions joined by "몇 개고"', () => {
  it('"울나라는 몇개고 그건 어디 자료야?" after two data-centre counts gives Korea’s count and its source', () => {
    const [, , korea] = converse('미국 대형 데이터센터 몇개야', '중국은?', '울나라는 몇개고 그건 어디 자료야?');
    expect(korea!.answered).toBe(true);
    expect(korea!.body).toContain('43');
    expect(korea!.text).toContain('클라우드신');
  });
});

describe('the language of a turn with no letters', () => {
  it('"#10?" after an English question is answered in English', () => {
    const [, tenth] = converse("Nature Index 2024, who's #1?", '#10?');
    expect(tenth!.locale).toBe('en');
    expect(tenth!.body).toMatch(/MIT/);
  });

  it('"2020?" after a Korean question is answered in Korean', () => {
    const [, year] = converse('칭화대 AI 논문 저자수 순위 몇 위야?', '2020?');
    expect(year!.locale).toBe('ko');
  });
});

describe('round-5 held-out causes', () => {
  it('"which chinese school is he from" after the founder’s PhD is his education (Tsinghua), not China’s', () => {
    const [, , school] = converse('who founded Moonshot AI?', "where'd he get his PhD", 'which chinese school is he from');
    expect(school!.answered).toBe(true);
    expect(school!.body).toMatch(/Tsinghua/);
  });

  it('"오픈AI 모델 중엔 뭐랑 비슷하다고 했어?" after Kimi beat Claude is Kimi’s comparison (o1), not OpenAI’s models', () => {
    const [, o1] = converse('Kimi k1.5 — which Anthropic model did it claim to beat?', '오픈AI 모델 중엔 뭐랑 비슷하다고 했어?');
    expect(o1!.answered).toBe(true);
    expect(o1!.body).toContain('o1');
  });

  it('"which 3 conferences exactly?" is refused: the article does not name them (for anyone, not "of Nikkei")', () => {
    const [, confs] = converse('닛케이 기사 날짜 언제?', 'which 3 conferences exactly?');
    expect(confs!.answered).toBe(false);
    expect(confs!.body).toMatch(/names of the conferences/);
    expect(confs!.body).not.toMatch(/of Nikkei/);
  });

  it('a new name with a kind of its own after that refusal asks its own kind ("베이징대 2020→2024 순위 변화?")', () => {
    const [, , peking] = converse('닛케이 기사 날짜 언제?', 'which 3 conferences exactly?', '베이징대 2020→2024 순위 변화?');
    expect(peking!.answered).toBe(true);
    expect(peking!.body).toMatch(/위/);
  });
});

describe('round-6 held-out causes', () => {
  it('"텐센트는 얼마 넣었는데" after Moonshot’s backers is refused: the article gives no sum for Tencent', () => {
    const [, , tencent] = converse('문샷 AI 설립 1년 만에 얼마 조달했어?', '누구한테서?', '텐센트는 얼마 넣었는데 ㅋㅋ');
    expect(tencent!.answered).toBe(false);
    expect(tencent!.body).toContain('텐센트');
  });

  it('"텐센트가 문샷 AI에 투자한 금액은?" is refused, not answered with Moonshot’s total', () => {
    const [a] = converse('텐센트가 문샷 AI에 투자한 금액은 기사에 나와 있습니까?');
    expect(a!.answered).toBe(false);
  });
});

describe('asking for the other language', () => {
  it('"say that in english pls" gives the last answer again, in English; "한국어로 다시" back in Korean', () => {
    const [, gpt4, english, korean] = converse('딥시크 개발비 얼마 들었다고?', '챗GPT-4는?', 'say that in english pls', '한국어로 다시');
    expect(gpt4!.locale).toBe('ko');
    expect(english!.locale).toBe('en');
    expect(english!.body).toMatch(/\$100 million/);
    expect(korean!.locale).toBe('ko');
    expect(korean!.body).toMatch(/1억달러/);
  });

  it('"영어로 알려줘" beside a question answers that question in English', () => {
    const a = core.ask({ text: '딥시크 GPU 몇 개야? 영어로 알려줘' });
    expect(a.locale).toBe('en');
    expect(a.body).toMatch(/50,000/);
  });

  it('with no answer before it, "in English please" answers nothing (and says so in English)', () => {
    const a = core.ask({ text: 'in English please' });
    expect(a.answered).toBe(false);
    expect(a.locale).toBe('en');
  });
});

describe('"말한 거" as saying, not meaning', () => {
  it('"생성형 AI 서비스 300개 넘는다는 건 누가 말한 거야?" after Nikkei’s ranking asks who said it, not a correction of the last question', () => {
    const [, said] = converse('AI 논문 저자수 순위 출처 어디야?', '생성형 AI 서비스 300개 넘는다는 건 누가 말한 거야?');
    expect(said!.body).toMatch(/국가인터넷정보판공실/);
    expect(said!.body).not.toMatch(/닛케이/);
  });
});

describe('a place asked after a thing of one kind', () => {
  it('"who was #1 then?" after the highest Chinese school in the AI paper ranking asks of institutions: refused, naming Tsinghua at 2nd', () => {
    const turns = converse('In the 2024 AI conference author ranking, how many of the top 100 were Chinese institutions?', 'which chinese school ranked highest there?', 'who was #1 then?');
    const last = turns.at(-1)!;
    expect(last.answered).toBe(false);
    expect(last.body).toMatch(/does not say who is 1st/);
    expect(last.body).not.toMatch(/United States is 1st/);
  });
});

describe('a correction after an answer found by the coverage score', () => {
  it('"GPU 몇 개 확보한대?" then "아 정부 말고 딥시크가 갖고 있는 거" is DeepSeek’s GPUs; "정부 건 언제까지라고?" the plan again', () => {
    const [, deepseek, government] = converse('GPU 몇 개 확보한대?', '아 정부 말고 딥시크가 갖고 있는 거', '정부 건 언제까지라고?');
    expect(deepseek!.body).toMatch(/5~6만개/);
    expect(deepseek!.body).not.toMatch(/정부에 대한 내용이 없어요/);
    expect(government!.body).toMatch(/내년 상반기까지/);
  });
});

describe('another band of places', () => {
  it('"10~20위 사이엔?" then "21~30위는?" after the top-10 count are the bands’ own facts (a tilde between numbers is a range, not a strike)', () => {
    const [, band, next] = converse('네이처 인덱스 2024 톱10에 중국 대학 몇 개야?', '10~20위 사이엔?', '21~30위는?');
    expect(band!.body).toMatch(/푸단대/);
    expect(next!.body).toMatch(/우한대/);
    expect(next!.body).not.toMatch(/30위가 나오지 않아요/);
  });
});

describe('a ranking named as a correction, and an interjection before "그럼"', () => {
  it('"아니 그거 말고 네이처 인덱스 2024 순위 말한 거" after Peking University’s AI paper rank asks PKU’s Nature Index rank (not given)', () => {
    const [, corrected] = converse('베이징대 AI 쪽 순위 몇 위야?', '아니 그거 말고 네이처 인덱스 2024 순위 말한 거');
    expect(corrected!.answered).toBe(false);
    expect(corrected!.body).toMatch(/베이징대의 .*네이처 인덱스 순위가 나오지 않아요/);
  });

  it('"그럼 네이처인덱스 2016년엔 몇 위였어?" after SJTU’s 2024 place asks SJTU’s 2016 place (not given), not the index’s summary', () => {
    const [, then] = converse('네이처 인덱스에서 상하이교통대 2024년은?', '그럼 네이처인덱스 2016년엔 몇 위였어?');
    expect(then!.answered).toBe(false);
    expect(then!.body).toMatch(/상하이교통대의 2016년 네이처 인덱스 순위가 나오지 않아요/);
  });

  it('"ㅇㅋ 그럼 AI 논문 순위 2020년 건?" keeps the university talked about', () => {
    const [, , again] = converse('베이징대 AI 쪽 순위 몇 위야?', '2016년엔?', 'ㅇㅋ 그럼 AI 논문 순위 2020년 건?');
    expect(again!.body).toMatch(/17위/);
  });
});

describe('"btw" and "뭐 한다고" start a question of their own', () => {
  it('"btw 네이버 클라우드 사우디에서 뭐 한다고?" after a Nature Index count is Naver’s Saudi project, not its Nature Index rank', () => {
    const [, , naver] = converse('Nature Index 2024에서 top10 안에 중국 대학 몇 개?', '미국은?', 'btw 네이버 클라우드 사우디에서 뭐 한다고?');
    expect(naver!.answered).toBe(true);
    expect(naver!.body).toMatch(/리벨리온/);
  });
});

describe('turns understood as nothing', () => {
  it('"just guess" and "give me the exact number" neither add to nor end the conversation: "when was it founded then?" is Zhipu', () => {
    const turns = converse("What's Zhipu AI valued at?", 'no, give me the exact number', 'just guess, a ballpark is fine', 'ok, when was it founded then?');
    expect(turns.at(-1)!.body).toMatch(/Zhipu AI was founded in 2019/);
  });
});

describe('"in Korean won" is a currency, not a language', () => {
  it('"What is Moonshot AI\'s valuation in Korean won?" is answered in English, with the won figure', () => {
    const a = core.ask({ text: "What is Moonshot AI's valuation in Korean won?" });
    expect(a.locale).toBe('en');
    expect(a.body).toMatch(/510 billion won/);
  });
});
