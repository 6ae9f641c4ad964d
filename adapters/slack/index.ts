// The Slack platform: mentions (answered in the thread), DMs and /ask (ephemeral, with a share button)
// through @slack/bolt (start-slack.ts), over Socket Mode when SLACK_APP_TOKEN is set, else Slack's Events
// API on the public PORT. Started by `npm start` when SLACK_BOT_TOKEN is set. This file is what the
// runtime discovers: the variables and configuration only, so that a process that does not start Slack
// never loads Bolt.
import { definePlatform } from '../../src/index.ts';
import { configureSlack, variables } from './config.ts';

export const platform = definePlatform({
  name: 'slack',
  variables,
  isConfigured: (values) => Boolean(values.SLACK_BOT_TOKEN),
  // Answers carry chart pictures: the runtime draws them ahead of the first question.
  pictures: true,
  configure: configureSlack,
  start: async (ctx) => (await import('./start-slack.ts')).startSlack(ctx),
});
