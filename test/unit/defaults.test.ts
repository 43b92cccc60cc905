// package.json's settings repeat the defaults the code takes from one module each (VS Code reads them there):
// these checks keep the two in step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DATE_FIELDS, DEFAULT_READ_OPTIONS, DEFAULT_TRIAGE_SETTINGS, MERGE_MODES } from '../../src/core/domain/defaults.js';
import { WEB_KINDS } from '../../src/core/domain/web.js';
import { DEFAULT_BOT_PATTERNS } from '../../src/core/report/groups.js';
import {
  ANALYZER_SETTINGS, DEFAULT_BASE_URL, DEFAULT_CONCURRENCY, MAX_CONCURRENCY, MAX_DIFF_BUDGET_TOKENS, MIN_CONCURRENCY,
  MIN_DIFF_BUDGET_TOKENS,
} from '../../src/extension/llm/config.js';
import { DEFAULT_DIFF_BUDGET_TOKENS } from '../../src/core/llm/prompt.js';

interface SettingSchema {
  default?: unknown;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  contributes: { configuration: { properties: Record<string, SettingSchema> } };
};
const setting = (name: string): SettingSchema => {
  const schema = manifest.contributes.configuration.properties[`dailyDigest.${name}`];
  assert.ok(schema, `package.json has no dailyDigest.${name}`);
  return schema;
};

test('the read-option settings default to DEFAULT_READ_OPTIONS and offer its choices', () => {
  assert.equal(setting('ref').default, DEFAULT_READ_OPTIONS.ref);
  assert.equal(setting('dateField').default, DEFAULT_READ_OPTIONS.dateField);
  assert.deepEqual(setting('dateField').enum, [...DATE_FIELDS]);
  assert.equal(setting('merges').default, DEFAULT_READ_OPTIONS.merges);
  assert.deepEqual(setting('merges').enum, [...MERGE_MODES]);
  assert.deepEqual(setting('authors').default, DEFAULT_READ_OPTIONS.authors);
  assert.deepEqual(setting('paths').default, DEFAULT_READ_OPTIONS.paths);
});

test('the language-model settings default to the values their code falls back to', () => {
  assert.equal(setting('analyzer').default, 'heuristic');
  assert.deepEqual(setting('analyzer').enum, [...ANALYZER_SETTINGS]);
  assert.equal(setting('openai.baseUrl').default, DEFAULT_BASE_URL);
  assert.deepEqual([setting('lm.concurrency').default, setting('lm.concurrency').minimum, setting('lm.concurrency').maximum],
    [DEFAULT_CONCURRENCY, MIN_CONCURRENCY, MAX_CONCURRENCY]);
  assert.deepEqual([setting('lm.diffBudgetTokens').default, setting('lm.diffBudgetTokens').minimum, setting('lm.diffBudgetTokens').maximum],
    [DEFAULT_DIFF_BUDGET_TOKENS, MIN_DIFF_BUDGET_TOKENS, MAX_DIFF_BUDGET_TOKENS]);
});

test('the triage settings default to DEFAULT_TRIAGE_SETTINGS: the CLI\'s bot patterns, refresh and notice on', () => {
  assert.deepEqual(setting('excludeAuthors').default, DEFAULT_TRIAGE_SETTINGS.excludeAuthors);
  assert.deepEqual(setting('botPatterns').default, DEFAULT_TRIAGE_SETTINGS.botPatterns);
  assert.deepEqual(DEFAULT_TRIAGE_SETTINGS.botPatterns, DEFAULT_BOT_PATTERNS);
  assert.equal(setting('autoRefresh').default, DEFAULT_TRIAGE_SETTINGS.autoRefresh);
  assert.equal(setting('notifyNewHighImportance').default, DEFAULT_TRIAGE_SETTINGS.notifyNewHighImportance);
  assert.equal(setting('webUrl').default, DEFAULT_TRIAGE_SETTINGS.webUrl);
  assert.equal(setting('webKind').default, DEFAULT_TRIAGE_SETTINGS.webKind);
  assert.deepEqual(setting('webKind').enum, ['', ...WEB_KINDS]);
});
