// The pure pieces of the extension's language-model analysis (src/extension/llm/*, no vscode): settings → analyzer
// config, message merging for vscode.lm, failure classification and wording, the transport guard, and applying
// model analyses to the shown report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileCache } from '../../src/core/cache/index.js';
import { DigestError } from '../../src/core/errors.js';
import { LANGUAGES } from '../../src/core/domain/language.js';
import { createModelAnalyzer } from '../../src/core/llm/analyzer.js';
import { analyzeReport } from '../../src/core/llm/reportRun.js';
import { MODEL_ERROR_CODES, ModelError } from '../../src/core/llm/errors.js';
import type { ChatMessage, ChatTransport } from '../../src/core/llm/types.js';
import type { Report } from '../../src/core/domain/report.js';
import { applyAnalysis, offlineAnalysesOf, shadowReport } from '../../src/extension/llm/apply.js';
import {
  apiKeySecretName, DEFAULT_BASE_URL, effectiveDiffBudget, isLoopbackHost, modelConfigFrom, openAiOrigin,
} from '../../src/extension/llm/config.js';
import {
  classifyFailure, ExtensionModelError, extensionModelErrorText, languageModelFailure, mergeSystemMessages,
} from '../../src/extension/llm/failures.js';
import { fallbackOf } from '../../src/core/llm/outcomes.js';
import { guardTransport } from '../../src/extension/llm/guard.js';
import { emptyAnalysis, makeCommit, makeRepository } from '../support/sampleReport.js';

const SHA_A = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const SHA_B = 'b1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const SHA_C = 'c1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

function report(): Report {
  const files = [{ path: 'src/planner.ts', status: 'M' as const, additions: 3, deletions: 1, binary: false }];
  const acme = makeRepository({
    name: 'acme', path: '/repos/acme', ref: 'HEAD', warnings: [],
    commits: [
      makeCommit({ sha: SHA_A, subject: 'fix: planner crash', date: '2026-01-22T10:00:00Z', files,
        analysis: emptyAnalysis({ importance: 'low', changeType: 'fix', summary: 'offline A' }) }),
      makeCommit({ sha: SHA_B, subject: 'docs: readme', date: '2026-01-22T11:00:00Z', files,
        analysis: emptyAnalysis({ importance: 'low', changeType: 'docs', summary: 'offline B' }) }),
    ],
  });
  const other = makeRepository({
    name: 'other', path: '/repos/other', ref: 'HEAD', warnings: [],
    commits: [makeCommit({ sha: SHA_C, subject: 'chore: c', date: '2026-01-22T12:00:00Z', files,
      analysis: emptyAnalysis({ summary: 'offline C' }) })],
  });
  return {
    schemaVersion: 1, generatedAt: '2026-01-22T12:00:00Z', language: 'en',
    window: { start: '2026-01-22T00:00:00Z', end: '2026-01-23T00:00:00Z', timeZone: 'UTC', dateField: 'committer', label: '2026-01-22' },
    repositories: [acme, other],
  };
}

const ANSWER = JSON.stringify({
  changeType: 'fix', importance: 'high', breaking: false, reasons: ['The commit fixes a crash in the planner.'],
  summary: 'Fixes a crash in the planner when the queue is empty.', modules: ['src'],
  insights: { architecture: [], performance: [], security: [] }, risks: [], recommendations: [],
});

function fakeTransport(answer: (messages: ChatMessage[]) => Promise<string> | string = () => ANSWER): ChatTransport & { calls: number } {
  const transport = {
    id: 'openai-compatible' as const,
    model: 'fake-model',
    calls: 0,
    async complete(messages: ChatMessage[]) {
      transport.calls += 1;
      return { text: await answer(messages), finishReason: 'stop', usage: { promptTokens: 10, completionTokens: 5 } };
    },
  };
  return transport;
}

// ---- settings -----------------------------------------------------------------------------------------------

test('settings: the offline analyzer is the default, and anything unknown falls back to it', () => {
  assert.deepEqual(modelConfigFrom({}), { kind: 'heuristic' });
  assert.deepEqual(modelConfigFrom({ analyzer: 'heuristic', model: 'x' }), { kind: 'heuristic' });
  assert.deepEqual(modelConfigFrom({ analyzer: 'gpt' }), { kind: 'heuristic' });
  assert.deepEqual(modelConfigFrom({ analyzer: 42 }), { kind: 'heuristic' });
});

