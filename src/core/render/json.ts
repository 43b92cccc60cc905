import type { Report } from '../domain/report.js';

/**
 * Key order for every object in the report, as the model declares it. Keys shared by several
 * objects (`additions`, `name`…) keep one relative order; unknown keys follow, alphabetically.
 */
export const KEY_ORDER: readonly string[] = [
  'schemaVersion', 'generatedAt', 'window', 'language', 'modelRun', 'order', 'repositories', 'usage',
  'start', 'end', 'timeZone', 'dateField', 'label',
  'name', 'path', 'ref', 'webUrl', 'webKind', 'error', 'warnings', 'stats', 'modelHeadline', 'headline', 'more', 'day', 'type', 'commits',
  'analyzed', 'glance', 'groups', 'days', 'activity', 'lastCommitDay',
  'high', 'medium', 'low', 'breakingChanges', 'types', 'modules', 'authors', 'otherAuthors',
  'kind', 'sha', 'shortSha', 'parents', 'author', 'shas', 'dependencyUpdates', 'updates', 'moreUpdates',
  'committer', 'email', 'date', 'subject', 'body', 'trailers', 'key', 'value',
  'prNumber', 'files', 'url', 'filesTruncated', 'filesTotal', 'unreadable', 'analysis',
  'oldPath', 'status', 'module', 'additions', 'deletions', 'binary',
  'analyzer', 'model', 'text', 'changeType', 'conventionalScope', 'importance', 'score', 'reasons', 'breaking', 'gist', 'details',
  'summary', 'scope', 'insights', 'architecture', 'performance', 'security', 'risks', 'recommendations', 'notes',
  'grounding', 'dropped', 'promptTokens', 'completionTokens', 'fallback', 'cause', 'facts',
  'cached', 'offline', 'causes', 'stopped', 'version', 'from', 'to', 'counts',
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

/**
 * The Report (src/core/domain) as JSON with a stable key order and a trailing newline: indented by two spaces, except that each
 * commit is one line. A year of 25,000 commits is 26 MB instead of 46 MB pretty-printed; `grep` finds a commit's whole
 * record, and a line diff of two reports shows which commits changed.
 */
export function renderJson(report: Report): string {
  return [...renderJsonParts(report)].join('');
}

/**
 * renderJson's text as parts, in order, made as they are asked for: the envelope's pieces and one part per commit
 * line. The CLI writes them as they come, so a year's report never exists as one string, and printing overlaps
 * writing.
 */
export function* renderJsonParts(report: Report): Generator<string> {
  const commitsOneALine: Special = (key, value, indent) =>
    key === 'commits' && Array.isArray(value) ? arrayParts(value, indent, (commit) => [JSON.stringify(commit)]) : undefined;
  const repositories: Special = (key, value, indent) =>
    key === 'repositories' && Array.isArray(value)
      ? arrayParts(value, indent, (repository, inner) => objectParts(repository as Record<string, unknown>, inner, commitsOneALine))
      : undefined;
  yield* objectParts(ordered(report) as Record<string, unknown>, '', repositories);
  yield '\n';
}

/** The parts of a member's value when it is not pretty-printed, or undefined for the pretty default. */
type Special = (key: string, value: unknown, indent: string) => Iterable<string> | undefined;

/** `value` as JSON.stringify(value, null, 2) prints it, starting at `indent` (JSON text has no raw newline in a string). */
function pretty(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2).replaceAll('\n', `\n${indent}`);
}

/** An object as pretty JSON at `indent`, but for the members `special` prints; skips what JSON.stringify skips. */
function* objectParts(object: Record<string, unknown>, indent: string, special: Special): Generator<string> {
  const inner = `${indent}  `;
  let first = true;
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    yield `${first ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* special(key, value, inner) ?? [pretty(value, inner)];
  }
  yield first ? '{}' : `\n${indent}}`;
}

/** An array at `indent`, one item a line, each item's parts made by `item`. */
function* arrayParts(items: unknown[], indent: string, item: (value: unknown, indent: string) => Iterable<string>): Generator<string> {
  if (items.length === 0) {
    yield '[]';
    return;
  }
  const inner = `${indent}  `;
  for (let index = 0; index < items.length; index++) {
    yield `${index === 0 ? '[\n' : ',\n'}${inner}`;
    yield* item(items[index], inner);
  }
  yield `\n${indent}]`;
}
