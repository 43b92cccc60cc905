// The quality eval's own tests: the label schema, the metric arithmetic, and a run of the real CLI on a tiny
// repository built here (no mirrors needed).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FixtureRepo } from '../support/gitFixture.js';
import { evaluate } from './eval.js';
import type { EvalOptions } from './eval.js';
import { EvalInputError, parseLabelFile, splitOf } from './labels.js';
import type { LabelledCommit } from './labels.js';
import { computeFigures, judge, predictedSecurity, recurringSentences } from './metrics.js';
import type { EvaluatedCommit } from './metrics.js';
import type { ReportedAnalysis } from './reportRun.js';

const SHA_A = 'a'.repeat(40);

function label(overrides: Partial<LabelledCommit> = {}): LabelledCommit {
  return {
    sha: SHA_A, date: '2026-07-30', subject: 'Add --cert', type: 'feature', importance: 'medium',
    breaking: false, security: false, identifiers: ['--cert'], ...overrides,
  };
}

function analysis(overrides: Partial<ReportedAnalysis> = {}): ReportedAnalysis {
  return {
    changeType: 'feature', importance: 'medium', breaking: false, summary: 'Adds `--cert`.', reasons: [],
    insights: { architecture: [], performance: [], security: [] }, risks: [], recommendations: [], ...overrides,
  };
}

function evaluated(sha: string, labelled: Partial<LabelledCommit>, got: Partial<ReportedAnalysis>): EvaluatedCommit {
  return { repo: 'o/r', split: splitOf(sha), label: label({ sha, ...labelled }), analysis: analysis(got) };
}

describe('label files', () => {
  it('accepts the documented format and names the bad field otherwise', () => {
    const good = { repo: 'astral-sh/uv', language: 'rust', days: ['2026-07-30'], commits: [label()] };
    assert.equal(parseLabelFile('uv.json', JSON.stringify(good)).commits[0]?.type, 'feature');
    const badType = { ...good, commits: [{ ...label(), type: 'feat' }] };
    assert.throws(() => parseLabelFile('uv.json', JSON.stringify(badType)), (error: Error) =>
      error instanceof EvalInputError && error.message.includes('"commits.0.type"'));
    const shortSha = { ...good, commits: [{ ...label(), sha: 'abc123' }] };
    assert.throws(() => parseLabelFile('uv.json', JSON.stringify(shortSha)), /"commits\.0\.sha"/);
    assert.throws(() => parseLabelFile('uv.json', '{'), /not valid JSON/);
  });

  it('puts shas starting 0-3 in the holdout split', () => {
    assert.deepEqual(['0', '3', '4', 'f'].map((digit) => splitOf(digit.repeat(40))), ['holdout', 'holdout', 'dev', 'dev']);
  });
});

describe('metric arithmetic', () => {
  it('counts accuracy, recall, false flags, identifiers, templates and broken summaries', () => {
    const template = 'Add or update tests that cover the changed code.';
    const commits = [
      evaluated('1'.repeat(40), { breaking: true, identifiers: ['--cert', 'TlsConfig'] }, { breaking: true, risks: [template] }),
      evaluated('2'.repeat(40), { type: 'fix', importance: 'low', security: true }, { changeType: 'security', risks: [template] }),
      evaluated('4'.repeat(40), { type: 'fix', breaking: true }, { summary: 'Adds', recommendations: [template, 'Check `--cert` on Windows.'] }),
      evaluated('5'.repeat(40), { security: true }, { breaking: true, insights: { architecture: [], performance: [], security: ['TLS'] } }),
    ];
    const recurring = recurringSentences(commits);
    assert.deepEqual([...recurring], [template]);
    const figures = computeFigures(commits, recurring);
    assert.deepEqual(figures, {
      commits: 4, typeCorrect: 2, importanceCorrect: 3, breakingLabelled: 2, breakingFound: 1, falseBreaking: 1,
      securityLabelled: 2, securityFound: 2, falseSecurity: 0, identifiersLabelled: 5, identifiersNamed: 4,
      adviceSentences: 5, templateSentences: 3, brokenSummaries: 1,
    });
    const rows = Object.fromEntries(judge(figures).map((row) => [row.metric, row.status]));
    assert.deepEqual(rows, {
      'type accuracy': 'MISS', 'importance accuracy': 'MISS', 'breaking recall': 'MISS', 'false breaking flags': 'PASS',
      'security recall': 'PASS', 'false security flags': 'n/a', 'identifier recall': 'PASS', 'template share': 'MISS',
      'broken summaries': 'MISS',
    });
  });

  it('reads analysis.security when the analyzer sets it', () => {
    assert.equal(predictedSecurity(analysis({ security: false, changeType: 'security' })), false);
    assert.equal(predictedSecurity(analysis({ security: ['touches TLS'] })), true);
    assert.equal(predictedSecurity(analysis({ changeType: 'security' })), true);
    assert.equal(predictedSecurity(analysis()), false);
  });

  it('says n/a for a recall with nothing labelled', () => {
    const rows = judge(computeFigures([evaluated('9'.repeat(40), {}, {})], new Set()));
    assert.equal(rows.find((row) => row.metric === 'breaking recall')?.status, 'n/a');
  });
});

