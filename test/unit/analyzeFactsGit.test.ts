import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateReport } from '../../src/core/engine/generateReport.js';
import type { Analysis } from '../../src/core/domain/analysis.js';
import type { Language } from '../../src/core/domain/language.js';
import { FixtureRepo } from '../support/gitFixture.js';

// The whole pipeline on real repositories the test builds: git → facts (blobs read through one cat-file, parsed with
// tree-sitter) → verdict → prose, through the engine's facts pass. Per language: a public definition added, renamed,
// re-signed and removed; then a flag, a default, a dependency, a CI permission and a file that does not parse.

interface LanguageCase {
  name: string;
  path: string;
  /** The file with `fn` (public) next to a `keep` helper, with `params` as the parameter list. */
  source: (fn: string, params: string) => string;
  /** Parameter lists before and after the re-signing. */
  params: [string, string];
  /** The file with the `keep` helper only. */
  without: string;
}

const CASES: LanguageCase[] = [
  {
    name: 'TypeScript', path: 'src/index.ts', params: ['a: number', 'a: number, b: string'],
    source: (fn, params) => `export function ${fn}(${params}): number {\n  return keep(1);\n}\n\nfunction keep(x: number): number {\n  return x;\n}\n`,
    without: 'function keep(x: number): number {\n  return x;\n}\n',
  },
  {
    name: 'Python', path: 'src/pkg/api.py', params: ['a', 'a, b'],
    source: (fn, params) => `def ${fn}(${params}):\n    return keep(1)\n\n\ndef keep(x):\n    return x\n`,
    without: 'def keep(x):\n    return x\n',
  },
  {
    name: 'Rust', path: 'src/lib.rs', params: ['a: i64', 'a: i64, b: &str'],
    source: (fn, params) => `pub fn ${fn}(${params}) -> i64 {\n    keep(1)\n}\n\nfn keep(x: i64) -> i64 {\n    x\n}\n`,
    without: 'fn keep(x: i64) -> i64 {\n    x\n}\n',
  },
  {
    name: 'Go', path: 'api/api.go', params: ['a int', 'a int, b string'],
    source: (fn, params) => `package api\n\nfunc ${fn[0]!.toUpperCase()}${fn.slice(1)}(${params}) int {\n\treturn keep(1)\n}\n\nfunc keep(x int) int {\n\treturn x\n}\n`,
    without: 'package api\n\nfunc keep(x int) int {\n\treturn x\n}\n',
  },
  {
    name: 'C', path: 'include/lib.h', params: ['int a', 'int a, const char *b'],
    source: (fn, params) => `#ifndef LIB_H\n#define LIB_H\nint ${fn}(${params});\nint keep(int x);\n#endif\n`,
    without: '#ifndef LIB_H\n#define LIB_H\nint keep(int x);\n#endif\n',
  },
  {
    name: 'C++', path: 'include/lib.hpp', params: ['int a', 'int a, const std::string &b'],
    source: (fn, params) => `#pragma once\n#include <string>\nnamespace lib {\nint ${fn}(${params});\nint keep(int x);\n}\n`,
    without: '#pragma once\n#include <string>\nnamespace lib {\nint keep(int x);\n}\n',
  },
  {
    name: 'Java', path: 'src/main/java/lib/Api.java', params: ['int a', 'int a, String b'],
    source: (fn, params) => `package lib;\n\npublic class Api {\n    public static int ${fn}(${params}) {\n        return keep(1);\n    }\n\n    static int keep(int x) {\n        return x;\n    }\n}\n`,
    without: 'package lib;\n\npublic class Api {\n    static int keep(int x) {\n        return x;\n    }\n}\n',
  },
];

const DAY = '2026-01-22';

async function analyses(repo: FixtureRepo, language: Language = 'en'): Promise<Map<string, Analysis>> {
  const report = await generateReport({ repos: [repo.dir], period: { kind: 'day', day: DAY }, timeZone: 'UTC', language });
  return new Map(report.repositories[0]!.commits.map((commit) => [commit.subject, commit.analysis]));
}

