// `npm run bench`: times the CLI against raw `git log --numstat` for the same windows, in the same run.
// Usage: npm run bench [-- --repo <existing repo> --day YYYY-MM-DD --runs N]
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureBenchRepo } from './buildRepo.js';

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

/** Runs a command under /usr/bin/time and returns wall seconds and the peak resident memory of the largest process. */
function measure(command: string[]): Sample {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', ...command], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, LC_ALL: 'C' },
  });
  if (result.status !== 0) throw new Error(`${command.join(' ')} failed: ${result.stderr}`);
  const [seconds, peakKb] = result.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { seconds, peakKb };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function compare(label: string, ours: string[], raw: string[], target: (rawSeconds: number) => number): void {
  measure(ours);
  measure(raw);
  const a: Sample[] = [];
  const b: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(measure(ours));
    b.push(measure(raw));
  }
  const ourSeconds = median(a.map((s) => s.seconds));
  const rawSeconds = median(b.map((s) => s.seconds));
  const ratio = median(a.map((s, i) => s.seconds / Math.max(b[i].seconds, 0.001)));
  const limit = target(rawSeconds);
  console.log(
    `${label.padEnd(34)} daily-digest ${ourSeconds.toFixed(3)} s  raw git ${rawSeconds.toFixed(3)} s  ` +
      `ratio ${ratio.toFixed(2)}x  target ≤ ${limit.toFixed(3)} s ${ourSeconds <= limit ? 'MET' : 'MISSED'}  ` +
      `peak RSS daily-digest ${(median(a.map((s) => s.peakKb)) / 1024).toFixed(0)} MB, git ${(median(b.map((s) => s.peakKb)) / 1024).toFixed(0)} MB`,
  );
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

  const ourDay = (r: string): string[] => ['node', cli, '--repo', r, '--date', busyDay, '--tz', 'UTC', '--format', 'json', '--quiet'];
  const rawDay = (r: string): string[] => [
    'git', '-C', r, 'log', '--numstat', '--no-merges', `--since=${busyDay}T00:00:00Z`, `--until=${nextDay(busyDay)}T00:00:00Z`, 'HEAD',
  ];
  const dayCount = spawnSync(rawDay(repo)[0], [...rawDay(repo).slice(1), '--format=%H'], { encoding: 'utf8' }).stdout
    .split('\n').filter((l) => /^[0-9a-f]{40}$/.test(l)).length;
  console.log(`busy day ${busyDay}: ${dayCount} commits`);
  compare('busy day, 50k history', ourDay(repo), rawDay(repo), (raw) => 1.5 * raw + 0.15);
  if (!flag('--repo')) {
    // The same history with a commit-graph (in a copy: the tool never writes one into a user's repository).
    const graphed = withCommitGraph(repo);
    compare('busy day, 50k, with commit-graph', ourDay(graphed), rawDay(graphed), (raw) => 1.5 * raw + 0.15);
  }
  if (small) compare('busy day, 5k history (memory check)', ourDay(small), rawDay(small), (raw) => 1.5 * raw + 0.15);

  const yearStart = '2025-11-21';
  const ourYear = ['node', cli, '--repo', repo, '--since', yearStart, '--until', lastDay, '--tz', 'UTC', '--format', 'json', '--quiet'];
  const rawYear = ['git', '-C', repo, 'log', '--numstat', '--no-merges', `--since=${yearStart}T00:00:00Z`, `--until=${nextDay(lastDay)}T00:00:00Z`, 'HEAD'];
  compare('one-year range, 50k history', ourYear, rawYear, (raw) => 2 * raw);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
