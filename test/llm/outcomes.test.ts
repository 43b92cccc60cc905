import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyCodeFacts } from '../../src/core/analyze/facts/types.js';
import type { CodeFacts } from '../../src/core/analyze/facts/types.js';
import {
  LANGUAGE_CHECK, analyzeReport, buildPrompt, checkAnswerLanguage, countScripts, createModelAnalyzer,
  createOpenAiCompatibleTransport, createTimeLeftEstimate, fitSections, parseModelOutput, splitDiff, stopModelRun,
} from '../../src/core/llm/index.js';
import type { ModelOutput } from '../../src/core/llm/index.js';
import type { Report } from '../../src/core/domain/report.js';
import { renderMarkdown } from '../../src/core/render/index.js';
import { computeStats } from '../../src/core/domain/stats.js';
import { completion, hang, refusal, startFakeServer, validAnswer, validAnswerZh } from './fakeOpenAiServer.js';
import type { FakeServer } from './fakeOpenAiServer.js';
import { SMALL_DIFF, diffReader, makeCommit, makeOffline } from './fixtures.js';

const readDiff = async () => ({ text: SMALL_DIFF, truncated: false, omittedFiles: [] as string[] });

const output = (answer: string): ModelOutput => {
  const parsed = parseModelOutput(answer);
  assert.ok(parsed.ok);
  return parsed.value;
};

function makeReport(commits: number): Report {
  const analyzed = Array.from({ length: commits }, (_, i) => ({
    ...makeCommit({ sha: `${String(i).padStart(2, '0')}`.padEnd(40, 'd') }),
    analysis: makeOffline({ importance: 'low' }),
  }));
  return {
    schemaVersion: 1,
    generatedAt: '2026-01-22T12:00:00Z',
    window: { start: '2026-01-22T00:00:00Z', end: '2026-01-23T00:00:00Z', timeZone: 'UTC', dateField: 'committer', label: '2026-01-22' },
    language: 'en',
    repositories: [{ name: 'demo', path: '/repo/demo', ref: 'HEAD', warnings: [], stats: computeStats(analyzed), commits: analyzed }],
  };
}