describe('facts on real repositories: definitions, per language', () => {
  const repos = new Map<string, FixtureRepo>();
  const results = new Map<string, Map<string, Analysis>>();

  before(async () => {
    for (const [index, item] of CASES.entries()) {
      const repo = FixtureRepo.create({ prefix: 'dd-facts-' });
      repos.set(item.name, repo);
      const at = (hour: number): { date: string } => ({ date: `${DAY}T${String(hour).padStart(2, '0')}:${String(index).padStart(2, '0')}:00Z` });
      repo.write('README.md', `# ${item.name}\n`);
      repo.commit('Start', { date: '2026-01-20T09:00:00Z' });
      repo.write(item.path, item.source('compute', item.params[0]));
      repo.commit('Add compute', at(9));
      repo.write(item.path, item.source('evaluate', item.params[0]));
      repo.commit('Rename compute', at(10));
      repo.write(item.path, item.source('evaluate', item.params[1]));
      repo.commit('Take a label', at(11));
      repo.write(item.path, item.without);
      repo.commit('Drop evaluate', at(12));
      results.set(item.name, await analyses(repo));
    }
  });
  after(() => {
    for (const repo of repos.values()) repo.cleanup();
  });

  for (const item of CASES) {
    const exported = (fn: string): string => (item.name === 'Go' ? fn[0]!.toUpperCase() + fn.slice(1) : fn);
    it(`${item.name}: added, renamed, re-signed and removed definitions show in the analysis`, () => {
      const byStep = results.get(item.name)!;
      const added = byStep.get('Add compute')!;
      // A new class is named for its members (Java); a namespace is not (C++).
      const addedName = item.name === 'Java' ? '`Api` (class)' : `\`${exported('compute')}()\``;
      assert.ok(added.summary.includes(`Adds public ${addedName}`), added.summary);
      const renamed = byStep.get('Rename compute')!;
      // A rename is told as one (`renames a to b`) or, when the bodies differ too little to pair them, as a removal and an addition.
      assert.ok(renamed.summary.includes(exported('compute')) && renamed.summary.includes(exported('evaluate')), renamed.summary);
      assert.equal(renamed.breaking, true, `${item.name}: a public API renamed without the old name breaks callers (${renamed.reasons.join(' | ')})`);
      const resigned = byStep.get('Take a label')!;
      assert.match(resigned.summary, new RegExp(`signature of (public )?\`(lib::|Api\\.)?${exported('evaluate')}\\(\\)\``), resigned.summary);
      assert.equal(resigned.breaking, true, `${item.name}: a new required parameter breaks callers (${resigned.reasons.join(' | ')})`);
      const removed = byStep.get('Drop evaluate')!;
      assert.match(removed.summary, new RegExp(`[Rr]emoves.*${exported('evaluate')}`), removed.summary);
      assert.equal(removed.breaking, true);
      assert.match(removed.reasons[0]!, new RegExp(`^breaking: removes public \`(lib::|Api\\.)?${exported('evaluate')}\\(\\)\``));
    });
  }
});

