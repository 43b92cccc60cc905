import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeCommit } from '../../src/core/analyze/index.js';
import { emptyCodeFacts } from '../../src/core/analyze/facts/types.js';
import type { CodeFacts, DefinitionFact } from '../../src/core/analyze/facts/types.js';
import type { Analysis } from '../../src/core/domain/analysis.js';
import type { Commit, FileChange } from '../../src/core/domain/commit.js';
import type { UserRule } from '../../src/core/domain/options.js';

// The verdict and the prose from hand-built facts: each rule of verdict/ and prose/ on the smallest commit that shows it.

function file(path: string, additions = 5, deletions = 1, status: FileChange['status'] = 'M'): FileChange {
  return { path, status, additions, deletions, binary: false };
}

function commit(subject: string, files: FileChange[], body = ''): Commit {
  const person = { name: 'Ada', email: 'ada@example.com', date: '2026-01-22T10:00:00+08:00' };
  return { sha: 'a'.repeat(40), shortSha: 'aaaaaaa', parents: ['b'.repeat(40)], author: person, committer: person, subject, body, trailers: [], files };
}

function facts(partial: Partial<CodeFacts>): CodeFacts {
  return { ...emptyCodeFacts(), ...partial };
}

function def(change: DefinitionFact['change'], name: string, path: string, extra: Partial<DefinitionFact> = {}): DefinitionFact {
  return { kind: 'definition', change, defKind: 'function', name, path, public: true, language: 'Go', line: 3, ...extra };
}

const analyze = (value: Commit, code: CodeFacts, language: 'en' | 'zh-CN' = 'en', rules: UserRule[] = []): Promise<Analysis> =>
  analyzeCommit(value, { language, rules, code });

