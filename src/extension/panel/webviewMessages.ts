// Validation of messages coming from the report webview. Pure (no vscode) so it is unit-tested directly.
// The webview is treated as untrusted: its content comes from commit messages, so a message is only acted on when
// it has a known type and arguments that name something in the CURRENT report. Nothing here runs commands.
import type { FileChange } from '../../core/domain/commit.js';
import type { AnalyzedCommit, Report, RepositoryReport } from '../../core/domain/report.js';
import { findCommit, findFile, indexReport, type IndexedCommit, type ReportIndex } from '../../shared/reportIndex.js';

export type WebviewAction =
  | { kind: 'ready' }
  | { kind: 'refresh' }
  | { kind: 'export' }
  | { kind: 'copyMarkdown' }
  | { kind: 'openCommit'; repo: RepositoryReport; commit: AnalyzedCommit }
  | { kind: 'openFile'; repo: RepositoryReport; commit: AnalyzedCommit; file: FileChange }
  | { kind: 'openFact'; repo: RepositoryReport; commit: AnalyzedCommit; file: FileChange; line: number; side: 'old' | 'new' }
  | { kind: 'openExternal'; url: string }
  /** The commits, each once, as the report holds them (full SHAs). */
  | { kind: 'markReviewed'; commits: IndexedCommit[]; reviewed: boolean }
  | { kind: 'openDay'; day: string }
  | { kind: 'previousDay' }
  | { kind: 'nextDay' };

export type ValidationResult = { ok: true; action: WebviewAction } | { ok: false; reason: string };

const MAX_SHA = 64;
const MAX_PATH = 4096;
const MAX_URL = 2048;
/** Lines of a file a fact may point at; more than any file a diff editor opens. */
const MAX_LINE = 10_000_000;
/** Commits one markReviewed may name: a folded group of a year's bot commits fits. */
const MAX_MARKED = 10_000;

const ALLOWED_KEYS: Record<string, readonly string[]> = {
  ready: [],
  refresh: [],
  export: [],
  copyMarkdown: [],
  openCommit: ['sha', 'repo'],
  openFile: ['sha', 'path', 'repo'],
  openFact: ['sha', 'path', 'line', 'side', 'repo'],
  openExternal: ['url'],
  markReviewed: ['shas', 'reviewed', 'repo'],
  openDay: ['day'],
  previousDay: [],
  nextDay: [],
};

function refuse(reason: string): ValidationResult {
  return { ok: false, reason };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) &&
    (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);
}

/** A repository-relative git path that cannot point outside the repository. */
export function isSafeRelativePath(path: string): boolean {
  if (path === '' || path.length > MAX_PATH) return false;
  if (/[\u0000-\u001f]/.test(path)) return false;
  if (path.startsWith('/') || path.startsWith('\\') || /^[a-zA-Z]:/.test(path)) return false;
  return path.split(/[\\/]/).every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** The URL, normalized, when it is an absolute http(s) URL without credentials; else undefined. */
export function safeExternalUrl(value: string): string | undefined {
  if (value.length > MAX_URL) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username !== '' || url.password !== '' || url.hostname === '') return undefined;
  return url.href;
}

/** A real calendar day written `YYYY-MM-DD` (years 1970-9999). */
export function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1970) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Checks one message against the report currently shown. `index` may be passed to avoid re-indexing.
 * Returns the action with the report's own objects (never the message's strings) for commits and files.
 */
