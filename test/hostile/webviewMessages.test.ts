// Forged webview messages beyond test/unit/extensionMessages.test.ts: ambiguous and short SHAs, commits of a failed
// repository, paths that only look like the report's, URL tricks (command:, whitespace, case, userinfo), type tricks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Report } from '../../src/core/domain/report.js';
import { validateWebviewMessage } from '../../src/extension/panel/webviewMessages.js';
import { emptyAnalysis, makeCommit, makeRepository } from '../support/sampleReport.js';

// Two commits share the 7-digit prefix a1b2c3d; the hostile file names look like traversal but are real git paths.
const SHA_A = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const SHA_A2 = 'a1b2c3d999999999999999999999999999999999';
const SHA_FAILED = 'cccccccccccccccccccccccccccccccccccccccc';

function report(): Report {
  const files = [
    { path: 'src/a.ts', status: 'M' as const, additions: 1, deletions: 0, binary: false },
    { path: 'docs/..hidden/x.md', status: 'A' as const, additions: 1, deletions: 0, binary: false },
    { path: 'weird name with spaces\u202e.ts', status: 'A' as const, additions: 1, deletions: 0, binary: false },
  ];
  return {
    schemaVersion: 1, generatedAt: '2026-01-22T12:00:00Z', language: 'en',
    window: { start: '2026-01-22T00:00:00+00:00', end: '2026-01-23T00:00:00+00:00', timeZone: 'UTC', dateField: 'committer', label: '2026-01-22' },
    repositories: [
      makeRepository({ name: 'one', path: '/repos/one', ref: 'HEAD', warnings: [], commits: [
        makeCommit({ sha: SHA_A, subject: 'a', date: '2026-01-22T10:00:00Z', files, analysis: emptyAnalysis() }),
        makeCommit({ sha: SHA_A2, subject: 'a2', date: '2026-01-22T09:00:00Z', analysis: emptyAnalysis() }),
      ] }),
      // A failed repository whose commits list was (wrongly) filled: its commits are never actionable.
      { ...makeRepository({ name: 'failed', path: '/repos/failed', ref: 'HEAD', warnings: [], commits: [
        makeCommit({ sha: SHA_FAILED, subject: 'c', date: '2026-01-22T08:00:00Z', analysis: emptyAnalysis() }),
      ] }), error: 'git failed: boom' },
    ],
  };
}

test('a SHA prefix shared by two commits is refused; the full SHA of each is accepted', () => {
  const r = report();
  assert.equal(validateWebviewMessage({ type: 'openCommit', sha: 'a1b2c3d' }, r).ok, false);
  assert.equal(validateWebviewMessage({ type: 'openCommit', sha: 'a1b2c3d4' }, r).ok, true);
  assert.equal(validateWebviewMessage({ type: 'openCommit', sha: 'a1b2' }, r).ok, false, 'a 4-digit prefix is no short SHA');
  for (const sha of [SHA_A, SHA_A2]) {
    const result = validateWebviewMessage({ type: 'openCommit', sha }, r);
    assert.ok(result.ok && result.action.kind === 'openCommit' && result.action.commit.sha === sha);
  }
});

test('commits of a repository that failed to read are not actionable', () => {
  const r = report();
  assert.equal(validateWebviewMessage({ type: 'openCommit', sha: SHA_FAILED }, r).ok, false);
  assert.equal(validateWebviewMessage({ type: 'openCommit', sha: SHA_FAILED, repo: 1 }, r).ok, false);
});

