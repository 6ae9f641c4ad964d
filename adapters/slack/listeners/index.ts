// Every Slack listener, registered through one wrapper (listener.ts). The HTTP door lets through what
// these listen to and turns the rest away at once.
import type { Listened } from '../http-door.ts';
import { appMention } from './app-mention.ts';
import { askCommand } from './ask-command.ts';
import { directMessage } from './direct-message.ts';
import type { SlackListener } from './listener.ts';
import { shareAction } from './share-action.ts';

export const listeners: ReadonlyArray<SlackListener<never>> = [appMention, directMessage, askCommand, shareAction] as unknown as ReadonlyArray<SlackListener<never>>;

/** What the listeners answer, as the HTTP door checks it. */
export function listened(all: ReadonlyArray<SlackListener<never>> = listeners): Listened {
  const commands = new Set<string>();
  const actions = new Set<string>();
  for (const { listens } of all) {
    if ('command' in listens) commands.add(listens.command);
    if ('action' in listens) actions.add(listens.action);
  }
  return { commands, interactions: new Set(actions.size > 0 ? ['block_actions'] : []), actions };
}
