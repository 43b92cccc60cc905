import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeMarkdownText, escapeProse, escapeTableCell, inlineCode, safeHttpUrl, toOneLine } from '../../src/core/render/escape.js';
import { markdownToHtml } from '../../src/core/render/markdownToHtml.js';
import { splitTableRow } from '../support/markdownChecks.js';

function textContent(html: string): string {
  return decode(html).trim();
}

function decode(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

const PIECES = [
  '|', '\\', '`', '``', '*', '**', '_', '__', '~', '~~', '[', ']', '(', ')', '<', '>', '#', '##', '!', '&', '&amp;', '&#60;',
  '-', '+', '=', '1.', '2)', ' ', '  ', '\n', '\r\n', '\t', 'a', 'b_c', 'x', '<script>', '</td>', '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))', 'javascript:', '![i](https://x.test/i.png)', '<https://x.test>', '{', '}', '"', "'", '---', '===',
  '    code', '> quote', '- item', '$', ':', 'é', '中文',
];
const hostileText = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((pieces) => pieces.join('')),
  fc.string({ maxLength: 40 }),
);

test('escaped text reads back exactly as the (one-lined) input in paragraphs, headings, list items and table cells', () => {
  fc.assert(fc.property(hostileText, (text) => {
    const expected = toOneLine(text);
    const escaped = escapeMarkdownText(text);
    assert.equal(textContent(markdownToHtml(`x ${escaped}`)), `x ${expected}`.trim());
    assert.equal(textContent(markdownToHtml(escaped)), expected);
    assert.equal(textContent(markdownToHtml(`#### ${escaped}`)), expected);
    assert.equal(textContent(markdownToHtml(`- ${escaped}`)), expected);
    const link = markdownToHtml(`- [${escaped || 'x'}](#c-1)`);
    assert.match(link, /^<ul>\n<li><a href="#c-1">[^]*<\/a><\/li>\n<\/ul>\n$/, link);
    assert.equal(textContent(link), expected || 'x');
    const html = markdownToHtml(`| a | b |\n| --- | --- |\n| ${escapeTableCell(text)} | end |`);
    const cells = Array.from(html.matchAll(/<td>([\s\S]*?)<\/td>/g), (match) => textContent(match[1] ?? ''));
    assert.deepEqual(cells, [expected, 'end']);
  }), { numRuns: 1500 });
});

test('escaped text never adds a cell to a table row', () => {
  fc.assert(fc.property(hostileText, hostileText, (left, right) => {
    assert.equal(splitTableRow(`| ${escapeTableCell(left)} | ${escapeTableCell(right)} |`).length, 2);
  }));
});

test('inline code shows any path literally, backticks and pipes included', () => {
  fc.assert(fc.property(hostileText, (text) => {
    const code = inlineCode(text);
    const html = markdownToHtml(`- ${code}`);
    const match = /<code>([\s\S]*)<\/code>/.exec(html);
    assert.ok(match, html);
    const expected = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/[\r\n\t]/g, ' ');
    assert.equal(decode(match[1] ?? ''), expected === '' ? ' ' : expected);
  }), { numRuns: 800 });
  const inTable = markdownToHtml(`| a |\n| --- |\n| ${inlineCode('x|`y`|z', { inTable: true })} |`);
  assert.match(inTable, /<td><code>x\|`y`\|z<\/code><\/td>/);
});

test('examples: what hostile text turns into', () => {
  assert.equal(escapeMarkdownText('a|b\nc'), 'a\\|b c');
  assert.equal(escapeMarkdownText('<script>alert(1)</script>'), '\\<script\\>alert(1)\\</script\\>');
  assert.equal(escapeMarkdownText('[x](javascript:alert(1))'), '\\[x\\]\\(javascript:alert(1))');
  assert.equal(escapeMarkdownText('snake_case and _em_ *b*'), 'snake_case and \\_em\\_ \\*b\\*');
  assert.equal(escapeMarkdownText('# title #'), '\\# title \\#');
  assert.equal(escapeMarkdownText('fix: thing (#5545)'), 'fix: thing (#5545)', 'PR references stay readable');
  assert.equal(escapeMarkdownText('- item'), '\\- item');
  assert.equal(escapeMarkdownText('1. first'), '1\\. first');
  assert.equal(escapeMarkdownText('R&D &amp; co'), 'R&D \\&amp; co');
  assert.equal(inlineCode('a`b'), '``a`b``');
  assert.equal(inlineCode('`a'), '`` `a ``');
});

test('only absolute http(s) URLs become link destinations', () => {
  assert.equal(safeHttpUrl('https://github.com/o/r/commit/abc'), 'https://github.com/o/r/commit/abc');
  assert.equal(safeHttpUrl('https://x.test/a b(c)'), 'https://x.test/a%20b%28c%29');
  for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd',
    'vbscript:x', '//evil.test/x', '/relative', 'https://user:pw@x.test/', 'not a url', undefined]) {
    assert.equal(safeHttpUrl(bad), undefined, String(bad));
  }
});

test('escapeProse: backtick spans show as code, the rest is escaped, the spaces around a span stay', () => {
  assert.equal(escapeProse('Changes `valid()` and `TTL`.'), 'Changes `valid()` and `TTL`.');
  assert.equal(escapeProse('Renames `a|b` *now*'), 'Renames `a|b` \\*now\\*');
  assert.equal(escapeProse('an odd ` backtick'), 'an odd \\` backtick');
  assert.equal(escapeProse('`x` first'), '`x` first');
  // Hostile text inside a span is code: no HTML, no link; outside it is escaped.
  const html = markdownToHtml(escapeProse('see `<img src=x onerror=alert(1)>` and [a](javascript:alert(1)) `[b](https://e.example)`'));
  assert.doesNotMatch(html, /<img|<a /);
  assert.match(html, /<code>&lt;img src=x onerror=alert\(1\)&gt;<\/code>/);
  assert.match(html, /<code>\[b\]\(https:\/\/e\.example\)<\/code>/);
  // A line break is a space, as everywhere in a paragraph; a span past its bound is text.
  assert.equal(escapeProse('a `b\nc` d'), 'a `b c` d');
  assert.equal(escapeProse(`\`${'x'.repeat(400)}\``), `\\\`${'x'.repeat(400)}\\\``);
});

test('escapeProse of any text, backticks included, makes one paragraph of text and code spans only', () => {
  fc.assert(fc.property(hostileText, fc.array(hostileText, { maxLength: 3 }), (text, spans) => {
    const prose = [text, ...spans.map((span) => `\`${span}\``)].join(' ');
    const html = markdownToHtml(`- ${escapeProse(prose)}`);
    // The only tags are the list's and code spans: no link, emphasis, heading, image or raw HTML.
    const tags = Array.from(html.matchAll(/<\/?([a-z0-9]+)[^>]*>/g), (match) => match[1]);
    assert.ok(tags.every((tag) => ['ul', 'li', 'code'].includes(tag ?? '')), html);
    // A text with no backtick shows exactly as escapeMarkdownText shows it.
    if (!prose.includes('`')) assert.equal(textContent(html), textContent(markdownToHtml(`- ${escapeMarkdownText(prose)}`)));
  }), { numRuns: 500 });
});
