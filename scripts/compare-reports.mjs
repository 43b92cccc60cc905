// Compares the reports of two builds of the command line, byte for byte, `generatedAt` aside.
// Usage: node scripts/compare-reports.mjs <before/cli.js> <after/cli.js> [--only <case-name-substring>]
//
// Every case runs in md, json and html, in en and zh-CN, with --no-cache on both sides. The cases: the bench history
// (bench/buildRepo.ts, cached as `npm run bench` caches it) on its busy day and a one-month range; fixture
// repositories built here with fixed dates (the shapes of test/support/sampleReport.ts, which the golden files
// render, and of the CLI tests: hostile names and text, renames, merges, several repositories, a missing one); and
// the mirrored real repositories under /work/.mirror when they are there. Prints a line per case; exits 1 on any
// difference.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const [beforeCli, afterCli] = process.argv.slice(2, 4).map((path) => (path ? resolve(path) : path));
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
if (!beforeCli || !afterCli || !existsSync(beforeCli) || !existsSync(afterCli)) {
  console.error('usage: node scripts/compare-reports.mjs <before/cli.js> <after/cli.js> [--only <case>]');
  process.exit(1);
}

const FORMATS = ['md', 'json', 'html'];
const LANGUAGES = ['en', 'zh-CN'];
const MIRRORS = '/work/.mirror';
const benchCache = process.env.DAILY_DIGEST_CACHE ??
  join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'daily-digest');
