// `npm run bench`: times the CLI against raw `git log --numstat` for the same windows, in the same run.
// Usage: npm run bench [-- --repo <existing repo> --day YYYY-MM-DD --runs N]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureBenchRepo } from './buildRepo.js';
import { ensurePolyglotRepo } from './buildPolyglotRepo.js';

interface Sample {
  seconds: number;
  peakKb: number;
}

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const runs = Number(flag('--runs') ?? 5);
const cacheDir = process.env.DAILY_DIGEST_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'daily-digest');
const cli = resolve('dist/cli.js');

/**
 * Runs a command under /usr/bin/time: wall seconds from a monotonic clock around it (time's own %e has a 10 ms
 * resolution, as long as a whole raw-git busy day), peak resident memory of the largest process from time's %M.
 */
function measure(command: string[]): Sample {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', ...command], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, LC_ALL: 'C' },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${command.join(' ')} failed: ${result.stderr}`);
  const peakKb = Number(result.stderr.trim().split('\n').pop());
  return { seconds, peakKb };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function compare(
  label: string,
  ours: string[],
  raw: string[],
  target: (rawSeconds: number) => number,
  beforeEachRun: () => void = () => undefined,
): void {
  beforeEachRun();
  measure(ours);
  measure(raw);
  const a: Sample[] = [];
  const b: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    beforeEachRun();
    a.push(measure(ours));
    b.push(measure(raw));
  }
  const ourSeconds = median(a.map((s) => s.seconds));
  const rawSeconds = median(b.map((s) => s.seconds));
  const ratio = median(a.map((s, i) => s.seconds / Math.max(b[i].seconds, 0.001)));
  const limit = target(rawSeconds);
  // The best run of each beside the medians: on a shared machine the spread says how much of a gap is noise.
  const best = (samples: Sample[]): string => Math.min(...samples.map((s) => s.seconds)).toFixed(3);
  console.log(
    `${label.padEnd(46)} daily-digest ${ourSeconds.toFixed(3)} s (best ${best(a)})  raw git ${rawSeconds.toFixed(3)} s (best ${best(b)})  ` +
      `ratio ${ratio.toFixed(2)}x  target ≤ ${limit.toFixed(3)} s ${ourSeconds <= limit ? 'MET' : 'MISSED'}  ` +
      `peak RSS daily-digest ${(median(a.map((s) => s.peakKb)) / 1024).toFixed(0)} MB, git ${(median(b.map((s) => s.peakKb)) / 1024).toFixed(0)} MB`,
  );
}

/** A bare copy of `repo` (objects hard-linked) whose main branch is at `tip`, cached beside it. */
function copyAt(repo: string, name: string, tip: string): string {
  const copy = `${repo}-${name}`;
  rmSync(copy, { recursive: true, force: true });
  for (const args of [['clone', '-q', '--bare', '--local', repo, copy], ['-C', copy, 'update-ref', 'refs/heads/main', tip]]) {
    const result = spawnSync('git', args, { stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed`);
  }
  return copy;
}

/** A copy of `repo` (objects hard-linked) with `git commit-graph write --reachable`, cached beside it. */
function withCommitGraph(repo: string): string {
  const copy = `${repo}-commit-graph`;
  if (existsSync(join(copy, 'objects', 'info', 'commit-graph'))) return copy;
  rmSync(copy, { recursive: true, force: true });
  for (const args of [['clone', '-q', '--bare', '--local', repo, copy], ['-C', copy, 'commit-graph', 'write', '--reachable']]) {
    const result = spawnSync('git', args, { stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed`);
  }
  return copy;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86400000).toISOString().slice(0, 10);
}