describe('verdict from facts: type', () => {
  it('a subject without a known verb that adds public API and a flag is a feature, named in the reason and the summary', async () => {
    const code = facts({
      definitions: [def('added', 'PrometheusExporter', 'api/exporter.go', { defKind: 'struct' }), def('added', 'scrape', 'api/exporter.go', { public: false })],
      flags: [{ kind: 'flag', change: 'added', name: '--metrics', framework: 'cobra', path: 'cmd/serve.go', line: 10 }],
    });
    const result = await analyze(commit('Prometheus telemetry exporter', [file('api/exporter.go', 200, 0, 'A'), file('cmd/serve.go', 5, 0)]), code);
    assert.equal(result.changeType, 'feature');
    assert.equal(result.summary, 'Prometheus telemetry exporter. Adds public `PrometheusExporter` (struct), the `--metrics` flag and `scrape()`.');
    assert.ok(result.reasons[0]!.startsWith('new feature: adds public `PrometheusExporter` (struct)'), result.reasons.join(' | '));
  });

  it('introducing a struct that carries existing parameters (renames and new signatures, nothing user-facing) is a refactor', async () => {
    const code = facts({
      definitions: [
        def('added', 'write_pack_opts', 'builtin/pack.c', { defKind: 'struct', public: false, language: 'C' }),
        def('signature', 'write_pack', 'builtin/pack.c', { public: false, language: 'C', oldSignature: 'int write_pack(int a, int b)', signature: 'int write_pack(struct write_pack_opts *opts)' }),
      ],
    });
    const result = await analyze(commit('pack: introduce struct write_pack_opts', [file('builtin/pack.c', 60, 40)]), code);
    assert.equal(result.changeType, 'refactor');
    assert.equal(result.breaking, false, 'a private C function is no API');
  });

  it('annotating instance attributes in a Python class body adds no API; a class attribute with a value does', async () => {
    const field = (signature: string): DefinitionFact =>
      def('added', 'mode', 'src/click/utils.py', { language: 'Python', defKind: 'field', container: 'LazyFile', signature });
    const annotated = await analyze(commit('Add type annotations for instance attributes in `utils`', [file('src/click/utils.py', 9, 0)]),
      facts({ definitions: [field('mode: str'), def('signature', '__init__', 'src/click/utils.py', {
        language: 'Python', defKind: 'method', container: 'LazyFile', oldSignature: 'def __init__(self, filename, mode="r"):', signature: 'def __init__(self, filename: str, mode: str = "r") -> None:',
      })] }));
    assert.equal(annotated.changeType, 'refactor');
    const valued = await analyze(commit('Add a default mode to LazyFile', [file('src/click/utils.py', 1, 0)]), facts({ definitions: [field('mode: str = "r"')] }));
    assert.equal(valued.changeType, 'feature');
  });

  it('fields moved into a new struct that the old ones hold is a refactor, not a feature', async () => {
    const rs = (change: DefinitionFact['change'], name: string, container: string, defKind: DefinitionFact['defKind'] = 'field'): DefinitionFact =>
      def(change, name, 'crates/uv-cli/src/lib.rs', { language: 'Rust', defKind, container });
    const code = facts({
      definitions: [
        rs('added', 'DependencyGroupsArgs', '', 'struct'), rs('added', 'dev', 'DependencyGroupsArgs'), rs('added', 'group', 'DependencyGroupsArgs'),
        rs('removed', 'dev', 'RunArgs'), rs('removed', 'group', 'RunArgs'), rs('removed', 'dev', 'SyncArgs'), rs('removed', 'group', 'SyncArgs'),
        rs('added', 'dependency_groups', 'RunArgs'), rs('added', 'dependency_groups', 'SyncArgs'),
      ].map((fact) => (fact.container === '' ? { ...fact, container: undefined } : fact)),
    });
    const result = await analyze(commit('Make dependency group argument documentation uniform', [file('crates/uv-cli/src/lib.rs', 60, 120)]), code);
    assert.equal(result.changeType, 'refactor');
    const grown = facts({ definitions: [...code.definitions, rs('added', 'all_groups', 'DependencyGroupsArgs')], flags: [{ kind: 'flag', change: 'added', name: '--all-groups', framework: 'clap', path: 'crates/uv-cli/src/lib.rs', line: 9 }] });
    assert.equal((await analyze(commit('Make dependency group arguments uniform', [file('crates/uv-cli/src/lib.rs', 60, 120)]), grown)).changeType, 'feature', 'a new flag is a feature');
  });

  it('a lock file alone is a dependency bump whatever the subject says', async () => {
    const code = facts({
      dependencies: [{ kind: 'dependency', change: 'bumped', name: 'serde', old: '1.0.1', new: '1.0.2', scope: 'runtime', ecosystem: 'cargo', lockOnly: true, path: 'Cargo.lock', line: 40 }],
    });
    const result = await analyze(commit('Fix the nightly build', [file('Cargo.lock', 3, 3)]), code);
    assert.equal(result.changeType, 'deps');
    assert.equal(result.importance, 'low');
    assert.equal(result.summary, 'Fix the nightly build. Bumps `serde` 1.0.1 → 1.0.2.');
  });

  it('a version moved back is said so, and bumps that move the same way are named together', async () => {
    const dep = (name: string, old: string, next: string, scope: 'runtime' | 'ci' = 'runtime') => ({
      kind: 'dependency' as const, change: 'bumped' as const, name, old, new: next, scope, ecosystem: scope === 'ci' ? 'actions' : 'npm', path: 'package.json', line: 3,
    });
    const code = facts({ dependencies: [dep('github/codeql-action/init', 'v4.35.2', 'v4.36.0', 'ci'), dep('es-module-lexer', '^2.2.0', '2.1.0'), dep('github/codeql-action/analyze', 'v4.35.2', 'v4.36.0', 'ci'), dep('vue', '^3.5.38', '^3.5.39')] });
    const result = await analyze(commit('chore(deps): update dependencies', [file('package.json', 3, 3)]), code);
    assert.equal(result.summary,
      'Update dependencies. Bumps `vue` ^3.5.38 → ^3.5.39 and `github/codeql-action/init` and `github/codeql-action/analyze` v4.35.2 → v4.36.0; moves back `es-module-lexer` ^2.2.0 → 2.1.0.');
    const zh = await analyze(commit('chore(deps): update dependencies', [file('package.json', 3, 3)]), code, 'zh-CN');
    assert.match(zh.summary, /`es-module-lexer` 从 \^2\.2\.0 降级到 2\.1\.0/);
  });

  it('a manifest that only moves the project\'s own version is a release, not a dependency change', async () => {
    const code = facts({ versions: [{ kind: 'version', name: 'click', old: '8.4.1.dev', new: '8.5.0.dev', path: 'pyproject.toml' }] });
    const result = await analyze(commit('start version 8.5.0', [file('pyproject.toml', 1, 1), file('CHANGES.rst', 6, 0)]), code);
    assert.equal(result.changeType, 'chore');
    assert.equal(result.summary, 'start version 8.5.0. Sets the version of `click` from 8.4.1.dev to 8.5.0.dev.');
  });
});