export function validateWebviewMessage(message: unknown, report: Report | undefined, index?: ReportIndex): ValidationResult {
  if (!isRecord(message)) return refuse('not an object');
  const type = message['type'];
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(ALLOWED_KEYS, type)) {
    return refuse(`unknown message type ${JSON.stringify(String(type)).slice(0, 60)}`);
  }
  const allowed = ALLOWED_KEYS[type] ?? [];
  const extra = Object.keys(message).filter((key) => key !== 'type' && !allowed.includes(key));
  if (extra.length > 0) return refuse(`unexpected field(s) ${extra.join(', ').slice(0, 80)} in ${type}`);

  switch (type) {
    case 'ready':
    case 'refresh':
    case 'export':
    case 'copyMarkdown':
    case 'previousDay':
    case 'nextDay':
      return { ok: true, action: { kind: type } };
    case 'openDay': {
      const day = message['day'];
      return typeof day === 'string' && isCalendarDay(day)
        ? { ok: true, action: { kind: 'openDay', day } }
        : refuse('openDay without a valid YYYY-MM-DD day');
    }
    case 'markReviewed':
      return validateMarkReviewed(message, report, index);
    case 'openExternal': {
      const url = message['url'];
      if (typeof url !== 'string') return refuse('openExternal without a url');
      const safe = safeExternalUrl(url);
      return safe === undefined ? refuse('only http(s) URLs without credentials are opened') : { ok: true, action: { kind: 'openExternal', url: safe } };
    }
    case 'openCommit':
    case 'openFile':
    case 'openFact': {
      if (report === undefined) return refuse('no report is shown');
      const sha = message['sha'];
      if (typeof sha !== 'string' || sha.length > MAX_SHA) return refuse(`${type} without a valid sha`);
      const repo = message['repo'];
      if (repo !== undefined && (typeof repo !== 'number' || !Number.isSafeInteger(repo) || repo < 0 ||
        repo >= report.repositories.length)) {
        return refuse(`${type} with an invalid repository index`);
      }
      const found = findCommit(index ?? indexReport(report), sha, repo);
      if (found === undefined) return refuse(`commit ${sha.slice(0, 16)} is not in the current report`);
      if (type === 'openCommit') return { ok: true, action: { kind: 'openCommit', repo: found.repo, commit: found.commit } };
      const path = message['path'];
      if (typeof path !== 'string' || !isSafeRelativePath(path)) return refuse('openFile with an unsafe path');
      const file = findFile(found.commit, path);
      if (file === undefined) return refuse(`${path.slice(0, 200)} is not a file of commit ${found.commit.shortSha}`);
      if (type === 'openFile') return { ok: true, action: { kind: 'openFile', repo: found.repo, commit: found.commit, file } };
      const line = message['line'];
      if (typeof line !== 'number' || !Number.isSafeInteger(line) || line < 1 || line > MAX_LINE) {
        return refuse('openFact without a valid line');
      }
      const side = message['side'] ?? 'new';
      if (side !== 'old' && side !== 'new') return refuse('openFact with a side other than old or new');
      return { ok: true, action: { kind: 'openFact', repo: found.repo, commit: found.commit, file, line, side } };
    }
    default:
      return refuse('unknown message type');
  }
}

function validateMarkReviewed(message: Record<string, unknown>, report: Report | undefined, index?: ReportIndex): ValidationResult {
  if (report === undefined) return refuse('no report is shown');
  const shas = message['shas'];
  const reviewed = message['reviewed'];
  if (typeof reviewed !== 'boolean') return refuse('markReviewed without reviewed: true or false');
  if (!Array.isArray(shas) || shas.length === 0 || shas.length > MAX_MARKED) return refuse('markReviewed without shas');
  const repo = message['repo'];
  if (repo !== undefined && (typeof repo !== 'number' || !Number.isSafeInteger(repo) || repo < 0 ||
    repo >= report.repositories.length)) {
    return refuse('markReviewed with an invalid repository index');
  }
  const reportIndex = index ?? indexReport(report);
  const commits = new Map<string, IndexedCommit>();
  for (const sha of shas) {
    if (typeof sha !== 'string' || sha.length > MAX_SHA) return refuse('markReviewed with an invalid sha');
    const found = findCommit(reportIndex, sha, repo);
    if (found === undefined) return refuse(`commit ${sha.slice(0, 16)} is not in the current report`);
    commits.set(`${found.repoIndex}:${found.commit.sha}`, found);
  }
  return { ok: true, action: { kind: 'markReviewed', commits: [...commits.values()], reviewed } };
}