// Both sides run with an empty cache home of their own, besides --no-cache: nothing is shared between them.
const scratch = mkdtempSync(join(tmpdir(), 'dd-compare-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

const gitEnv = {
  ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C',
};

function git(cwd, args, env = {}) {
  return execFileSync('git', args, { cwd, env: { ...gitEnv, ...env }, encoding: 'utf8' }).trimEnd();
}

/** A work tree in the scratch folder; `commit` stages everything and commits with fixed dates. */
function fixture(name, branch = 'main') {
  const dir = join(scratch, 'repos', name);
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q', '-b', branch]);
  git(dir, ['config', 'commit.gpgsign', 'false']);
  return {
    dir,
    write(path, content) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
      return this;
    },
    commit(message, date, author = ['Ada Lovelace', 'ada@example.com'], extra = []) {
      git(dir, ['add', '-A']);
      git(dir, ['commit', '-q', '--no-verify', '--allow-empty', '-m', message, ...extra], {
        GIT_AUTHOR_NAME: author[0], GIT_AUTHOR_EMAIL: author[1], GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_NAME: author[0], GIT_COMMITTER_EMAIL: author[1], GIT_COMMITTER_DATE: date,
      });
      return this;
    },
    git(args) {
      return git(dir, args);
    },
  };
}

const lines = (count, word) => Array.from({ length: count }, (_, i) => `${word} ${i}`).join('\n') + '\n';

/** The repositories of test/support/sampleReport.ts (the golden report), as real history. */
function sampleRepos() {
  const dynamo = fixture('dynamo');
  dynamo.git(['remote', 'add', 'origin', 'https://github.com/ai-dynamo/dynamo.git']);
  dynamo.write('README.md', '# dynamo\n').write('src/old|name.ts', 'export const old = 1;\n')
    .write('components/src/dynamo/planner/utils/load_predictor.py', lines(40, 'x =')).write('lib/runtime/src/lib.rs', lines(20, '// line'))
    .commit('chore: initial', '2026-01-20T10:00:00+08:00');
  dynamo.write('lib/runtime/src/lib.rs', lines(18, '// lean'))
    .commit('chore: reduce verbosity during dynamo start (#5518)', '2026-01-22T03:11:07+08:00', ['Biswa Panda', 'biswa@example.com']);
  dynamo.write('components/src/dynamo/planner/utils/load_predictor.py', lines(115, 'y =')).write('tests/planner/test_load_predictor.py', lines(12, 'assert'))
    .commit('feat: predict log1p(y) instead of y in load predictor if ARIMA collapses (#5545)\n\nThe public API is unchanged.\n\n' +
      'Co-authored-by: Grace Hopper <grace@example.com>\nSigned-off-by: Hongkuan Zhou <hongkuan@example.com>',
    '2026-01-22T09:43:14+08:00', ['Hongkuan Zhou', 'hongkuan@example.com']);
  dynamo.git(['mv', 'src/old|name.ts', 'src/new`name`.ts']);
  dynamo.write('src/`weird`|name\n<script>.ts', 'export const weird = "<script>alert(1)</script>";\n')
    .commit('fix: a|b `tick` <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)> *bold* _em_ #1 &lt;\n\n' +
      'Click [here](javascript:alert(1)) or <a href="javascript:alert(2)">here</a>.\n\n# not a heading\n| not | a | table |\n\n' +
      'BREAKING CHANGE: the session token format changed\nCo-authored-by: Eve *evil* [x](javascript:alert(1)) <eve@example.com>',
    '2026-01-22T12:30:00+08:00', ['Mallory | </td><b>\nInjected', 'mallory@example.com']);
  dynamo.write('.github/actions/docker-build/action.yml', 'runs:\n  using: composite\n  buildx: v0.14.1\n')
    .commit('build: Pin docker buildkit version (#5559)', '2026-01-22T14:56:37+08:00', ['Pavithra Vijayakrishnan', 'pavithra@example.com']);
  dynamo.write('.github/workflows/release.yml', lines(180, '# step'));
  for (let i = 1; i <= 52; i++) dynamo.write(`deploy/helm/chart-${String(i).padStart(2, '0')}.yaml`, 'replicas: 2\nimage: dynamo\n');
  dynamo.commit('ci: Add builds to release (#5557)', '2026-01-22T20:43:37+08:00', ['Pavithra Vijayakrishnan', 'pavithra@example.com']);
  dynamo.write('package.json', '{ "dependencies": { "left-pad": "2.0.0" } }\n')
    .commit('deps: bump left-pad from 1.3.0 to 2.0.0', '2026-01-22T21:00:00+08:00');
  dynamo.write('late.txt', 'late\n').commit('feat: the next day', '2026-01-23T00:30:00+08:00');

  const quiet = fixture('quiet');
  quiet.git(['remote', 'add', 'origin', 'git@gitlab.com:acme/quiet.git']);
  quiet.write('a.txt', 'a\n').commit('chore: long ago', '2026-01-10T12:00:00+08:00');

  const scripts = fixture('scripts', 'develop');
  scripts.write('README.md', lines(10, 'how to')).commit('docs: explain the backup script (#12)', '2026-01-22T12:00:00+08:00');

  const merges = fixture('merges');
  merges.write('core/a.ts', 'export const a = 1;\n').commit('feat: base', '2026-01-21T09:00:00Z');
  merges.git(['checkout', '-q', '-b', 'topic']);
  merges.write('core/b.ts', 'export const b = 2;\n').commit('feat(core): topic work', '2026-01-22T08:00:00Z');
  merges.write('core/b.ts', 'export const b = 3;\n').commit('fix(core): topic fix', '2026-01-22T09:00:00Z');
  merges.git(['checkout', '-q', 'main']);
  merges.write('docs/guide.md', '# guide\n').commit('docs: guide', '2026-01-22T10:00:00Z');
  git(merges.dir, ['merge', '-q', '--no-ff', '-m', 'Merge branch topic', 'topic'], {
    GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'ada@example.com', GIT_AUTHOR_DATE: '2026-01-22T11:00:00Z',
    GIT_COMMITTER_NAME: 'Ada', GIT_COMMITTER_EMAIL: 'ada@example.com', GIT_COMMITTER_DATE: '2026-01-22T11:00:00Z',
  });
  return { dynamo: dynamo.dir, quiet: quiet.dir, scripts: scripts.dir, merges: merges.dir };
}

/** The repositories of test/cli/cli.test.ts. */
function cliRepos() {
  const widgets = fixture('widgets');
  widgets.git(['remote', 'add', 'origin', 'git@github.com:acme/widgets.git']);
  widgets.write('src/auth/session.ts', 'export const ttl = 60;\n').commit('feat(auth): add session expiry', '2026-01-22T09:00:00+08:00');
  widgets.write('README.md', '# widgets\n').commit('docs: explain widgets', '2026-01-22T10:30:00+08:00');
  widgets.write('src/auth/session.ts', 'export const ttl = 30;\n').commit('fix: shorter ttl', '2026-01-23T10:30:00+08:00');
  const other = fixture('other');
  other.write('a.txt', 'a\n').commit('chore: first', '2026-01-22T12:00:00+08:00', ['Grace Hopper', 'grace@example.com']);
  return { widgets: widgets.dir, other: other.dir };
}

/** The bench histories, built (or found) where `npm run bench` keeps them. */
function benchRepo() {
  const script = `require(${JSON.stringify(resolve('bench/buildRepo.ts'))})
    .ensureBenchRepo(${JSON.stringify(benchCache)}, { commits: 50000, busyDay: '2026-11-18', busyCommits: 60, lastDay: '2026-11-20' })
    .then((dir) => console.log(dir));`;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) throw new Error('building the bench repository failed');
  return result.stdout.trim().split('\n').pop();
}

