import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ciFacts } from '../../src/core/analyze/facts/ci/ciFacts.js';
import type { CiFact, FileInput, ParseNote } from '../../src/core/analyze/facts/types.js';

const modified = (path: string, oldText: string, newText: string): FileInput => ({ path, status: 'M', oldText, newText });
const brief = (fact: CiFact): string => `${fact.change} ${fact.what} ${fact.detail}`;

const BEFORE = `name: release
on:
  push:
    branches: [main]
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: dtolnay/rust-toolchain@1.80
      - run: cargo publish
        env:
          CARGO_TOKEN: \${{ secrets.CARGO_TOKEN }}
`;

const AFTER = `name: release
on:
  push:
    branches: [main]
  pull_request_target:
    types: [opened]
permissions:
  contents: write
jobs:
  build:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
      - uses: actions/checkout@v4
      - uses: dtolnay/rust-toolchain@1.80
      - uses: softprops/action-gh-release@v2
      - uses: pypa/gh-action-pypi-publish@76f52bc884231f62b9a034ebfe128415bbaabdfc
      - run: npm publish
        env:
          NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}
`;

describe('CI facts', () => {
  it('reports a workflow gaining pull_request_target, write permissions, a secret and an unpinned action', () => {
    const notes: ParseNote[] = [];
    const facts = ciFacts([modified('.github/workflows/release.yml', BEFORE, AFTER)], notes);
    assert.deepEqual(facts.map(brief), [
      'added trigger pull_request_target',
      'added permission contents: write',
      'added permission id-token: write (job build)',
      'added secret secrets.NPM_TOKEN',
      'removed secret secrets.CARGO_TOKEN',
      'added unpinned-action softprops/action-gh-release@v2',
    ]);
    assert.deepEqual(facts.map((fact) => `${fact.side}:${fact.line}`), ['new:5', 'new:8', 'new:13', 'new:21', 'old:15', 'new:17']);
    assert.deepEqual(notes, []);
  });

  it('reads write-all, list triggers and secrets: inherit; does not report pinned or first-party actions', () => {
    const before = 'on: [push]\njobs:\n  a:\n    uses: ./.github/workflows/x.yml\n';
    const after = 'on: [push, workflow_run]\npermissions: write-all\njobs:\n  a:\n    uses: org/shared/.github/workflows/x.yml@main\n    secrets: inherit\n  b:\n    runs-on: x\n    steps:\n      - uses: github/codeql-action/init@v3\n';
    const facts = ciFacts([modified('.github/workflows/ci.yaml', before, after)], []);
    assert.deepEqual(facts.map(brief), [
      'added trigger workflow_run',
      'added permission permissions: write-all',
      'added secret secrets: inherit',
      'added unpinned-action org/shared/.github/workflows/x.yml@main',
    ]);
  });

  it('reads the write permissions of a token a step mints (a permissions input, or permission-<scope> inputs)', () => {
    const workflow = (extra: string) => `on: workflow_dispatch
jobs:
  promote:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/create-github-app-token@v2
        with:
          app-id: 1
          permission-contents: read
${extra}      - uses: octo/sts-token@v1
        with:
          permissions: |
            contents: write
`;
    const facts = ciFacts([modified('.github/workflows/promote.yml', workflow(''), workflow('          permission-workflows: write\n').replace('contents: write\n', 'contents: write\n            pull_requests: write\n'))], []);
    assert.deepEqual(facts.map(brief), ['added permission workflows: write (token in job promote)', 'added permission pull_requests: write (token in job promote)']);
    assert.equal(facts[0]!.line, 10);
  });

  it('reads GitLab CI triggers, secret variables and unpinned includes', () => {
    const before = 'stages: [test]\ntest:\n  script: make test\n  only: [merge_requests]\n';
    const after =
      'include:\n  - project: group/templates\n    ref: main\nworkflow:\n  rules:\n    - if: $CI_PIPELINE_SOURCE == "schedule"\ndeploy:\n  script: curl -H "token=$DEPLOY_TOKEN" x\n  secrets:\n    DB_PASS:\n      vault: db/pass\n';
    const facts = ciFacts([modified('.gitlab-ci.yml', before, after)], []);
    assert.deepEqual(facts.map(brief), [
      'added trigger schedule',
      'removed trigger only: merge_requests',
      'added secret secrets: DB_PASS',
      'added secret $DEPLOY_TOKEN',
      'added unpinned-action group/templates@main',
    ]);
  });

  it('notes a workflow that does not parse, and ignores other YAML', () => {
    const notes: ParseNote[] = [];
    const facts = ciFacts([modified('.github/workflows/x.yml', 'on: push\n', 'on: [push\n'), modified('config/app.yml', 'a: 1', 'a: 2')], notes);
    assert.deepEqual(facts, []);
    assert.deepEqual(notes, [{ path: '.github/workflows/x.yml', reason: 'syntax-error' }]);
  });

  it('stays bounded on hostile YAML (alias bombs, huge expressions)', () => {
    const bomb = `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\non: push\n`;
    const huge = `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo "${'secrets.'.repeat(100_000)}"\n`;
    const started = performance.now();
    const notes: ParseNote[] = [];
    ciFacts([modified('.github/workflows/a.yml', 'on: push\n', bomb), modified('.github/workflows/b.yml', 'on: push\n', huge)], notes);
    assert.ok(performance.now() - started < 2_000);
  });
});