describe('verdict from facts: breaking', () => {
  it('a removed flag is breaking, and the reason, the risk and the recommendation name it', async () => {
    const code = facts({ flags: [{ kind: 'flag', change: 'removed', name: '--yolo', framework: 'cobra', path: 'cmd/agent.go', line: 20, side: 'old' }] });
    const result = await analyze(commit('cmd: remove the agent command', [file('cmd/agent.go', 0, 160)]), code);
    assert.equal(result.breaking, true);
    assert.equal(result.importance, 'high');
    assert.equal(result.changeType, 'feature', 'a removed flag changes the interface, whatever the verb');
    assert.equal(result.reasons[0], 'breaking: removes the `--yolo` flag');
    assert.deepEqual(result.risks, ['Removes the `--yolo` flag: scripts and users that pass it get an error.']);
    assert.deepEqual(result.recommendations, ['Name `--yolo` in the release notes and tell users what to use instead.']);
  });

  it('a subcommand is named as a command: removed, it breaks; added, it is a feature the summary names', async () => {
    const gone = await analyze(commit('cmd: remove the agent command', [file('cmd/agent.go', 0, 160)]), facts({
      flags: [{ kind: 'flag', change: 'removed', name: 'agent', framework: 'clap', path: 'src/cli.rs', line: 20, side: 'old' }],
    }));
    assert.equal(gone.reasons[0], 'breaking: removes the `agent` command');
    assert.deepEqual(gone.risks.slice(0, 1), ['Removes the `agent` command: scripts and users that run it get an error.']);
    const added = await analyze(commit('Add uv workspace metadata', [file('src/cli.rs', 40, 0)]), facts({
      flags: [{ kind: 'flag', change: 'added', name: 'metadata', framework: 'clap', path: 'src/cli.rs', line: 20, side: 'new' }],
    }));
    assert.equal(added.changeType, 'feature');
    assert.match(added.summary, /Adds the `metadata` command\./);
    assert.deepEqual(added.recommendations, ['Add a test that runs `metadata`.']);
    const zh = await analyze(commit('Add uv workspace metadata', [file('src/cli.rs', 40, 0)]), facts({
      flags: [{ kind: 'flag', change: 'added', name: 'metadata', framework: 'clap', path: 'src/cli.rs', line: 20, side: 'new' }],
    }), 'zh-CN');
    assert.match(zh.summary, /`metadata` 子命令/);
  });

  it('a changed default is breaking, with its old and new value', async () => {
    const code = facts({
      defaults: [{ kind: 'default', name: 'RepeatPenalty', old: '1.1', new: '1.0', path: 'api/types.go', line: 700 }],
      definitions: [def('body', 'RepeatPenalty', 'api/types.go', { defKind: 'constant' }), def('body', 'applyDefaults', 'api/types.go')],
    });
    const result = await analyze(commit('api: stop applying repeat_penalty 1.1 to models that don\'t set one', [file('api/types.go', 1, 1)]), code);
    assert.equal(result.breaking, true);
    assert.match(result.summary, /Changes the default of `RepeatPenalty` from `1\.1` to `1\.0`\. Changes `applyDefaults\(\)`\.$/, 'the constant is not named again as changed');
    assert.deepEqual(result.risks, ['Changes the default of `RepeatPenalty` from `1.1` to `1.0`: existing users get different output.']);
    assert.deepEqual(result.recommendations, ['Mention the new default of `RepeatPenalty` (`1.0`) in the release notes.']);
    const said = result.reasons.filter((reason) => reason.includes('changes the default of `RepeatPenalty`'));
    assert.deepEqual(said, ['breaking: changes the default of `RepeatPenalty` from `1.1` to `1.0`'], 'the breaking reason says it once');
  });

  it('removing public API in a public header breaks; in a project header, a test helper or a CI script it does not', async () => {
    const removed = (path: string, language = 'C'): CodeFacts => facts({ definitions: [def('removed', 'legacy_init', path, { language, side: 'old' })] });
    const api = await analyze(commit('Drop legacy_init', [file('include/nixl.h', 0, 3)]), removed('include/nixl.h'));
    assert.equal(api.breaking, true);
    assert.equal(api.reasons[0], 'breaking: removes public `legacy_init()`');
    assert.deepEqual(api.risks, ['Removes public `legacy_init()`: callers outside this repository break.']);
    const internal = await analyze(commit('Drop legacy_init', [file('object-file.h', 0, 3)]), removed('object-file.h'));
    assert.equal(internal.breaking, false, 'a header of an application like git is not a user-facing API');
    const helper = await analyze(commit('Drop legacy_init', [file('test/helpers.go', 0, 3)]), removed('test/helpers.go', 'Go'));
    assert.equal(helper.breaking, false, 'a test helper is no API');
    const ci = await analyze(commit('Drop a flag', [file('.ci/build.py', 0, 3)]), facts({
      flags: [{ kind: 'flag', change: 'removed', name: '--wheel', framework: 'argparse', path: '.ci/build.py', line: 3 }],
    }));
    assert.equal(ci.breaking, false, 'a CI script\'s flag is nobody\'s interface');
  });

  it('a rename that keeps the old name is not breaking; one that drops it is', async () => {
    const renamed = def('renamed', 'open_stream', 'include/odb.h', { oldName: 'odb_open', language: 'C' });
    const kept = await analyze(commit('Rename odb_open', [file('include/odb.h', 2, 1)]), facts({
      definitions: [renamed, def('added', 'odb_open', 'include/odb.h', { language: 'C' })],
    }));
    assert.equal(kept.breaking, false);
    const dropped = await analyze(commit('Rename odb_open', [file('include/odb.h', 1, 1)]), facts({ definitions: [renamed] }));
    assert.equal(dropped.breaking, true);
    assert.equal(dropped.reasons[0], 'breaking: renames public `odb_open()` to `open_stream()`');
  });

  it('a variant added to an exhaustive public enum is breaking; to a #[non_exhaustive] or a new enum it is not', async () => {
    const variant = (container: string, exhaustive: boolean): DefinitionFact =>
      def('added', 'NotFound', 'src/bindings/rust/src/lib.rs', { language: 'Rust', defKind: 'variant', container, ...(exhaustive ? { exhaustive } : {}) });
    const changes = [file('src/bindings/rust/src/lib.rs', 3, 0)];
    const made = await analyze(commit('bindings/rust: report real statuses', changes), facts({ definitions: [variant('NixlError', true)] }));
    assert.equal(made.breaking, true);
    assert.equal(made.reasons[0], 'breaking: adds the variant `NotFound` to public enum `NixlError`, which is not `#[non_exhaustive]`');
    assert.deepEqual(made.recommendations.slice(0, 1), ['Mark `NixlError` `#[non_exhaustive]` if more variants may come, and name the new ones in the release notes.']);
    assert.equal((await analyze(commit('x', changes), facts({ definitions: [variant('Status', false)] }))).breaking, false);
    const fresh = def('added', 'NixlError', 'src/bindings/rust/src/lib.rs', { language: 'Rust', defKind: 'enum' });
    assert.equal((await analyze(commit('x', changes), facts({ definitions: [fresh, variant('NixlError', true)] }))).breaking, false);
  });

  it('a public class made abstract is breaking (Python ABC, Java abstract); one already abstract is not', async () => {
    const python = def('signature', 'Parameter', 'src/click/core.py', { language: 'Python', defKind: 'class', oldSignature: 'class Parameter:', signature: 'class Parameter(ABC):' });
    const made = await analyze(commit('Parameter typing improvements', [file('src/click/core.py', 30, 10)]), facts({ definitions: [python] }));
    assert.equal(made.breaking, true);
    assert.equal(made.reasons[0], 'breaking: makes public `Parameter` abstract');
    assert.equal(made.risks[0], 'Makes public `Parameter` abstract: code that creates it directly, or subclasses it without the abstract members, breaks.');
    const java = def('signature', 'Builder', 'src/main/java/a/Builder.java', { language: 'Java', defKind: 'class', oldSignature: 'public class Builder', signature: 'public abstract class Builder' });
    assert.equal((await analyze(commit('Builder: abstract', [file('src/main/java/a/Builder.java', 3, 1)]), facts({ definitions: [java] }))).breaking, true);
    const already = def('signature', 'Base', 'src/pkg/base.py', { language: 'Python', defKind: 'class', oldSignature: 'class Base(ABC):', signature: 'class Base(ABC, Generic[T]):' });
    assert.equal((await analyze(commit('Base: generic', [file('src/pkg/base.py', 3, 1)]), facts({ definitions: [already] }))).breaking, false);
  });

  it('adding an optional parameter keeps callers working; dropping one breaks them', async () => {
    const resigned = (oldSignature: string, signature: string): CodeFacts => facts({
      definitions: [def('signature', 'connect', 'src/index.ts', { language: 'TypeScript', oldSignature, signature })],
    });
    const optional = await analyze(commit('Add a timeout to connect', [file('src/index.ts', 2, 1)]), resigned('export function connect(url: string)', 'export function connect(url: string, timeout?: number)'));
    assert.equal(optional.breaking, false);
    const dropped = await analyze(commit('Simplify connect', [file('src/index.ts', 2, 1)]), resigned('export function connect(url: string, retries: number)', 'export function connect(url: string)'));
    assert.equal(dropped.breaking, true);
  });
});

