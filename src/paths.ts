// Where the project's data folders are, whatever the working directory.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_FACTS_DIR = join(PROJECT_ROOT, 'facts');
export const DEFAULT_LOCALES_DIR = join(PROJECT_ROOT, 'locales');
