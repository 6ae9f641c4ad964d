// Runs an npm script or the entry point as a child process, as an operator would, with a clean
// environment: no platform variables leak in from the machine running the tests.
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(DISCORD_|SLACK_|BOT_|PORT$)/.test(key)) env[key] = value;
  }
  // ENV_FILE pointing nowhere: a developer's own .env must not change what the test sees.
  return { ...env, LOG_LEVEL: 'warn', ENV_FILE: join(tmpdir(), 'no-such-dir', '.env'), ...extra };
}

export function runChild(command: string, args: string[], env: Record<string, string>): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
