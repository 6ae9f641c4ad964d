// Every Slack listener, registered through one wrapper (listener.ts). The HTTP door lets through what
// these listen to and turns the rest away at once.
import type { Listened } from '../http-door.ts';
import { appMention } from './app-mention.ts';
import { askCommand } from './ask-command.ts';
import { directMessage } from './direct-message.ts';
import { feedbackAction } from './feedback-action.ts';
import type { SlackListener } from './listener.ts';
import { shareAction } from './share-action.ts';

/** The listeners, with the slash command named as configured (SLACK_COMMAND, /ask by default). */
export function listeners(command: string): ReadonlyArray<SlackListener<never>> {
  return [appMention, directMessage, askCommand(command), shareAction, feedbackAction('up'), feedbackAction('down')] as unknown as ReadonlyArray<SlackListener<never>>;
}

/** What the listeners answer, as the HTTP door checks it. */
export function listened(all: ReadonlyArray<SlackListener<never>>): Listened {
  const commands = new Set<string>();
  const actions = new Set<string>();
  for (const { listens } of all) {
    if ('command' in listens) commands.add(listens.command);
    if ('action' in listens) actions.add(listens.action);
  }
  return { commands, interactions: new Set(actions.size > 0 ? ['block_actions'] : []), actions };
}