test('settings: vscode-lm selector leaves out empty vendor and family', () => {
  assert.deepEqual(modelConfigFrom({ analyzer: 'vscode-lm' }),
    { kind: 'vscode-lm', concurrency: 4, diffBudgetTokens: 6000, timeoutSeconds: 120, selector: {} });
  assert.deepEqual(modelConfigFrom({ analyzer: 'vscode-lm', vendor: ' copilot ', family: '', customInstructions: '  Be brief. ' }),
    { kind: 'vscode-lm', concurrency: 4, diffBudgetTokens: 6000, timeoutSeconds: 120, customInstructions: 'Be brief.', selector: { vendor: 'copilot' } });
});

test('settings: dailyDigest.model.timeoutSeconds is kept within 1–3600 s; anything not a number is the default', () => {
  const timeout = (value: unknown): number | undefined => {
    const config = modelConfigFrom({ analyzer: 'vscode-lm', timeoutSeconds: value });
    return config.kind === 'vscode-lm' ? config.timeoutSeconds : undefined;
  };
  assert.deepEqual([timeout(300), timeout(2.5), timeout(0), timeout(99_999), timeout('60'), timeout(Number.NaN)], [300, 2.5, 1, 3600, 120, 120]);
});

test('settings: openai-compatible defaults to the local Ollama URL, trims slashes, needs a model', () => {
  assert.equal(DEFAULT_BASE_URL, 'http://127.0.0.1:11434/v1');
  assert.deepEqual(modelConfigFrom({ analyzer: 'openai-compatible', model: 'qwen2.5-coder:7b' }), {
    kind: 'openai-compatible', concurrency: 4, diffBudgetTokens: 6000, timeoutSeconds: 120, baseUrl: 'http://127.0.0.1:11434/v1',
    model: 'qwen2.5-coder:7b', origin: 'http://127.0.0.1:11434', loopback: true,
  });
  const hosted = modelConfigFrom({ analyzer: 'openai-compatible', baseUrl: 'https://api.example.com/v1//', model: 'm' });
  assert.ok(hosted.kind === 'openai-compatible');
  assert.equal(hosted.baseUrl, 'https://api.example.com/v1');
  assert.equal(hosted.origin, 'https://api.example.com');
  assert.equal(hosted.loopback, false);
  assert.deepEqual(modelConfigFrom({ analyzer: 'openai-compatible', model: '  ' }), { kind: 'invalid', problem: 'no-model', value: '' });
});

test('settings: bad base URLs are refused, and a password in one is never echoed', () => {
  assert.deepEqual(modelConfigFrom({ analyzer: 'openai-compatible', baseUrl: 'not a url', model: 'm' }),
    { kind: 'invalid', problem: 'bad-url', value: 'not a url' });
  assert.equal(modelConfigFrom({ analyzer: 'openai-compatible', baseUrl: 'file:///etc/passwd', model: 'm' }).kind, 'invalid');
  const withSecret = modelConfigFrom({ analyzer: 'openai-compatible', baseUrl: 'https://me:s3cret@api.example.com/v1', model: 'm' });
  assert.deepEqual(withSecret, { kind: 'invalid', problem: 'url-credentials', value: 'https://api.example.com' });
  assert.ok(!JSON.stringify(withSecret).includes('s3cret'));
});

test('settings: concurrency is clamped to 1–16 and the diff budget to 500–100000', () => {
  const config = (raw: Record<string, unknown>) => modelConfigFrom({ analyzer: 'vscode-lm', ...raw });
  const pick = (raw: Record<string, unknown>) => {
    const result = config(raw);
    assert.ok(result.kind === 'vscode-lm');
    return [result.concurrency, result.diffBudgetTokens];
  };
  assert.deepEqual(pick({ concurrency: 0, diffBudgetTokens: 10 }), [1, 500]);
  assert.deepEqual(pick({ concurrency: 99, diffBudgetTokens: 1e9 }), [16, 100_000]);
  assert.deepEqual(pick({ concurrency: 2.6, diffBudgetTokens: 8000 }), [3, 8000]);
  assert.deepEqual(pick({ concurrency: '8', diffBudgetTokens: Number.NaN }), [4, 6000]);
});