describe('the eval on a repository built here', () => {
  let repo: FixtureRepo;
  let dataDir: string;
  const shas: Record<string, string> = {};

  before(() => {
    repo = FixtureRepo.create({ prefix: 'dd-quality-' });
    repo.write('src/tls.rs', 'pub fn load() {}\n').commit('Initial', { date: '2026-07-29T10:00:00Z' });
    repo.git(['checkout', '-q', '-b', 'topic']);
    repo.write('src/tls.rs', 'pub fn load() {}\npub fn load_cert(path: &str) {}\n');
    shas.topic = repo.commit('Add load_cert for --cert', { date: '2026-07-30T09:00:00Z' });
    repo.git(['checkout', '-q', 'main']);
    repo.write('README.md', '# tls\n\nUse `load` to read certificates.\n');
    shas.docs = repo.commit('docs: explain load', { date: '2026-07-30T11:00:00Z' });
    // The topic lands the next day: the newest commit of 2026-07-30 does not reach the other one, HEAD does.
    repo.git(['merge', '-q', '--no-ff', '-m', 'Merge topic', 'topic'], { GIT_COMMITTER_DATE: '2026-07-31T08:00:00Z', GIT_AUTHOR_DATE: '2026-07-31T08:00:00Z' });
    dataDir = mkdtempSync(join(tmpdir(), 'dd-quality-data-'));
    const commits = [
      label({ sha: shas.topic, subject: 'Add load_cert for --cert', identifiers: ['load_cert'], security: true }),
      label({ sha: shas.docs, subject: 'docs: explain load', type: 'docs', importance: 'low', identifiers: ['load', 'missing_name'] }),
    ];
    writeFileSync(join(dataDir, 'tls.json'), JSON.stringify({ repo: 'acme/tls', language: 'rust', path: repo.dir, commits }));
  });

  after(() => {
    repo.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function options(overrides: Partial<EvalOptions> = {}): EvalOptions {
    return { dataDir, mirrorsDir: '/nonexistent', split: 'all', lang: 'en', verbose: false, cli: { script: resolve('src/cli/program.ts') }, ...overrides };
  }

  it('runs the CLI per day, finds every labelled commit and measures it', () => {
    const result = evaluate(options());
    assert.deepEqual(result.commits.map((commit) => commit.label.sha).sort(), [shas.docs, shas.topic].sort());
    const total = result.results.find((split) => split.name === 'all');
    assert.equal(total?.figures.commits, 2);
    // `load` is in the docs commit's subject, which the summary opens with; `missing_name` is nowhere.
    assert.ok((total?.figures.identifiersNamed ?? 0) >= 1);
    assert.ok((total?.figures.identifiersNamed ?? 0) <= 2);
    assert.deepEqual(result.results.map((split) => split.figures.commits), [
      [shas.docs, shas.topic].filter((sha) => splitOf(sha ?? '') === 'dev').length,
      [shas.docs, shas.topic].filter((sha) => splitOf(sha ?? '') === 'holdout').length,
      2,
    ]);
  });

  it('exits 0 and prints each target; exits 1 naming the cause on bad input', () => {
    const run = (args: string[]): { code: number | null; stdout: string; stderr: string } => {
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'test/quality/eval.ts', ...args], { encoding: 'utf8', env: { ...process.env, INIT_CWD: '' } });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    const jsonFile = join(dataDir, '..', `dd-quality-${process.pid}.out.json`);
    const ok = run(['--data', dataDir, '--cli', 'src/cli/program.ts', '--split', 'dev', '--verbose', '--json', jsonFile]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /type accuracy .* (PASS|MISS)/);
    assert.match(ok.stdout, /broken summaries/);
    const written = JSON.parse(readFileSync(jsonFile, 'utf8')) as { splits: Record<string, unknown> };
    rmSync(jsonFile);
    assert.deepEqual(Object.keys(written.splits), ['dev']);

    const missing = run(['--data', join(dataDir, 'nope')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no such folder/);
    assert.equal(missing.stderr.trim().split('\n').length, 1);
  });

  it('names a sha that is not in the repository, and a repository it cannot find', () => {
    const badDir = mkdtempSync(join(tmpdir(), 'dd-quality-bad-'));
    try {
      const unknown = label({ sha: 'b'.repeat(40) });
      writeFileSync(join(badDir, 'x.json'), JSON.stringify({ repo: 'acme/tls', language: 'rust', path: repo.dir, commits: [unknown] }));
      assert.throws(() => evaluate(options({ dataDir: badDir })), /bbbbbbbbbb.* is not a commit/);
      writeFileSync(join(badDir, 'x.json'), JSON.stringify({ repo: 'acme/none', language: 'rust', commits: [unknown] }));
      assert.throws(() => evaluate(options({ dataDir: badDir })), /acme\/none not found at \/nonexistent\/acme\+none\/repo/);
    } finally {
      rmSync(badDir, { recursive: true, force: true });
    }
  });
});