describe('facts on a real repository: interface, dependencies, CI and a parse failure', () => {
  let repo: FixtureRepo;
  let en: Map<string, Analysis>;
  let zh: Map<string, Analysis>;

  before(async () => {
    repo = FixtureRepo.create({ prefix: 'dd-facts-' });
    repo.write('src/tool/cli.py', 'import argparse\n\nparser = argparse.ArgumentParser()\nparser.add_argument("--verbose", action="store_true")\n');
    repo.write('src/tool/settings.py', 'DEFAULT_TIMEOUT = 30\n');
    repo.write('package.json', JSON.stringify({ name: 'tool', version: '1.0.0', dependencies: { 'left-pad': '1.3.0' } }, null, 2));
    repo.write('.github/workflows/ci.yml', 'on: pull_request\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n');
    repo.write('src/app.ts', 'export const ready = true;\n');
    repo.commit('Start', { date: '2026-01-20T09:00:00Z' });
    repo.write('src/tool/cli.py', 'import argparse\n\nparser = argparse.ArgumentParser()\nparser.add_argument("--verbose", action="store_true")\nparser.add_argument("--cert")\n');
    repo.commit('Accept a certificate', { date: `${DAY}T09:00:00Z` });
    repo.write('src/tool/cli.py', 'import argparse\n\nparser = argparse.ArgumentParser()\nparser.add_argument("--cert")\n');
    repo.commit('Quieter output', { date: `${DAY}T10:00:00Z` });
    repo.write('src/tool/settings.py', 'DEFAULT_TIMEOUT = 60\n');
    repo.commit('Wait longer', { date: `${DAY}T11:00:00Z` });
    repo.write('package.json', JSON.stringify({ name: 'tool', version: '1.0.0', dependencies: { 'left-pad': '2.0.0' } }, null, 2));
    repo.commit('Update left-pad', { date: `${DAY}T12:00:00Z` });
    repo.write('.github/workflows/ci.yml', 'on: pull_request\npermissions:\n  contents: write\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n');
    repo.commit('Let CI push tags', { date: `${DAY}T13:00:00Z` });
    repo.write('src/app.ts', 'export const ready = ((( {;\nexport function half( {\n');
    repo.commit('Work in progress', { date: `${DAY}T14:00:00Z` });
    en = await analyses(repo);
    zh = await analyses(repo, 'zh-CN');
  });
  after(() => repo.cleanup());

  it('a flag added is named, with the risk that no test names it', () => {
    const result = en.get('Accept a certificate')!;
    assert.match(result.summary, /Adds the `--cert` flag/);
    assert.equal(result.changeType, 'feature');
    assert.ok(result.risks.includes('Adds the `--cert` flag but no test names it.'), result.risks.join(' | '));
  });

  it('a flag removed is breaking', () => {
    const result = en.get('Quieter output')!;
    assert.equal(result.breaking, true);
    assert.equal(result.reasons[0], 'breaking: removes the `--verbose` flag');
  });

  it('a default changed is named with both values', () => {
    const result = en.get('Wait longer')!;
    assert.match(result.summary, /the default of `DEFAULT_TIMEOUT` from `30` to `60`/);
    assert.equal(result.breaking, true);
  });

  it('a dependency bumped is deps, with its versions, and a major bump is a risk', () => {
    const result = en.get('Update left-pad')!;
    assert.equal(result.changeType, 'deps');
    assert.match(result.summary, /Bumps `left-pad` 1\.3\.0 → 2\.0\.0/);
    assert.ok(result.risks.some((risk) => risk.includes('`left-pad`')), result.risks.join(' | '));
  });

  it('a CI permission added is a security-relevant CI change', () => {
    const result = en.get('Let CI push tags')!;
    assert.equal(result.changeType, 'ci');
    assert.equal(result.security, true);
    assert.ok(result.insights.security.some((line) => line.includes('contents: write')), result.insights.security.join(' | '));
  });

  it('a file that does not parse says so, and the rest of the analysis stands', () => {
    const result = en.get('Work in progress')!;
    assert.ok(result.notes.some((note) => note.includes('src/app.ts (syntax error)')), result.notes.join(' | '));
    assert.match(result.summary, /Changes 1 file/);
  });

  it('says the same in Chinese', () => {
    assert.match(zh.get('Accept a certificate')!.summary, /新增 `--cert` 选项/);
    assert.match(zh.get('Wait longer')!.summary, /将 `DEFAULT_TIMEOUT` 的默认值从 `30` 改为 `60`/);
    assert.equal(zh.get('Quieter output')!.reasons[0], '破坏性变更：移除了 `--verbose` 选项');
  });
});
