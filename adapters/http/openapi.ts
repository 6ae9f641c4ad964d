// The API's OpenAPI 3.1 description, served at GET /v1/openapi.json: what a page or a tool needs to
// call it (request and response shapes, errors, limits). Kept beside the routes it describes.
import { MAX_BODY_BYTES, MAX_QUESTION_CHARS } from '../../src/index.ts';
import { MAX_CONVERSATION_KEY, MAX_SUGGESTIONS } from './limits.ts';

const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'China AI Fact Bot API',
    version: '1.0.0',
    description:
      'Questions about the figures of one Newstoday article (2025-02-24), in Korean or English. Every answer names its source; ' +
      'when the article does not say, `answered` is false and `suggestions` lists questions it can answer.',
  },
  paths: {
    '/v1/ask': {
      post: {
        summary: 'Answer a question',
        description: `The answer is in the language of the question (\`locale\` is a hint for text without one). Questions sent with the same \`conversation\` form a conversation: follow-ups such as "그럼 미국은?" resolve against the earlier turns (for 10 minutes). Rate limited per client address; bodies over ${MAX_BODY_BYTES} bytes are refused.`,
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/AskRequest' } } } },
        responses: {
          '200': { description: 'The answer (also when the article does not say: see `answered`).', content: { 'application/json': { schema: { $ref: '#/components/schemas/Answer' } } } },
          '400': error('The body is not JSON, or `text`, `conversation` or `locale` is malformed.'),
          '413': error(`The body is over ${MAX_BODY_BYTES} bytes.`),
          '429': {
            description: 'Too many questions from this client: the first time with the notice (an Answer with `notice: "rate-limited"`), then with no body until `Retry-After` seconds have passed.',
            headers: { 'Retry-After': { schema: { type: 'integer' } } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Answer' } } },
          },
          '500': error('Answering failed (logged); try again.'),
          '503': error('The server is busy or shutting down: retry later.'),
        },
      },
    },
    '/v1/feedback': {
      post: {
        summary: 'Vote 👍 or 👎 on an answer',
        description:
          'One vote per user per answer; a second one changes it. `user` is your own id for the person voting (each of your users then has one vote); without it, the client address votes. Votes go to the question log the editors read; a 👎 keeps the question.',
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/FeedbackRequest' } } } },
        responses: {
          '200': { description: 'What became of the vote, and a line to show the voter.', content: { 'application/json': { schema: { $ref: '#/components/schemas/FeedbackResult' } } } },
          '400': error('The body is not JSON, or `feedbackId`, `vote` or `user` is malformed.'),
          '404': error('No answer with this `feedbackId`.'),
          '503': error('Votes cannot be saved now (no question log is kept, or it is down): retry later.'),
        },
      },
    },
    '/v1/suggest': {
      get: {
        summary: 'Questions it can answer, close to a partial text (for autocomplete)',
        parameters: [
          { name: 'q', in: 'query', required: false, schema: { type: 'string', maxLength: 200 }, description: 'What has been typed so far.' },
          { name: 'locale', in: 'query', required: false, schema: { $ref: '#/components/schemas/Locale' }, description: 'Used when `q` has no language of its own.' },
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_SUGGESTIONS, default: 10 } },
        ],
        responses: {
          '200': { description: 'Suggestions, best first.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Suggestions' } } } },
          '400': error('`limit` or `locale` is malformed.'),
        },
      },
    },
    '/v1/openapi.json': { get: { summary: 'This description', responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': {} } } } } },
  },
  components: {
    schemas: {
      Locale: { type: 'string', enum: ['ko', 'en'] },
      AskRequest: {
        type: 'object',
        required: ['text'],
        additionalProperties: false,
        properties: {
          text: { type: 'string', description: `The question. Over ${MAX_QUESTION_CHARS} characters gets a short "too long" notice.` },
          conversation: {
            type: 'string',
            maxLength: MAX_CONVERSATION_KEY,
            pattern: '^[A-Za-z0-9._:-]+$',
            description: 'A key of your choice (a UUID per visitor or chat window): questions with one key form a conversation.',
          },
          locale: { $ref: '#/components/schemas/Locale' },
        },
      },
      Citation: {
        type: 'object',
        required: ['source', 'article', 'date'],
        properties: {
          source: { type: 'string', description: 'The source the article credits.' },
          figure: { type: 'string', description: "The chart's caption, when the figure comes from one of the article's charts." },
          article: { type: 'string' },
          date: { type: 'string', description: 'YYYY-MM-DD' },
          quote: { type: 'string', description: "The article's own (Korean) sentence." },
          url: { type: 'string' },
        },
      },
      Answer: {
        type: 'object',
        required: ['answered', 'locale', 'text', 'body', 'citations', 'suggestions', 'score', 'facts'],
        properties: {
          answered: { type: 'boolean', description: 'false: the article does not answer this (see `suggestions`).' },
          locale: { $ref: '#/components/schemas/Locale' },
          text: { type: 'string', description: 'The answer as a person reads it, with its citation line.' },
          body: { type: 'string', description: 'The answer alone.' },
          citations: { type: 'array', items: { $ref: '#/components/schemas/Citation' } },
          suggestions: { type: 'array', items: { type: 'string' } },
          score: { type: 'number', minimum: 0, maximum: 1 },
          facts: { type: 'array', items: { type: 'string' }, description: 'The ids of the facts answered with.' },
          notice: { type: 'string', enum: ['empty', 'too-long', 'rate-limited', 'error'] },
          feedbackId: { type: 'string', description: 'Send it to POST /v1/feedback with a 👍/👎 (absent for notices, and when the server keeps no question log).' },
        },
      },
      FeedbackRequest: {
        type: 'object',
        required: ['feedbackId', 'vote'],
        additionalProperties: false,
        properties: {
          feedbackId: { type: 'string', description: "The answer's `feedbackId`." },
          vote: { type: 'string', enum: ['up', 'down'] },
          user: { type: 'string', maxLength: MAX_CONVERSATION_KEY, pattern: '^[A-Za-z0-9._:-]+$', description: 'Your id for the person voting (stored hashed).' },
        },
      },
      FeedbackResult: {
        type: 'object',
        required: ['outcome', 'message'],
        properties: { outcome: { type: 'string', enum: ['recorded', 'changed', 'unchanged'] }, message: { type: 'string' } },
      },
      Suggestions: { type: 'object', required: ['suggestions'], properties: { suggestions: { type: 'array', items: { type: 'string' } } } },
      Error: {
        type: 'object',
        required: ['error'],
        properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
      },
    },
  },
} as const;
