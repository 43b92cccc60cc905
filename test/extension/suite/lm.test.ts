// The opt-in language-model analysis inside a real extension host:
// - openai-compatible end to end against a fake OpenAI server on 127.0.0.1 started by this suite (real sockets);
// - the vscode.lm transport with real vscode classes (messages, cancellation tokens, LanguageModelError) over a
//   stand-in chat model object;
// - vscode-lm through VS Code's own model registry: a provider registered by the suite (test/extension/lmTestProvider.ts,
//   its vendor declared by test/extension/lmVendor) answers like the fake server: a good answer, a wrong-language one,
//   a refusal, an error, a hang past dailyDigest.model.timeoutSeconds, a hang cancelled by the run's Cancel.
// Settings are changed globally and put back in after().
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DigestError } from '../../../src/core/errors.js';
import type { Report } from '../../../src/core/domain/report.js';
import { classifyFailure } from '../../../src/extension/llm/failures.js';
import { createVscodeLmTransport } from '../../../src/extension/llm/vscodeLmTransport.js';
import type { DailyDigestTestApi, TreeSnapshotNode } from '../../../src/extension/testApi.js';
import { completion, hang, json, startFakeServer, validAnswer, type FakeServer } from '../../llm/fakeOpenAiServer.js';
import { fail, hang as hangLm, registerTestProvider, text, TEST_FAMILY, TEST_MODEL_NAME, TEST_VENDOR, type TestProvider } from '../lmTestProvider.js';
import { validAnswerZh } from '../../llm/fakeOpenAiServer.js';
import { createFixtureWorkspace, type FixtureWorkspace } from '../../ui/fixtureWorkspace.js';

const EXTENSION_ID = 'daily-digest.daily-digest';
const API_KEY = 'sk-test-dd-0123456789';
const MODEL = 'fake-model';
const SETTINGS = ['analyzer', 'openai.baseUrl', 'openai.model', 'lm.vendor', 'lm.family', 'lm.concurrency', 'model.timeoutSeconds'];

const ANSWER = validAnswer({
  changeType: 'feature', importance: 'high',
  reasons: ['The model judged this change important for the session layer.'],
  summary: 'The model says this commit changes how the portal behaves.',
  risks: ['Clients of the portal may notice the change.'],
});

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function flatten(nodes: TreeSnapshotNode[]): TreeSnapshotNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

function analyzers(report: Report | undefined): string[] {
  return (report?.repositories ?? []).flatMap((repo) => repo.commits.map((commit) => commit.analysis.analyzer));
}

function commitCount(report: Report | undefined): number {
  return (report?.repositories ?? []).reduce((sum, repo) => sum + repo.commits.length, 0);
}

async function configure(values: Record<string, unknown>): Promise<void> {
  const config = vscode.workspace.getConfiguration('dailyDigest');
  for (const [key, value] of Object.entries(values)) await config.update(key, value, vscode.ConfigurationTarget.Global);
}

/** The text of a LanguageModelChatMessage: a string in older VS Code, text parts in newer. */
function messageText(message: vscode.LanguageModelChatMessage): string {
  const content: unknown = message.content;
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content.map((part: unknown) => (typeof part === 'object' && part !== null && 'value' in part ? String(part.value) : '')).join('');
  }
  return '';
}

