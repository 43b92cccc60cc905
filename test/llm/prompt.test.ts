import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PROMPT_VERSION, buildPrompt, checkSentence, buildGroundingContext, exclusionKind, groundText, parseModelOutput, splitSentences,
} from '../../src/core/llm/index.js';
import { cacheFileName, createFileCache, defaultCliCacheDir } from '../../src/core/cache/index.js';
import type { CacheKey } from '../../src/core/cache/index.js';
import { validAnswer } from './fakeOpenAiServer.js';
import { SMALL_DIFF, makeCommit, makeOffline } from './fixtures.js';

const diff = (text: string) => ({ text, truncated: false, omittedFiles: [] as string[] });

test('the prompt is deterministic and carries the fact block', () => {
  const input = { commit: makeCommit(), offline: makeOffline(), repoName: 'demo', diff: diff(SMALL_DIFF), language: 'en' as const };
  const first = buildPrompt(input);
  assert.deepEqual(buildPrompt(input), first);
  assert.equal(typeof PROMPT_VERSION, 'number');
  const user = first.messages[1]!.content;
  for (const expected of [
    'Repository: demo', 'Commit: a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', '<commit-message>\nfix(planner): handle an empty queue\n\nThe planner crashed',
    '- Reviewed-by: Bob <bob@example.com>', 'Files changed: 2, +52 -41:', '- M src/planner/queue.ts (+12 -3)', '- changeType: fix',
    '- importance: medium', '- reason: Conventional Commits type fix.', 'Modules: src (1 files, +12 -3)',
  ]) assert.ok(user.includes(expected), `missing ${expected}`);
  assert.equal(first.partial, false);
  assert.deepEqual(first.omitted, ['package-lock.json']);
  const system = first.messages[0]!.content;
  assert.match(system, /"changeType": one of "feature"/);
  assert.match(system, /Do not write a number that does not appear there, and do not name a file path that is not in the file list/);
  assert.match(system, /complete sentences/);
  assert.match(system, /Write every text field in English/);
});

test('lockfiles, generated, vendored and binary files are left out and named', () => {
  assert.equal(exclusionKind({ path: 'web/yarn.lock', binary: false }), 'lockfile');
  assert.equal(exclusionKind({ path: 'go.sum', binary: false }), 'lockfile');
  assert.equal(exclusionKind({ path: 'dist/app.min.js', binary: false }), 'generated');
  assert.equal(exclusionKind({ path: 'api/user.pb.go', binary: false }), 'generated');
  assert.equal(exclusionKind({ path: 'vendor/github.com/x/y.go', binary: false }), 'vendored');
  assert.equal(exclusionKind({ path: 'docs/logo.png', binary: false }), 'binary');
  assert.equal(exclusionKind({ path: 'assets/blob', binary: true }), 'binary');
  assert.equal(exclusionKind({ path: 'src/builder.ts', binary: false }), undefined);

  const commit = makeCommit({
    files: [
      { path: 'src/a.ts', status: 'M', additions: 1, deletions: 0, binary: false },
      { path: 'vendor/lib/b.go', status: 'A', additions: 5, deletions: 0, binary: false },
      { path: 'img/c.png', status: 'A', additions: 0, deletions: 0, binary: true },
    ],
  });
  const text = [
    'diff --git a/src/a.ts b/src/a.ts', '--- a/src/a.ts', '+++ b/src/a.ts', '@@ -1 +1 @@', '+x',
    'diff --git a/vendor/lib/b.go b/vendor/lib/b.go', '--- /dev/null', '+++ b/vendor/lib/b.go', '@@ -0,0 +1 @@', '+VENDORED',
  ].join('\n');
  const prompt = buildPrompt({ commit, offline: makeOffline(), repoName: 'r', diff: diff(text), language: 'en' });
  const user = prompt.messages[1]!.content;
  assert.ok(!user.includes('+VENDORED'));
  assert.match(user, /Left out of the diff as lockfile, generated, vendored or binary: vendor\/lib\/b.go \(vendored\), img\/c.png \(binary\)\./);
  assert.match(user, /- A img\/c.png \(binary\)/);
  assert.equal(prompt.partial, false);
});

