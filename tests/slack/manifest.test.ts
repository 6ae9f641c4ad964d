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

  it('can upload the chart pictures (files:write), and the README lists exactly the scopes the manifest asks for', () => {
    expect(manifest.oauth_config.scopes.bot).toContain('files:write');
    const readme = readFileSync(new URL('../../adapters/slack/README.md', import.meta.url), 'utf8');
    const listed = /the scopes \(([^)]*)\)/.exec(readme)?.[1] ?? '';
    expect([...listed.matchAll(/`([a-z_:.]+)`/g)].map((m) => m[1]).sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
  });

  it('declares /ask, the share button (interactivity) and Socket Mode', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toContain('/ask');
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});
