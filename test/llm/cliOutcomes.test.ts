import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Report } from '../../src/core/domain/report.js';
import { FixtureRepo } from '../support/gitFixture.js';
import { completion, hang, headlineAnswer, json, startFakeServer, validAnswer, validAnswerZh } from './fakeOpenAiServer.js';
import type { FakeServer, Responder } from './fakeOpenAiServer.js';

/**
 * The real CLI against a real local server, one behaviour per test: the exit code, the summary line on stderr,
 * the notes and the report.
 */

const CLI = resolve('src/cli/program.ts');

interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

interface Running {
  child: ReturnType<typeof spawn>;
  done: Promise<CliRun>;
}

function startCli(args: string[], env: NodeJS.ProcessEnv = {}): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    env: { ...process.env, INIT_CWD: '', LANG: 'C', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<CliRun>((resolveRun) => {
    child.on('close', (code, signal) => resolveRun({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

describe('the CLI with a model: outcomes, notes, waiting, language, grounding, Ctrl-C', () => {
  let repo: FixtureRepo;
  let server: FakeServer;
  let work: string;

  before(async () => {
    repo = FixtureRepo.create({ prefix: 'dd-model-cli-' });
    repo.write('src/auth/session.ts', 'export const session_ttl = 60;\n');
    repo.commit('feat(auth): add session expiry', { date: '2026-01-22T01:00:00Z' });
    repo.write('README.md', '# widgets\n\nSessions expire.\n');
    repo.commit('docs: explain sessions', { date: '2026-01-22T02:00:00Z' });
    repo.write('src/auth/session.ts', 'export const session_ttl = 30;\n');
    repo.commit('fix: shorter session_ttl', { date: '2026-01-22T03:00:00Z' });
    repo.write('test/session.test.ts', 'test("ttl", () => {});\n');
    repo.commit('test: cover the ttl', { date: '2026-01-22T04:00:00Z' });
    repo.write('src/cli/flags.ts', 'export const flags = ["--ttl"];\n');
    repo.commit('feat(cli): add --ttl', { date: '2026-01-22T05:00:00Z' });
    server = await startFakeServer();
    work = mkdtempSync(join(tmpdir(), 'dd-model-cli-out-'));
  });

  after(async () => {
    await server.close();
    repo.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  /** Resets the server: `fallback` answers every request not scripted. */
  function serve(fallback: Responder, ...scripted: Responder[]): void {
    server.requests.length = 0;
    server.headlineRequests.length = 0;
    server.headline = headlineAnswer();
    server.fallback = fallback;
    server.script(...scripted);
  }

  function modelArgs(extra: string[] = [], baseUrl = server.baseUrl): string[] {
    return [
      '--repo', repo.dir, '--date', '2026-01-22', '--tz', 'UTC', '--analyzer', 'openai-compatible', '--base-url', baseUrl,
      '--model', 'test-model', '--no-cache', ...extra,
    ];
  }

  async function runJson(extra: string[] = [], baseUrl?: string): Promise<CliRun & { report: Report }> {
    const run = await startCli(modelArgs(['--format', 'json', ...extra], baseUrl)).done;
    return { ...run, report: JSON.parse(run.stdout) as Report };
  }

  /** The last message of the first retry (a conversation longer than system + user). */
  const retryOf = (fake: FakeServer): string | undefined =>
    fake.requests.find((request) => (request.body?.messages.length ?? 0) > 2)?.body?.messages.at(-1)?.content;
  const commitsOf = (report: Report) => report.repositories[0]!.commits;
  const notesOf = (report: Report) => commitsOf(report).map((commit) => commit.analysis.notes);

  test('HTTP 500 on every request: retried (Retry-After: 0), then offline with the status named; exit code 3', async () => {
    serve(json(500, { error: { message: 'boom' } }, { 'retry-after': '0' }));
    const run = await runJson();
    assert.equal(run.code, 3, run.stderr);
    assert.match(run.stderr, /^daily-digest: model: 0 analyzed, 5 offline \(HTTP 500 ×5\)$/m);
    assert.match(run.stderr, /^daily-digest: The language model failed: model endpoint .* still answered HTTP 500 after 3 retries \(boom\)/m);
    assert.equal(server.requests.length, 5 * 4, 'one request and three retries per commit');
    assert.equal(server.headlineRequests.length, 0, 'no headline is asked when the model analyzed no commit');
    assert.match(run.report.repositories[0]!.modelHeadline?.notes[0] ?? '', /analyzed none of the commits/);
    assert.deepEqual(run.report.modelRun, {
      analyzer: 'openai-compatible', model: 'test-model', commits: 5, analyzed: 0, cached: 0, offline: 5,
      causes: [{ cause: 'http', status: 500, commits: 5 }],
    });
    for (const commit of commitsOf(run.report)) {
      assert.equal(commit.analysis.analyzer, 'heuristic');
      assert.deepEqual(commit.analysis.fallback, { cause: 'http', status: 500 });
      assert.match(commit.analysis.notes.at(-1)!, /still answered HTTP 500 after 3 retries \(boom\).*The offline analysis is kept\.$/);
    }
  });

  test('HTTP 429 with Retry-After: waited for, then analyzed; the Markdown header says so; exit code 0', async () => {
    serve(completion(validAnswer()), json(429, { error: 'slow down' }, { 'retry-after': '1' }));
    const out = join(work, 'rate-limited.md');
    const run = await startCli(modelArgs(['--concurrency', '1', '--out', out])).done;
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^daily-digest: model: 5 analyzed, 0 offline$/m);
    assert.equal(server.requests.length, 6);
    const waited = server.requests[1]!.receivedAt - server.requests[0]!.receivedAt;
    assert.ok(waited >= 950 && waited < 3000, `waited ${waited} ms; Retry-After asked for 1 s`);
    const markdown = readFileSync(out, 'utf8');
    assert.ok(markdown.includes('**🧠 Analysis**: language model `test-model` — 5 analyzed, 0 offline\n'));
    assert.equal(markdown.match(/- \*\*🧠 Analysis\*\*: language model `test-model`/g)?.length, 5, 'every commit names its analyzer');
    assert.equal(server.headlineRequests.length, 1, 'one more request: the day\'s headline');
    assert.ok(markdown.includes('**🧭 Headline** (language model `test-model`): Several changes landed today.\n'));
    assert.ok(!markdown.includes('📝 Notes'));
  });

  test('slower than --timeout: tried twice, then offline with "timeout"; the others are analyzed; exit code 0', async () => {
    serve(hang(), completion(validAnswer()));
    const run = await runJson(['--timeout', '0.3', '--concurrency', '1']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^daily-digest: model: 1 analyzed, 4 offline \(timeout ×4\)$/m);
    // The first timed-out request is tried once more; once that retry timed out too, later timeouts are not retried.
    assert.equal(server.requests.length, 1 + 2 + 3);
    const offline = commitsOf(run.report).filter((commit) => commit.analysis.fallback);
    assert.equal(offline.length, 4);
    for (const commit of offline) {
      assert.deepEqual(commit.analysis.fallback, { cause: 'timeout' });
      assert.match(commit.analysis.notes.at(-1)!, /did not answer within 0\.3 s( \(2 tries\))?: raise the timeout/);
    }
    assert.equal(offline.filter((commit) => commit.analysis.notes.at(-1)!.includes('(2 tries)')).length, 1);
    assert.deepEqual(run.report.modelRun?.causes, [{ cause: 'timeout', commits: 4 }]);
  });

  test('connection refused: the first failure stops the run\'s requests; each commit says why; exit code 3', async () => {
    const closed = await startFakeServer();
    const baseUrl = closed.baseUrl;
    await closed.close();
    const run = await runJson(['--concurrency', '1'], baseUrl);
    assert.equal(run.code, 3, run.stderr);
    assert.match(run.stderr, /^daily-digest: model: 0 analyzed, 5 offline \(connection refused ×5\)$/m);
    assert.match(run.stderr, /refused the connection: is the model server running\?/);
    const notes = notesOf(run.report).map((list) => list.at(-1)!);
    assert.equal(notes.filter((text) => text.startsWith('The language model failed: model endpoint')).length, 1);
    assert.equal(notes.filter((text) => text.startsWith('The language model was not asked: an earlier request of this run failed')).length, 4);
    assert.ok(commitsOf(run.report).every((commit) => commit.analysis.fallback?.cause === 'connection-refused'));
  });

  test('an unclosed brace is "not JSON", not a token limit: asked again once, then offline; exit code 3', async () => {
    serve(completion('{"changeType": "fix", "summary": "Adds a'));
    const run = await runJson();
    assert.equal(run.code, 3, run.stderr);
    assert.match(run.stderr, /^daily-digest: model: 0 analyzed, 5 offline \(not JSON ×5\)$/m);
    assert.equal(server.requests.length, 10);
    assert.match(retryOf(server)!, /the JSON object is never closed/);
    for (const notes of notesOf(run.report)) {
      assert.equal(notes.at(-1), 'The language model\'s answer was not JSON, twice (the JSON object is never closed); the offline analysis is kept.');
      assert.ok(!notes.some((text) => /token limit|truncated/.test(text)));
    }
  });

  test('JSON of the wrong shape: the note names the field; exit code 3', async () => {
    serve(completion(validAnswer({ importance: 'critical' })));
    const run = await runJson();
    assert.equal(run.code, 3, run.stderr);
    assert.match(run.stderr, /^daily-digest: model: 0 analyzed, 5 offline \(wrong JSON shape ×5\)$/m);
    for (const notes of notesOf(run.report)) {
      assert.match(notes.at(-1)!, /^The language model's JSON had the wrong shape, twice \(importance: Invalid option: expected one of "high"\|"medium"\|"low"\); the offline analysis is kept\.$/);
    }
    assert.ok(commitsOf(run.report).every((commit) => commit.analysis.fallback?.cause === 'wrong-shape'));
  });

  test('cut off with finish_reason "length": the token limit is named; the second ask wants a shorter answer', async () => {
    serve(completion(validAnswer(), { finishReason: 'length' }));
    const run = await runJson();
    assert.equal(run.code, 3, run.stderr);
    assert.match(run.stderr, /^daily-digest: model: 0 analyzed, 5 offline \(token limit ×5\)$/m);
    assert.match(retryOf(server)!, /much shorter/);
    assert.equal(server.requests.find((request) => request.body!.messages.length > 2)!.body!.messages.length, 3, 'a cut answer is not echoed back');
    for (const notes of notesOf(run.report)) {
      assert.equal(notes.at(-1), 'The language model\'s answer was cut off by its token limit (finish_reason "length"), twice; the offline analysis is kept.');
    }
  });

  test('an English answer to a zh-CN report is asked again, firmly; kept with a note when still English', async () => {
    serve(completion(validAnswer()), completion(validAnswer()), completion(validAnswerZh()));
    const run = await runJson(['--lang', 'zh-CN', '--concurrency', '1']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^daily-digest: model: 5 analyzed, 0 offline$/m);
    assert.equal(server.requests.length, 10, 'two requests per commit');
    assert.match(server.requests[1]!.body!.messages.at(-1)!.content, /was not written in Simplified Chinese/);
    const [first, ...rest] = commitsOf(run.report);
    assert.equal(first!.analysis.summary, '修复了规划器在队列为空时崩溃的问题。');
    assert.ok(!first!.analysis.notes.some((text) => text.includes('英文')));
    for (const commit of rest) {
      assert.equal(commit.analysis.analyzer, 'openai-compatible');
      assert.ok(commit.analysis.notes.includes('报告语言为简体中文，但再次要求后语言模型仍用英文作答；仍保留其回答。'), commit.analysis.notes.join(' | '));
    }
  });

  test('an identifier from the diff is kept, an invented one is dropped with a note', async () => {
    serve(completion(validAnswer({
      summary: 'Shortens `session_ttl` to 30 seconds.',
      risks: ['Sessions made by `refresh_token_v2` expire sooner.', 'Clients that cache session_ttl may log out sooner.'],
    })));
    const run = await runJson(['--concurrency', '1']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^daily-digest: model: 5 analyzed, 0 offline$/m);
    const fix = commitsOf(run.report).find((commit) => commit.subject === 'fix: shorter session_ttl')!;
    assert.equal(fix.analysis.summary, 'Shortens `session_ttl` to 30 seconds.');
    assert.deepEqual(fix.analysis.risks, ['Clients that cache session_ttl may log out sooner.']);
    assert.deepEqual(fix.analysis.grounding, {
      dropped: 1, reasons: ['named the identifier "`refresh_token_v2`", which appears nowhere in the diff or the code facts'],
    });
    // The facts the offline analysis read from the code went into the prompt, and stay on the model's analysis.
    const prompts = server.requests.map((request) => request.body?.messages[1]?.content ?? '');
    assert.ok(prompts.some((prompt) => /<code-facts>\n[^]*default changed: session_ttl from 60 to 30 at src\/auth\/session\.ts:1/.test(prompt)), prompts.join('\n---\n'));
    assert.ok(fix.analysis.facts?.some((fact) => fact.kind === 'default' && fact.name === 'session_ttl'), JSON.stringify(fix.analysis.facts));
  });

  test('with the cache, a second run makes no request and says the analyses came from it', async () => {
    const cacheHome = mkdtempSync(join(tmpdir(), 'dd-model-cli-cache-'));
    try {
      serve(completion(validAnswer()));
      const args = modelArgs(['--format', 'json']).filter((arg) => arg !== '--no-cache');
      const first = await startCli(args, { XDG_CACHE_HOME: cacheHome }).done;
      assert.equal(first.code, 0, first.stderr);
      assert.equal(server.requests.length, 5);
      assert.equal(server.headlineRequests.length, 1);
      serve(json(500, {}));
      server.headline = json(500, {});
      const second = await startCli(args, { XDG_CACHE_HOME: cacheHome }).done;
      assert.equal(second.code, 0, second.stderr);
      assert.equal(server.requests.length, 0);
      assert.equal(server.headlineRequests.length, 0, 'the headline of the same day and commits comes from the cache');
      assert.equal((JSON.parse(second.stdout) as Report).repositories[0]!.modelHeadline?.text, 'Several changes landed today.');
      assert.match(second.stderr, /^daily-digest: model: 5 analyzed \(5 from the cache\), 0 offline$/m);
    } finally {
      rmSync(cacheHome, { recursive: true, force: true });
    }
  });

  test('after the first requests, one line estimates the time left', async () => {
    serve(completion(validAnswer(), { delayMs: 350 }));
    const run = await runJson(['--concurrency', '1']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^daily-digest: model: 5 analyzed, 0 offline$/m);
    assert.equal(run.report.modelRun?.analyzed, 5);
    const estimates = run.stderr.split('\n').filter((line) => / left$/.test(line));
    assert.equal(estimates.length, 1, run.stderr);
    assert.match(estimates[0]!, /^daily-digest: model: 3 of 5 commits in \d+ s; about \d+ s left$/);
  });

  test('Ctrl-C in the middle: requests in flight are closed, the report is written with what was done, exit code 130', async () => {
    const cacheHome = mkdtempSync(join(tmpdir(), 'dd-model-cli-cache-'));
    try {
      serve(hang(), completion(validAnswer()));
      const out = join(work, 'stopped.md');
      const abortsBefore = server.aborted;
      const args = modelArgs(['--concurrency', '1', '--out', out]).filter((arg) => arg !== '--no-cache');
      const running = startCli(args, { XDG_CACHE_HOME: cacheHome });
      await server.waitForRequest(2, 10_000);
      running.child.kill('SIGINT');
      const run = await running.done;
      assert.equal(run.code, 130, run.stderr);
      assert.match(run.stderr, /^daily-digest: stopping the model: the report keeps the offline analysis/m);
      assert.match(run.stderr, /^daily-digest: model: 1 analyzed, 4 offline \(stopped ×4\)$/m);
      await server.waitForAbort(2000, abortsBefore + 1);
      assert.ok(existsSync(out), 'the report is written');
      const markdown = readFileSync(out, 'utf8');
      assert.ok(markdown.includes('**🧠 Analysis**: language model `test-model` — 1 analyzed, 4 offline (stopped ×4)'));
      assert.equal(markdown.match(/offline rules, instead of the language model \(stopped\)/g)?.length, 4);
      assert.equal(markdown.match(/The run was stopped before the language model analyzed this commit/g)?.length, 4);

      // The finished analysis is in the cache: the next run asks only for the four others.
      serve(completion(validAnswer()));
      const again = await startCli(modelArgs(['--format', 'json']).filter((arg) => arg !== '--no-cache'), { XDG_CACHE_HOME: cacheHome }).done;
      assert.equal(again.code, 0, again.stderr);
      assert.equal(server.requests.length, 4);
      assert.match(again.stderr, /^daily-digest: model: 5 analyzed \(1 from the cache\), 0 offline$/m);
    } finally {
      rmSync(cacheHome, { recursive: true, force: true });
    }
  });
});