test('paths: only the exact paths of that commit; look-alikes, encodings and traversal are refused', () => {
  const r = report();
  const ok = (path: string): boolean => validateWebviewMessage({ type: 'openFile', sha: SHA_A, path }, r).ok;
  assert.ok(ok('src/a.ts'));
  assert.ok(ok('docs/..hidden/x.md'), 'a segment that merely starts with .. is a real path');
  assert.ok(ok('weird name with spaces\u202e.ts'));
  for (const path of [
    './src/a.ts', 'src//a.ts', 'src/a.ts/', 'SRC/A.TS', 'src%2fa.ts', 'src/%2e%2e/%2e%2e/etc/passwd', 'src\\a.ts',
    'src/a.ts\n', ' src/a.ts', 'docs/../src/a.ts', '~/.ssh/id_rsa', '/repos/one/src/a.ts', 'file:///repos/one/src/a.ts',
    'src/a.ts'.repeat(600),
  ]) assert.equal(ok(path), false, JSON.stringify(path.slice(0, 40)));
  // The right path with another commit of the report.
  assert.equal(validateWebviewMessage({ type: 'openFile', sha: SHA_A2, path: 'src/a.ts' }, r).ok, false);
});

test('external URLs: command:, vscode:, file:, javascript: in any case or padding are refused; http(s) is normalized', () => {
  const r = report();
  const url = (value: unknown): string | undefined => {
    const result = validateWebviewMessage({ type: 'openExternal', url: value }, r);
    return result.ok && result.action.kind === 'openExternal' ? result.action.url : undefined;
  };
  for (const value of [
    'command:workbench.action.terminal.new', 'COMMAND:workbench.action.terminal.new', '  command:x', '\tcommand:x',
    'command:vscode.open?%5B%22file%3A%2F%2F%2Fetc%2Fpasswd%22%5D', 'vscode:extension/evil', 'vscode-insiders://x',
    'vscode-webview://x/index.html', 'file:///etc/passwd', 'FILE:///etc/passwd', 'jAvAsCrIpT:alert(1)',
    'javascript://x.test/%0aalert(1)', ' javascript:alert(1)', 'data:text/html,<script>1</script>', 'ftp://x.test/',
    'https://user@x.test/', 'https://user:pw@x.test/', '//x.test/', '/relative', '#c-abc', '', 'https://',
    42, null, ['https://x.test/'], { href: 'https://x.test/' },
  ]) assert.equal(url(value), undefined, JSON.stringify(value));
  assert.equal(url('HTTPS://GITHUB.COM/acme/x'), 'https://github.com/acme/x');
  assert.equal(url(' https://x.test/a'), 'https://x.test/a', 'leading space is trimmed by the URL parser, then normalized');
  assert.equal(url('https://x.test/#command:foo'), 'https://x.test/#command:foo', 'a fragment is only a fragment of an https page');
});

test('type tricks: boxed strings, inherited keys, arrays, extra fields and prototype-less objects', () => {
  const r = report();
  const forged: unknown[] = [
    { type: new String('ready') }, { type: ['ready'] }, { type: 'READY' }, { type: ' ready' }, { type: 'hasOwnProperty' },
    { type: '__proto__' }, Object.create({ type: 'ready' }), { type: 'ready', sha: SHA_A },
    { type: 'openCommit', sha: SHA_A, repo: 0.5 }, { type: 'openCommit', sha: SHA_A, repo: -1 },
    { type: 'openCommit', sha: SHA_A, repo: Number.NaN }, { type: 'openCommit', sha: SHA_A, repo: Infinity },
    { type: 'openCommit', sha: [SHA_A] }, { type: 'openCommit', sha: `${SHA_A}\n` }, { type: 'openCommit', sha: `${SHA_A}0`.repeat(2) },
    { type: 'openFile', sha: SHA_A, path: ['src/a.ts'] }, { type: 'openExternal', url: 'https://x.test/', then: 'command:x' },
  ];
  for (const message of forged) assert.equal(validateWebviewMessage(message, r).ok, false, String(JSON.stringify(message)));
  const bare = Object.assign(Object.create(null) as Record<string, unknown>, { type: 'refresh' });
  assert.deepEqual(validateWebviewMessage(bare, r), { ok: true, action: { kind: 'refresh' } }, 'a structured-clone-like null-prototype object is fine');
});
