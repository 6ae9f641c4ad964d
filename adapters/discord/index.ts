// The Discord platform: slash commands (/ask with autocomplete, /facts, /about; commands/) over the
// gateway with discord.js (start-discord.ts). Started by `npm start` when DISCORD_TOKEN is set. This file
// is what the runtime discovers: the variables and configuration only, so that a process that does not
// start Discord never loads discord.js.
import { definePlatform } from '../../src/index.ts';
import { configureDiscord, variables } from './config.ts';

export const platform = definePlatform({
  name: 'discord',
  variables,
  isConfigured: (values) => Boolean(values.DISCORD_TOKEN),
  // Answers carry chart pictures: the runtime draws them ahead of the first question.
  pictures: true,
  configure: configureDiscord,
  start: async (ctx) => (await import('./start-discord.ts')).startDiscord(ctx),
});
