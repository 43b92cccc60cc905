import type { Report } from '../model/report.js';

/**
 * Key order for every object in the report, as the model declares it. Keys shared by several
 * objects (`additions`, `name`…) keep one relative order; unknown keys follow, alphabetically.
 */
export const KEY_ORDER: readonly string[] = [
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

/**
 * The value with every object's keys in KEY_ORDER. Objects and arrays already in that order are returned as they
 * are (JSON.stringify prints them the same as a copy), so a report of 25,000 commits copies only the few objects
 * whose keys must move instead of all of them. An object that is not plain is copied, as Object.fromEntries did.
 */
function ordered(value: unknown): unknown {
  return value !== null && typeof value === 'object' ? orderedObject(value) : value;
}

function orderedObject(value: object): unknown {
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      if (item === null || typeof item !== 'object') continue;
      const next = orderedObject(item);
      if (next !== item) {
        copy ??= value.slice();
        copy[index] = next;
      }
    }
    return copy ?? value;
  }
  const keys = Object.keys(value);
  // One native call for the values (in Object.keys order) instead of a keyed lookup per property.
  const values: unknown[] = Object.values(value);
  const proto: unknown = Object.getPrototypeOf(value);
  let same = (proto === Object.prototype || proto === null) && values.length === keys.length;
  for (let index = 1; same && index < keys.length; index++) {
    if (compareKeys(keys[index - 1]!, keys[index]!) > 0) same = false;
  }
  for (let index = 0; index < values.length; index++) {
    const inner = values[index];
    if (inner === null || typeof inner !== 'object') continue;
    const next = orderedObject(inner);
    if (next !== inner) {
      values[index] = next;
      same = false;
    }
  }
  if (same) return value;
  const entries = keys.map((key, index): [string, unknown] => [key, values[index]]);
  entries.sort(([a], [b]) => compareKeys(a, b));
  return Object.fromEntries(entries);
}

/** The Report model as pretty JSON (2 spaces, trailing newline) with a stable key order. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(ordered(report), null, 2)}\n`;
}
