// The numbers-in-article check reads Korean number forms the way the article writes them.
import { describe, expect, it } from 'vitest';
import { checkNumbers, extractEnglishNumbers, extractNumbers } from '../../src/facts/check-numbers.ts';

const values = (text: string) => extractNumbers(text).map((n) => n.value);

describe('extractNumbers', () => {
  it('reads plain digits and thousands separators', () => {
    expect(values('미국은 5381개소, 또는 5,381개소')).toEqual([5381, 5381]);
    expect(values('클로드 3.5 소넷과 Kimi k1.5')).toEqual([3.5, 1.5]);
  });

  it('reads Korean unit forms as one number', () => {
    expect(values('1만1800개소')).toEqual([11800]);
    expect(values('5천억달러')).toEqual([500_000_000_000]);
    expect(values('560만달러')).toEqual([5_600_000]);
    expect(values('33억달러(약 5100억원)')).toEqual([3_300_000_000, 510_000_000_000]);
    expect(values('1만8천개')).toEqual([18_000]);
    expect(values('5조7천억원')).toEqual([5_700_000_000_000]);
  });

  it('applies the unit after a range to both ends', () => {
    expect(values('GPU 5~6만개')).toEqual([5, 50_000, 60_000]);
    expect(values('10~20위')).toEqual([10, 20]);
  });

  it('splits dates and leaves a sentence full stop out', () => {
    expect(values('입력 : 2025.02.24 00:30')).toEqual([2025, 2, 24, 0, 30]);
    expect(values('2024년에는 2위였다.')).toEqual([2024, 2]);
  });

  it('finds nothing in text without digits', () => {
    expect(values('몇천개 정도에 불과한 실정이다')).toEqual([]);
  });
});

describe('checkNumbers', () => {
  const article = '중국은 449개소, 전세계는 1만1800개소. 스타게이트는 5천억달러.';
  const fact = (answer: string, value = 449, before?: number) => ({
    id: 'f',
    quote: '중국은 449개소',
    answer: { ko: answer },
    values: [{ value, ...(before === undefined ? {} : { before }) }],
  });

  it('accepts numbers the article gives, in its own forms', () => {
    expect(checkNumbers(article, [fact('중국은 449개소, 전세계 1만1800개소, 5천억달러입니다.')])).toEqual([]);
    expect(checkNumbers(article, [fact('전세계에는 11,800개소입니다.', 11800)])).toEqual([]);
  });

  it('names the fact, the field and the number it cannot find', () => {
    expect(checkNumbers(article, [fact('중국은 450개소입니다.')])).toEqual(['fact "f" field answer.ko: number 450 not found in the article']);
    expect(checkNumbers(article, [fact('중국은 449개소입니다.', 65)])).toEqual(['fact "f" field values[0].value: number 65 not found in the article']);
    expect(checkNumbers(article, [fact('중국은 449개소입니다.', 449, 7)])).toEqual(['fact "f" field values[0].before: number 7 not found in the article']);
    expect(checkNumbers(article, [fact('스타게이트는 6천억달러입니다.')])).toEqual([
      'fact "f" field answer.ko: number 6천억 (600000000000) not found in the article',
    ]);
  });
});

describe('numbers in English answers', () => {
  const article = '딥시크는 불과 560만달러만 소요되었다. 트럼프는 5천억달러를 투자한다. 중국은 449개소.';
  const fact = (en: string) => ({ id: 'f', quote: '중국은 449개소.', answer: { ko: '중국은 449개소.', en }, values: [] });

  it('reads scaled English figures as the article writes them in Korean', () => {
    expect(extractEnglishNumbers('$5.6 million and $500 billion, 50,000–60,000 GPUs, 12th').map((t) => t.value)).toEqual([
      5_600_000, 500_000_000_000, 50_000, 60_000, 12,
    ]);
    expect(checkNumbers(article, [fact('DeepSeek cost $5.6 million; Stargate is $500 billion; China has 449.')])).toEqual([]);
  });

  it('names an English figure the article does not hold', () => {
    expect(checkNumbers(article, [fact('China has 450 large data centres.')])).toEqual([
      'fact "f" field answer.en: number 450 not found in the article',
    ]);
  });
});
