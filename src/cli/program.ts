import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { DigestError, describeError } from '../core/errors.js';
import { isLanguage, languageFromLocale } from '../core/domain/language.js';
import type { Language } from '../core/domain/language.js';
import { DATE_FIELDS, DEFAULT_READ_OPTIONS, MERGE_MODES } from '../core/domain/defaults.js';
import type { DigestOptions, PeriodSpec } from '../core/domain/options.js';
import type { DateField, MergeMode, Report } from '../core/domain/report.js';
import { unreadableCommitsWarning } from '../core/i18n/reportMessages.js';
import type { Text } from './writeText.js';
import { collect, emptyDayHint, failedRepositoryLine, triageFlagOptions, triageOptions, wroteLine } from './triageFlags.js';
import type { TriageFlags } from './triageFlags.js';
// The engine, the renderers and the model analyzer are loaded only when the run needs them (startup cost: --help
// and --version load none of them; marked and the LLM client with its zod schema are not loaded for a heuristic
// JSON or Markdown report). esbuild keeps them in the bundle but evaluates each only when it is imported.
import type { LlmFlags } from './llmFlags.js';

const FORMATS = ['md', 'json', 'html'] as const;
type Format = (typeof FORMATS)[number];

const EXIT_OK = 0;
const EXIT_USAGE = 1;
const EXIT_REPO_FAILED = 2;
/** A language model was asked and analyzed none of the commits (each kept its offline analysis). */
const EXIT_NO_MODEL_ANALYSIS = 3;
const EXIT_CANCELLED = 130;

interface CliFlags extends LlmFlags, TriageFlags {
  repo?: string[];
  date?: string;
  since?: string;
  until?: string;
  tz?: string;
  ref: string;
  dateField: DateField;
  merges: MergeMode;
  author?: string[];
  path?: string[];
  lang?: string;
  format?: Format;
  out?: string;
  force: boolean;
  quiet: boolean;
  analyzer: 'heuristic' | 'openai-compatible';
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 64) {
    throw new CommanderError(EXIT_USAGE, 'usage', `--concurrency must be an integer from 1 to 64, got "${value}"`);
  }
  return parsed;
}

function seconds(flag: string, max: number): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed <= 0 || parsed > max) {
      throw new CommanderError(EXIT_USAGE, 'usage', `${flag} must be a number of seconds above 0 and at most ${max}, got "${value}"`);
    }
    return parsed;
  };
}

function buildProgram(): Command {
  const triage = triageFlagOptions();
  return new Command('daily-digest')
    .description('Report what landed in one or more git repositories on a day, grouped by importance.')
    .option('--repo <path>', 'repository to read: a folder inside a work tree, or a bare repo (repeatable; default: the current folder)', collect)
    .option('--date <day>', 'the day to report: today, yesterday, YYYY-MM-DD, or a span like 7d (the last 7 days including today) (default: today)')
    .option('--since <date>', 'start of a range: YYYY-MM-DD, or a span like 7d (the last 7 days including today)')
    .option('--until <date>', 'last day of a range, inclusive: YYYY-MM-DD (default: today)')
    .option('--tz <zone>', "IANA time zone of the day, e.g. Asia/Shanghai (default: the machine's)")
    .option('--ref <ref>', 'branch, tag or commit to read history from, e.g. origin/main', DEFAULT_READ_OPTIONS.ref)
    .addOption(new Option('--date-field <field>', 'which date puts a commit in the day').choices([...DATE_FIELDS]).default(DEFAULT_READ_OPTIONS.dateField))
    .addOption(new Option('--merges <mode>', 'merge commits: exclude, include, or first-parent (one entry per merged branch)').choices([...MERGE_MODES]).default(DEFAULT_READ_OPTIONS.merges))
    .option('--author <text>', 'only commits whose author name or email contains this (repeatable)', collect)
    .addOption(triage.excludeAuthor)
    .option('--path <glob>', 'only commits touching these paths (repeatable)', collect)
    .addOption(triage.order)
    .addOption(triage.bot)
    .addOption(triage.webUrl)
    .addOption(triage.webKind)
    .option('--lang <language>', 'report language: en or zh-CN (default: from LANG)')
    .addOption(new Option('--format <format>', 'output format (default: from --out extension, else md)').choices([...FORMATS]))
    .option('--out <file>', 'write the report to this file instead of stdout')
    .option('--force', 'overwrite an existing --out file', false)
    .option('--quiet', 'no progress on stderr', false)
    .addOption(new Option('--analyzer <name>', 'heuristic (offline, default) or openai-compatible (sends commits to --base-url)').choices(['heuristic', 'openai-compatible']).default('heuristic'))
    .option('--base-url <url>', 'OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1 for Ollama')
    .option('--model <name>', 'model name for --analyzer openai-compatible')
    .option('--api-key-env <var>', 'name of the environment variable that holds the API key')
    .option('--concurrency <n>', 'model requests in flight at once', positiveInteger, 4)
    .option('--instructions <text>', 'extra instructions appended to the model prompt')
    .option('--timeout <seconds>', 'seconds one model request may take (default 120); a request that times out is tried once more', seconds('--timeout', 3600))
    .option('--model-time-limit <seconds>', 'seconds of model requests for the whole run; the commits left keep the offline analysis', seconds('--model-time-limit', 86_400), 1800)
    .option('--no-cache', 'do not read or write caches (model analyses, the offline analyses of commits already read, and the walk index that lets a run walk only new history)')
    .helpOption('-h, --help', 'show this help')
    .version('0.1.0', '-V, --version')
    .allowExcessArguments(true)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, writeOut: (text) => process.stdout.write(text) });
}

