// What a chat message carries besides the question: platform markup (mentions, channel links, custom
// emoji, Markdown and Slack links, bold and spoilers, code blocks) and text addressed to the bot as if it
// were a chat model ("ignore all previous instructions and ..."). The bot follows no instructions; it
// answers the question inside, and when nothing is left, says there is no question about the article.

// <@U123>, <@!123>, <@&role>, <#C123|general>, <!channel>, <!here|here>: never part of a question.
const MENTION = /<[@#!][^>\n]{0,120}>/g;
// Discord custom emoji <:name:123> and <a:name:123>; :shortcodes: of Slack and Discord.
const CUSTOM_EMOJI = /<a?:[\w~-]{1,40}:\d{1,25}>/g;
const SHORTCODE = /(^|[\s(])(:[a-z0-9_+-]{1,40}:)(?=$|[\s).,!?])/gi;
// Slack links <https://x|label> keep their label; Markdown links [label](url) too; bare URLs go.
const CHAT_LINK = /<(?:https?|mailto):[^|>\s]{1,500}\|([^>]{0,200})>/g;
const CHAT_BARE_LINK = /<(?:https?|mailto):[^>\s]{1,500}>/g;
const MARKDOWN_LINK = /\[([^\]]{0,200})\]\((?:[^)\s]{1,500})\)/g;
const URL = /\bhttps?:\/\/\S{1,500}/g;
// A fenced code block holds what the bot should run or print, not what it is asked.
const CODE_FENCE = /```[\s\S]{0,2000}?```/g;
// Emphasis and spoiler markers keep their text: *bold*, _italic_, ~strike~, ||spoiler||, `code`, > quote.
// A tilde between two numbers is a range ("10~20위"), not a strike.
const EMPHASIS = /\|\||[*_`]+|~+(?!\s*\d)|(?<!\d\s*)~+|^\s*>+\s?/gm;
// Bracketed role tags that pose as the system: [SYSTEM], [[SYSTEM OVERRIDE]], <system>, (admin mode).
const ROLE_TAG = /[[(<{]{1,2}\s*(?:system|sys|admin|developer|dev|assistant|user|override|system override|instruction|instructions|jailbreak)[^\])}>]{0,30}[\])}>]{1,2}/gi;

// Instructions to a chat model, to the end of their clause. English and Korean, as they are usually typed.
const INSTRUCTION = new RegExp(
  [
    String.raw`\b(?:please\s+)?(?:ignore|disregard|forget|override|bypass)\b[^.!?;:\n]{0,80}?\b(?:instructions?|rules?|prompts?|guidelines?|everything|above|previous|prior|restrictions?|filters?)\b[^.!?;:\n]{0,120}`,
    String.raw`\byou are now\b[^.!?;:\n]{0,120}`,
    String.raw`\b(?:act|answer|reply|respond|talk|speak|write)\s+(?:only\s+)?(?:like|as)\s+(?:a|an)\b[^.!?;:\n]{0,60}`,
    String.raw`\b(?:reply|respond|answer|say|output|print|type)\s+(?:only|just|with only)\b[^.!?;:\n]{0,80}`,
    String.raw`\b(?:print|reveal|show|output|repeat|leak|dump)\s+(?:me\s+)?(?:your|the)\s+(?:system\s+prompt|prompt|instructions|rules|password|secret|token|config\w*)[^.!?;:\n]{0,60}`,
    String.raw`\bdeveloper mode\b[^.!?;:\n]{0,60}`,
    String.raw`\b(?:jailbreak|dan mode|do anything now)\b[^.!?;:\n]{0,60}`,
    String.raw`(?:이전|앞의|위의|기존|모든|지금까지의?)\s*(?:지시|지침|명령|규칙|설정|프롬프트)\S*\s*(?:는|은|를|을)?\s*(?:모두|전부|다)?\s*(?:무시|잊어|잊고|취소)[^\s|]*`,
    String.raw`(?:지시|지침|명령|규칙|프롬프트)\S*\s*(?:모두|전부|다)?\s*무시\S*`,
    String.raw`지금부터\s*(?:너는|넌|당신은)[^.!?;:\n]{0,80}`,
    String.raw`(?:시스템\s*프롬프트|관리자\s*(?:비밀번호|암호|권한)|비밀번호|토큰)\S*\s*(?:를|을)?\s*(?:출력|알려|보여|공개)\S*`,
    String.raw`(?:해적|로봇|고양이)\s*(?:처럼|말투로)[^.!?;:\n]{0,40}`,
  ].join('|'),
  'gi',
);

const INSTRUCTION_TEST = new RegExp(INSTRUCTION.source, 'i');

// Talk about the language of the chat, not about the article: "한국어로 여쭤볼게요", "영어로 물어봐도 돼요?",
// "sorry, switching back to English", "in English please". Left in, 한국어 reads as Korea (한국).
const LANGUAGE_TALK = /(?:그냥\s*)?(?:한국어|한글|영어)로\s*(?:여쭤|물어|질문|말|얘기|답|대답|알려|해)\S*(?:\s*(?:볼게요|볼게|할게요|할게|주세요|줘|드릴게요|도\s*돼요?|돼요?))*[.!?~]*|\b(?:sorry,?\s*)?(?:switching|switch|going)\s+(?:back\s+)?(?:to|into)\s+(?:english|korean)\b(?:\s+(?:lol|haha))?|\b(?:in|answer in|reply in)\s+(?:english|korean)\s+please\b/gi;
const MAY_TALK_LANGUAGE = /한국어|한글|영어|english|korean/i;

/**
 * A number typed apart: "3 . 5" is 3.5. (Hangul typed apart, "카 이 스 트", is read by joining adjacent
 * words in read-question.ts, which knows which joins make words.)
 */
export function joinSpacedLetters(text: string): string {
  return text.replace(/(\d) ?\. ?(\d)/g, '$1.$2');
}

/** The question with platform markup and instructions to a chat model taken out. */
// Only a text with one of these characters or words can hold markup or instructions: the rest is returned as is.
const MAY_HAVE_NOISE = /[<[`*_~|>:]|https?:|ignore|disregard|forget|override|bypass|you are|like a|as a|only|print|reveal|show|output|repeat|leak|dump|developer|jailbreak|dan mode|지시|지침|명령|규칙|프롬프트|지금부터|비밀번호|암호|권한|토큰|처럼|말투/i;

export function stripNoise(text: string): string {
  const raw = String(text ?? '');
  const input = MAY_TALK_LANGUAGE.test(raw) ? raw.replace(LANGUAGE_TALK, ' ') : raw;
  if (!MAY_HAVE_NOISE.test(input)) return joinSpacedLetters(input).trim();
  const unlinked = input
    .replace(CHAT_LINK, ' $1 ')
    .replace(CHAT_BARE_LINK, ' ')
    .replace(MARKDOWN_LINK, ' $1 ')
    .replace(URL, ' ')
    .replace(CUSTOM_EMOJI, ' ')
    .replace(MENTION, ' ');
  // A code block holding an instruction goes; one holding words ("```네이처 인덱스 2024```") stays as words.
  const base = unlinked.replace(CODE_FENCE, (block) => (INSTRUCTION_TEST.test(block) ? ' ' : ` ${block.slice(3, -3)} `));
  return joinSpacedLetters(base)
    .replace(ROLE_TAG, ' ')
    .replace(INSTRUCTION, ' ')
    .replace(EMPHASIS, ' ')
    .replace(SHORTCODE, '$1 ')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}
