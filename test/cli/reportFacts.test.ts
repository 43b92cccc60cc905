// The facts the code showed travel with the report: a real CLI run on a real repository writes them in the JSON
// (valid against the schema, each with its file and line), and the report's links to the diff are made from them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { reportSchema } from '../../src/core/render/jsonSchema.js';
import { commitFactLinks } from '../../src/shared/factLinks.js';
import type { Report } from '../../src/core/domain/report.js';
import { MAX_STORED_FACTS } from '../../src/core/domain/facts.js';
import { FixtureRepo } from '../support/gitFixture.js';

const CLI = resolve('src/cli/program.ts');
let repo: FixtureRepo;
let work: string;

function runCli(args: string[]): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args, '--quiet'], {
    encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', XDG_CACHE_HOME: join(work, 'cache') },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

before(() => {
  work = mkdtempSync(join(tmpdir(), 'dd-report-facts-'));
  repo = FixtureRepo.create({ prefix: 'dd-report-facts-repo-' });
  repo.write('src/server.ts', 'export function listen(port: number): void {\n  void port;\n}\n')
    .write('package.json', '{ "name": "srv", "dependencies": { "left-pad": "1.0.0" } }\n')
    .commit('feat: a server', { date: '2026-03-02T08:00:00Z' });
  repo.write('src/server.ts', 'export function listen(port: number, host = "0.0.0.0"): void {\n  void port;\n  void host;\n}\n\nexport class Pool {\n  size = 4;\n}\n')
    .write('package.json', '{ "name": "srv", "dependencies": { "left-pad": "1.3.0" } }\n')
    .commit('feat: listen on a host, and a pool', { date: '2026-03-03T09:00:00Z' });
  // Many definitions in one commit: the report keeps the bounded number, the public ones first.
  const many = Array.from({ length: 60 }, (_, i) => `function inner${i}(): number {\n  return ${i};\n}\n`).join('');
  repo.write('src/many.ts', `${many}export function outer(): number {\n  return 1;\n}\n`)
    .commit('feat: many helpers', { date: '2026-03-03T10:00:00Z' });
});

after(() => {
  repo.cleanup();
  rmSync(work, { recursive: true, force: true });
});

test('the JSON report keeps each commit\'s facts with file and line, valid against the schema, bounded', () => {
  const out = join(work, 'day.json');
  const result = runCli(['--repo', repo.dir, '--date', '2026-03-03', '--tz', 'UTC', '--format', 'json', '--out', out]);
  assert.equal(result.code, 0, result.stderr);
  const raw: unknown = JSON.parse(readFileSync(out, 'utf8'));
  const parsed = reportSchema.safeParse(raw);
  assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3)));
  const report = raw as Report;
  const commits = report.repositories[0]!.commits;
  const host = commits.find((commit) => commit.subject.startsWith('feat: listen'))!;
  const facts = host.analysis.facts ?? [];
  const described = facts.map((fact) => fact.kind === 'definition' ? `${fact.change} ${fact.defKind} ${fact.name} ${fact.path}:${fact.line}`
    : fact.kind === 'dependency' ? `${fact.change} dependency ${fact.name} ${fact.old} → ${fact.new} ${fact.path}` : fact.kind);
  assert.ok(described.includes('signature function listen src/server.ts:1'), described.join('\n'));
  assert.ok(described.includes('added class Pool src/server.ts:6'), described.join('\n'));
  assert.ok(described.includes('bumped dependency left-pad 1.0.0 → 1.3.0 package.json'), described.join('\n'));
  assert.ok(facts.every((fact) => (fact.kind as string) !== 'reference'), 'references stay out of the report');
  // The links to the diff come from these facts.
  const links = commitFactLinks(host).links.map((link) => `${link.sign} ${link.name} ${link.path}:${link.line ?? '-'}`);
  assert.ok(links.includes('~ listen src/server.ts:1'), links.join('\n'));
  assert.ok(links.includes('+ Pool src/server.ts:6'), links.join('\n'));

  const many = commits.find((commit) => commit.subject === 'feat: many helpers')!;
  assert.equal(many.analysis.facts?.length, MAX_STORED_FACTS);
  const first = many.analysis.facts?.[0];
  assert.ok(first?.kind === 'definition' && first.name === 'outer' && first.public, 'the exported function comes first');
});

test('a Chinese report keeps the same facts, and a root commit\'s facts are what it added', () => {
  const en = join(work, 'en.json');
  const zh = join(work, 'zh.json');
  for (const [file, lang] of [[en, 'en'], [zh, 'zh-CN']] as const) {
    const result = runCli(['--repo', repo.dir, '--date', '2026-03-03', '--tz', 'UTC', '--format', 'json', '--lang', lang, '--out', file]);
    assert.equal(result.code, 0, result.stderr);
  }
  const factsOf = (file: string): unknown => (JSON.parse(readFileSync(file, 'utf8')) as Report).repositories[0]!.commits.map((commit) => commit.analysis.facts);
  assert.deepEqual(factsOf(zh), factsOf(en));
  const root = join(work, 'root.json');
  assert.equal(runCli(['--repo', repo.dir, '--date', '2026-03-02', '--tz', 'UTC', '--format', 'json', '--out', root]).code, 0);
  const first = (JSON.parse(readFileSync(root, 'utf8')) as Report).repositories[0]!.commits[0]!;
  assert.ok(first.analysis.facts?.some((fact) => fact.kind === 'definition' && fact.change === 'added' && fact.name === 'listen'),
    JSON.stringify(first.analysis.facts));
});