test('settings: API keys are stored per origin; loopback hosts are recognized', () => {
  assert.equal(apiKeySecretName('https://api.example.com'), 'dailyDigest.openai.apiKey/https://api.example.com');
  assert.equal(openAiOrigin('https://api.example.com/v1'), 'https://api.example.com');
  assert.equal(openAiOrigin(undefined), 'http://127.0.0.1:11434');
  assert.equal(openAiOrigin('ftp://x'), undefined);
  for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]', 'app.localhost']) assert.ok(isLoopbackHost(host), host);
  for (const host of ['10.0.0.1', 'example.com', '127.0.0.1.example.com', 'localhost.example.com']) assert.ok(!isLoopbackHost(host), host);
});

test('diff budget: at most half of a known model window', () => {
  assert.equal(effectiveDiffBudget(6000, undefined), 6000);
  assert.equal(effectiveDiffBudget(6000, 128_000), 6000);
  assert.equal(effectiveDiffBudget(6000, 8192), 4096);
  assert.equal(effectiveDiffBudget(6000, 600), 500);
  assert.equal(effectiveDiffBudget(6000, 0), 6000);
});

// ---- vscode.lm messages ---------------------------------------------------------------------------------------

test('vscode.lm: the system message goes on top of the first user message', () => {
  const merged = mergeSystemMessages([
    { role: 'system', content: 'RULES' },
    { role: 'user', content: 'COMMIT' },
    { role: 'assistant', content: '{bad' },
    { role: 'user', content: 'again' },
  ]);
  assert.deepEqual(merged, [
    { role: 'user', content: 'RULES\n\nCOMMIT' },
    { role: 'assistant', content: '{bad' },
    { role: 'user', content: 'again' },
  ]);
});

test('vscode.lm: several system messages are joined in order; without a user message one is made', () => {
  assert.deepEqual(mergeSystemMessages([{ role: 'system', content: 'A' }, { role: 'user', content: 'U' }, { role: 'system', content: 'B' }]),
    [{ role: 'user', content: 'A\n\nB\n\nU' }]);
  assert.deepEqual(mergeSystemMessages([{ role: 'system', content: 'A' }]), [{ role: 'user', content: 'A' }]);
  assert.deepEqual(mergeSystemMessages([{ role: 'user', content: 'U' }]), [{ role: 'user', content: 'U' }]);
});

// ---- failures -------------------------------------------------------------------------------------------------

test('failures: vscode.lm access errors stop the run, with their own cause; other provider errors cost one commit', () => {
  const denied = languageModelFailure('NoPermissions', 'user declined', 'Stub');
  assert.deepEqual(classifyFailure(denied), { kind: 'lm-no-permission', fatal: true, detail: 'user declined' });
  assert.deepEqual(fallbackOf(denied), { cause: 'no-access' });
  assert.match(denied.message, /the language model Stub may not be used \(user declined\)/);
  assert.equal(classifyFailure(languageModelFailure('Blocked', 'quota', 'Stub'))?.kind, 'lm-blocked');
  const gone = languageModelFailure('NotFound', 'gone', 'Stub');
  assert.equal(classifyFailure(gone)?.kind, 'lm-not-found');
  assert.deepEqual(fallbackOf(gone), { cause: 'model-unavailable' });
  const other = languageModelFailure('Unknown', 'model\nexploded', 'Stub');
  assert.deepEqual(classifyFailure(other), { kind: 'other', fatal: false, detail: 'model exploded' });
  assert.deepEqual(fallbackOf(other), { cause: 'other' });
  assert.equal(classifyFailure(new DigestError('cancelled')), undefined);
  assert.deepEqual(classifyFailure(new Error('boom')), { kind: 'other', fatal: false, detail: 'boom' });
});

test('failures: HTTP model errors that every commit would meet are fatal, worded for the extension', () => {
  const endpoint = 'https://api.example.com/v1';
  const auth = classifyFailure(new ModelError('auth', { endpoint, status: '401' }));
  assert.equal(auth?.kind, 'auth');
  assert.equal(auth?.fatal, true);
  assert.match(auth?.detail ?? '', /Daily Digest: Set API Key/);
  assert.equal(classifyFailure(new ModelError('refused', { endpoint, server: 'Ollama' }))?.kind, 'unreachable');
  assert.equal(classifyFailure(new ModelError('unknown-host', { endpoint }))?.fatal, true);
  assert.equal(classifyFailure(new ModelError('not-found', { endpoint, model: 'x' }))?.kind, 'endpoint-not-found');
  for (const code of ['timeout', 'rate-limited', 'server', 'http', 'bad-response', 'network'] as const) {
    assert.equal(classifyFailure(new ModelError(code, { endpoint }))?.fatal, false, code);
  }
  const zh = classifyFailure(new ModelError('auth', { endpoint, status: '401' }), 'zh-CN');
  assert.match(zh?.detail ?? '', /每日摘要: 设置 API 密钥/);
});

