import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileCache } from '../../src/core/cache/index.js';
import type { AnalysisCache } from '../../src/core/cache/index.js';
import type { Language } from '../../src/core/domain/language.js';
import type { AnalyzedCommit, Report } from '../../src/core/domain/report.js';
import { computeStats } from '../../src/core/domain/stats.js';
import { DigestError } from '../../src/core/errors.js';
import { createOpenAiCompatibleTransport, writeDayHeadlines, writeHeadline } from '../../src/core/llm/index.js';
import { renderJson, renderMarkdown, reportSchema } from '../../src/core/render/index.js';
import type { HeadlineInput } from '../../src/core/llm/index.js';
import { completion, hang, inTurn, json, startFakeServer } from './fakeOpenAiServer.js';
import type { FakeServer, Responder } from './fakeOpenAiServer.js';
import { makeCommit, makeOffline } from './fixtures.js';

/** The day's headline by the model, over real sockets against the fake OpenAI-compatible server. */

const signal = (): AbortSignal => new AbortController().signal;
const answer = (headline: string): string => JSON.stringify({ headline });

function day(): AnalyzedCommit[] {
  const breaking = makeCommit({
    sha: '1111111111111111111111111111111111111111', subject: 'feat!: scoped session tokens',
    files: [{ path: 'src/auth/session.ts', status: 'M', additions: 40, deletions: 12, binary: false }],
  });
  const fix = makeCommit({
    sha: '2222222222222222222222222222222222222222', subject: 'fix(planner): handle an empty queue',
    files: [{ path: 'src/planner/queue.ts', status: 'M', additions: 12, deletions: 3, binary: false }],
  });
  const docs = makeCommit({
    sha: '3333333333333333333333333333333333333333', subject: 'docs: explain sessions',
    files: [{ path: 'README.md', status: 'M', additions: 5, deletions: 0, binary: false }],
  });
  return [
    { ...breaking, analysis: makeOffline({
      analyzer: 'openai-compatible', model: 'test-model', changeType: 'feature', importance: 'high', breaking: true, score: 30,
      summary: 'Switches session tokens to the scoped format; `issueToken` now takes a scope.',
      reasons: ['Breaking: `issueToken` takes a scope.'],
    }) },
    { ...fix, analysis: makeOffline({
      analyzer: 'openai-compatible', model: 'test-model', importance: 'high', score: 12,
      summary: 'Fixes a crash in the planner when the queue is empty.',
    }) },
    { ...docs, analysis: makeOffline({ changeType: 'docs', importance: 'low', score: 0, summary: 'explain sessions' }) },
  ];
}

const input = (commits: AnalyzedCommit[] = day()): HeadlineInput => ({ repoName: 'widgets', day: '2026-01-22', commits });

