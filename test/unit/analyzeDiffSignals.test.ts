import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultChanges, majorBumpsInDiff, majorBumpsInMessage, parseUnifiedDiff, workflowFindings } from '../../src/core/analyze/facts/diffSignals.js';

const patch = (path: string, removed: string[], added: string[]): string =>
  `diff --git a/${path} b/${path}\n--- a/${path}\n+++ b/${path}\n@@ -1 +1 @@\n${removed.map((line) => `-${line}\n`).join('')}${added.map((line) => `+${line}\n`).join('')}`;

const changedDefaults = (removed: string, added: string): string[] =>
  defaultChanges(parseUnifiedDiff(patch('f', [removed], [added]))).map((change) => change.name);

describe('diff signals', () => {
  it('pairs a removed and an added line that set the same default to another literal', () => {
    assert.deepEqual(changedDefaults('export const DEFAULT_TIMEOUT_MS = 30_000;', 'export const DEFAULT_TIMEOUT_MS = 5_000;'), ['DEFAULT_TIMEOUT_MS']);
    assert.deepEqual(changedDefaults('  "default": 5,', '  "default": 6,'), ['default']);
    assert.deepEqual(changedDefaults('    timeout: int = field(default=30)', '    timeout: int = field(default=60)'), ['timeout.default']);
    assert.deepEqual(changedDefaults('  defaultMode: Mode.FAST,', '  defaultMode: Mode.SAFE,'), ['defaultMode']);
  });

  it('ignores code that only mentions defaults, and unchanged values', () => {
    assert.deepEqual(changedDefaults('const defaults = merge(a);', 'const defaults = merge(b);'), []);
    assert.deepEqual(changedDefaults('const defaultTimeout = 5;', 'const defaultTimeout = 5;'), []);
    assert.deepEqual(changedDefaults('x = defaultValue', 'x = defaultValue2'), []);
  });

  it('reads workflow signals from added lines only, without comments', () => {
    const files = parseUnifiedDiff(
      patch('.github/workflows/a.yml', ['on: pull_request_target'], ['on: pull_request', '# permissions: write-all']) +
        patch('.github/workflows/b.yml', [], ['    secrets: inherit']),
    );
    assert.deepEqual(workflowFindings(files), [{ path: '.github/workflows/b.yml', signal: 'secrets' }]);
  });

  it('finds major bumps in messages and manifests', () => {
    assert.deepEqual(majorBumpsInMessage('Bumps [vite](https://x) and more.\nUpdates `vite` from 5.4.1 to 6.0.0\nBump tsx from 4.1.0 to 4.2.0'), [
      { name: 'vite', from: '5.4.1', to: '6.0.0' },
    ]);
    const files = parseUnifiedDiff(
      patch('Cargo.toml', ['serde = "1.0.200"', 'tokio = { version = "1.38", features = ["full"] }', 'version = "0.9.0"'], [
        'serde = "2.0.0"', 'tokio = { version = "1.39", features = ["full"] }', 'version = "1.0.0"',
      ]) + patch('requirements.txt', ['django==4.2.11'], ['django==5.0.4']),
    );
    assert.deepEqual(majorBumpsInDiff(files), [
      { name: 'serde', from: '1.0.200', to: '2.0.0' },
      { name: 'django', from: '4.2.11', to: '5.0.4' },
    ]);
  });
});