test('failures: no model error names a CLI flag in the extension, in any language', () => {
  const params = { endpoint: 'http://127.0.0.1:11434/v1', server: 'Ollama', status: '400', detail: 'd', model: 'm', retries: '3', seconds: '120' };
  for (const language of LANGUAGES) {
    for (const code of MODEL_ERROR_CODES) {
      const text = extensionModelErrorText(new ModelError(code, params), language);
      assert.doesNotMatch(text, /--[a-z]/, `${language} ${code}: ${text}`);
    }
  }
});

// ---- guard ----------------------------------------------------------------------------------------------------

test('guard: counts requests, records the first failure and the first fatal one, rewords without losing the cause', async () => {
  const abort = new AbortController();
  let next: unknown = new ModelError('timeout', { endpoint: 'http://127.0.0.1:1/v1', seconds: '120' });
  const inner: ChatTransport = {
    id: 'openai-compatible', model: 'm',
    complete: () => Promise.reject(next),
  };
  const guarded = guardTransport(inner, { language: 'en' });
  const options = { signal: abort.signal, jsonMode: true };
  await assert.rejects(guarded.complete([], options), (error: Error) =>
    error instanceof ExtensionModelError && error.code === 'timeout' &&
    /did not answer within 120 s: raise dailyDigest\.model\.timeoutSeconds/.test(error.message) &&
    /请调大 dailyDigest\.model\.timeoutSeconds/.test(error.format('zh-CN')));
  const fatalOf = () => guarded.fatal;
  assert.equal(guarded.firstFailure?.kind, 'other');
  assert.equal(fatalOf(), undefined);

  next = new ModelError('auth', { endpoint: 'http://127.0.0.1:1/v1', status: '401' });
  await assert.rejects(guarded.complete([], options), (error: unknown) => {
    assert.deepEqual(fallbackOf(error), { cause: 'http', status: 401 }, 'the tally still counts HTTP 401');
    return true;
  });
  assert.equal(fatalOf()?.kind, 'auth');
  next = new ModelError('refused', { endpoint: 'http://127.0.0.1:1/v1', server: 'Ollama' });
  await assert.rejects(guarded.complete([], options));
  assert.equal(fatalOf()?.kind, 'auth', 'the first fatal failure is kept');
  assert.equal(guarded.firstFailure?.kind, 'other');
  assert.equal(guarded.calls, 3);
  assert.equal(abort.signal.aborted, false, 'the analyzer stops sending, the guard aborts nothing');
});

test('guard: cancellation passes through untouched', async () => {
  const cancelled = new DigestError('cancelled');
  const guarded = guardTransport({ id: 'vscode-lm', model: 'm', complete: () => Promise.reject(cancelled) }, { language: 'en' });
  await assert.rejects(guarded.complete([], { signal: new AbortController().signal, jsonMode: true }), (error) => error === cancelled);
  assert.equal(guarded.firstFailure, undefined);
});

// ---- applying analyses ----------------------------------------------------------------------------------------

test('apply: a landed analysis replaces the commit, updates stats and usage, and says whether it moved group', () => {
  const shown = report();
  const before = shown.repositories[0]?.commits[0];
  const analysis = emptyAnalysis({ analyzer: 'openai-compatible', model: 'm', importance: 'high', usage: { promptTokens: 7, completionTokens: 3 } });
  assert.equal(applyAnalysis(shown, 0, 0, analysis), true);
  assert.notEqual(shown.repositories[0]?.commits[0], before);
  assert.equal(shown.repositories[0]?.commits[0]?.analysis, analysis);
  assert.equal(shown.repositories[0]?.stats.high, 1);
  assert.deepEqual(shown.usage, { promptTokens: 7, completionTokens: 3 });
  assert.equal(applyAnalysis(shown, 0, 1, emptyAnalysis({ analyzer: 'openai-compatible', importance: 'low' })), false);
  assert.equal(applyAnalysis(shown, 5, 0, analysis), undefined);
});