test('a large diff is cut per file within the budget, with notes of what was left out', () => {
  const files = ['src/big.ts', 'src/small.ts', 'src/huge.ts'];
  const sections = [
    section('src/big.ts', 300),
    section('src/small.ts', 3),
    section('src/huge.ts', 2000),
  ];
  const commit = makeCommit({ files: files.map((path) => ({ path, status: 'M' as const, additions: 10, deletions: 0, binary: false })) });
  const prompt = buildPrompt({ commit, offline: makeOffline(), repoName: 'r', diff: diff(sections.join('\n')), language: 'en', diffBudgetTokens: 1000 });
  const user = prompt.messages[1]!.content;
  assert.equal(prompt.partial, true);
  assert.deepEqual(prompt.omitted.sort(), ['src/big.ts', 'src/huge.ts']);
  assert.ok(user.includes('+line 2 of src/small.ts'), 'the small file is whole');
  assert.match(user, /\[… \d+ more lines of src\/huge.ts left out for size\]/);
  assert.match(user, /Left out of the diff for size: src\/big.ts \(kept \d+ of 304 lines\), src\/huge.ts \(kept \d+ of 2004 lines\)\./);
  const diffPart = user.slice(user.indexOf('<diff>'), user.indexOf('</diff>'));
  assert.ok(diffPart.length <= 1000 * 4 + 200, `diff part is ${diffPart.length} chars`);
});

