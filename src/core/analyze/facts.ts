import type { ChangeType } from '../model/analysis.js';
import type { Commit } from '../model/commit.js';
import { breakingFooter, parseConventionalHeader } from './conventional.js';
import type { ConventionalHeader } from './conventional.js';
import { classifyFile, UNREVIEWED_KINDS } from './fileClasses.js';
import type { ClassifiedFile, FileKind, FileTrait } from './fileClasses.js';
import { compareText } from './modules.js';
import { AREA_PREFIXES, CONVENTIONAL_TYPES } from './typeRules.js';

/** Message text longer than this is not scanned (keywords, bumps): bounded work on huge messages. */
const MAX_SCANNED_MESSAGE = 8000;

export interface Totals {
  files: number;
  additions: number;
  deletions: number;
}

/** Everything the rules look at, computed once per commit. */
export interface CommitFacts {
  commit: Commit;
  header: ConventionalHeader;
  /** The header type mapped to a change type, when the header is conventional. */
  conventionalType?: ChangeType;
  /** The subject without its `type(scope):` or `area:` prefix. */
  description: string;
  breaking: boolean;
  /** The `BREAKING CHANGE:` footer text, when there is one. */
  breakingText?: string;
  /** Subject and body, bounded. */
  message: string;
  files: ClassifiedFile[];
  /** Whole-commit numbers (Commit.filesTotal when the file list was cut short). */
  totals: Totals;
  /** Churn without vendored, generated and lock files. */
  reviewable: { additions: number; deletions: number };
}

export function collectFacts(commit: Commit): CommitFacts {
  const header = parseConventionalHeader(commit.subject);
  const conventionalType = header.type === undefined ? undefined : CONVENTIONAL_TYPES[header.type];
  const description = conventionalType ? header.description : stripAreaPrefix(commit.subject.trim());
  const breakingText = breakingFooter(commit);
  const files = classifiedFiles(commit);
  const summed = commit.files.reduce(
    (sum, file) => ({ files: sum.files + 1, additions: sum.additions + file.additions, deletions: sum.deletions + file.deletions }),
    { files: 0, additions: 0, deletions: 0 },
  );
  const reviewable = files
    .filter((item) => item.kind === undefined || !UNREVIEWED_KINDS.has(item.kind))
    .reduce((sum, item) => ({ additions: sum.additions + item.file.additions, deletions: sum.deletions + item.file.deletions }), {
      additions: 0,
      deletions: 0,
    });
  return {
    commit,
    header,
    ...(conventionalType ? { conventionalType } : {}),
    description,
    breaking: (conventionalType !== undefined && header.breaking) || breakingText !== undefined,
    ...(breakingText !== undefined ? { breakingText } : {}),
    message: `${commit.subject}\n\n${commit.body}`.slice(0, MAX_SCANNED_MESSAGE),
    files,
    totals: commit.filesTotal ?? summed,
    reviewable,
  };
}

/** The commit's files with their classes, sorted by path (CommitFacts.files). */
export function classifiedFiles(commit: Commit): ClassifiedFile[] {
  return commit.files.map(classifyFile).sort((a, b) => compareText(a.file.path, b.file.path));
}

function stripAreaPrefix(subject: string): string {
  for (const pattern of AREA_PREFIXES) {
    const match = pattern.exec(subject);
    if (match) return match[1]!;
  }
  return subject;
}

/** True when the commit has files and every one has one of `kinds`. */
export function everyFileIs(facts: CommitFacts, kinds: readonly string[]): boolean {
  return facts.files.length > 0 && facts.files.every((item) => item.kind !== undefined && kinds.includes(item.kind));
}

export function filesOfKind(facts: Pick<CommitFacts, 'files'>, kind: FileKind): ClassifiedFile[] {
  return facts.files.filter((item) => item.kind === kind);
}

export function filesWithTrait(facts: CommitFacts, trait: FileTrait): ClassifiedFile[] {
  return facts.files.filter((item) => item.traits.has(trait));
}

export function pathsOf(files: readonly ClassifiedFile[]): string[] {
  return files.map((item) => item.file.path);
}

/** Source files and their churn. */
export function sourceChurn(facts: CommitFacts): { files: number; lines: number } {
  const source = filesOfKind(facts, 'source');
  return { files: source.length, lines: source.reduce((sum, item) => sum + item.file.additions + item.file.deletions, 0) };
}
