import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DigestError, describeError } from '../../src/core/errors.js';

test('a DigestError words its cause in one line, in English and Chinese', () => {
  const error = new DigestError('unknown-ref', { ref: 'origin/nope' });
  assert.equal(error.message, 'Unknown ref "origin/nope": fetch it, or pick an existing branch, tag or commit.');
  assert.match(error.format('zh-CN'), /未知的引用“origin\/nope”/);
});

test('describeError flattens multi-line messages of foreign errors', () => {
  assert.equal(describeError(new Error('line one\n  line two')), 'line one line two');
});