describe('model outcomes over a real socket', () => {
  let server: FakeServer;
  before(async () => {
    server = await startFakeServer();
  });
  after(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    server.fallback = completion(validAnswer());
  });

  const analyzer = (extra: Partial<Parameters<typeof createModelAnalyzer>[0]> = {}) => createModelAnalyzer({
    transport: createOpenAiCompatibleTransport({ baseUrl: server.baseUrl, model: 'm', retryBaseMs: 1 }), language: 'en', ...extra,
  });

  test('invented identifiers are dropped beside identifiers the code facts name (but the diff does not)', async () => {
    const facts: CodeFacts = {
      ...emptyCodeFacts(),
      definitions: [{ kind: 'definition', change: 'added', defKind: 'function', name: 'drain_queue', container: 'Planner', public: true, language: 'typescript', path: 'src/planner/queue.ts', line: 40 }],
      flags: [{ kind: 'flag', change: 'added', name: '--max-queue', framework: 'commander', path: 'src/planner/queue.ts', line: 3 }],
    };
    server.fallback = completion(validAnswer({
      summary: 'Adds `Planner::drain_queue` behind the --max-queue flag. It also renames `flush_all_v2`.',
      risks: ['drain_queue() may run while scheduleNext() holds the lock.', 'Callers of Planner::drain_queue must handle an empty result.'],
      recommendations: ['Document the --queue-cap flag.'],
    }));
    const report = makeReport(1);
    await analyzeReport(report, analyzer(), { readDiff, readFacts: () => facts });
    const user = server.requests[0]!.body!.messages[1]!.content;
    assert.match(user, /Code facts read from the diff and the files \(untrusted data\):\n<code-facts>\n- definition added: public function Planner::drain_queue at src\/planner\/queue\.ts:40\n- flag added: --max-queue \(commander\) at src\/planner\/queue\.ts:3\n<\/code-facts>/);
    const { analysis } = report.repositories[0]!.commits[0]!;
    assert.equal(analysis.analyzer, 'openai-compatible');
    assert.equal(analysis.summary, 'Adds `Planner::drain_queue` behind the --max-queue flag.');
    assert.deepEqual(analysis.risks, ['Callers of Planner::drain_queue must handle an empty result.']);
    assert.deepEqual(analysis.recommendations, []);
    assert.deepEqual(analysis.grounding?.reasons, [
      'named the identifier "`flush_all_v2`", which appears nowhere in the diff or the code facts',
      'named the identifier "scheduleNext()", which appears nowhere in the diff or the code facts',
      'named the identifier "--queue-cap", which appears nowhere in the diff or the code facts',
    ]);
    const markdown = renderMarkdown(report);
    assert.match(markdown, /3 model sentences were removed because they were not supported by the diff: named the identifier/);
    assert.deepEqual(report.modelRun, { analyzer: 'openai-compatible', model: 'm', commits: 1, analyzed: 1, cached: 0, offline: 0, causes: [] });
  });

  test('the facts the offline analysis kept reach the prompt without readFacts, and stay on the model\'s analysis', async () => {
    const report = makeReport(1);
    const commit = report.repositories[0]!.commits[0]!;
    commit.analysis = {
      ...commit.analysis,
      facts: [
        { kind: 'definition', change: 'removed', defKind: 'function', name: 'legacy_login', public: true, language: 'python', path: 'src/auth.py', line: 12, side: 'old' },
        { kind: 'env', change: 'added', name: 'AUTH_TIMEOUT', path: 'src/auth.py', line: 3 },
      ],
    };
    server.fallback = completion(validAnswer({ summary: 'Removes `legacy_login` and reads AUTH_TIMEOUT.' }));
    await analyzeReport(report, analyzer(), { readDiff });
    const user = server.requests[0]!.body!.messages[1]!.content;
    assert.match(user, /<code-facts>\n- definition removed: public function legacy_login at src\/auth\.py:12\n- environment variable added: AUTH_TIMEOUT at src\/auth\.py:3\n<\/code-facts>/);
    const { analysis } = report.repositories[0]!.commits[0]!;
    assert.equal(analysis.analyzer, 'openai-compatible');
    assert.equal(analysis.summary, 'Removes `legacy_login` and reads AUTH_TIMEOUT.');
    assert.deepEqual(analysis.facts?.map((fact) => fact.kind), ['definition', 'env']);
  });

  test('a refusal (message.refusal) is asked once more, then named in the note', async () => {
    server.fallback = refusal('I cannot review this code.');
    const analysis = await analyzer().analyze(makeCommit(), makeOffline(), { repoName: 'demo', readDiff: diffReader() }, new AbortController().signal);
    assert.equal(server.requests.length, 2);
    assert.deepEqual(analysis.fallback, { cause: 'model-refused' });
    assert.equal(analysis.notes.at(-1), 'The language model refused to answer, twice (I cannot review this code.); the offline analysis is kept.');
  });

  test('a prose refusal is a refusal, not "not JSON"', async () => {
    server.fallback = completion("I'm sorry, but I can't help with that request.");
    const analysis = await analyzer().analyze(makeCommit(), makeOffline(), { repoName: 'demo', readDiff: diffReader() }, new AbortController().signal);
    assert.deepEqual(analysis.fallback, { cause: 'model-refused' });
    assert.match(analysis.notes.at(-1)!, /refused to answer, twice \(“I'm sorry, but I can't help with that request\.”\)/);
  });

  test('the run\'s time limit: no request starts after it; the commits left say so; the tally says time limit', async () => {
    server.fallback = completion(validAnswer(), { delayMs: 250 });
    const report = makeReport(4);
    await analyzeReport(report, analyzer({ maxModelSeconds: 0.4 }), { readDiff, concurrency: 1 });
    const run = report.modelRun!;
    assert.ok(run.analyzed >= 1 && run.analyzed <= 2, JSON.stringify(run));
    assert.equal(run.offline, 4 - run.analyzed);
    assert.deepEqual(run.causes, [{ cause: 'time-limit', commits: run.offline }]);
    assert.equal(run.stopped, 'time-limit');
    assert.ok(server.requests.length <= 2, `${server.requests.length} requests`);
    const notes = report.repositories[0]!.commits.flatMap((commit) => commit.analysis.notes);
    assert.ok(notes.includes('The run\'s time limit for the language model (0.4 s) was reached before this commit was analyzed; the offline analysis is kept.'));
  });

  test('a cancelled run: stopModelRun marks the commits never reached and says the run was cancelled', async () => {
    server.script(completion(validAnswer()));
    server.fallback = hang();
    const report = makeReport(3);
    const controller = new AbortController();
    const pending = analyzeReport(report, analyzer(), { readDiff, concurrency: 1, signal: controller.signal });
    await server.waitForRequest(2);
    controller.abort();
    await assert.rejects(pending);
    const run = stopModelRun(report, { id: 'openai-compatible', model: 'm' });
    assert.deepEqual(run, { analyzer: 'openai-compatible', model: 'm', commits: 3, analyzed: 1, cached: 0, offline: 2, causes: [{ cause: 'stopped', commits: 2 }], stopped: 'cancelled' });
    assert.deepEqual(report.modelRun, run);
  });

  test('a zh-CN answer in Chinese is taken at once', async () => {
    server.fallback = completion(validAnswerZh());
    const analysis = await analyzer({ language: 'zh-CN' }).analyze(makeCommit(), makeOffline(), { repoName: 'demo', readDiff: diffReader() }, new AbortController().signal);
    assert.equal(server.requests.length, 1);
    assert.equal(analysis.summary, '修复了规划器在队列为空时崩溃的问题。');
    assert.deepEqual(analysis.notes, []);
  });
});

