import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

test('from a bundle, the parser loads tree-sitter.wasm and the grammars from grammars/ beside it', async (t) => {
  const out = mkdtempSync(join(tmpdir(), 'dd-grammars-'));
  t.after(() => rmSync(out, { recursive: true, force: true }));
  const copied = spawnSync(process.execPath, ['scripts/build.mjs', '--only', 'grammars', '--outdir', out], { encoding: 'utf8' });
  assert.equal(copied.status, 0, copied.stderr);
  assert.deepEqual(readdirSync(join(out, 'grammars')).sort(), [
    'tree-sitter-c.wasm', 'tree-sitter-cpp.wasm', 'tree-sitter-go.wasm', 'tree-sitter-java.wasm',
    'tree-sitter-javascript.wasm', 'tree-sitter-python.wasm', 'tree-sitter-rust.wasm', 'tree-sitter-tsx.wasm',
    'tree-sitter-typescript.wasm', 'tree-sitter.js', 'tree-sitter.wasm',
  ]);
  await build({
    entryPoints: ['test/support/parseProbe.ts'], outfile: join(out, 'probe.js'), bundle: true, platform: 'node',
    format: 'cjs', target: 'node20', minify: true, logLevel: 'warning',
  });
  const run = spawnSync(process.execPath, [join(out, 'probe.js')], { cwd: out, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const result = JSON.parse(run.stdout) as { roots: Record<string, string>; loaded: string[]; runtime: string };
  assert.deepEqual(Object.values(result.roots), [
    'program', 'program', 'program', 'module', 'source_file', 'source_file', 'translation_unit', 'translation_unit', 'program',
  ]);
  assert.equal(result.runtime, join(out, 'grammars', 'tree-sitter.wasm'));
  assert.equal(result.loaded.length, 9);
});
