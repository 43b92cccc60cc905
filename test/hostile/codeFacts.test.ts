import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractCodeFacts } from '../../src/core/analyze/facts/definitions.js';
import type { FileInput } from '../../src/core/analyze/facts/types.js';

// Hostile sources: nothing throws, the work stays bounded, the rest of the commit is still read.

test('hostile sources: deep nesting, a huge name, thousands of definitions, random bytes', async () => {
  const deep = `${'namespace a { '.repeat(3000)}int f() { return 1; }${' }'.repeat(3000)}\n`;
  const hugeName = `pub fn ${'x'.repeat(3000)}() {}\n${'fn small() {}\n'.repeat(40)}`;
  const many = Array.from({ length: 8000 }, (_, i) => `def f${i}():\n    pass\n`).join('');
  let seed = 7;
  const random = Array.from({ length: 100_000 }, () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return String.fromCharCode(32 + (seed % 95));
  }).join('');
  const files: FileInput[] = [
    { path: 'deep.cpp', status: 'A', newText: deep },
    { path: 'huge.rs', status: 'A', newText: hugeName },
    { path: 'many.py', status: 'A', newText: many },
    { path: 'random.ts', status: 'M', oldText: random, newText: `${random}x` },
    { path: 'nested.py', status: 'A', newText: `${'['.repeat(50_000)}${']'.repeat(50_000)}\n` },
    { path: 'attr.rs', status: 'A', newText: `#[${'a'.repeat(100_000)}]\nfn t() {}\n` },
    { path: 'ok.go', status: 'A', newText: 'package ok\nfunc Fine() {}\n' },
  ];
  const started = performance.now();
  const facts = await extractCodeFacts(files);
  const elapsed = performance.now() - started;
  assert.ok(elapsed < 20_000, `bounded: ${elapsed} ms`);
  const byPath = (path: string) => facts.definitions.filter((fact) => fact.path === path);
  assert.deepEqual(byPath('ok.go').map((fact) => fact.name), ['Fine']);
  assert.ok(byPath('many.py').length <= 5000, 'definitions per file are capped');
  const huge = byPath('huge.rs')[0];
  assert.ok(huge && (huge.signature ?? '').length <= 300 && huge.name.length <= 200, 'names and signatures are bounded');
  assert.ok(facts.notes.some((note) => note.path === 'random.ts'), 'random text is not read as code');
});
