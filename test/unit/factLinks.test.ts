// The facts of a commit's analysis as links to their lines (src/shared/factLinks.ts): both shapes the report may
// hold them in, the order and the cap, and malformed or hostile records left out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Analysis } from '../../src/core/domain/analysis.js';
import type { AnalyzedCommit } from '../../src/core/domain/report.js';
import { commitFactLinks, factLinkOf } from '../../src/shared/factLinks.js';
import { emptyAnalysis, makeCommit } from '../support/sampleReport.js';

function withFacts(facts: unknown): AnalyzedCommit {
  const analysis = { ...emptyAnalysis(), facts } as unknown as Analysis;
  return makeCommit({ sha: 'a'.repeat(40), subject: 'feat: x', date: '2026-01-22T10:00:00Z', analysis });
}

const FACTS = {
  definitions: [
    { kind: 'definition', change: 'body', defKind: 'function', name: 'helper', public: false, language: 'rust', path: 'src/a.rs', line: 40 },
    { kind: 'definition', change: 'added', defKind: 'class', name: 'PrometheusExporter', public: true, language: 'python', path: 'src/export.py', line: 12 },
    { kind: 'definition', change: 'renamed', defKind: 'method', name: 'write_pack', oldName: 'write', container: 'PackWriter', public: true, language: 'rust', path: 'src/pack.rs', line: 7 },
  ],
  flags: [{ kind: 'flag', change: 'removed', name: '--foo', framework: 'clap', path: 'src/cli.rs', line: 88, side: 'old' }],
  env: [], config: [],
  defaults: [{ kind: 'default', name: 'repeat_penalty', old: '1.1', new: '1.0', path: 'src/config.py', line: 3 }],
  routes: [], formats: [],
  dependencies: [
    { kind: 'dependency', change: 'bumped', name: 'serde', old: '1.0.1', new: '1.0.2', scope: 'runtime', ecosystem: 'cargo', lockOnly: true, path: 'Cargo.lock', line: 900 },
    { kind: 'dependency', change: 'added', name: 'tokio', new: '1.40', scope: 'runtime', ecosystem: 'cargo', path: 'Cargo.toml', line: 20 },
  ],
  ci: [], security: [{ kind: 'security', area: 'crypto', change: 'added', evidence: 'md5', path: 'src/a.rs', line: 2 }],
  tests: [], notes: [{ path: 'src/big.rs', reason: 'too-large' }],
};

test('facts kept by kind become links: interface changes first, a body change and a lock-file bump last', () => {
  const { links, more } = commitFactLinks(withFacts(FACTS));
  assert.equal(more, 0);
  assert.deepEqual(links.map((link) => `${link.sign} ${link.name} (${link.what}) ${link.path}:${link.line ?? ''} ${link.side}`), [
    '+ PrometheusExporter (class) src/export.py:12 new',
    '~ PackWriter.write_pack (method) src/pack.rs:7 new',
    '− --foo (flag) src/cli.rs:88 old',
    '~ repeat_penalty (default) src/config.py:3 new',
    '+ tokio (dependency) Cargo.toml:20 new',
    '~ serde (dependency) Cargo.lock:900 new',
    '~ helper (function) src/a.rs:40 new',
  ]);
  const renamed = links[1];
  assert.equal(renamed?.from, 'write');
  assert.equal(renamed?.to, 'write_pack');
  assert.deepEqual([links[3]?.from, links[3]?.to], ['1.1', '1.0']);
});

test('a flat list of facts is read the same way; a commit without facts has no links', () => {
  const flat = [...FACTS.flags, ...FACTS.definitions];
  assert.deepEqual(commitFactLinks(withFacts(flat)).links.map((link) => link.name), ['PrometheusExporter', 'PackWriter.write_pack', '--foo', 'helper']);
  assert.deepEqual(commitFactLinks(withFacts(undefined)), { links: [], more: 0 });
  assert.deepEqual(commitFactLinks(withFacts('facts')), { links: [], more: 0 });
});

test('removed things point at the old side; the cap counts the rest', () => {
  const many = Array.from({ length: 30 }, (_, index) => ({ kind: 'env', change: index % 2 === 0 ? 'added' : 'removed', name: `UV_${index}`, path: 'src/env.rs', line: index + 1 }));
  const { links, more } = commitFactLinks(withFacts(many));
  assert.equal(links.length, 12);
  assert.equal(more, 18);
  assert.equal(links[1]?.side, 'old');
  assert.equal(links[1]?.sign, '−');
});

test('malformed and hostile records are left out; text is one bounded line', () => {
  const bad: unknown[] = [
    null, 3, 'definition', [],
    { kind: 'definition', change: 'added', defKind: 'spaceship', name: 'X', path: 'a.ts', line: 1 },
    { kind: 'definition', change: 'added', defKind: 'class', path: 'a.ts', line: 1 },
    { kind: 'flag', change: 'added', name: '--x', line: 1 },
    { kind: 'flag', change: 'added', name: '--x', path: '', line: 1 },
    { kind: 'flag', change: 'added', name: '   ', path: 'a.ts', line: 1 },
    { kind: 'unknown', name: 'x', path: 'a.ts' },
  ];
  for (const record of bad) {
    assert.equal(typeof record === 'object' && record !== null ? factLinkOf(record as Record<string, unknown>) : undefined, undefined, JSON.stringify(record));
  }
  const hostile = factLinkOf({ kind: 'flag', change: 'added', name: `--x\n<script>alert(1)</script>${'y'.repeat(500)}`, path: 'a.ts', line: -4 });
  assert.ok(hostile !== undefined);
  assert.equal(hostile.line, undefined);
  assert.equal(hostile.name.includes('\n'), false);
  assert.equal(hostile.name.length, 200);
  const side = factLinkOf({ kind: 'config', change: 'added', key: 'a.b', path: 'a.ts', line: 2, side: 'sideways' });
  assert.equal(side?.side, 'new');
});
