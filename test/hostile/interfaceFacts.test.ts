import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractInterfaceFacts } from '../../src/core/analyze/facts/interfaceFacts.js';
import { lexLine, patchModel } from '../../src/core/analyze/facts/code/patchModel.js';
import { splitWords } from '../../src/core/analyze/facts/code/words.js';
import type { FileInput } from '../../src/core/analyze/facts/types.js';
import { gitPatch } from '../support/gitPatch.js';

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

describe('interface facts on hostile input', () => {
  it('never throws and stays bounded on huge, deep and odd files', async () => {
    const deep = `fn f() { ${'('.repeat(5_000)}1${')'.repeat(5_000)} }\n`;
    const manyCalls = Array.from({ length: 20_000 }, (_, index) => `p.add_argument("--flag-${index}", default=${index})`).join('\n');
    const longLine = `x = "${'a'.repeat(300_000)}"\n`;
    const quotes = `${'"'.repeat(100_000)}\n${"'".repeat(100_000)}\n`;
    const files: FileInput[] = [
      { path: 'src/deep.rs', status: 'A', newText: deep, patch: `@@ -0,0 +1,1 @@\n+${deep}` },
      { path: 'cli.py', status: 'A', newText: manyCalls, patch: `@@ -0,0 +1,20000 @@\n${manyCalls.split('\n').map((line) => `+${line}`).join('\n')}\n` },
      { path: 'long.py', status: 'M', oldText: 'x = 1\n', newText: longLine, patch: gitPatch('x = 1\n', longLine) },
      { path: 'odd.rb', status: 'M', oldText: '', newText: quotes, patch: `@@ -0,0 +1,2 @@\n+${quotes.split('\n')[0]}\n+${quotes.split('\n')[1]}\n` },
      { path: 'Cargo.toml', status: 'M', oldText: '[dependencies]\n', newText: `[dependencies]\n${'a'.repeat(200_000)} = "1"\n` },
      { path: '.github/workflows/x.yml', status: 'M', oldText: 'on: push\n', newText: `on: push\njobs:\n${'  a:\n'.repeat(20_000)}` },
      { path: 'package.json', status: 'M', oldText: '{}', newText: `${'['.repeat(50_000)}${']'.repeat(50_000)}` },
      { path: 'weird.go', status: 'M', oldText: 'package x\n', newText: 'package x\n\u0000\u0001binary', patch: '@@ -1 +1,2 @@\n package x\n+\u0000\u0001binary\n' },
      { path: 'no-texts.ts', status: 'M', patch: '@@ -1 +1 @@\n-const a = process.env.A;\n+const a = process.env.B;\n' },
    ];
    const started = cpuMs();
    const facts = await extractInterfaceFacts(files);
    const spent = cpuMs() - started;
    assert.ok(spent < 20_000, `took ${Math.round(spent)} ms of CPU`);
    assert.ok(facts.flags.length <= 20_000);
    assert.deepEqual(facts.env.map((fact) => `${fact.change} ${fact.name}`), ['added B', 'removed A'], 'a file whose blobs were not read is read from its patch');
    assert.ok(facts.notes.some((note) => note.path === 'odd.rb'));
  });

  it('lexes and splits in linear time', () => {
    const started = cpuMs();
    lexLine(`${'a.'.repeat(50_000)}(`);
    lexLine('"\\'.repeat(100_000));
    splitWords('aB1'.repeat(100_000));
    patchModel(Array.from({ length: 5_000 }, (_, index) => ({ line: index + 1, text: `${'x('.repeat(200)}"--f"${')'.repeat(200)}` })));
    assert.ok(cpuMs() - started < 5_000);
  });
});