test('language check: CJK share of letters outside code, with the documented thresholds', () => {
  assert.deepEqual(countScripts('Renames `xfer_id` to transfer_id in PackWriter for the GPU path.'), { cjk: 0, latin: 'Renamestoinforthepath'.length });
  assert.deepEqual(countScripts('为 `write_pack` 增加 GPU 支持。'), { cjk: 5, latin: 0 });
  assert.equal(checkAnswerLanguage(output(validAnswer()), 'en').wrong, false);
  assert.equal(checkAnswerLanguage(output(validAnswer()), 'zh-CN').wrong, true);
  assert.equal(checkAnswerLanguage(output(validAnswerZh()), 'zh-CN').wrong, false);
  assert.equal(checkAnswerLanguage(output(validAnswerZh()), 'en').wrong, true);
  // Chinese prose with many English technical words is still Chinese.
  const mixed = output(validAnswer({
    summary: '为 KV cache 增加 prefetch 支持，减少一次内存拷贝。', reasons: ['修改了调度器的 prefetch 逻辑。'], risks: [], recommendations: [],
  }));
  assert.equal(checkAnswerLanguage(mixed, 'zh-CN').wrong, false, String(checkAnswerLanguage(mixed, 'zh-CN').cjkShare));
  // Too little prose is not judged.
  const short = output(validAnswer({ summary: 'Ok.', reasons: [], risks: [], recommendations: [] }));
  assert.deepEqual(checkAnswerLanguage(short, 'zh-CN'), { wrong: false });
  assert.deepEqual(LANGUAGE_CHECK, { minLetters: 20, zhMinCjkShare: 0.2, enMaxCjkShare: 0.3 });
});

test('the diff budget goes to definitions, then source, then tests, then docs', () => {
  const section = (path: string, lines: number) =>
    [`diff --git a/${path} b/${path}`, `--- a/${path}`, `+++ b/${path}`, '@@ -1 +1 @@', ...Array.from({ length: lines }, (_, i) => `+line ${i} of ${path}`)].join('\n');
  const text = [section('README.md', 99), section('src/prometheus_exporter.cpp', 204), section('test/exporter_test.cpp', 60), section('src/util.cpp', 40)].join('\n');
  const sections = splitDiff(text);
  const sizes = new Map(sections.map((s) => [s.path, s.text.length]));
  const budget = sizes.get('src/prometheus_exporter.cpp')! + sizes.get('src/util.cpp')! + 1500;
  const prompt = buildPrompt({
    commit: makeCommit({ files: ['README.md', 'src/prometheus_exporter.cpp', 'test/exporter_test.cpp', 'src/util.cpp'].map((path) => ({ path, status: 'M', additions: 10, deletions: 0, binary: false })) }),
    offline: makeOffline(), repoName: 'nixl', diff: { text, truncated: false, omittedFiles: [] }, language: 'en',
    diffBudgetTokens: budget / 4, charsPerToken: 4,
  });
  const user = prompt.messages[1]!.content;
  assert.ok(user.includes('+line 203 of src/prometheus_exporter.cpp'), 'the source is kept whole');
  assert.ok(user.includes('+line 39 of src/util.cpp'));
  const leftOut = user.split('\n').find((line) => line.startsWith('Left out of the diff for size:')) ?? '';
  assert.match(leftOut, /README\.md \(all 103 lines\)/, 'docs come last');
  assert.match(leftOut, /test\/exporter_test\.cpp \(kept \d+ of 64 lines\)/, 'tests get what the source left');
  assert.ok(!leftOut.includes('src/'), leftOut);

  // With facts, the file whose definitions changed goes first, before other source.
  const { cut } = fitSections(sections, sizes.get('src/util.cpp')! + 300, (s) => (s.path === 'src/util.cpp' ? 'definitions' : s.path?.startsWith('src/') ? 'source' : 'docs'));
  assert.ok(!cut.some((entry) => entry.path === 'src/util.cpp'));
  assert.ok(cut.some((entry) => entry.path === 'src/prometheus_exporter.cpp'));
});

test('the estimate of the time left is said once, after three requested commits, by the rate so far', () => {
  let now = 0;
  const estimate = createTimeLeftEstimate(10, { now: () => now });
  now = 1000;
  assert.equal(estimate({ requests: 0 }), undefined);
  now = 3000;
  assert.equal(estimate({ requests: 1 }), undefined);
  assert.equal(estimate({ requests: 1 }), undefined);
  now = 6000;
  assert.equal(estimate({ requests: 1 }), 'model: 4 of 10 commits in 6 s; about 12 s left');
  assert.equal(estimate({ requests: 1 }), undefined);
});