test('apply: the shadow report hands the model the offline analyses and leaves the shown report alone', () => {
  const shown = report();
  const offline = offlineAnalysesOf(shown);
  applyAnalysis(shown, 0, 0, emptyAnalysis({ analyzer: 'openai-compatible', summary: 'model A' }));
  const shadow = shadowReport(shown, offline);
  assert.equal(shadow.repositories[0]?.commits[0]?.analysis.summary, 'offline A');
  shadow.repositories[0]!.commits[1] = { ...shadow.repositories[0]!.commits[1]!, analysis: emptyAnalysis({ summary: 'x' }) };
  assert.equal(shown.repositories[0]?.commits[1]?.analysis.summary, 'offline B');

  const one = shadowReport(shown, offline, { repoIndex: 0, commitIndex: 1 });
  assert.deepEqual(one.repositories[0]?.commits.map((commit) => commit.sha), [SHA_B]);
  assert.equal(one.repositories[1]?.commits.length, 0);
  assert.notEqual(one.repositories[1]?.error, undefined);
});

test('a day analyzed through the guard lands commit by commit; the second run is served by the cache', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dd-lm-cache-'));
  try {
    const shown = report();
    const offline = offlineAnalysesOf(shown);
    const inner = fakeTransport();
    const run = async (): Promise<number> => {
      const abort = new AbortController();
      const guarded = guardTransport(inner, { language: 'en' });
      const analyzer = createModelAnalyzer({ transport: guarded, language: 'en', cache: createFileCache(dir) });
      await analyzeReport(shadowReport(shown, offline), analyzer, {
        readDiff: async () => ({ text: '', truncated: false, omittedFiles: [] }),
        signal: abort.signal,
        onCommit: (repoIndex, commitIndex, analysis) => applyAnalysis(shown, repoIndex, commitIndex, analysis),
      });
      return guarded.calls;
    };
    assert.equal(await run(), 3);
    const analyzed = shown.repositories.flatMap((repo) => repo.commits.map((commit) => commit.analysis));
    assert.ok(analyzed.every((analysis) => analysis.analyzer === 'openai-compatible' && analysis.importance === 'high'));
    assert.deepEqual(shown.usage, { promptTokens: 30, completionTokens: 15 });
    assert.equal(shown.repositories[0]?.stats.high, 2);
    assert.equal(await run(), 0, 'the second run made model requests');
    assert.equal(shown.repositories[0]?.commits[0]?.analysis.analyzer, 'openai-compatible');
    assert.equal(shown.usage, undefined, 'cache hits spend no tokens');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a rejected key stops the day after the first answer: every commit keeps the offline analysis and says why', async () => {
  const shown = report();
  const inner = fakeTransport(() => Promise.reject(new ModelError('auth', { endpoint: 'http://127.0.0.1:1/v1', status: '401' })));
  const guarded = guardTransport(inner, { language: 'en' });
  const analyzer = createModelAnalyzer({ transport: guarded, language: 'en' });
  const shadow = shadowReport(shown, offlineAnalysesOf(shown));
  await analyzeReport(shadow, analyzer, {
    readDiff: async () => ({ text: '', truncated: false, omittedFiles: [] }),
    concurrency: 1,
    onCommit: (repoIndex, commitIndex, analysis) => applyAnalysis(shown, repoIndex, commitIndex, analysis),
  });
  assert.equal(guarded.calls, 1);
  assert.equal(guarded.fatal?.kind, 'auth');
  const commits = shown.repositories.flatMap((repo) => repo.commits);
  assert.ok(commits.every((commit) => commit.analysis.analyzer === 'heuristic'));
  assert.ok(commits.every((commit) => commit.analysis.fallback?.cause === 'http' && commit.analysis.fallback.status === 401));
  const notes = commits.map((commit) => commit.analysis.notes.at(-1) ?? '');
  assert.match(notes[0]!, /rejected the API key \(HTTP 401\): set it again with "Daily Digest: Set API Key"\. The offline analysis is kept\.$/);
  for (const text of notes.slice(1)) assert.match(text, /^The language model was not asked: an earlier request of this run failed \(.*Set API Key"\)/);
  assert.ok(notes.every((text) => !/--api-key-env/.test(text)), 'no CLI flag in the notes');
  assert.deepEqual(shadow.modelRun?.causes, [{ cause: 'http', status: 401, commits: 3 }]);
});