describe('verdict from facts: security', () => {
  it('a subject that hardens the product\'s code is security-relevant, and the insight names where the checks are', async () => {
    const code = facts({ definitions: [def('added', 'addAllowedDirectURL', 'app/tools/url_policy.go', { public: false }), def('body', 'Execute', 'app/tools/web_fetch.go', { defKind: 'method', container: 'WebFetch' })] });
    const hardened = await analyze(commit('Harden app markdown URL handling', [file('app/tools/url_policy.go', 40, 0, 'A'), file('app/tools/web_fetch.go', 6, 2)]), code);
    assert.equal(hardened.security, true);
    assert.deepEqual(hardened.insights.security, ['Hardening, as the subject says: the checks are in `WebFetch.Execute()` and `addAllowedDirectURL()`.'], 'public first');
    const tests = await analyze(commit('test: cover prometheus_mp telemetry dir hardening', [file('test/unit/telemetry_test.cpp', 40, 0)]), facts({}));
    assert.equal(tests.security, false, 'tests that cover hardening change no attack surface');
  });

  it('a message naming an information leak (stale buffer, internal state exposed) is security-relevant', async () => {
    const none = facts({});
    const leak = await analyze(commit('Buffer.read exposes stale internal buffer to the callback', [file('src/buffer.ts', 3, 1)]), none);
    assert.equal(leak.security, true);
    const disclosure = await analyze(commit('Fix information disclosure in error pages', [file('src/errors.ts', 3, 1)]), none);
    assert.equal(disclosure.security, true);
    const recursion = await analyze(commit('Fix stack overflow on self-referential arrays', [file('src/equals.ts', 3, 1)]), none);
    assert.equal(recursion.security, false);
    const smashed = await analyze(commit('Fix stack buffer overflow in the header parser', [file('src/header.c', 3, 1)]), none);
    assert.equal(smashed.security, true);
    const plain = await analyze(commit('Expose the internal buffer size as an option', [file('src/buffer.ts', 3, 1)]), none);
    assert.equal(plain.security, false);
  });

  it('TLS facts make a change security-relevant and are named in the insight', async () => {
    const code = facts({ security: [{ kind: 'security', area: 'tls', change: 'changed', evidence: 'verify_mode', path: 'src/client.py', line: 42 }] });
    const result = await analyze(commit('Tidy the client', [file('src/client.py', 4, 4)]), code);
    assert.equal(result.security, true);
    assert.deepEqual(result.insights.security, ['Touches TLS and certificates: `verify_mode` (src/client.py:42).']);
  });

  it('path facts count only with a hint in the message or when the commit adds them; LLM token counts are not auth', async () => {
    const pathFact = facts({ security: [{ kind: 'security', area: 'path', change: 'changed', evidence: 'join', path: 'src/files.py', line: 3 }] });
    assert.equal((await analyze(commit('Tidy', [file('src/files.py', 2, 2)]), pathFact)).security, false);
    assert.equal((await analyze(commit('Reject symlinks out of the root', [file('src/files.py', 2, 2)]), pathFact)).security, true);
    const tokens = facts({ security: [{ kind: 'security', area: 'auth', change: 'added', evidence: 'refreshContextWindowTokens', path: 'cmd/chat.go', line: 3 }] });
    assert.equal((await analyze(commit('Refresh less often', [file('cmd/chat.go', 2, 2)]), tokens)).security, false);
  });

  it('a CI permission added is security-relevant, raises the importance and names the workflow', async () => {
    const code = facts({ ci: [{ kind: 'ci', what: 'permission', change: 'added', detail: 'contents: write', path: '.github/workflows/release.yml', line: 4 }] });
    const result = await analyze(commit('ci: publish from the release job', [file('.github/workflows/release.yml', 3, 0)]), code);
    assert.equal(result.security, true);
    assert.ok(result.reasons.includes('CI workflow .github/workflows/release.yml gains `contents: write`'), result.reasons.join(' | '));
    assert.deepEqual(result.risks, ['.github/workflows/release.yml gains `contents: write`: every step of the job, third-party actions included, can use it.']);
  });

  it('each risky CI fact names what it exposes: pull-request code, text anyone writes, or a secret', async () => {
    const ci = (what: 'trigger' | 'secret', detail: string) => facts({ ci: [{ kind: 'ci', what, change: 'added', detail, path: '.github/workflows/bot.yml', line: 3 }] });
    const risks = async (what: 'trigger' | 'secret', detail: string, language: 'en' | 'zh-CN' = 'en') =>
      (await analyze(commit('ci: a bot', [file('.github/workflows/bot.yml', 9, 0)]), ci(what, detail), language)).risks;
    assert.deepEqual(await risks('trigger', 'pull_request_target'), ['.github/workflows/bot.yml gains `pull_request_target`: code from pull requests may reach it.']);
    assert.deepEqual(await risks('trigger', 'issues'), [
      '.github/workflows/bot.yml now runs on `issues`, whose titles and bodies anyone can write: a step that puts them in a shell command runs what they say.',
    ]);
    assert.deepEqual(await risks('secret', 'secrets.NPM_TOKEN'), ['.github/workflows/bot.yml now reads `secrets.NPM_TOKEN`: a step that prints it, or a compromised action, leaks it.']);
    assert.match((await risks('trigger', 'issue_comment', 'zh-CN'))[0] ?? '', /^\.github\/workflows\/bot\.yml 现在在 `issue_comment` 事件上运行/);
  });

  it('a security library bump is security-relevant', async () => {
    const code = facts({ dependencies: [{ kind: 'dependency', change: 'bumped', name: 'sha2', old: '0.10.8', new: '0.11.0', scope: 'runtime', ecosystem: 'cargo', path: 'Cargo.toml', line: 9 }] });
    const result = await analyze(commit('Upgrade sha2 to enable ARM acceleration', [file('Cargo.toml', 1, 1), file('Cargo.lock', 8, 8)]), code);
    assert.equal(result.changeType, 'deps');
    assert.equal(result.security, true);
    assert.equal(result.importance, 'medium', '0.10 → 0.11 is a major upgrade below 1.0');
  });
});

