// `npm run eval:quality -- --data DIR [--mirrors DIR] [--split dev|holdout|all] [--lang en|zh-CN] [--json FILE]
// [--verbose]`: measures the offline analysis against hand-labelled commits (test/quality/README.md).
// It measures; it is not a test: exit 0 whatever the figures, 1 on bad input, 2 when the CLI itself fails.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EvalInputError, loadLabelFiles, splitOf } from './labels.js';
import type { LabelFile, LabelledCommit, Split } from './labels.js';
import { computeFigures, describeMisses, judge, recurringSentences } from './metrics.js';
import type { EvaluatedCommit, Figures, TargetRow } from './metrics.js';
import { CliRunError, commitTimes, refForDay, resolveGitDir, runCliForDay } from './reportRun.js';
import type { CliCommand } from './reportRun.js';

type SplitChoice = Split | 'all';

export interface EvalOptions {
  dataDir: string;
  mirrorsDir: string;
  split: SplitChoice;
  lang: 'en' | 'zh-CN';
  jsonFile?: string;
  verbose: boolean;
  cli: CliCommand;
}

export interface SplitResult {
  name: SplitChoice;
  figures: Figures;
  targets: TargetRow[];
}

export interface EvalResult {
  language: string;
  projects: string[];
  results: SplitResult[];
  commits: EvaluatedCommit[];
  recurring: Set<string>;
}

/** `npm run` starts in the package folder; relative paths mean the folder the user ran npm from. */
function fromInvocation(path: string): string {
  return resolve(process.env.INIT_CWD || process.cwd(), path);
}

export function parseOptions(argv: string[]): EvalOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      mirrors: { type: 'string', default: '/work/.mirror' },
      split: { type: 'string', default: 'all' },
      lang: { type: 'string', default: 'en' },
      json: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      cli: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.data === undefined) throw new EvalInputError('--data DIR is required: the folder of label files, e.g. test/quality/data.');
  if (values.split !== 'dev' && values.split !== 'holdout' && values.split !== 'all') {
    throw new EvalInputError(`--split must be dev, holdout or all, got "${values.split}".`);
  }
  if (values.lang !== 'en' && values.lang !== 'zh-CN') throw new EvalInputError(`--lang must be en or zh-CN, got "${values.lang}".`);
  return {
    dataDir: fromInvocation(values.data),
    mirrorsDir: fromInvocation(values.mirrors),
    split: values.split,
    lang: values.lang,
    jsonFile: values.json === undefined ? undefined : fromInvocation(values.json),
    verbose: values.verbose,
    cli: { script: values.cli === undefined ? resolve(__dirname, '../../dist/cli.js') : fromInvocation(values.cli) },
  };
}

function groupByDay(commits: LabelledCommit[]): Map<string, LabelledCommit[]> {
  const days = new Map<string, LabelledCommit[]>();
  for (const commit of commits) days.set(commit.date, [...(days.get(commit.date) ?? []), commit]);
  return days;
}

/** Runs the CLI once per (repository, day) and pairs each labelled commit with its analysis. */
function evaluateProject(labels: LabelFile, options: EvalOptions): EvaluatedCommit[] {
  const gitDir = resolveGitDir(labels, options.mirrorsDir);
  const times = commitTimes(labels, gitDir);
  const evaluated: EvaluatedCommit[] = [];
  for (const [day, commits] of groupByDay(labels.commits)) {
    const ref = refForDay(labels, gitDir, commits, times);
    const analyses = runCliForDay(options.cli, gitDir, day, ref, options.lang);
    for (const label of commits) {
      const analysis = analyses.get(label.sha);
      if (analysis === undefined) throw new CliRunError(`${labels.file}: the CLI's report of ${day} (ref ${ref}) has no commit ${label.sha}.`);
      evaluated.push({ repo: labels.repo, split: splitOf(label.sha), label, analysis });
    }
  }
  return evaluated;
}

export function evaluate(options: EvalOptions): EvalResult {
  const files = loadLabelFiles(options.dataDir);
  const commits = files.flatMap((labels) => evaluateProject(labels, options));
  // Templates recur across the whole evaluated set, whichever split is printed.
  const recurring = recurringSentences(commits);
  const names: SplitChoice[] = options.split === 'all' ? ['dev', 'holdout', 'all'] : [options.split];
  const results = names.map((name) => {
    const figures = computeFigures(commits.filter((commit) => name === 'all' || commit.split === name), recurring);
    return { name, figures, targets: judge(figures) };
  });
  return { language: options.lang, projects: files.map((labels) => labels.repo), results, commits, recurring };
}

export function formatResult(result: EvalResult, verbose: boolean): string {
  const lines = [`Offline analysis quality (${result.language}): ${result.commits.length} labelled commits of ${result.projects.join(', ')}`];
  for (const { name, figures, targets } of result.results) {
    lines.push('', `${name === 'all' ? 'total' : name} (${figures.commits} commits)`);
    for (const row of targets) {
      lines.push(`  ${row.metric.padEnd(22)} ${row.shown.padEnd(22)} target ${row.target.padEnd(12)} ${row.status}`);
    }
  }
  if (verbose) {
    const shown = new Set(result.results.map((split) => split.name));
    lines.push('', 'Misses');
    for (const commit of result.commits) {
      if (!shown.has('all') && !shown.has(commit.split)) continue;
      const misses = describeMisses(commit, result.recurring);
      if (misses.length === 0) continue;
      lines.push(`  ${commit.repo} ${commit.label.sha.slice(0, 10)} [${commit.split}] ${commit.label.subject}`);
      for (const miss of misses) lines.push(`      ${miss}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The figures, the judged targets and each commit's expected vs got, for tools. */
export function resultJson(result: EvalResult): unknown {
  return {
    language: result.language,
    projects: result.projects,
    splits: Object.fromEntries(result.results.map(({ name, figures, targets }) => [name, { figures, targets }])),
    commits: result.commits.map((commit) => ({
      repo: commit.repo,
      sha: commit.label.sha,
      split: commit.split,
      subject: commit.label.subject,
      misses: describeMisses(commit, result.recurring),
    })),
  };
}

export function main(argv: string[]): number {
  try {
    const options = parseOptions(argv);
    const result = evaluate(options);
    process.stdout.write(formatResult(result, options.verbose));
    if (options.jsonFile !== undefined) writeFileSync(options.jsonFile, `${JSON.stringify(resultJson(result), null, 2)}\n`);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`eval:quality: ${message}\n`);
    if (error instanceof CliRunError) return 2;
    return 1;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
