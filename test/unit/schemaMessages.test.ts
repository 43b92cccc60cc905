import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseUserRules } from '../../src/core/analyze/verdict/userRulesSchema.js';
import { parseModelOutput } from '../../src/core/llm/schema.js';

// The schemas use zod/mini, which has no messages of its own ("Invalid input" for everything) unless given the
// English locale. These are the messages full zod gave; users read them in rule errors, models in retries.

const detail = (rule: unknown): string | undefined => parseUserRules([rule], 'settings').error?.message;

describe('rule validation messages', () => {
  const cases: [string, unknown, string][] = [
    ['a bad enum value', { match: { paths: ['a/**'] }, importance: 'urgent' },
      'rules[0].importance: Invalid option: expected one of "high"|"medium"|"low"'],
    ['an unknown key', { match: { paths: ['a/**'] }, importnce: 'high' }, 'rules[0]: Unrecognized key: "importnce"'],
    ['a wrong type', { match: { paths: [3] }, score: 1 }, 'rules[0].match.paths[0]: Invalid input: expected string, received number'],
    ['a number too large', { match: { paths: ['a'] }, score: 1000 }, 'rules[0].score: Too big: expected number to be <=100'],
    ['an infinite number', { match: { paths: ['a'] }, score: Infinity }, 'rules[0].score: Invalid input: expected number, received Infinity'],
    ['a string too long', { match: { paths: ['a'] }, reason: 'r'.repeat(201) },
      'rules[0].reason: Too big: expected string to have <=200 characters'],
    ['a missing object', { score: 1 }, 'rules[0].match: Invalid input: expected object, received undefined'],
    ['a custom message', { match: { paths: [' '] }, score: 1 }, 'rules[0].match.paths[0]: empty glob'],
    ['a refinement', { match: { paths: ['a'] } }, 'rules[0]: needs importance, changeType, score or reason'],
    ['a bad regex', { match: { message: '(a+)+' }, score: 1 }, 'rules[0].match.message: nested quantifiers like (a+)+ are not allowed'],
  ];
  for (const [name, rule, expected] of cases) {
    it(`names ${name}`, () => assert.equal(detail(rule), `Invalid settings: ${expected}.`));
  }

  it('trims, drops undefined keys and keeps the valid rules', () => {
    const parsed = parseUserRules([{ match: { paths: [' a/** '], types: ['fix'] }, reason: ' why ', score: undefined }], 'settings');
    assert.deepEqual(parsed, { rules: [{ match: { paths: ['a/**'], types: ['fix'] }, reason: 'why' }] });
  });
});

describe('model answer validation messages', () => {
  const answer = {
    changeType: 'fix', importance: 'high', reasons: ['r', ' '], summary: 'Does a thing.',
    insights: { architecture: [], performance: [], security: [] }, risks: [], recommendations: [],
  };

  it('accepts an answer, dropping blank and extra list items', () => {
    const outcome = parseModelOutput(JSON.stringify({ ...answer, risks: ['a', 'b', 'c', 'd', 'e', 'f'] }));
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.value.reasons, ['r']);
    assert.equal(outcome.value.risks.length, 5);
  });

  it('explains a wrong answer in zod\'s English', () => {
    const outcome = parseModelOutput(JSON.stringify({ ...answer, summary: `${'s'.repeat(700)}.`, reasons: 'y', breaking: 'yes' }));
    assert.deepEqual(outcome, {
      ok: false,
      kind: 'invalid-shape',
      error: 'breaking: Invalid input: expected boolean, received string; reasons: Invalid input: expected array, received string; '
        + 'summary: Too big: expected string to have <=600 characters',
    });
  });
});