describe('prose from facts', () => {
  it('names changed code in English and in Chinese, identifiers in code spans', async () => {
    const code = facts({
      definitions: [def('body', 'PullModel', 'server/images.go'), def('added', 'hasTensorLayers', 'server/images.go', { public: false })],
      tests: [{ kind: 'test', change: 'added', name: 'TestPullRefusesMLX', covers: ['PullModel'], path: 'server/images_test.go', line: 5 }],
    });
    const files = [file('server/images.go', 20, 3), file('server/images_test.go', 30, 0)];
    const en = await analyze(commit('mlx: avoid pulling MLX models when MLX is missing', files), code);
    assert.equal(en.summary, 'mlx: avoid pulling MLX models when MLX is missing. Adds `hasTensorLayers()`. Changes `PullModel()`; adds the test `TestPullRefusesMLX`.');
    const zh = await analyze(commit('mlx: avoid pulling MLX models when MLX is missing', files), code, 'zh-CN');
    assert.equal(zh.summary, 'mlx: avoid pulling MLX models when MLX is missing. 新增函数 `hasTensorLayers()`。修改 `PullModel()`；新增测试 `TestPullRefusesMLX`。');
  });

  it('an added flag no test names is a risk that names it', async () => {
    const code = facts({ flags: [{ kind: 'flag', change: 'added', name: '--cert', framework: 'clap', path: 'crates/cli/src/lib.rs', line: 7 }] });
    const result = await analyze(commit('Add --cert support to uv pip', [file('crates/cli/src/lib.rs', 12, 0)]), code);
    assert.deepEqual(result.risks, ['Adds the `--cert` flag but no test names it.']);
    assert.deepEqual(result.recommendations, ['Add a test that passes `--cert`.']);
  });

  it('says nothing when there is nothing to say: no filler risk, insight or recommendation', async () => {
    const code = facts({ definitions: [def('body', 'write_one_shallow', 'shallow.c', { public: false, language: 'C' })] });
    const result = await analyze(commit('shallow: fix NULL dereference', [file('shallow.c', 2, 1)]), code);
    assert.deepEqual(result.risks, []);
    assert.deepEqual(result.recommendations, []);
    assert.deepEqual(result.insights, { architecture: [], performance: [], security: [] });
    assert.equal(result.importance, 'low');
    assert.deepEqual(result.reasons, ['bug fix in `write_one_shallow()`']);
  });

  it('keeps identifiers as text: a backtick in a name cannot open a span', async () => {
    const code = facts({ definitions: [def('added', 'evil`name', 'api/x.go')] });
    const result = await analyze(commit('Add evil', [file('api/x.go', 3, 0)]), code);
    assert.ok(result.summary.includes("`evil'name()`"), result.summary);
    assert.equal((result.summary.match(/`/g) ?? []).length % 2, 0);
  });
});

describe('user rules on fact tags', () => {
  it('a rule matching a fact tag applies only to commits with that fact', async () => {
    const rules: UserRule[] = [{ match: { facts: ['security.tls'] }, importance: 'high', reason: 'TLS is reviewed by the security team' }];
    const tls = facts({ security: [{ kind: 'security', area: 'tls', change: 'changed', evidence: 'verify_mode', path: 'src/client.py', line: 42 }] });
    const hit = await analyze(commit('Tidy the client', [file('src/client.py', 4, 4)]), tls, 'en', rules);
    assert.equal(hit.importance, 'high');
    assert.ok(hit.reasons.includes('TLS is reviewed by the security team'));
    const miss = await analyze(commit('Tidy the client', [file('src/client.py', 4, 4)]), facts({}), 'en', rules);
    assert.notEqual(miss.importance, 'high');
  });
});
