// `npm run discord:deploy`: registers /ask, /facts and /about from the same definitions the bot uses.
// Needs DISCORD_TOKEN and DISCORD_APPLICATION_ID; DISCORD_GUILD_ID registers to one server instantly;
// DISCORD_API_BASE points at a REST proxy. Reads .env (or ENV_FILE) like `npm start`.
import dotenv from 'dotenv';
import { ConfigError, createCore } from '../../src/index.ts';
import { readDiscordConfig } from './config.ts';
import { registerCommands } from './register-commands.ts';
import { redactTokens } from './safe-error.ts';

async function main(): Promise<number> {
  // Like `npm start`: ENV_FILE or ./.env fills in what the environment does not set.
  dotenv.config({ path: process.env.ENV_FILE?.trim() || '.env', quiet: true });
  try {
    const config = readDiscordConfig(process.env);
    const { scope, names } = await registerCommands(config, createCore());
    const where = scope === 'guild' ? `to server ${config.guildId} (available now)` : 'globally (Discord may take up to an hour to show changes)';
    process.stdout.write(`Registered ${names.map((n) => `/${n}`).join(', ')} ${where}.\n`);
    return 0;
  } catch (err) {
    const e = err as { status?: unknown; message?: unknown };
    if (err instanceof ConfigError) {
      process.stderr.write(`Cannot deploy commands: ${err.message}\n`);
    } else if (e?.status === 401) {
      process.stderr.write('Cannot deploy commands: Discord rejected DISCORD_TOKEN (401). Check the bot token in the Developer Portal.\n');
    } else if (e?.status === 403 || e?.status === 404) {
      process.stderr.write(
        `Cannot deploy commands: Discord answered ${String(e.status)}. Check DISCORD_APPLICATION_ID, and that the bot was invited to DISCORD_GUILD_ID with the applications.commands scope.\n`,
      );
    } else {
      process.stderr.write(`Cannot deploy commands: ${redactTokens(String(e?.message ?? err))}\n`);
    }
    return 1;
  }
}

main().then((code) => process.exit(code));