describe('Language-model analysis in a real extension host', function () {
  let api: DailyDigestTestApi;
  let fake: FakeServer;
  let repos: string[] | undefined;
  let ownFixture: FixtureWorkspace | undefined;

  before(async function () {
    this.timeout(60_000);
    const fromEnv = process.env.DAILY_DIGEST_FIXTURE;
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (fromEnv === undefined || fromEnv === '' || !folders.some((folder) => folder.uri.fsPath === fromEnv)) {
      ownFixture = createFixtureWorkspace();
      repos = [ownFixture.dir];
    }
    const extension = vscode.extensions.getExtension<DailyDigestTestApi>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
    api = await extension.activate();
    fake = await startFakeServer(completion(ANSWER, { delayMs: 150, usage: { prompt_tokens: 100, completion_tokens: 20 } }));
    await vscode.commands.executeCommand('dailyDigest.clearAnalysisCache');
  });

  after(async function () {
    this.timeout(30_000);
    api.cancel();
    await api.whenModelAnalysisDone();
    await api.setApiKey('');
    await configure(Object.fromEntries(SETTINGS.map((key) => [key, undefined])));
    await vscode.commands.executeCommand('dailyDigest.clearAnalysisCache');
    await fake.close();
    ownFixture?.cleanup();
  });

  async function generateToday(): Promise<Report> {
    const report = await api.generate({ kind: 'day', day: 'today' }, repos);
    assert.ok(report, 'no report after generating');
    return report;
  }

  it('contributes the model commands and settings, offline by default', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of ['analyzeCommit', 'analyzeDay', 'selectModel', 'setApiKey', 'clearApiKey', 'clearAnalysisCache']) {
      assert.ok(registered.has(`dailyDigest.${id}`), `dailyDigest.${id} is not registered`);
    }
    const config = vscode.workspace.getConfiguration('dailyDigest');
    assert.equal(config.get('analyzer'), 'heuristic');
    assert.equal(config.get('openai.baseUrl'), 'http://127.0.0.1:11434/v1');
    assert.equal(config.get('lm.concurrency'), 4);
    const properties = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
      contributes: { configuration: { properties: Record<string, unknown> } };
    }).contributes.configuration.properties;
    assert.ok(!Object.keys(properties).some((key) => /key|secret|token$/i.test(key)), 'an API key setting is contributed');
  });

  it('with the offline analyzer, generating makes no model request', async function () {
    this.timeout(60_000);
    const before = fake.requests.length;
    const report = await generateToday();
    assert.equal(await api.whenModelAnalysisDone(), undefined);
    assert.ok(analyzers(report).every((id) => id === 'heuristic'));
    assert.equal(fake.requests.length, before);
  });

  it('openai-compatible: the offline analysis shows first, then the model\'s replaces it in the report and the tree', async function () {
    this.timeout(60_000);
    await configure({ analyzer: 'openai-compatible', 'openai.baseUrl': fake.baseUrl, 'openai.model': MODEL });
    assert.equal(await api.setApiKey(API_KEY), true);
    const before = fake.requests.length;

    const report = await generateToday();
    const total = commitCount(report);
    assert.ok(total >= 8, `expected the fixture's commits, got ${total}`);
    assert.ok(analyzers(report).every((id) => id === 'heuristic'), 'the offline analysis is shown at once');

    const result = await api.whenModelAnalysisDone();
    assert.deepEqual(result, { status: 'done', analyzed: total, offline: 0, calls: total + 1 }, 'one request a commit, one for the headline');
    assert.equal(fake.headlineRequests.length, 1);
    const shown = api.getCurrentReport();
    assert.equal(shown, report);
    assert.deepEqual(new Set(analyzers(shown)), new Set(['openai-compatible']));
    for (const commit of shown?.repositories.flatMap((repo) => repo.commits) ?? []) {
      assert.equal(commit.analysis.model, MODEL);
      assert.equal(commit.analysis.summary, 'The model says this commit changes how the portal behaves.');
      assert.equal(commit.analysis.importance, 'high');
    }
    // The commits' tokens and the headline's (the fake server reports 100 + 20 a request).
    assert.deepEqual(shown?.usage, { promptTokens: 100 * (total + 1), completionTokens: 20 * (total + 1) });
    assert.equal(shown?.repositories[0]?.stats.high, total);

    // The tree follows: every commit node carries the model analysis, all in one High group.
    const nodes = flatten(api.getTreeSnapshot());
    const commits = nodes.filter((node) => node.node.kind === 'commit');
    assert.equal(commits.length, total);
    for (const node of commits) {
      assert.ok(node.node.kind === 'commit');
      assert.equal(node.node.commit.analysis.analyzer, 'openai-compatible');
    }
    const groups = nodes.filter((node) => node.node.kind === 'group');
    assert.deepEqual(groups.map((group) => group.node.kind === 'group' && group.node.importance), ['high']);
    assert.match(groups[0]?.label ?? '', new RegExp(`\\(${total}\\)$`));

    // Each request carried the key as a bearer token (and only there), for the configured model.
    const requests = fake.requests.slice(before);
    assert.equal(requests.length, total);
    for (const request of requests) {
      assert.equal(request.url, '/v1/chat/completions');
      assert.equal(request.headers.authorization, `Bearer ${API_KEY}`);
      assert.equal(request.body?.model, MODEL);
      assert.ok(!request.raw.includes(API_KEY), 'the key is in the request body');
    }

    // The report's Markdown shows the model's words and the token usage in the footer.
    await vscode.commands.executeCommand('dailyDigest.copyMarkdown');
    const markdown = await vscode.env.clipboard.readText();
    assert.ok(markdown.includes('The model says this commit changes how the portal behaves.'));
    assert.ok(markdown.includes(`**🧠 Analysis**: language model \`${MODEL}\` — ${total} analyzed, 0 offline\n`), 'the header has the tally');
    assert.ok(markdown.includes(`**🧭 Headline** (language model \`${MODEL}\`): Several changes landed today.`), 'the day\'s headline by the model');
    assert.ok(markdown.includes(`${100 * (total + 1)}`) && markdown.includes(`${20 * (total + 1)}`), 'token usage in the footer');
    assert.ok(!markdown.includes(API_KEY));
  });

  it('re-generating a fully analyzed day makes zero model requests (cache in global storage)', async function () {
    this.timeout(60_000);
    const before = fake.requests.length;
    const headlinesBefore = fake.headlineRequests.length;
    const report = await generateToday();
    const result = await api.whenModelAnalysisDone();
    assert.equal(result?.status, 'done');
    assert.equal(result?.calls, 0);
    assert.equal(fake.requests.length, before);
    assert.equal(fake.headlineRequests.length, headlinesBefore, 'the headline of the same day and commits is cached too');
    assert.deepEqual(new Set(analyzers(report)), new Set(['openai-compatible']));
    assert.equal(report.repositories[0]?.modelHeadline?.text, 'Several changes landed today.');
    assert.equal(report.modelRun?.cached, commitCount(report));
    assert.equal(report.usage, undefined, 'cache hits spend no tokens');
  });

  it('"Analyze Commit with Language Model" on a tree item analyzes that commit only', async function () {
    this.timeout(60_000);
    const removed = await vscode.commands.executeCommand<number>('dailyDigest.clearAnalysisCache');
    assert.ok(removed >= 8, `cleared ${removed} entries`);
    assert.ok(api.getNotices().at(-1)?.message.includes(String(removed)), 'the message says how many entries went');
    const node = flatten(api.getTreeSnapshot()).find((candidate) =>
      candidate.node.kind === 'commit' && candidate.label.startsWith('fix(auth)'));
    assert.ok(node && node.node.kind === 'commit');
    const before = fake.requests.length;
    const result = await vscode.commands.executeCommand<{ status: string; calls: number; analyzed: number }>(
      'dailyDigest.analyzeCommit', node.node);
    assert.deepEqual(result, { status: 'done', analyzed: 1, offline: 0, calls: 1 }, 'one commit, no headline');
    assert.equal(fake.requests.length, before + 1);
    assert.ok(fake.requests.at(-1)?.raw.includes(node.node.commit.sha), 'the request is about that commit');
    const commit = api.getCurrentReport()?.repositories[0]?.commits.find((candidate) => candidate.sha === (node.node.kind === 'commit' ? node.node.commit.sha : ''));
    assert.equal(commit?.analysis.analyzer, 'openai-compatible');
  });

  it('cancelling "Analyze Day" aborts the requests in flight and keeps what landed', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('dailyDigest.clearAnalysisCache');
    const before = fake.requests.length;
    const headlinesBefore = fake.headlineRequests.length;
    const abortsBefore = fake.aborted;
    fake.script(hang(), hang(), hang(), hang());
    const pending = vscode.commands.executeCommand<{ status: string }>('dailyDigest.analyzeDay');
    await fake.waitForRequest(before + 1, 10_000);
    api.cancel();
    const result = await pending;
    assert.equal(result?.status, 'cancelled');
    await fake.waitForAbort(5_000, abortsBefore + 1);
    const shown = api.getCurrentReport();
    const commits = shown?.repositories.flatMap((repo) => repo.commits) ?? [];
    assert.ok(commits.length >= 8);
    assert.ok(commits.every((commit) => commit.analysis.fallback?.cause === 'stopped'), 'every commit not analyzed says the run was stopped');
    assert.deepEqual(shown?.modelRun?.causes, [{ cause: 'stopped', commits: commits.length }]);
    assert.equal(shown?.modelRun?.stopped, 'cancelled');
    assert.equal(fake.headlineRequests.length, headlinesBefore, 'a stopped run asks no headline');
  });

  it('dailyDigest.model.timeoutSeconds bounds each request: a slow server gives "timeout", the note names the setting', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('dailyDigest.clearAnalysisCache');
    // 1 s is the setting's minimum: a smaller value is taken as 1.
    await configure({ 'model.timeoutSeconds': 1, 'lm.concurrency': 8 });
    const fallback = fake.fallback;
    fake.fallback = hang();
    try {
      const result = await vscode.commands.executeCommand<{ status: string; analyzed: number; offline: number }>('dailyDigest.analyzeDay');
      const shown = api.getCurrentReport();
      const total = commitCount(shown);
      assert.deepEqual({ status: result?.status, analyzed: result?.analyzed, offline: result?.offline }, { status: 'done', analyzed: 0, offline: total });
      assert.deepEqual(shown?.modelRun?.causes, [{ cause: 'timeout', commits: total }]);
      for (const commit of shown?.repositories.flatMap((repo) => repo.commits) ?? []) {
        const last = commit.analysis.notes.at(-1) ?? '';
        assert.match(last, /did not answer within 1 s( \(2 tries\))?: raise dailyDigest\.model\.timeoutSeconds/);
        assert.doesNotMatch(last, /--[a-z]/, 'no CLI flag in a note');
      }
      const notice = api.getNotices().at(-1);
      assert.equal(notice?.severity, 'warning');
      assert.match(notice?.message ?? '', new RegExp(`^Language model ${MODEL}: 0 analyzed, ${total} offline \\(timeout ×${total}\\)\\.`));
      assert.doesNotMatch(notice?.message ?? '', /--[a-z]/);
    } finally {
      fake.fallback = fallback;
      await configure({ 'model.timeoutSeconds': undefined, 'lm.concurrency': undefined });
    }
  });

  it('a rejected key stops the run: the report stays offline and the message offers "Use Offline Analyzer"', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('dailyDigest.clearAnalysisCache');
    const fallback = fake.fallback;
    fake.fallback = json(401, { error: { message: `invalid key ${API_KEY}` } });
    try {
      const before = fake.requests.length;
      const report = await generateToday();
      const automatic = await api.whenModelAnalysisDone();
      assert.equal(automatic?.status, 'failed');
      assert.ok(fake.requests.length - before <= 4, `${fake.requests.length - before} requests after a 401 (concurrency 4)`);
      assert.ok(analyzers(report).every((id) => id === 'heuristic'), 'the report keeps the offline analysis');

      const noticesBefore = api.getNotices().at(-1)?.seq ?? -1;
      const result = await vscode.commands.executeCommand<{ status: string }>('dailyDigest.analyzeDay');
      assert.equal(result?.status, 'failed');
      const notices = api.getNotices();
      const notice = notices.at(-1);
      assert.ok((notice?.seq ?? -1) > noticesBefore, 'a new notice');
      assert.equal(notice?.severity, 'warning');
      assert.match(notice?.message ?? '', /rejected the API key \(HTTP 401/);
      assert.deepEqual(notice?.actions, ['Set API Key', 'Use Offline Analyzer']);
      for (const shown of notices) assert.ok(!shown.message.includes(API_KEY), `the key is in a message: ${shown.message}`);
      assert.ok(analyzers(api.getCurrentReport()).every((id) => id === 'heuristic'));

      api.chooseNoticeAction(notices.length - 1, 'Use Offline Analyzer');
      await waitFor('the analyzer setting to switch', () =>
        vscode.workspace.getConfiguration('dailyDigest').get('analyzer') === 'heuristic');
    } finally {
      fake.fallback = fallback;
    }
  });

  it('vscode.lm transport: system merged into the first user message, justification sent, text joined', async () => {
    const seen: { messages: vscode.LanguageModelChatMessage[]; options: vscode.LanguageModelChatRequestOptions | undefined }[] = [];
    const chat = stubChat(async (messages, options) => {
      seen.push({ messages, options });
      return { text: (async function* () { yield '{"a":'; yield ' 1}'; })() };
    });
    const transport = createVscodeLmTransport(chat, 'why we ask');
    assert.equal(transport.id, 'vscode-lm');
    assert.equal(transport.model, 'stub-id');
    const result = await transport.complete([
      { role: 'system', content: 'RULES' }, { role: 'user', content: 'COMMIT' },
    ], { signal: new AbortController().signal, jsonMode: true });
    assert.deepEqual(result, { text: '{"a": 1}' }, 'the API gives no finish reason');
    assert.equal(seen.length, 1);
    assert.equal(seen[0]?.messages.length, 1);
    assert.equal(seen[0]?.messages[0]?.role, vscode.LanguageModelChatMessageRole.User);
    assert.equal(messageText(seen[0]!.messages[0]!), 'RULES\n\nCOMMIT');
    assert.equal(seen[0]?.options?.justification, 'why we ask');
  });

  it('vscode.lm transport: aborting cancels the token and throws cancelled; LanguageModelError is classified', async () => {
    let token: vscode.CancellationToken | undefined;
    const chat = stubChat((_messages, _options, cancellation) => {
      token = cancellation;
      return new Promise((_resolve, reject) => cancellation?.onCancellationRequested(() => reject(new vscode.CancellationError())));
    });
    const abort = new AbortController();
    const pending = createVscodeLmTransport(chat, 'j').complete([{ role: 'user', content: 'x' }], { signal: abort.signal, jsonMode: true });
    await waitFor('the request', () => token);
    abort.abort();
    await assert.rejects(pending, (error) => error instanceof DigestError && error.code === 'cancelled');
    assert.equal(token?.isCancellationRequested, true);

    for (const [error, kind] of [
      [vscode.LanguageModelError.NoPermissions('no consent'), 'lm-no-permission'],
      [vscode.LanguageModelError.Blocked('blocked'), 'lm-blocked'],
      [vscode.LanguageModelError.NotFound('gone'), 'lm-not-found'],
    ] as const) {
      const failing = createVscodeLmTransport(stubChat(() => Promise.reject(error)), 'j');
      const thrown = await failing.complete([{ role: 'user', content: 'x' }], { signal: new AbortController().signal, jsonMode: true })
        .then(() => undefined, (reason: unknown) => reason);
      const failure = classifyFailure(thrown);
      assert.equal(failure?.kind, kind);
      assert.equal(failure?.fatal, true);
    }
  });
});