test('reader truncation, omitted files and an unreadable diff make the prompt partial', () => {
  const base = { commit: makeCommit(), offline: makeOffline(), repoName: 'r', language: 'en' as const };
  const truncated = buildPrompt({ ...base, diff: { text: SMALL_DIFF, truncated: true, omittedFiles: ['src/x.ts'] } });
  assert.equal(truncated.partial, true);
  assert.ok(truncated.omitted.includes('src/x.ts'));
  assert.match(truncated.messages[1]!.content, /cut at the reader's size limit/);
  const unreadable = buildPrompt({ ...base, diff: undefined });
  assert.equal(unreadable.partial, true);
  assert.match(unreadable.messages[1]!.content, /The diff could not be read/);
});

test('Chinese reports ask for Simplified Chinese; custom instructions are appended', () => {
  const prompt = buildPrompt({
    commit: makeCommit(), offline: makeOffline(), repoName: 'r', diff: diff(SMALL_DIFF), language: 'zh-CN', customInstructions: 'Mention migrations first.',
  });
  const system = prompt.messages[0]!.content;
  assert.match(system, /Simplified Chinese \(简体中文\)/);
  assert.ok(system.trimEnd().endsWith('Mention migrations first.'));
  assert.ok(system.indexOf('Additional instructions from the user') > system.indexOf('Rules:'));
});

test('the output schema: valid, fenced, think blocks, limits, and rejected shapes', () => {
  assert.equal(parseModelOutput(validAnswer()).ok, true);
  assert.equal(parseModelOutput('```json\n' + validAnswer() + '\n```').ok, true);
  assert.equal(parseModelOutput('<think>hmm {</think>' + validAnswer()).ok, true);
  const many = parseModelOutput(validAnswer({ risks: ['A.', 'B.', 'C.', 'D.', 'E.', 'F.', 'G.'] }));
  assert.ok(many.ok && many.value.risks.length === 5, 'extra items are cut');
  const long = parseModelOutput(validAnswer({ summary: `${'x'.repeat(700)}.` }));
  assert.ok(!long.ok && long.kind === 'invalid-shape' && /summary/.test(long.error));
  const wrongEnum = parseModelOutput(validAnswer({ changeType: 'rewrite' }));
  assert.ok(!wrongEnum.ok && /changeType/.test(wrongEnum.error));
  const missing = parseModelOutput(JSON.stringify({ changeType: 'fix' }));
  assert.ok(!missing.ok && missing.kind === 'invalid-shape');
  const cut = parseModelOutput('{"changeType":"fix","summary":"Adds');
  assert.ok(!cut.ok && cut.kind === 'invalid-json' && cut.error === 'the JSON object is never closed', 'an unclosed brace is not JSON; only finish_reason says token limit');
  const prose = parseModelOutput('Sure! Here is the analysis.');
  assert.ok(!prose.ok && prose.kind === 'invalid-json');
});

test('sentences split on English and Chinese punctuation, not inside paths or versions', () => {
  assert.deepEqual(splitSentences('Edits src/a.ts for v1.2. Done! Really?'), ['Edits src/a.ts for v1.2. ', 'Done! ', 'Really?']);
  assert.deepEqual(splitSentences('修复了崩溃。提升了性能！对吗？好'), ['修复了崩溃。', '提升了性能！', '对吗？', '好']);
});

test('grounding: numbers and paths must come from the input', () => {
  const commit = makeCommit({ body: 'Cuts latency by 30% (1.5ms to 1ms), 2x faster.' });
  const context = buildGroundingContext(commit, [SMALL_DIFF]);
  const keep = (text: string) => checkSentence(text, context, 'en').keep;
  assert.ok(keep('Latency drops by 30%.'));
  assert.ok(keep('It takes 1.5ms now.'));
  assert.ok(keep('It is 2x faster.'));
  assert.ok(keep('It adds 12 lines to queue.ts.'), 'additions and basenames are known');
  assert.ok(keep('The src/planner module changes.'), 'module folders are known');
  assert.ok(keep('It changes planner/queue.ts.'), 'a trailing part of a commit path');
  assert.ok(keep('The I/O and read/write paths use Node.js and ES2022 with v2 of the API.'));
  assert.ok(!keep('Latency drops by 45%.'));
  assert.ok(!keep('It takes 3.2 ms.'));
  assert.ok(!keep('It is 9x faster.'));
  assert.ok(!keep('Also see src/db/pool.ts.'));
  assert.ok(!keep('Update config.yaml too.'));
  const chinese = groundText('延迟降低了 30%。吞吐量提升了 5 倍。', context, 'zh-CN');
  assert.equal(chinese.text, '延迟降低了 30%。');
  assert.equal(chinese.dropped, 1);
  assert.match(chinese.reasons[0]!, /引用了输入中没有的数字“5 倍”/);
});

test('the file cache: atomic writes, keyed by hash, corrupt entries ignored, clear keeps foreign files', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dd-cache-unit-'));
  try {
    const cache = createFileCache(join(dir, 'nested'));
    const key: CacheKey = { sha: 'abc', analyzer: 'openai-compatible', model: 'm', promptVersion: PROMPT_VERSION, language: 'en' };
    assert.equal(await cache.get(key), undefined);
    const analysis = { ...makeOffline(), analyzer: 'openai-compatible' as const, model: 'm', summary: '<b>plain text</b>' };
    await cache.set(key, analysis);
    assert.deepEqual(await cache.get(key), analysis);
    assert.equal(await cache.get({ ...key, model: 'other' }), undefined);
    assert.equal(await cache.get({ ...key, language: 'zh-CN' }), undefined);
    assert.equal(await cache.get({ ...key, promptVersion: PROMPT_VERSION + 1 }), undefined);
    assert.notEqual(cacheFileName(key), cacheFileName({ ...key, variant: 'x' }));
    await Promise.all(Array.from({ length: 10 }, () => cache.set(key, analysis)));
    assert.deepEqual(await readdir(join(dir, 'nested')), [cacheFileName(key)], 'concurrent writes leave one entry and no temp files');
    const stored = JSON.parse(await readFile(join(dir, 'nested', cacheFileName(key)), 'utf8')) as { key: CacheKey };
    assert.deepEqual(stored.key, key);

    await writeFile(join(dir, 'nested', cacheFileName(key)), 'not json', 'utf8');
    assert.equal(await cache.get(key), undefined);
    await cache.set(key, analysis);
    assert.deepEqual(await cache.get(key), analysis);

    await writeFile(join(dir, 'nested', 'keep-me.txt'), 'mine', 'utf8');
    assert.equal(await cache.clear(), 1);
    assert.deepEqual(await readdir(join(dir, 'nested')), ['keep-me.txt']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the CLI cache folder follows XDG_CACHE_HOME, else ~/.cache', () => {
  assert.equal(defaultCliCacheDir({ XDG_CACHE_HOME: '/xdg/cache' }, '/home/ada'), '/xdg/cache/daily-digest');
  assert.equal(defaultCliCacheDir({}, '/home/ada'), '/home/ada/.cache/daily-digest');
  assert.equal(defaultCliCacheDir({ XDG_CACHE_HOME: 'relative' }, '/home/ada'), '/home/ada/.cache/daily-digest');
});

function section(path: string, lines: number): string {
  const out = [`diff --git a/${path} b/${path}`, `--- a/${path}`, `+++ b/${path}`, `@@ -1,0 +1,${lines} @@`];
  for (let i = 0; i < lines; i += 1) out.push(`+line ${i} of ${path}`);
  return out.join('\n');
}
