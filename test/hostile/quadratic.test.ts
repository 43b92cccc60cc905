// Hostile commit text against regular expressions that backtrack: each replacement gives what the regular
// expression it replaced gave (fast-check, on text rich in the characters they react to), and a long run of
// whitespace or of `<` goes through in one pass. The old forms took seconds on 50 KB and minutes on 500 KB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseConventionalHeader } from '../../src/core/analyze/facts/conventional.js';
import { withLinkTexts, withoutHtmlComments } from '../../src/core/analyze/prose/markdownInline.js';
import { withoutPrSuffix } from '../../src/core/analyze/prose/summary.js';
import { parseMessage } from '../../src/core/git/message.js';
import { withoutTags } from '../../src/core/llm/openaiWire.js';
import { withoutTrailingAddress } from '../../src/core/render/markdownCommit.js';

const PIECES = ['[', ']', '](', '![', '<!--', '-->', '--', '\u3000', ' ', '  ', '\t', '\n', '\r', '\u00a0', '\u2028', 'a', 'Z', '(', ')', '#', '1', '42', '<', '>', ':', '!', 'feat', 'fix', '(#7)', '-', '_'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((parts) => parts.join(''));

const OLD_HEADER = /^\s*([A-Za-z][A-Za-z0-9_-]*)(?:\(([^()\r\n]*)\))?(!)?:\s+(\S.*?)\s*$/;

test('the linear forms equal the regular expressions they replaced', () => {
  fc.assert(
    fc.property(text, (value) => {
      assert.equal(withoutPrSuffix(value), value.replace(/\s*\(#\d+\)\s*$/, ''));
      assert.equal(withoutTrailingAddress(value), value.replace(/<[^>]*>\s*$/, ''));
      assert.equal(withoutTags(value), value.replace(/<[^>]*>/g, ' '));
      assert.equal(withoutHtmlComments(value), value.replace(/<!--[\s\S]*?-->/g, ''));
      assert.equal(withLinkTexts(value), value.replace(/!?\[([^\]]*)\]\([^)\s]*\)/g, '$1'));
      assert.equal(withLinkTexts(value, 'drop'), value.replace(/!?\[([^\]]*)\]\([^)\s]*\)/g, (link: string, label: string) => (link.startsWith('!') ? '' : label)));
      const old = OLD_HEADER.exec(value);
      const header = parseConventionalHeader(value);
      if (!old) assert.equal(header.type, undefined);
      else assert.deepEqual([header.type, header.scope, header.breaking, header.description],
        [old[1]!.toLowerCase(), old[2]?.trim() || undefined, old[3] === '!', old[4]]);
      assert.equal(parseMessage(value).body, parseMessage(value.replace(/\s+$/, '')).body);
    }),
    { numRuns: 20000, seed: 20261123 },
  );
});

test('hostile runs (500 KB of whitespace or "<", 200,000 unclosed comments or links) are read in one pass', { timeout: 20_000 }, () => {
  const run = ' '.repeat(500_000);
  const parsed = parseMessage(`feat: a${run}b (#12)\n\nbody${run}x\n\nCo-authored-by: ${'<'.repeat(500_000)}`);
  assert.equal(parsed.prNumber, 12);
  assert.equal(parseConventionalHeader(parsed.subject).type, 'feat');
  assert.equal(withoutPrSuffix(parsed.subject), `feat: a${run}b`);
  assert.equal(withoutTrailingAddress(`Ada${run}x`), `Ada${run}x`);
  assert.equal(withoutTrailingAddress(`${'<'.repeat(500_000)}>`), '');
  assert.equal(withoutTags(`${'<'.repeat(500_000)}x`), `${'<'.repeat(500_000)}x`);
  assert.equal(withoutHtmlComments('<!--'.repeat(200_000)), '<!--'.repeat(200_000));
  assert.equal(withLinkTexts('[a]('.repeat(200_000)), '[a]('.repeat(200_000));
  assert.equal(withLinkTexts(`${'['.repeat(500_000)}](x)`), `${'['.repeat(499_999)}`);
});

test('the model-answer checks (language share, identifiers, grounding) read hostile text in one pass', { timeout: 20_000 }, async () => {
  const { countScripts, inventedIdentifier } = await import('../../src/core/llm/index.js');
  const { collectIdentifiers, emptyIdentifierSets } = await import('../../src/core/llm/identifiers.js');
  const started = Date.now();
  assert.deepEqual(countScripts(`${'.-'.repeat(250_000)}x`), { cjk: 0, latin: 1 });
  assert.deepEqual(countScripts('`'.repeat(500_001)), { cjk: 0, latin: 0 });
  const known = emptyIdentifierSets();
  collectIdentifiers(`${'--a-'.repeat(125_000)} ${'a.'.repeat(250_000)} ${'a_'.repeat(250_000)}`, known);
  assert.ok(inventedIdentifier(`${'a::'.repeat(150_000)}bb()`, known)?.endsWith('a::bb()'), 'the unknown call is named');
  assert.equal(inventedIdentifier(`${'-'.repeat(500_000)}x`, known), undefined);
  assert.equal(inventedIdentifier('`'.repeat(500_001), known), undefined);
  assert.ok(Date.now() - started < 5000, `${Date.now() - started} ms`);
});
