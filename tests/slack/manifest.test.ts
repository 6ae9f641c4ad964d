// The app manifest an operator pastes must match what the adapter listens to.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const manifest = parse(readFileSync(new URL('../../adapters/slack/manifest.yml', import.meta.url), 'utf8')) as {
  features: { slash_commands: Array<{ command: string }>; app_home: { messages_tab_enabled: boolean }; bot_user: { display_name: string } };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
};

describe('Slack app manifest', () => {
  it('subscribes to mentions and DMs with the scopes they need', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['app_mention', 'message.im']));
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['app_mentions:read', 'im:history', 'chat:write', 'commands']));
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
  });

  it('declares /ask, the share button (interactivity) and Socket Mode', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toContain('/ask');
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});