function usage(detail: string): DigestError {
  return new DigestError('usage', { detail });
}

function period(flags: CliFlags): PeriodSpec {
  if (flags.date && (flags.since || flags.until)) throw usage('--date cannot be combined with --since/--until.');
  if (flags.since) return { kind: 'range', since: flags.since, until: flags.until };
  if (flags.until) throw usage('--until needs --since.');
  return { kind: 'day', day: flags.date ?? 'today' };
}

function language(flags: CliFlags): Language {
  if (flags.lang === undefined) return languageFromLocale(process.env.LC_ALL || process.env.LANG);
  if (!isLanguage(flags.lang)) throw usage(`--lang must be en or zh-CN, got "${flags.lang}".`);
  return flags.lang;
}

function format(flags: CliFlags): Format {
  if (flags.format) return flags.format;
  const extension = flags.out?.split('.').pop()?.toLowerCase();
  if (extension === 'json') return 'json';
  if (extension === 'html' || extension === 'htm') return 'html';
  return 'md';
}

/** JSON comes in parts (renderJsonParts), written as they are made: a year's report is never one string. */
const RENDERERS: Record<Format, () => Promise<(report: Report) => Text>> = {
  md: async () => (await import('../core/render/markdown.js')).renderMarkdown,
  json: async () => (await import('../core/render/json.js')).renderJsonParts,
  html: async () => (await import('../core/render/html.js')).renderHtml,
};

/** Progress goes to stderr only once a run has taken long enough to need it. */
function progressReporter(quiet: boolean): (message: string) => void {
  const startedAt = Date.now();
  return (message) => {
    if (!quiet && Date.now() - startedAt > 1000) process.stderr.write(`daily-digest: ${message}\n`);
  };
}

