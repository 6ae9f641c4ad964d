// Words that shape a question but say nothing about which fact it asks for. They do not count against
// the confidence when nothing matches them (a question is not less clear for saying "please").
// Question words (몇, 언제, how many, when) are here too: they may still match a fact's keywords.

const KO = `몇 몇개 몇개나 몇곳 몇명 몇위 개 개나 곳 개소 얼마 얼마나 얼만큼 어떻게 어떤 어떠 어땠 무엇 뭐 뭔 뭔가 뭐야 뭐지 뭐뭐 무슨 어느
  누구 누가 누군 언제 어디 어디서 왜 알려 알려줘 알려주세요 알려줄래 알려줄 가르쳐 가르쳐줘 궁금 궁금해 궁금해요 말해줘 말해 있어 있나 있는 있음 있니 있어요 있나요
  있대 있다 있던 있을 있지 없어 없나 갖고 가지고 가진 가졌 했 하는 하나 해 했던 했지 됐 되 된 되는 좀 그 이 저 그거 이거 저거 그게 이게 기사 기사에서 기사에
  대해 대해서 대한 관련 관련해서 관해 관해서 정도 혹시 원래 본래 그럼 그리고 또 근데 요즘 지금 말 라고 나와 나온 대략 약 총 거 것 건 걸 게 수 번 좀더 더 보면 보니
  같은 같아 같이 출처 자료 조사 기관 근거 소스 장 명 종 건 가지 안 밖에 그거밖 그거밖에 겨우 ㄹㅇ 레알 실화 맞아 맞나 맞지 진짜 정말 대체 도대체 제일 가장 가요 나요 라는 한 할 하면 하고 해서 해줘요 주세요 줘 봐 봐줘 싶어 ${'요 는 은 이 가 을 를 의 에 도 만 로 와 과 야 지 죠 임 음'}`;

const EN = `the a an is are was were be been being do does did done what which who whom whose when where why how many much of in on
  at to for from by with about tell me please show give i you it its this that these those and or there has have had can could would
  should will shall may might must article say says said according know want get any so my your our their his her they we he she them
  him there's what's who's how's is it kind some one ones let lets let's really actually basically exactly just now currently right thing things stuff
  number numbers amount figure figures total much big large b c d e f g h j k l m n o p q r s t u v w x y z
  source sources data cite cited according`;

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

export const KOREAN_STOPWORDS = words(KO);
export const ENGLISH_STOPWORDS = words(EN);

export function isStopword(word: string): boolean {
  return KOREAN_STOPWORDS.has(word) || ENGLISH_STOPWORDS.has(word);
}