function cases() {
  const sample = sampleRepos();
  const cli = cliRepos();
  const bench = benchRepo();
  const shanghai = ['--tz', 'Asia/Shanghai', '--date', '2026-01-22'];
  const list = [
    { name: 'bench busy day', args: ['--repo', bench, '--date', '2026-11-18', '--tz', 'UTC'] },
    { name: 'bench one month', args: ['--repo', bench, '--since', '2026-10-21', '--until', '2026-11-20', '--tz', 'UTC'] },
    { name: 'sample: four repositories and a missing one', args: ['--repo', sample.dynamo, '--repo', join(scratch, 'missing'), '--repo', sample.quiet, '--repo', sample.scripts, ...shanghai] },
    { name: 'sample: dynamo by author date, path filter', args: ['--repo', sample.dynamo, ...shanghai, '--date-field', 'author', '--path', 'src/**', '--path', 'deploy/**'] },
    { name: 'sample: dynamo, an unknown ref', args: ['--repo', sample.dynamo, ...shanghai, '--ref', 'origin/nope'] },
    { name: 'sample: dynamo, three days in UTC', args: ['--repo', sample.dynamo, '--since', '2026-01-21', '--until', '2026-01-23', '--tz', 'UTC'] },
    { name: 'merges: exclude', args: ['--repo', sample.merges, '--date', '2026-01-22', '--tz', 'UTC'] },
    { name: 'merges: include', args: ['--repo', sample.merges, '--date', '2026-01-22', '--tz', 'UTC', '--merges', 'include'] },
    { name: 'merges: first-parent', args: ['--repo', sample.merges, '--date', '2026-01-22', '--tz', 'UTC', '--merges', 'first-parent'] },
    { name: 'cli: widgets and other', args: ['--repo', cli.widgets, '--repo', cli.other, ...shanghai] },
    { name: 'cli: widgets, author filter', args: ['--repo', cli.widgets, ...shanghai, '--author', 'ada'] },
  ];
  const uv = join(MIRRORS, 'astral-sh+uv', 'repo');
  const gitGit = join(MIRRORS, 'git+git', 'repo');
  if (existsSync(uv)) {
    list.push({ name: 'astral-sh/uv 2026-08-21', args: ['--repo', uv, '--date', '2026-08-21', '--tz', 'UTC'] });
    list.push({ name: 'astral-sh/uv a week, Shanghai', args: ['--repo', uv, '--since', '2026-08-15', '--until', '2026-08-21', '--tz', 'Asia/Shanghai'] });
  } else console.log(`skipped: ${uv} is not there`);
  if (existsSync(gitGit)) {
    // git/git has no commit of its own on 2026-08-19 UTC (an empty report); the merges and the author dates have.
    list.push({ name: 'git/git 2026-08-19', args: ['--repo', gitGit, '--date', '2026-08-19', '--tz', 'UTC'] });
    list.push({ name: 'git/git 08-10 to 08-19 by author date', args: ['--repo', gitGit, '--since', '2026-08-10', '--until', '2026-08-19', '--tz', 'UTC', '--date-field', 'author'] });
    list.push({ name: 'git/git August, merges included', args: ['--repo', gitGit, '--since', '2026-08-01', '--until', '2026-08-20', '--tz', 'UTC', '--merges', 'include'] });
  } else console.log(`skipped: ${gitGit} is not there`);
  return list;
}

/** The report's time of generation is the only thing allowed to differ. */
function withoutGeneratedAt(text) {
  return text
    .replace(/"generatedAt": ?"[^"]*"/g, '"generatedAt":"-"')
    .replace(/(Generated at|生成时间)(:|：)\s*\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/g, '$1$2 -');
}

function run(cli, args, side) {
  const home = join(scratch, `cache-${side}`);
  const result = spawnSync(process.execPath, [cli, ...args, '--no-cache', '--quiet'], {
    encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024,
    env: { ...gitEnv, LANG: 'C', INIT_CWD: '', XDG_CACHE_HOME: home },
  });
  return { code: result.status, stdout: withoutGeneratedAt(result.stdout), stderr: result.stderr };
}

function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `at char ${i}: before ${JSON.stringify(a.slice(i, i + 60))}, after ${JSON.stringify(b.slice(i, i + 60))}`;
}

let differences = 0;
let compared = 0;
for (const { name, args } of cases()) {
  if (only && !name.includes(only)) continue;
  for (const format of FORMATS) {
    for (const language of LANGUAGES) {
      const full = [...args, '--format', format, '--lang', language];
      const before = run(beforeCli, full, 'before');
      const after = run(afterCli, full, 'after');
      const label = `${name} [${format} ${language}]`.padEnd(62);
      compared++;
      const problems = [];
      if (before.code !== after.code) problems.push(`exit ${before.code} vs ${after.code}`);
      if (before.stderr !== after.stderr) problems.push(`stderr differs ${firstDifference(before.stderr, after.stderr)}`);
      if (before.stdout !== after.stdout) problems.push(`report differs ${firstDifference(before.stdout, after.stdout)}`);
      if (problems.length === 0) console.log(`same  ${label} exit ${after.code}, ${Buffer.byteLength(after.stdout)} bytes`);
      else {
        differences++;
        console.log(`DIFF  ${label} ${problems.join('; ')}`);
      }
    }
  }
}
console.log(`${compared - differences} of ${compared} cases identical`);
process.exit(differences === 0 && compared > 0 ? 0 : 1);
