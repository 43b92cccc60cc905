// Finds each labelled repository, checks its labelled commits, and runs the real CLI once per labelled day.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import * as z from 'zod';
import { EvalInputError } from './labels.js';
import type { LabelFile, LabelledCommit } from './labels.js';

/** How to start the CLI: `node <script>`, through tsx when the script is TypeScript (tests run src/cli.ts). */
export interface CliCommand {
  script: string;
}

const GIT_ENV: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C' };
const MAX_OUTPUT = 512 * 1024 * 1024;

/** git in a repository: `-C` takes a bare repository and a work tree alike. */
function git(repoDir: string, args: string[], input?: string): { code: number; stdout: string; stderr: string } {
  const result = spawnSync('git', ['-C', repoDir, ...args], { encoding: 'utf8', env: GIT_ENV, input, maxBuffer: MAX_OUTPUT });
  return { code: result.status ?? -1, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** The repository folder (bare, or a work tree): the label file's `path` (relative to the file), else `<mirrors>/<owner>+<name>/repo`. */
export function resolveGitDir(labels: LabelFile, mirrorsDir: string): string {
  const candidate = labels.path !== undefined
    ? (isAbsolute(labels.path) ? labels.path : resolve(dirname(labels.file), labels.path))
    : join(mirrorsDir, labels.repo.replace('/', '+'), 'repo');
  const probe = existsSync(candidate) ? git(candidate, ['rev-parse', '--absolute-git-dir']) : undefined;
  if (probe === undefined || probe.code !== 0) {
    throw new EvalInputError(
      `${labels.file}: repository ${labels.repo} not found at ${candidate}; pass --mirrors DIR (layout <owner>+<name>/repo) or set "path" in the label file.`,
    );
  }
  return resolve(candidate);
}

/** Committer time (seconds since the epoch) of each labelled commit; every sha must be a commit of the repository. */
export function commitTimes(labels: LabelFile, gitDir: string): Map<string, number> {
  const shas = labels.commits.map((commit) => commit.sha);
  const check = git(gitDir, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], shas.map((sha) => `${sha}\n`).join(''));
  for (const line of check.stdout.split('\n')) {
    const [sha, kind] = line.split(' ');
    if (sha && kind !== 'commit') {
      throw new EvalInputError(`${labels.file}: sha ${sha} is not a commit of ${gitDir} (${kind ?? 'missing'}); fetch the repository or fix the sha.`);
    }
  }
  const log = git(gitDir, ['log', '--no-walk=unsorted', '--stdin', '--format=%H %ct'], shas.join('\n') + '\n');
  if (log.code !== 0) throw new EvalInputError(`${labels.file}: git log failed in ${gitDir}: ${log.stderr.trim().split('\n')[0]}`);
  const times = new Map<string, number>();
  for (const line of log.stdout.trim().split('\n')) {
    const [sha, seconds] = line.split(' ');
    if (sha && seconds) times.set(sha, Number(seconds));
  }
  for (const commit of labels.commits) {
    const seconds = times.get(commit.sha);
    const day = seconds === undefined ? 'unknown' : new Date(seconds * 1000).toISOString().slice(0, 10);
    if (day !== commit.date) {
      throw new EvalInputError(`${labels.file}: sha ${commit.sha} is labelled ${commit.date} but its committer date (UTC) is ${day}; fix "date".`);
    }
  }
  return times;
}

function reaches(gitDir: string, ref: string, shas: string[]): boolean {
  return shas.every((sha) => sha === ref || git(gitDir, ['merge-base', '--is-ancestor', sha, ref]).code === 0);
}

/**
 * The ref the CLI reads a day from: the day's newest labelled commit when it reaches all the others (a linear
 * history), else the label file's `ref`, else HEAD (a day of several topic branches merged later, as in git.git).
 */
export function refForDay(labels: LabelFile, gitDir: string, day: LabelledCommit[], times: Map<string, number>): string {
  const shas = day.map((commit) => commit.sha);
  const newest = [...shas].sort((a, b) => (times.get(b) ?? 0) - (times.get(a) ?? 0))[0] ?? 'HEAD';
  const candidates = [newest, ...(labels.ref !== undefined ? [labels.ref] : []), 'HEAD'];
  const found = candidates.find((ref) => reaches(gitDir, ref, shas));
  if (found === undefined) {
    throw new EvalInputError(`${labels.file}: no ref reaches every commit labelled ${day[0]?.date}; set "ref" in the label file to a branch that does.`);
  }
  return found;
}

/** The part of the CLI's JSON report the eval reads. `security` is read when a future analyzer adds it. */
const reportedAnalysisSchema = z.looseObject({
  changeType: z.string(),
  importance: z.string(),
  breaking: z.boolean(),
  security: z.unknown().optional(),
  summary: z.string(),
  reasons: z.array(z.string()),
  insights: z.looseObject({ architecture: z.array(z.string()), performance: z.array(z.string()), security: z.array(z.string()) }),
  risks: z.array(z.string()),
  recommendations: z.array(z.string()),
});
const reportSchema = z.looseObject({
  repositories: z.array(
    z.looseObject({
      error: z.string().optional(),
      commits: z.array(z.looseObject({ sha: z.string(), subject: z.string(), analysis: reportedAnalysisSchema })),
    }),
  ),
});

export type ReportedAnalysis = z.infer<typeof reportedAnalysisSchema>;

/** Failure of the CLI itself (not of the input): the eval exits 2 with it. */
export class CliRunError extends Error {}

/** Runs the CLI on one UTC day of one repository; returns each reported commit's analysis by sha. */
export function runCliForDay(cli: CliCommand, gitDir: string, day: string, ref: string, lang: string): Map<string, ReportedAnalysis> {
  const args = [
    ...(cli.script.endsWith('.ts') ? ['--import', 'tsx'] : []),
    cli.script,
    '--repo', gitDir, '--since', day, '--until', day, '--tz', 'UTC', '--ref', ref,
    '--format', 'json', '--merges', 'include', '--no-cache', '--lang', lang, '--quiet',
  ];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, INIT_CWD: '' }, maxBuffer: MAX_OUTPUT });
  if (result.status !== 0) {
    const reason = (result.stderr ?? '').trim().split('\n')[0] ?? '';
    throw new CliRunError(`the CLI failed on ${gitDir} ${day} (exit ${result.status ?? result.signal}): ${reason}`);
  }
  const parsed = reportSchema.safeParse(JSON.parse(result.stdout));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliRunError(`the CLI's JSON on ${gitDir} ${day} does not match what the eval reads: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const analyses = new Map<string, ReportedAnalysis>();
  for (const repository of parsed.data.repositories) {
    for (const commit of repository.commits) analyses.set(commit.sha, commit.analysis);
  }
  return analyses;
}
