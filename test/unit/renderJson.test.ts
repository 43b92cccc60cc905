import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderJson, reportJsonSchema, reportSchema } from '../../src/core/render/index.js';
import { KEY_ORDER } from '../../src/core/render/json.js';
import type { Report } from '../../src/core/domain/report.js';
import { sampleReport } from '../support/sampleReport.js';
import { sampleWeekReport } from '../support/sampleTriage.js';
import { triageOf } from '../../src/core/report/triage.js';
import { activityCalendar } from '../../src/core/report/days.js';

type Schema = Record<string, unknown>;

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description']);
const KEYWORDS = new Set(['type', 'const', 'enum', 'properties', 'required', 'additionalProperties', 'items',
  'minimum', 'maximum', 'exclusiveMinimum']);

/**
 * A validator for the JSON Schema keywords reportJsonSchema uses. It refuses any keyword it does not
 * know, so a schema change cannot silently weaken this test.
 */
function validate(schema: Schema, value: unknown, path = '$'): string[] {
  for (const keyword of Object.keys(schema)) {
    if (!KEYWORDS.has(keyword) && !ANNOTATIONS.has(keyword)) throw new Error(`${path}: unsupported keyword ${keyword}`);
  }
  const problems: string[] = [];
  const type = schema.type;
  const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  if (type !== undefined) {
    const fits = type === 'integer' ? Number.isInteger(value) : type === actual;
    if (!fits) return [`${path}: expected ${String(type)}, got ${actual}`];
  }
  if ('const' in schema && value !== schema.const) problems.push(`${path}: expected ${String(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) problems.push(`${path}: ${String(value)} not in enum`);
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) problems.push(`${path}: below minimum`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) problems.push(`${path}: above maximum`);
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) problems.push(`${path}: not above minimum`);
  }
  if (Array.isArray(value) && schema.items !== undefined) {
    value.forEach((item, index) => problems.push(...validate(schema.items as Schema, item, `${path}[${index}]`)));
  }
  if (actual === 'object' && typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[]) {
      if (!(key in record)) problems.push(`${path}: missing ${key}`);
    }
    for (const [key, child] of Object.entries(record)) {
      const childSchema = properties[key];
      if (childSchema !== undefined) problems.push(...validate(childSchema, child, `${path}.${key}`));
      else if (schema.additionalProperties === false) problems.push(`${path}: unexpected ${key}`);
    }
  }
  return problems;
}

test('renderJson output validates against reportJsonSchema (and the zod schema it came from)', () => {
  for (const language of ['en', 'zh-CN'] as const) {
    const parsed: unknown = JSON.parse(renderJson(sampleReport(language)));
    assert.deepEqual(validate(reportJsonSchema, parsed), []);
    assert.equal(reportSchema.safeParse(parsed).success, true);
  }
});

test('every optional model field is in the schema', () => {
  const report = sampleReport('en');
  const commit = report.repositories[0]?.commits[0];
  assert.ok(commit);
  commit.filesTruncated = true;
  commit.filesTotal = { files: 9000, additions: 1, deletions: 2 };
  commit.files[0] = { ...commit.files[0], path: 'b', oldPath: 'a', status: 'R', additions: 0, deletions: 0, binary: true };
  commit.analysis.grounding = { dropped: 0, reasons: [] };
  report.repositories[0] = { ...report.repositories[0]!, error: 'x' };
  assert.deepEqual(validate(reportJsonSchema, JSON.parse(renderJson(report))), []);
});

test('the schema rejects what the model forbids', () => {
  const report = JSON.parse(renderJson(sampleReport('en'))) as Record<string, unknown>;
  assert.deepEqual(validate(reportJsonSchema, { ...report, schemaVersion: 2 }), ['$.schemaVersion: expected 1']);
  assert.deepEqual(validate(reportJsonSchema, { ...report, extra: true }), ['$: unexpected extra']);
  const { generatedAt: _dropped, ...missing } = report;
  void _dropped;
  assert.deepEqual(validate(reportJsonSchema, missing), ['$: missing generatedAt']);
  const badImportance = sampleReport('en');
  const commit = badImportance.repositories[0]?.commits[0];
  assert.ok(commit);
  (commit.analysis as { importance: string }).importance = 'urgent';
  assert.deepEqual(validate(reportJsonSchema, JSON.parse(renderJson(badImportance))),
    ['$.repositories[0].commits[0].analysis.importance: urgent not in enum']);
});

test('renderJson round-trips the Report exactly: indented, one line per commit, with a trailing newline', () => {
  const report = sampleReport('zh-CN');
  // A repository without commits and one that failed print as the rest of the envelope does.
  report.repositories.push({ ...report.repositories[0]!, name: 'o/empty', commits: [] }, { ...report.repositories[0]!, name: 'o/failed', commits: [], error: 'not a git repository' });
  const json = renderJson(report);
  assert.deepEqual(JSON.parse(json) as Report, report);
  assert.ok(json.endsWith('}\n'));
  assert.match(json, /^\{\n {2}"schemaVersion": 1,\n {2}"generatedAt": /);
  const lines = json.split('\n');
  // Each commit is one line, in order, and parses alone to the commit.
  const commits = report.repositories.flatMap((repository) => repository.commits);
  assert.ok(commits.length >= 2);
  const commitLines = lines.filter((line) => line.startsWith('        {"sha":'));
  assert.equal(commitLines.length, commits.length);
  commitLines.forEach((line, index) => assert.deepEqual(JSON.parse(line.replace(/,$/, '')), commits[index]));
  // Everything else is laid out exactly as JSON.stringify(…, null, 2) lays it out: a non-empty commits array adds
  // its lines and its closing bracket's.
  const withoutCommits = { ...report, repositories: report.repositories.map((repository) => ({ ...repository, commits: [] })) };
  const envelope = renderJson(withoutCommits);
  assert.equal(envelope, `${JSON.stringify(JSON.parse(envelope), null, 2)}\n`);
  const nonEmpty = report.repositories.filter((repository) => repository.commits.length > 0).length;
  assert.equal(lines.length, envelope.split('\n').length + commits.length + nonEmpty);
});

test('key order is stable: the model order, whatever order the object was built in', () => {
  const report = sampleReport('en');
  const shuffled = JSON.parse(JSON.stringify(report, Object.keys(flattenKeys(report)).reverse())) as Report;
  const reversed = reverseKeys(report) as Report;
  assert.equal(renderJson(reversed), renderJson(report));
  assert.equal(renderJson(shuffled), renderJson(report));
  const json = renderJson(report);
  const analysisKeys = Object.keys((JSON.parse(json) as Report).repositories[0]?.commits[0]?.analysis ?? {});
  assert.deepEqual(analysisKeys.slice(0, 5), ['analyzer', 'changeType', 'importance', 'score', 'reasons']);
  const windowKeys = Object.keys((JSON.parse(json) as Report).window);
  assert.deepEqual(windowKeys, ['start', 'end', 'timeZone', 'dateField', 'label']);
});

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, inner]) => [key, reverseKeys(inner)]));
}

function flattenKeys(value: unknown, into: Record<string, true> = {}): Record<string, true> {
  if (Array.isArray(value)) value.forEach((item) => flattenKeys(item, into));
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      into[key] = true;
      flattenKeys(inner, into);
    }
  }
  return into;
}

/** renderJson as it was before objects already in order were left uncopied: every object rebuilt in key order. */
function copyingRenderJson(report: unknown): string {
  const rank = (key: string): number => (KEY_ORDER.includes(key) ? KEY_ORDER.indexOf(key) : Number.MAX_SAFE_INTEGER);
  const ordered = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(ordered);
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value).sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, inner]) => [key, ordered(inner)]));
  };
  return `${JSON.stringify(ordered(report), null, 2)}\n`;
}

test('objects in order are printed as they are, the rest as sorted copies: same text as copying every object', () => {
  const report = sampleReport('en');
  const commit = report.repositories[0]!.commits[0]!;
  const { prNumber: _number, files: _files, ...withoutNumber } = commit;
  // Out of order (prNumber after files, as the log parser builds it), unknown keys, holes, a Date, a class, undefined.
  const messy = {
    ...report,
    zeta: 1,
    alpha: { b: [1, , 3], a: new Date(0), 10: 'ten', 9: 'nine' },
    extra: new (class Point { constructor(public y = 2, public x = 1) {} })(),
    missing: undefined,
    repositories: [{ ...report.repositories[0]!, commits: [{ ...withoutNumber, files: commit.files, prNumber: 12 }, commit] }],
  };
  const before = JSON.stringify(messy);
  // Same keys in the same order (the layout is renderJson's own: see the round-trip test).
  const relaidOut = (json: string): string => `${JSON.stringify(JSON.parse(json), null, 2)}\n`;
  assert.equal(relaidOut(renderJson(messy as unknown as Report)), copyingRenderJson(messy));
  assert.equal(relaidOut(renderJson(report)), copyingRenderJson(report));
  assert.equal(JSON.stringify(messy), before, 'the input is not changed');
});

test('the triage fields validate, and each of their objects keeps the order its type declares', () => {
  const report = sampleWeekReport('zh-CN');
  report.repositories = report.repositories.map((repository) => ({
    ...repository,
    ...triageOf(repository.commits, { language: report.language, window: report.window }),
    activity: activityCalendar([Date.parse('2026-01-21T10:00:00Z') / 1000], { from: '2026-01-20', to: '2026-01-22' }, 'UTC'),
    lastCommitDay: '2026-01-22',
  }));
  const json = renderJson(report);
  const parsed = JSON.parse(json) as Report;
  assert.deepEqual(validate(reportJsonSchema, parsed), []);
  assert.equal(reportSchema.safeParse(parsed).success, true);
  const repository = parsed.repositories[0]!;
  assert.deepEqual(Object.keys(parsed).slice(3, 6), ['language', 'order', 'repositories']);
  assert.deepEqual(Object.keys(repository), ['name', 'path', 'ref', 'webUrl', 'webKind', 'warnings', 'stats', 'commits',
    'glance', 'groups', 'days', 'activity', 'lastCommitDay']);
  assert.deepEqual(Object.keys(repository.glance!), ['headline', 'more', 'commits', 'high', 'medium', 'low', 'breakingChanges',
    'types', 'modules', 'authors', 'otherAuthors']);
  assert.deepEqual(Object.keys(repository.glance!.headline[0]!), ['sha', 'importance', 'breaking', 'gist', 'details']);
  assert.deepEqual(Object.keys(repository.glance!.types[0]!), ['type', 'commits']);
  assert.deepEqual(Object.keys(repository.glance!.modules[0]!), ['name', 'commits', 'additions', 'deletions']);
  assert.deepEqual(Object.keys(repository.groups![0]!), ['kind', 'author', 'shas', 'dependencyUpdates', 'updates', 'moreUpdates']);
  assert.deepEqual(Object.keys(repository.groups![0]!.updates[0]!), ['name', 'version']);
  assert.deepEqual(Object.keys(repository.days![0]!), ['day', 'commits', 'high', 'medium', 'low', 'shas']);
  assert.deepEqual(repository.activity, { from: '2026-01-20', to: '2026-01-22', counts: [0, 1, 0] });
  // Built in declaration order, the triage objects are printed without being copied (json.ts `ordered`).
  assert.equal(json, renderJson(JSON.parse(json) as Report));
});
