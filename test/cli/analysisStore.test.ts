// The offline analyses made with the code's facts are kept between runs (analyze/analysisStore.ts): a second run of
// the same day takes them from the cache folder instead of reading and parsing the files again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Report } from '../../src/core/domain/report.js';
import { FixtureRepo } from '../support/gitFixture.js';

const CLI = resolve('src/cli/program.ts');
let repo: FixtureRepo;
let work: string;

function report(args: string[], build = 'test-build-1'): Report {
  const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, '--repo', repo.dir, '--date', '2026-03-03', '--tz', 'UTC', '--format', 'json', '--quiet', ...args], {
    encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', XDG_CACHE_HOME: join(work, 'cache'), DAILY_DIGEST_ANALYZER_BUILD: build },
  });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as Report;
}

const analyses = (): string => join(work, 'cache', 'daily-digest', 'analyses');
const entries = (build: string): string[] => (existsSync(join(analyses(), build)) ? readdirSync(join(analyses(), build)).filter((name) => name.endsWith('.json')) : []);

before(() => {
  work = mkdtempSync(join(tmpdir(), 'dd-store-'));
  repo = FixtureRepo.create({ prefix: 'dd-store-repo-' });
  repo.write('src/server.ts', 'export function listen(port: number): void {\n  void port;\n}\n').commit('feat: a server', { date: '2026-03-02T08:00:00Z' });
  repo.write('src/server.ts', 'export function listen(port: number, host = "0.0.0.0"): void {\n  void port;\n  void host;\n}\n')
    .commit('feat: listen on a host', { date: '2026-03-03T09:00:00Z' });
  repo.write('README.md', 'Docs only.\n').commit('docs: a readme', { date: '2026-03-03T10:00:00Z' });
});

after(() => {
  repo.cleanup();
  rmSync(work, { recursive: true, force: true });
});

test('a second run takes the analyses kept by the first; --no-cache, another language or another build do not', () => {
  const first = report([]);
  const listen = first.repositories[0]!.commits.find((commit) => commit.subject === 'feat: listen on a host')!;
  assert.ok(listen.analysis.facts?.some((fact) => fact.kind === 'definition' && fact.name === 'listen'), 'the first run read the code');
  const kept = entries('test-build-1');
  assert.equal(kept.length, 2, 'one entry per commit with files');

  // The second run reads the kept entry: an entry changed on disk shows in its report.
  for (const name of kept) {
    const file = join(analyses(), 'test-build-1', name);
    const entry = JSON.parse(readFileSync(file, 'utf8')) as { key: { sha: string }; analysis: { summary: string } };
    if (entry.key.sha !== listen.sha) continue;
    entry.analysis.summary = 'Taken from the kept analysis.';
    writeFileSync(file, JSON.stringify(entry));
  }
  const second = report([]);
  assert.equal(second.repositories[0]!.commits.find((commit) => commit.sha === listen.sha)!.analysis.summary, 'Taken from the kept analysis.');
  const { generatedAt: _a, ...restFirst } = first;
  const { generatedAt: _b, ...restSecond } = second;
  restSecond.repositories[0]!.commits.find((commit) => commit.sha === listen.sha)!.analysis.summary = listen.analysis.summary;
  assert.deepEqual(restSecond, restFirst, 'everything else is as the first run made it');

  assert.notEqual(report(['--no-cache']).repositories[0]!.commits.find((commit) => commit.sha === listen.sha)!.analysis.summary, 'Taken from the kept analysis.');
  assert.notEqual(report(['--lang', 'zh-CN']).repositories[0]!.commits.find((commit) => commit.sha === listen.sha)!.analysis.summary, 'Taken from the kept analysis.');

  // Another build never reads this one's entries, and removes them.
  const rebuilt = report([], 'test-build-2');
  assert.equal(rebuilt.repositories[0]!.commits.find((commit) => commit.sha === listen.sha)!.analysis.summary, listen.analysis.summary);
  assert.deepEqual(entries('test-build-1'), []);
  assert.equal(entries('test-build-2').length, 2);
});

test('a kept entry that is not an analysis is read past, and the commit is analysed again', () => {
  report([], 'test-build-3');
  for (const name of entries('test-build-3')) writeFileSync(join(analyses(), 'test-build-3', name), '{ "version": 1, "key": ');
  const again = report([], 'test-build-3');
  assert.ok(again.repositories[0]!.commits.find((commit) => commit.subject === 'feat: listen on a host')!.analysis.facts?.length);
});