describe('vscode-lm through VS Code\'s model registry: the same outcomes, notes, language check and headline', function () {
  let api: DailyDigestTestApi;
  let provider: TestProvider;
  let repos: string[] | undefined;
  let ownFixture: FixtureWorkspace | undefined;
  let total = 0;
  /** The model's id as VS Code gives it (what the report names). */
  let modelId = '';
  const HEADLINE = JSON.stringify({ headline: 'The portal changed in several ways today.' });

  before(async function () {
    this.timeout(60_000);
    const fromEnv = process.env.DAILY_DIGEST_FIXTURE;
    if (fromEnv === undefined || fromEnv === '' || !(vscode.workspace.workspaceFolders ?? []).some((folder) => folder.uri.fsPath === fromEnv)) {
      ownFixture = createFixtureWorkspace();
      repos = [ownFixture.dir];
    }
    const extension = vscode.extensions.getExtension<DailyDigestTestApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
    provider = registerTestProvider(ANSWER, HEADLINE);
    console.log(`      [vscode-lm] registerLanguageModelChatProvider ${provider.registered ? 'exists' : 'missing'}${provider.error ? ` (${provider.error})` : ''}`);
    await configure({ analyzer: 'vscode-lm', 'lm.vendor': TEST_VENDOR, 'lm.family': TEST_FAMILY });
    const report = await api.generate({ kind: 'day', day: 'today' }, repos);
    await api.whenModelAnalysisDone();
    total = commitCount(report);
    assert.ok(total >= 8, `expected the fixture's commits, got ${total}`);
  });

  after(async function () {
    this.timeout(30_000);
    api.cancel();
    await api.whenModelAnalysisDone();
    provider.dispose();
    await configure(Object.fromEntries(SETTINGS.map((key) => [key, undefined])));
    await vscode.commands.executeCommand('dailyDigest.clearAnalysisCache');
    ownFixture?.cleanup();
  });

  beforeEach(async function () {
    if (!provider.registered) this.skip();
    provider.reset();
    await vscode.commands.executeCommand('dailyDigest.clearAnalysisCache');
  });

  const analyzeDay = () => vscode.commands.executeCommand<{ status: string; analyzed: number; offline: number; calls: number }>('dailyDigest.analyzeDay');
  const shownCommits = () => api.getCurrentReport()?.repositories.flatMap((repo) => repo.commits) ?? [];

  it('VS Code lists the registered model for the vendor', async () => {
    const models = await vscode.lm.selectChatModels({ vendor: TEST_VENDOR, family: TEST_FAMILY });
    assert.deepEqual(models.map((model) => model.name), [TEST_MODEL_NAME]);
    modelId = models[0]!.id;
  });

  it('a good answer: every commit analyzed by vscode-lm, the tally in the header and a notice, the headline written', async function () {
    this.timeout(60_000);
    const result = await analyzeDay();
    assert.deepEqual(result, { status: 'done', analyzed: total, offline: 0, calls: total + 1 });
    assert.equal(provider.requests.length, total);
    assert.equal(provider.headlineRequests.length, 1);
    assert.ok(provider.requests.every((request) => request.text.startsWith('You review one git commit')), 'the system prompt leads the first user message');
    const shown = api.getCurrentReport();
    assert.deepEqual(new Set(shownCommits().map((commit) => commit.analysis.analyzer)), new Set(['vscode-lm']));
    assert.deepEqual(shown?.modelRun, { analyzer: 'vscode-lm', model: modelId, commits: total, analyzed: total, cached: 0, offline: 0, causes: [] });
    assert.equal(shown?.repositories[0]?.modelHeadline?.text, 'The portal changed in several ways today.');
    assert.equal(shown?.repositories[0]?.modelHeadline?.analyzer, 'vscode-lm');
    assert.equal(api.getNotices().at(-1)?.message, `Language model ${TEST_MODEL_NAME}: ${total} analyzed, 0 offline.`);
    await vscode.commands.executeCommand('dailyDigest.copyMarkdown');
    const markdown = await vscode.env.clipboard.readText();
    assert.ok(markdown.includes(`— ${total} analyzed, 0 offline\n`), 'the header has the tally');
    assert.ok(markdown.includes(`**🧭 Headline** (editor language model \`${modelId}\`): The portal changed in several ways today.`));

    // Again: everything from the cache, the headline too.
    provider.reset();
    const again = await analyzeDay();
    assert.deepEqual(again, { status: 'done', analyzed: total, offline: 0, calls: 0 });
    assert.equal(provider.requests.length + provider.headlineRequests.length, 0);
  });

  it('an answer in the wrong language is asked again, firmly, then kept with a note', async function () {
    this.timeout(60_000);
    provider.fallback = text(validAnswerZh());
    const chinese = '门户今天有几处改动，会话令牌和导出功能都有更新，文档也补充了配置说明。';
    provider.headline = text(JSON.stringify({ headline: chinese }));
    const result = await analyzeDay();
    assert.equal(result?.status, 'done');
    assert.equal(result?.analyzed, total);
    assert.equal(provider.requests.length, 2 * total, 'two requests a commit');
    assert.ok(provider.requests.filter((request) => request.text.includes('was not written in English')).length === total);
    for (const commit of shownCommits()) {
      assert.equal(commit.analysis.analyzer, 'vscode-lm');
      assert.ok(commit.analysis.notes.includes('The language model answered in Simplified Chinese although the report is in English, even when asked again; its answer is kept.'));
    }
    const headline = api.getCurrentReport()?.repositories[0]?.modelHeadline;
    assert.equal(headline?.text, chinese);
    assert.equal(provider.headlineRequests.length, 2, 'the headline too is asked again once');
    assert.match(headline?.notes[0] ?? '', /answered in Simplified Chinese although the report is in English/);
  });

  it('a refusal: asked once more, then offline with "model refused", the note quoting it', async function () {
    this.timeout(60_000);
    provider.fallback = text("I'm sorry, I can't help with that.");
    const result = await analyzeDay();
    assert.deepEqual({ status: result?.status, analyzed: result?.analyzed, offline: result?.offline }, { status: 'done', analyzed: 0, offline: total });
    assert.equal(provider.requests.length, 2 * total);
    assert.equal(provider.headlineRequests.length, 0, 'no headline when the model analyzed nothing');
    const shown = api.getCurrentReport();
    assert.deepEqual(shown?.modelRun?.causes, [{ cause: 'model-refused', commits: total }]);
    for (const commit of shownCommits()) {
      assert.equal(commit.analysis.analyzer, 'heuristic');
      assert.equal(commit.analysis.notes.at(-1), 'The language model refused to answer, twice (“I\'m sorry, I can\'t help with that.”); the offline analysis is kept.');
    }
    const notice = api.getNotices().at(-1);
    assert.equal(notice?.severity, 'warning');
    assert.match(notice?.message ?? '', new RegExp(`^Language model ${TEST_MODEL_NAME}: 0 analyzed, ${total} offline \\(model refused ×${total}\\)\\.`));
  });

  it('an error of the provider costs its commit only; the note says what failed', async function () {
    this.timeout(60_000);
    provider.script(fail(() => new Error('the stub model exploded')));
    const result = await analyzeDay();
    assert.deepEqual({ status: result?.status, analyzed: result?.analyzed, offline: result?.offline }, { status: 'done', analyzed: total - 1, offline: 1 });
    const failed = shownCommits().filter((commit) => commit.analysis.fallback !== undefined);
    assert.equal(failed.length, 1);
    assert.match(failed[0]!.analysis.notes.at(-1) ?? '', /^The language model failed: .*the stub model exploded.*The offline analysis is kept\.$/);
    assert.equal(api.getCurrentReport()?.modelRun?.causes.length, 1);
    assert.equal(provider.headlineRequests.length, 1, 'the headline is still written from the analyses');
  });

  it('a model slower than dailyDigest.model.timeoutSeconds: cut, tried once more, then offline with "timeout"', async function () {
    this.timeout(60_000);
    await configure({ 'model.timeoutSeconds': 1, 'lm.concurrency': 16 });
    try {
      provider.fallback = hangLm();
      const result = await analyzeDay();
      assert.deepEqual({ analyzed: result?.analyzed, offline: result?.offline }, { analyzed: 0, offline: total });
      assert.deepEqual(api.getCurrentReport()?.modelRun?.causes, [{ cause: 'timeout', commits: total }]);
      for (const commit of shownCommits()) {
        assert.match(commit.analysis.notes.at(-1) ?? '', /Stub Model did not answer within 1 s( \(2 tries\))?: raise dailyDigest\.model\.timeoutSeconds/);
      }
      // Each request is tried once more after its timeout, until one such retry has timed out too (then the model is
      // taken as too slow, and later timeouts are not retried).
      const sent = provider.requests.length;
      assert.ok(sent > total && sent <= 2 * total, `${sent} requests for ${total} commits`);
      await waitFor('each timed-out request to be cancelled', () => provider.requests.every((request) => request.cancelled) || undefined, 5_000);
    } finally {
      await configure({ 'model.timeoutSeconds': undefined, 'lm.concurrency': undefined });
    }
  });

  it('Cancel stops the requests in flight and keeps what was done: the finished analysis stays and is cached', async function () {
    this.timeout(60_000);
    await configure({ 'lm.concurrency': 1 });
    try {
      provider.script(text(ANSWER), hangLm());
      const pending = analyzeDay();
      await waitFor('the second request', () => provider.requests.length >= 2 || undefined);
      api.cancel();
      const result = await pending;
      assert.deepEqual({ status: result?.status, analyzed: result?.analyzed, offline: result?.offline }, { status: 'cancelled', analyzed: 1, offline: total - 1 });
      await waitFor('the request in flight to be cancelled', () => provider.requests[1]?.cancelled || undefined, 5_000);
      const shown = api.getCurrentReport();
      assert.deepEqual(shown?.modelRun?.causes, [{ cause: 'stopped', commits: total - 1 }]);
      assert.equal(shown?.modelRun?.stopped, 'cancelled');
      assert.equal(shownCommits().filter((commit) => commit.analysis.analyzer === 'vscode-lm').length, 1);
      assert.match(api.getNotices().at(-1)?.message ?? '', new RegExp(`1 analyzed, ${total - 1} offline \\(stopped ×${total - 1}\\)\\. The analyses already done are kept\\.$`));

      provider.reset();
      const again = await analyzeDay();
      assert.equal(again?.status, 'done');
      assert.equal(provider.requests.length, total - 1, 'the finished analysis came from the cache');
    } finally {
      await configure({ 'lm.concurrency': undefined });
    }
  });
});

type SendRequest = (messages: vscode.LanguageModelChatMessage[], options?: vscode.LanguageModelChatRequestOptions,
  token?: vscode.CancellationToken) => Thenable<vscode.LanguageModelChatResponse>;

function stubChat(sendRequest: SendRequest): vscode.LanguageModelChat {
  return {
    id: 'stub-id', name: 'Stub', vendor: TEST_VENDOR, family: 'stub', version: '1', maxInputTokens: 8192,
    sendRequest,
    countTokens: async (text) => (typeof text === 'string' ? Math.ceil(text.length / 4) : 1),
  };
}