/** `npm run digest` runs in the package folder; relative paths mean the folder the user ran npm from. */
function invocationDir(): string {
  return process.env.INIT_CWD || process.cwd();
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  let flags: CliFlags;
  try {
    program.parse(argv, { from: 'user' });
    flags = program.opts<CliFlags>();
    if (program.args.length > 0) throw usage(`unexpected argument "${program.args[0]}": pass repositories with --repo.`);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT_OK;
      process.stderr.write(`daily-digest: ${error.message.replace(/^error: /, '')} (see --help)\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`daily-digest: ${describeError(error)}\n`);
    return EXIT_USAGE;
  }

  const controller = new AbortController();
  // During the model's requests the first Ctrl-C stops the model only, and the report is still written; a second
  // one (or one at any other time) cancels the run, and a third is left to Node (it ends the process).
  const modelStop = new AbortController();
  let modelPhase = false;
  const onSignal = (): void => controller.abort();
  const onInterrupt = (): void => {
    if (modelPhase && !modelStop.signal.aborted) {
      modelStop.abort();
      return;
    }
    process.off('SIGINT', onInterrupt);
    controller.abort();
  };
  process.on('SIGINT', onInterrupt);
  process.once('SIGTERM', onSignal);
  const progress = progressReporter(flags.quiet);
  try {
    const lang = language(flags);
    const repos = (flags.repo ?? ['.']).map((repo) => resolve(invocationDir(), repo));
    // An existing --out is refused before any work, not after the analysis (the write checks again: no race).
    const outPath = flags.out === undefined ? undefined : resolve(invocationDir(), flags.out);
    if (outPath !== undefined && !flags.force && existsSync(outPath)) throw new DigestError('output-exists', { path: outPath });
    const options: DigestOptions = {
      repos,
      period: period(flags),
      timeZone: flags.tz,
      ref: flags.ref,
      dateField: flags.dateField,
      merges: flags.merges,
      authors: flags.author ?? [],
      paths: flags.path ?? [],
      ...triageOptions(flags, repos.length),
      // Only the JSON report holds the activity calendar: the others spare its `git log`.
      activity: format(flags) === 'json',
      language: lang,
      signal: controller.signal,
      onProgress: progress,
      ...(flags.cache ? cacheFolders((await import('../core/cache/folder.js')).defaultCliCacheDir()) : {}),
    };
    const outputFormat = format(flags);
    // `git --version` (which must finish before any other git runs) starts now, while the engine loads; a failure
    // here is reported by the engine's own check.
    void (await import('../core/git/runner.js')).ensureGitVersion().catch(() => undefined);
    const { generateReport } = await import('../core/engine/generateReport.js');
    let report = await generateReport(options);
    if (flags.analyzer === 'openai-compatible') {
      const { runLlmAnalysis } = await import('./llmFlags.js');
      modelPhase = true;
      report = await runLlmAnalysis(report, flags, { run: controller.signal, stop: modelStop.signal }, progress);
      modelPhase = false;
    }
    const rendered = (await RENDERERS[outputFormat]())(report);
    // For --out the parts are made before anything is written; on stdout, as they are written.
    const text = flags.out && typeof rendered !== 'string' ? [...rendered] : rendered;
    // A Ctrl-C during the (synchronous) rendering is handled only now: it still cancels, and nothing is written.
    // On stdout, one during the writing stops it between two slices.
    await new Promise<void>((done) => setImmediate(done));
    if (controller.signal.aborted) throw new DigestError('cancelled');
    if (flags.out && outPath) {
      (await import('./writeFileAtomic.js')).writeFileAtomic(outPath, text, { force: flags.force });
      process.stderr.write(`${wroteLine(flags.out, report)}\n`);
    } else if (!(await writeStdout(text, () => controller.signal.aborted))) throw new DigestError('cancelled');
    const hint = emptyDayHint(report);
    if (hint !== undefined) process.stderr.write(`${hint}\n`);
    const failed = report.repositories.filter((repo) => repo.error);
    for (const repo of failed) process.stderr.write(`${failedRepositoryLine(repo)}\n`);
    // A partly read repository (commits whose files could not be read) is a warning: said here, exit code unchanged.
    for (const repo of report.repositories) {
      const partial = repo.error === undefined ? unreadableCommitsWarning('en', repo.commits) : undefined;
      if (partial !== undefined) process.stderr.write(`daily-digest: ${repo.path}: ${partial}\n`);
    }
    if (failed.length > 0) return EXIT_REPO_FAILED;
    if (modelStop.signal.aborted) return EXIT_CANCELLED;
    const run = report.modelRun;
    return run !== undefined && run.commits > 0 && run.analyzed === 0 ? EXIT_NO_MODEL_ANALYSIS : EXIT_OK;
  } catch (error) {
    const range = error instanceof DigestError && error.code === 'bad-range' ? error.params : undefined;
    process.stderr.write(range === undefined ? `daily-digest: ${describeError(error)}\n`
      : `daily-digest: --since ${range.since} is after --until ${range.until}: swap them.\n`);
    if (error instanceof DigestError && error.code === 'cancelled') return EXIT_CANCELLED;
    return error instanceof DigestError && isUsageError(error) ? EXIT_USAGE : EXIT_REPO_FAILED;
  } finally {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onSignal);
  }
}

/**
 * The report on stdout, through process.stdout so that a pipe whose reader is slow is waited for by the event loop.
 * A reader that went away (`daily-digest | head`) ends the run quietly: see run(). False when cancelled part-way.
 */
async function writeStdout(text: Text, cancelled: () => boolean): Promise<boolean> {
  const { writeTextToStream } = await import('./writeText.js');
  return writeTextToStream(process.stdout, text, cancelled);
}

function isUsageError(error: DigestError): boolean {
  return ['usage', 'bad-date', 'bad-range', 'bad-time-zone', 'output-exists', 'bad-config'].includes(error.code);
}

/** The program: reads process.argv, sets process.exitCode. dist/cli.js calls it; so does `tsx src/cli/program.ts`. */
export function run(): void {
  // `daily-digest | head` closes stdout early: that is the reader's choice, not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`daily-digest: ${describeError(error)}\n`);
      process.exitCode = EXIT_REPO_FAILED;
    },
  );
}

// Run when this file is the program: from source (`node --import tsx src/cli/program.ts`) or as the bundle itself. The
// command, dist/cli.js (src/cli/loader.ts), loads the bundle as a module and calls run(); tests import main().
if (require.main === module) run();

/** The CLI's folders of kept work (walk index, analyses) under the cache folder; `--no-cache` uses none. */
function cacheFolders(root: string): { walkIndexDir: string; analysisCacheDir: string } {
  return { walkIndexDir: join(root, 'walk-index'), analysisCacheDir: join(root, 'analyses') };
}
