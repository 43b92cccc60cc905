// The analyzer's fast paths (searches skipped when their text is absent, line scans without split) must give
// exactly what the plain versions gave. The plain versions are kept here as references and both run on random text
// built from the characters and words those paths look for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultChanges, majorBumpsInMessage, parseUnifiedDiff } from '../../src/core/analyze/facts/diffSignals.js';
import type { FileDiffLines } from '../../src/core/analyze/facts/diffSignals.js';
import { moduleOf } from '../../src/core/analyze/facts/modules.js';

/** A small deterministic generator (tests must not depend on Math.random). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

function text(next: () => number, pieces: readonly string[], length: number): string {
  let out = '';
  const count = Math.floor(next() * length);
  for (let i = 0; i < count; i++) out += pick(next, pieces);
  return out;
}

function referenceParseUnifiedDiff(diff: string): FileDiffLines[] {
  const files: FileDiffLines[] = [];
  let current: FileDiffLines | undefined;
  let inHunk = false;
  for (const line of diff.split('\n')) {
    const header = /^diff --git a\/(.*?) b\/(.*)$/.exec(line);
    if (header) {
      current = { path: header[2]!, hunks: [] };
      files.push(current);
      inHunk = false;
      continue;
    }
    if (!current) continue;
    if (line.startsWith('@@')) {
      current.hunks.push({ added: [], removed: [] });
      inHunk = true;
      continue;
    }
    if (!inHunk) continue;
    const hunk = current.hunks[current.hunks.length - 1]!;
    if (line.startsWith('+')) hunk.added.push(line.slice(1));
    else if (line.startsWith('-')) hunk.removed.push(line.slice(1));
  }
  return files;
}

const DIFF_PIECES = ['\n', '\n', 'diff --git a/x b/x', 'diff --git a/a b b/a b', 'diff --git ', '@@ -1 +1 @@', '@', '@@', '+', '-', '+++ b/x',
  '--- a/x', ' ', 'x', '\r', 'DEFAULT_TIMEOUT = 30', 'defaultPort: 80', 'timeout_default = "x"', 'myDefault => 5', ' = ', ': ',
  '"a"', '1', '2', 'true', 'None', 'default', 'Default', 'EFAULT', 'efault', '"react": "^17.0.2"', '"react": "^18.0.0"',
  'timeout: int = field(default=30)', 'DEFAULTS = merge(a, b)', '==', '=>', '\n@@ -1 +1 @@\n-DEFAULT_TIMEOUT = 30\n+DEFAULT_TIMEOUT = 60',
  '\n-MAX_DEFAULT = 1\n+MAX_DEFAULT = 2', '\n-  defaultPort: 80,\n+  defaultPort: 81,', '\n-x_default = "a"\n+x_default = "b"'];

test('parseUnifiedDiff and defaultChanges give what the split-and-regex versions gave', () => {
  const next = random(1);
  for (let round = 0; round < 3000; round++) {
    const diff = text(next, DIFF_PIECES, 60);
    const parsed = parseUnifiedDiff(diff);
    assert.deepEqual(parsed, referenceParseUnifiedDiff(diff), JSON.stringify(diff));
    assert.deepEqual(defaultChanges(parsed), referenceDefaultChanges(parsed), JSON.stringify(diff));
    // collectSignals skips the search for a diff without `efault`/`EFAULT`: such a diff never has a changed default.
    if (!diff.includes('efault') && !diff.includes('EFAULT')) assert.deepEqual(referenceDefaultChanges(parsed), []);
  }
});

// The defaults search as it was, without the `efault` pre-check.
const DEFAULT_LINE =
  /\b(DEFAULT_[A-Z0-9_]+|default(?:[A-Z_][A-Za-z0-9_]*)?|[A-Za-z0-9]+_default|[a-z][A-Za-z0-9]*Default)["']?\s*(?::|=(?![=>])|=>)\s*("[^"]*"|'[^']*'|`[^`$]*`|[^\s,;)}\]]+)/;
const LITERAL_VALUE =
  /^(?:[-+]?\d[\w.]*|"[^"]*"|'[^']*'|`[^`$]*`|true|false|True|False|null|None|nil|undefined|[A-Z][A-Za-z0-9]*\.[A-Z_][A-Za-z0-9_]*|[A-Z][A-Z0-9_]+)$/;
const KEYED_LINE = /^\s*["']?([A-Za-z_$][\w$.-]*)["']?\s*[:=]/;
function referenceDefaultChanges(files: readonly FileDiffLines[]): { path: string; name: string }[] {
  const key = (line: string): { key: string; value: string } | undefined => {
    const match = DEFAULT_LINE.exec(line);
    if (!match || !LITERAL_VALUE.test(match[2]!)) return undefined;
    const keyed = KEYED_LINE.exec(line);
    return { key: keyed && keyed[1] !== match[1] ? `${keyed[1]}.${match[1]}` : match[1]!, value: match[2]! };
  };
  const changes: { path: string; name: string }[] = [];
  for (const file of files) {
    const names = new Set<string>();
    for (const hunk of file.hunks) {
      const removed = new Map<string, string>();
      for (const line of hunk.removed) {
        const found = key(line);
        if (found) removed.set(found.key, found.value);
      }
      for (const line of hunk.added) {
        const found = key(line);
        if (found && removed.has(found.key) && removed.get(found.key) !== found.value) names.add(found.key);
      }
    }
    for (const name of [...names].sort()) changes.push({ path: file.path, name });
  }
  return changes;
}

test('majorBumpsInMessage finds every bump on repeated calls (the search starts over each time)', () => {
  const message = 'Bump a from 1.0.0 to 2.0.0\nUpdates `b` from 3.1 to 4.0\nbump c from 1 to 1.5';
  const expected = [{ name: 'a', from: '1.0.0', to: '2.0.0' }, { name: 'b', from: '3.1', to: '4.0' }];
  assert.deepEqual(majorBumpsInMessage(message), expected);
  assert.deepEqual(majorBumpsInMessage(message), expected);
  assert.deepEqual(majorBumpsInMessage('nothing here'), []);
});

test('moduleOf answers the same from its cache', () => {
  for (const path of ['a.ts', 'src/cli.ts', 'packages/ui/src/a.ts', 'components/src/dynamo/planner/x.py', 'src/core/git/x.ts']) {
    assert.equal(moduleOf(path), moduleOf(path));
  }
  assert.equal(moduleOf('packages/ui/src/a.ts'), 'packages/ui');
  assert.equal(moduleOf('components/src/dynamo/planner/x.py'), 'components/src/dynamo/planner');
});
