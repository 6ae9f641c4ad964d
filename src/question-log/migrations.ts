// Schema migrations, versioned in the project: migrations/<dialect>/NNNN-name.sql, applied in order,
// each once, each in a transaction, recorded in schema_migrations. A new column or index is a new file;
// a file that shipped is never edited (a database that applied it would not see the change).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Dialect = 'sqlite' | 'postgres';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
const FILE_NAME = /^(\d{4})-([a-z0-9-]+)\.sql$/;

export function loadMigrations(dialect: Dialect, dir = join(MIGRATIONS_DIR, dialect)): Migration[] {
  const migrations: Migration[] = [];
  for (const file of readdirSync(dir).sort()) {
    const m = FILE_NAME.exec(file);
    if (!m) throw new Error(`${join(dir, file)}: a migration file is named NNNN-name.sql (e.g. 0002-add-channel.sql)`);
    const version = Number(m[1]);
    if (migrations.some((x) => x.version === version)) throw new Error(`${join(dir, file)}: migration version ${version} is used twice`);
    migrations.push({ version, name: m[2]!, sql: readFileSync(join(dir, file), 'utf8') });
  }
  return migrations;
}

/** The migrations not yet applied, oldest first. */
export function pending(all: readonly Migration[], applied: Iterable<number>): Migration[] {
  const done = new Set(applied);
  return all.filter((m) => !done.has(m.version));
}
