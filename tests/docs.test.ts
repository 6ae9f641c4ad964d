// The documentation a newcomer finds their way in: the README stays a short map, every relative link
// in every Markdown file resolves (the file exists; a #fragment names a heading there), and no page
// points at the project's issue tracker instead of saying what it means.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/paths.ts';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name.startsWith('.')) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith('.md') ? [path] : [];
  });
}

/** The text without fenced code blocks and inline code: what is there is not a link. */
function prose(text: string): string {
  return text.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchors(file: string): Set<string> {
  const headings = prose(readFileSync(file, 'utf8')).match(/^#{1,6}\s+.+$/gm) ?? [];
  return new Set(headings.map((h) => slug(h.replace(/^#+\s+/, ''))));
}

const files = markdownFiles(PROJECT_ROOT);
const links = files.flatMap((file) => {
  const text = prose(readFileSync(file, 'utf8'));
  const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g), ...text.matchAll(/<img[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
  return targets.map((target) => ({ file, target }));
});

describe('the documentation', () => {
  it('keeps the README a short map (at most 150 lines)', () => {
    expect(readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8').trimEnd().split('\n').length).toBeLessThanOrEqual(150);
  });

  it('has the pages the README sends a newcomer to', () => {
    for (const page of ['docs/operations.md', 'docs/matching.md', 'docs/benchmarks.md', 'docs/answer-quality.md', 'facts/README.md', 'adapters/README.md']) {
      expect(existsSync(join(PROJECT_ROOT, page)), page).toBe(true);
    }
    for (const adapter of readdirSync(join(PROJECT_ROOT, 'adapters')).filter((f) => statSync(join(PROJECT_ROOT, 'adapters', f)).isDirectory())) {
      expect(existsSync(join(PROJECT_ROOT, 'adapters', adapter, 'README.md')), `adapters/${adapter}/README.md`).toBe(true);
    }
  });

  it('has every relative link resolve: the file exists, and a #fragment names one of its headings', () => {
    expect(links.length).toBeGreaterThan(20);
    const broken: string[] = [];
    for (const { file, target } of links) {
      if (/^(https?:|mailto:)/.test(target)) continue;
      const [path = '', fragment] = target.split('#');
      const resolved = path === '' ? file : resolve(dirname(file), decodeURIComponent(path));
      const where = `${relative(PROJECT_ROOT, file)} -> ${target}`;
      if (!existsSync(resolved)) broken.push(`${where}: no such file`);
      else if (fragment && resolved.endsWith('.md') && !anchors(resolved).has(fragment)) broken.push(`${where}: no such heading`);
    }
    expect(broken).toEqual([]);
  });

  it('says what it means instead of pointing at issues', () => {
    const mentions = files.filter((f) => /\bissues?\s*#?\d+|github\.com\/[^\s)]+\/issues\b/i.test(readFileSync(f, 'utf8'))).map((f) => relative(PROJECT_ROOT, f));
    expect(mentions).toEqual([]);
  });
});