describe('the day\'s headline by the model', () => {
  let server: FakeServer;
  let dir: string;
  let cache: AnalysisCache;
  const transport = () => createOpenAiCompatibleTransport({ baseUrl: server.baseUrl, model: 'test-model', retryBaseMs: 5 });
  const options = (language: Language = 'en', extra: { cache?: AnalysisCache } = {}) => ({ transport: transport(), language, signal: signal(), ...extra });

  before(async () => {
    server = await startFakeServer();
    dir = await mkdtemp(join(tmpdir(), 'dd-headline-'));
  });
  after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });
  /** The headline requests get these answers in turn (the last one repeats). */
  const serve = (...responders: Responder[]): void => {
    server.headline = inTurn(...responders);
  };

  beforeEach(async () => {
    server.headlineRequests.length = 0;
    await rm(dir, { recursive: true, force: true });
    cache = createFileCache(dir);
  });

  test('a good answer becomes the headline, in one request that carries the analyses, most important first', async () => {
    const text = 'Session tokens switch to the scoped format, and `issueToken` now takes a scope. The planner no longer crashes on an empty queue.';
    serve(completion(answer(text), { usage: { prompt_tokens: 300, completion_tokens: 40 } }));
    const outcome = await writeHeadline(input(), options());
    assert.equal(outcome.requests, 1);
    assert.equal(outcome.cached, false);
    assert.deepEqual(outcome.headline, {
      analyzer: 'openai-compatible', model: 'test-model', text, notes: [], grounding: { dropped: 0, reasons: [] },
      usage: { promptTokens: 300, completionTokens: 40 },
    });
    const body = server.headlineRequests[0]!.body!;
    assert.equal(body.temperature, 0);
    assert.deepEqual(body.response_format, { type: 'json_object' });
    assert.match(body.messages[0]!.content, /"headline"/);
    const user = body.messages[1]!.content;
    assert.match(user, /Repository: widgets\nDay: 2026-01-22\nCommits: 3 \(high 2, medium 0, low 1\); breaking: 1; analyzed by the language model: 2\./);
    const order = ['1111111', '2222222', '3333333'].map((sha) => user.indexOf(`- ${sha} [`));
    assert.ok(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!)), `breaking, then high, then low: ${order.join(', ')}`);
    assert.match(user, /- 1111111 \[high, breaking, feature\] feat!: scoped session tokens\n {2}Summary: Switches session tokens/);
  });

  test('a sentence with an invented identifier is dropped; the rest stays, and the drop is counted', async () => {
    serve(completion(answer('Session tokens switch to the scoped format via `issueToken`. It also adds `refreshAllSessions()` to the planner.')));
    const { headline } = await writeHeadline(input(), options());
    assert.equal(headline.text, 'Session tokens switch to the scoped format via `issueToken`.');
    assert.equal(headline.grounding?.dropped, 1);
    assert.match(headline.grounding?.reasons[0] ?? '', /refreshAllSessions/);
    assert.deepEqual(headline.notes, []);
  });

  test('a headline whose every sentence is invented is not used: the offline headline stands, with a note', async () => {
    serve(completion(answer('The day adds 17 new endpoints to `billingService`.')));
    const { headline } = await writeHeadline(input(), options('en', { cache }));
    assert.equal(headline.text, undefined);
    assert.equal(headline.notes.length, 1);
    assert.match(headline.notes[0]!, /^The language model's headline (named the identifier|quoted the number).*; the offline headline is kept\.$/);
    assert.deepEqual(await readdir(dir).catch(() => []), [], 'nothing is cached');
  });

  test('a headline in the wrong language is asked again with a firmer instruction, and the right one is used', async () => {
    serve(
      completion(answer('Session tokens switch to the scoped format, and the planner no longer crashes on an empty queue.')),
      completion(answer('会话令牌改为带作用域的格式，规划器在队列为空时不再崩溃。')),
    );
    const outcome = await writeHeadline(input(), options('zh-CN'));
    assert.equal(outcome.requests, 2);
    assert.equal(outcome.headline.text, '会话令牌改为带作用域的格式，规划器在队列为空时不再崩溃。');
    assert.deepEqual(outcome.headline.notes, []);
    const retry = server.headlineRequests[1]!.body!.messages;
    assert.equal(retry.length, 4);
    assert.equal(retry[2]!.role, 'assistant');
    assert.match(retry[3]!.content, /not written in Simplified Chinese.*\(headline\) in Simplified Chinese/s);
    assert.match(server.headlineRequests[0]!.body!.messages[0]!.content, /Write the headline in Simplified Chinese/);
  });

  test('still the wrong language after the retry: the answer is kept, with a note', async () => {
    const english = answer('Session tokens switch to the scoped format.');
    serve(completion(english), completion(english));
    const { headline } = await writeHeadline(input(), options('zh-CN'));
    assert.equal(headline.text, 'Session tokens switch to the scoped format.');
    assert.equal(headline.notes.length, 1);
    assert.match(headline.notes[0]!, /报告语言为简体中文，但再次要求后语言模型仍用英文作答/);
  });

  test('cached per day and commit set: a second run makes zero requests; another commit set asks again', async () => {
    const text = 'Session tokens switch to the scoped format.';
    server.headline = completion(answer(text));
    const first = await writeHeadline(input(), options('en', { cache }));
    assert.equal(first.requests, 1);
    const second = await writeHeadline(input(), options('en', { cache }));
    assert.deepEqual({ cached: second.cached, requests: second.requests, text: second.headline.text }, { cached: true, requests: 0, text });
    assert.equal(second.headline.usage, undefined, 'a cached headline spends no tokens');
    assert.equal(server.headlineRequests.length, 1);

    const fewer = await writeHeadline(input(day().slice(0, 2)), options('en', { cache }));
    assert.equal(fewer.requests, 1, 'another commit set is another key');
    const otherDay = await writeHeadline({ ...input(), day: '2026-01-23' }, options('en', { cache }));
    assert.equal(otherDay.requests, 1, 'another day is another key');
    const zh = await writeHeadline(input(), options('zh-CN', { cache }));
    assert.ok(zh.requests >= 1, 'another language is another key');
    assert.equal(server.headlineRequests.length, 1 + 1 + 1 + zh.requests);
  });

  test('a server error: the offline headline stands, the note names the status', async () => {
    serve(json(500, { error: { message: 'boom' } }), json(500, {}), json(500, {}), json(500, {}));
    const { headline } = await writeHeadline(input(), options());
    assert.equal(headline.text, undefined);
    assert.deepEqual(headline.fallback, { cause: 'http', status: 500 });
    assert.match(headline.notes[0]!, /^The language model failed: .*HTTP 500 after 3 retries.* The offline headline is kept\.$/);
  });

  test('cancelling aborts the request in flight and throws cancelled', async () => {
    serve(hang());
    const abort = new AbortController();
    const pending = writeHeadline(input(), { transport: transport(), language: 'en', signal: abort.signal });
    while (server.headlineRequests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    abort.abort();
    await assert.rejects(pending, (error) => error instanceof DigestError && error.code === 'cancelled');
    await server.waitForAbort();
  });

  test('writeDayHeadlines: one request per repository the model analyzed, the usage summed into the report', async () => {
    server.headline = completion(answer('Session tokens switch to the scoped format.'), { usage: { prompt_tokens: 50, completion_tokens: 5 } });
    const offlineOnly = day().map((commit) => ({ ...commit, analysis: makeOffline() }));
    const repo = (name: string, commits: AnalyzedCommit[]) => ({ name, path: `/r/${name}`, ref: 'HEAD', warnings: [], stats: computeStats(commits), commits });
    const report: Report = {
      schemaVersion: 1, generatedAt: '2026-01-22T12:00:00Z', language: 'en',
      window: { start: '2026-01-22T00:00:00Z', end: '2026-01-23T00:00:00Z', timeZone: 'UTC', dateField: 'committer', label: '2026-01-22' },
      repositories: [repo('widgets', day()), repo('offline', offlineOnly), repo('empty', []), { ...repo('broken', []), error: 'not a git repository' }],
    };
    const requests = await writeDayHeadlines(report, { transport: transport(), signal: signal() });
    assert.equal(requests, 1);
    assert.equal(report.repositories[0]!.modelHeadline?.text, 'Session tokens switch to the scoped format.');
    assert.equal(report.repositories[1]!.modelHeadline?.text, undefined);
    assert.match(report.repositories[1]!.modelHeadline?.notes[0] ?? '', /analyzed none of the commits/);
    assert.equal(report.repositories[2]!.modelHeadline, undefined);
    assert.equal(report.repositories[3]!.modelHeadline, undefined);
    assert.deepEqual(report.usage, { promptTokens: 50, completionTokens: 5 });

    // Rendered in each repository's day at a glance, after the totals and before the offline list of what matters,
    // with who wrote it; the JSON keeps it and fits the schema.
    const markdown = renderMarkdown(report);
    const section = (name: string): string => markdown.slice(markdown.indexOf(`## ${name}\n`), markdown.indexOf('\n## ', markdown.indexOf(`## ${name}\n`) + 1));
    assert.match(section('widgets'),
      /\n### 🔭 At a glance\n\n\*\*3 commits[^\n]*\n\n\*\*🧭 Headline\*\* \(language model `test-model`\): Session tokens switch to the scoped format\.\n\n- 💥 /);
    assert.match(section('offline'), /\n\n> 📝 The language model analyzed none of the commits, so it was not asked for the day's headline; the offline headline is kept\.\n\nNothing of high importance/);
    assert.doesNotMatch(section('empty'), /🧭|📝/);
    const parsed = JSON.parse(renderJson(report)) as Report;
    assert.equal(reportSchema.safeParse(parsed).success, true);
    assert.equal(parsed.repositories[0]!.modelHeadline?.text, 'Session tokens switch to the scoped format.');
  });
});
