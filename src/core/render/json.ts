import type { Report } from '../model/report.js';

/**
 * Key order for every object in the report, as the model declares it. Keys shared by several
 * objects (`additions`, `name`…) keep one relative order; unknown keys follow, alphabetically.
 */
const KEY_ORDER = [
  'schemaVersion', 'generatedAt', 'window', 'language', 'repositories', 'usage',
  'start', 'end', 'timeZone', 'dateField', 'label',
  'name', 'path', 'ref', 'webUrl', 'error', 'warnings', 'stats', 'commits',
  'high', 'medium', 'low', 'authors',
  'sha', 'shortSha', 'parents', 'author', 'committer', 'email', 'date', 'subject', 'body', 'trailers', 'key', 'value',
  'prNumber', 'files', 'url', 'filesTruncated', 'filesTotal', 'unreadable', 'analysis',
  'oldPath', 'status', 'module', 'additions', 'deletions', 'binary',
  'analyzer', 'model', 'changeType', 'conventionalScope', 'importance', 'score', 'reasons', 'breaking', 'summary',
  'scope', 'insights', 'architecture', 'performance', 'security', 'risks', 'recommendations', 'notes', 'grounding',
  'dropped', 'promptTokens', 'completionTokens',
];
const RANK = new Map(KEY_ORDER.map((key, index) => [key, index]));

function compareKeys(a: string, b: string): number {
  const rankA = RANK.get(a) ?? Number.MAX_SAFE_INTEGER;
  const rankB = RANK.get(b) ?? Number.MAX_SAFE_INTEGER;
  if (rankA !== rankB) return rankA - rankB;
  return a < b ? -1 : a > b ? 1 : 0;
}

function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).sort(([a], [b]) => compareKeys(a, b));
  return Object.fromEntries(entries.map(([key, inner]) => [key, ordered(inner)]));
}

/** The Report model as pretty JSON (2 spaces, trailing newline) with a stable key order. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(ordered(report), null, 2)}\n`;
}