async function main(): Promise<void> {
  const build = spawnSync('node', ['scripts/build.mjs', '--only', 'cli'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  const lastDay = '2026-11-20';
  const busyDay = flag('--day') ?? '2026-11-18';
  const started = Date.now();
  const repo = flag('--repo') ?? (await ensureBenchRepo(cacheDir, { commits: 50000, busyDay, busyCommits: 60, lastDay }));
  const small = flag('--repo') ? undefined : await ensureBenchRepo(cacheDir, { commits: 5000, busyDay, busyCommits: 60, lastDay });
  console.log(`bench repo: ${repo} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s); ${runs} runs each, medians`);
  const count = spawnSync('git', ['-C', repo, 'rev-list', '--count', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
  console.log(`history: ${count} commits`);

  // Every daily-digest run below has its own cache folder (XDG_CACHE_HOME): "cold" runs start with an empty one.
  const runCache = mkdtempSync(join(tmpdir(), 'dd-bench-cache-'));
  process.env.XDG_CACHE_HOME = runCache;
  const walkIndexDir = join(runCache, 'daily-digest', 'walk-index');
  const analysesDir = join(runCache, 'daily-digest', 'analyses');
  // "No walk index" runs keep nothing from earlier runs: no walk index and no kept analyses (every file parsed).
  const cold = (): void => {
    rmSync(walkIndexDir, { recursive: true, force: true });
    rmSync(analysesDir, { recursive: true, force: true });
  };
  const noAnalyses = (): void => rmSync(analysesDir, { recursive: true, force: true });
  const ourDay = (r: string): string[] => ['node', cli, '--repo', r, '--date', busyDay, '--tz', 'UTC', '--format', 'json', '--quiet'];
  const rawDay = (r: string): string[] => [
    'git', '-C', r, 'log', '--numstat', '--no-merges', `--since=${busyDay}T00:00:00Z`, `--until=${nextDay(busyDay)}T00:00:00Z`, 'HEAD',
  ];
  const dayCount = spawnSync(rawDay(repo)[0], [...rawDay(repo).slice(1), '--format=%H'], { encoding: 'utf8' }).stdout
    .split('\n').filter((l) => /^[0-9a-f]{40}$/.test(l)).length;
  console.log(`busy day ${busyDay}: ${dayCount} commits`);
  const dayTarget = (raw: number): number => 1.5 * raw + 0.15;
  compare('busy day, 50k history, no walk index', ourDay(repo), rawDay(repo), dayTarget, cold);
  if (!flag('--repo')) {
    // The morning after: the walk index was written by yesterday's run, and a day of commits has landed since.
    const yesterdayTip = git(repo, ['rev-list', '-1', '--before=2026-11-20T00:00:00Z', 'HEAD']);
    const added = git(repo, ['rev-list', '--count', `${yesterdayTip}..HEAD`]);
    const morning = copyAt(repo, 'morning', yesterdayTip);
    const ourMorning = ourDay(morning);
    cold();
    const primed = spawnSync(ourMorning[0], ourMorning.slice(1), { encoding: 'utf8' });
    if (primed.status !== 0) throw new Error(`priming the walk index failed: ${primed.stderr}`);
    const indexFile = readdirSync(walkIndexDir).find((name) => name.endsWith('.walk'));
    if (!indexFile) throw new Error('the priming run wrote no walk index');
    const yesterdayIndex = readFileSync(join(walkIndexDir, indexFile));
    git(morning, ['update-ref', 'refs/heads/main', git(repo, ['rev-parse', 'HEAD'])]);
    compare(`busy day, 50k, index from yesterday (+${added})`, ourMorning, rawDay(morning), dayTarget, () => {
      cold();
      mkdirSync(walkIndexDir, { recursive: true });
      writeFileSync(join(walkIndexDir, indexFile), yesterdayIndex);
    });
  }
  compare('busy day, 50k history, index up to date', ourDay(repo), rawDay(repo), dayTarget, noAnalyses);
  compare('busy day, 50k, index and analyses kept (a re-run)', ourDay(repo), rawDay(repo), dayTarget);
  if (!flag('--repo')) {
    // The same history with a commit-graph (in a copy: the tool never writes one into a user's repository).
    const graphed = withCommitGraph(repo);
    compare('busy day, 50k, commit-graph, no walk index', ourDay(graphed), rawDay(graphed), dayTarget, cold);
  }
  if (small) compare('busy day, 5k history (memory check)', ourDay(small), rawDay(small), dayTarget, cold);

  if (!flag('--repo')) {
    // The code-reading analysis: a busy day whose commits rewrite real-size source files in seven languages, against
    // raw git printing the same day's patches (what the analysis has to read at least).
    const polyglot = await ensurePolyglotRepo(cacheDir, { history: 300, busyDay, busyCommits: 40 });
    const rawPatches = [...rawDay(polyglot), '-p'];
    compare('busy day, 7 languages, real-size sources', ourDay(polyglot), rawPatches, (raw) => 1.3 * raw + 0.15, noAnalyses);
    compare('busy day, 7 languages, analyses kept (a re-run)', ourDay(polyglot), rawPatches, (raw) => 1.3 * raw + 0.15);
  }

  const yearStart = '2025-11-21';
  const ourYear = ['node', cli, '--repo', repo, '--since', yearStart, '--until', lastDay, '--tz', 'UTC', '--format', 'json', '--quiet'];
  const rawYear = ['git', '-C', repo, 'log', '--numstat', '--no-merges', `--since=${yearStart}T00:00:00Z`, `--until=${nextDay(lastDay)}T00:00:00Z`, 'HEAD'];
  compare('one-year range, 50k history, no walk index', ourYear, rawYear, (raw) => 2 * raw, cold);
  compare('one-year range, 50k history, index up to date', ourYear, rawYear, (raw) => 2 * raw, noAnalyses);
  compare('one-year range, 50k, index and analyses kept', ourYear, rawYear, (raw) => 2 * raw);
  // Issue 14's measure: against raw git printing the year's patches too (`-p --numstat`), within 2.5 ×.
  const rawYearPatches = [...rawYear, '-p'];
  compare('one-year range, index up to date, vs git -p', ourYear, rawYearPatches, (raw) => 2.5 * raw, noAnalyses);
  compare('one-year range, analyses kept, vs git -p', ourYear, rawYearPatches, (raw) => 2.5 * raw);
  rmSync(runCache, { recursive: true, force: true });
}

function git(cwd: string, args: string[]): string {
  const result = spawnSync('git', ['-C', cwd, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.trim();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
