// `npm run discord:deploy`: registers /ask, /chart, /facts and /about from the same definitions the bot uses.
// Needs DISCORD_TOKEN and DISCORD_APPLICATION_ID; DISCORD_GUILD_ID registers to one server instantly;
// DISCORD_API_BASE points at a REST proxy. Reads .env (or ENV_FILE) like `npm start`.
import { pathToFileURL } from 'node:url';
import dotenv from 'dotenv';
import { ConfigError, createCore, redactSecrets, type Core } from '../../src/index.ts';
import { configureDiscord, variables } from './config.ts';
import { registerCommands } from './register-commands.ts';

export interface DeployResult {
  code: 0 | 1;
  /** What the operator reads: the registered commands, or what to fix. */
  message: string;
}

/** Registers the commands with the configuration in `env`; never throws. */
export async function deployCommands(env: Record<string, string | undefined>, core: Pick<Core, 't' | 'topics' | 'charts'>): Promise<DeployResult> {
  try {
    const parsed = variables.safeParse(env);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { code: 1, message: `Cannot deploy commands: ${String(issue.path[0])} ${issue.message}` };
    }
    const config = configureDiscord(parsed.data);
    const { scope, names } = await registerCommands(config, core);
    const where = scope === 'guild' ? `to server ${config.guildId} (available now)` : 'globally (Discord may take up to an hour to show changes)';
    return { code: 0, message: `Registered ${names.map((n) => `/${n}`).join(', ')} ${where}.` };
  } catch (err) {
    const e = err as { status?: unknown; message?: unknown };
    if (err instanceof ConfigError) return { code: 1, message: `Cannot deploy commands: ${err.message}` };
    if (e?.status === 401) return { code: 1, message: 'Cannot deploy commands: Discord rejected DISCORD_TOKEN (401). Check the bot token in the Developer Portal.' };
    if (e?.status === 403 || e?.status === 404) {
      return {
        code: 1,
        message: `Cannot deploy commands: Discord answered ${String(e.status)}. Check DISCORD_APPLICATION_ID, and that the bot was invited to DISCORD_GUILD_ID with the applications.commands scope.`,
      };
    }
    return { code: 1, message: `Cannot deploy commands: ${redactSecrets(String(e?.message ?? err))}` };
  }
}

// Run as a script (npm run discord:deploy), not when a test imports deployCommands.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // Like `npm start`: ENV_FILE or ./.env fills in what the environment does not set.
  dotenv.config({ path: process.env.ENV_FILE?.trim() || '.env', quiet: true });
  void deployCommands(process.env, createCore()).then(({ code, message }) => {
    (code === 0 ? process.stdout : process.stderr).write(`${message}\n`);
    process.exit(code);
  });
}
