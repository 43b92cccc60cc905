import type { ChangeType } from '../../domain/analysis.js';
import type { Commit } from '../../domain/commit.js';
import { breakingFooter, parseConventionalHeader } from './conventional.js';
import type { ConventionalHeader } from './conventional.js';
import { classifyFile, UNREVIEWED_KINDS } from './fileClasses.js';
import type { ClassifiedFile, FileKind, FileTrait } from './fileClasses.js';
import { compareText } from './modules.js';
import { AREA_PREFIXES, CONVENTIONAL_TYPES } from '../verdict/typeRules.js';

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

/** The facts of a commit; `files` is classifiedFiles(commit) when the caller has it already. */
export function collectFacts(commit: Commit, files: ClassifiedFile[] = classifiedFiles(commit)): CommitFacts {
  const header = parseConventionalHeader(commit.subject);
  const conventionalType = header.type === undefined ? undefined : CONVENTIONAL_TYPES[header.type];
  const description = conventionalType ? header.description : stripAreaPrefix(commit.subject.trim());
  const breakingText = breakingFooter(commit);
  const summed = { files: 0, additions: 0, deletions: 0 };
  for (const file of commit.files) {
    summed.files += 1;
    summed.additions += file.additions;
    summed.deletions += file.deletions;
  }
  const reviewable = { additions: 0, deletions: 0 };
  for (const item of files) {
    if (item.kind !== undefined && UNREVIEWED_KINDS.has(item.kind)) continue;
    reviewable.additions += item.file.additions;
    reviewable.deletions += item.file.deletions;
  }
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
  const files = commit.files.map((file) => classifyFile(file));
  return files.length > 1 ? files.sort((a, b) => compareText(a.file.path, b.file.path)) : files;
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
  let files = 0;
  let lines = 0;
  for (const item of facts.files) {
    if (item.kind !== 'source') continue;
    files += 1;
    lines += item.file.additions + item.file.deletions;
  }
  return { files, lines };
}

/** The path of the first file (in path order) with `trait`, if any. */
export function firstPathWithTrait(facts: CommitFacts, trait: FileTrait): string | undefined {
  for (const item of facts.files) {
    if (item.traits.has(trait)) return item.file.path;
  }
  return undefined;
}
