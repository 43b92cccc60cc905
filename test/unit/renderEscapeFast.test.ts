// escapeMarkdownText and inlineCode return plain text untouched without running their replacements; the versions
// that always ran them are kept here as references, and both see random text rich in what the replacements touch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeMarkdownText, inlineCode } from '../../src/core/render/escape.js';

const PIECES = ['a', 'Fix', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u3000', '中文', '。', '\u0001', '\u007f', '\\', '`', '``', '*', '~', '[', ']',
  '](', '<', '>', '|', '_', 'snake_case', '&', '&lt;', '&#60;', '#', '-', '+', '=', '1.', '12)', '3', '.', ')', 'x.ts', 'é', '\ud83d\ude00'];

test('escapeMarkdownText and inlineCode give what the always-replacing versions gave', () => {
  let seed = 5;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let round = 0; round < 20000; round++) {
    let text = '';
    const count = Math.floor(random() * 8);
    for (let i = 0; i < count; i++) text += PIECES[Math.floor(random() * PIECES.length)];
    assert.equal(escapeMarkdownText(text), referenceEscape(text), JSON.stringify(text));
    assert.equal(inlineCode(text), referenceInlineCode(text), JSON.stringify(text));
    assert.equal(inlineCode(text, { inTable: true }), referenceInlineCode(text, { inTable: true }), JSON.stringify(text));
  }
});

// ---- The versions that always ran every replacement (reference) ----

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

const CJK = '\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef';
const LINE_BREAK_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])[^\\S\\n]*\\r?\\n\\s*(?=[${CJK}])`, 'gu');

/**
 * Collapses every run of whitespace (newlines included) into one space, and drops control characters.
 * A line break between two Chinese characters disappears instead: Chinese puts no space between sentences.
 */
function referenceToOneLine(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '').replace(LINE_BREAK_BETWEEN_CJK, '').replace(/\s+/g, ' ').trim();
}

/**
 * Escapes text for any inline position: paragraphs, list items, headings, link text and table cells.
 * Newlines become spaces, so the text can never start a new block.
 */
function referenceEscape(text: string): string {
  return referenceToOneLine(text)
    // Always-significant punctuation: code, emphasis, strikethrough, links, HTML, tables, escapes.
    .replace(/[\\`*~[\]<>|]/g, '\\$&')
    // `](` inside link text trips marked's link parser even with the bracket escaped.
    .replace(/\]\(/g, ']\\(')
    // `_` only opens or closes emphasis at a word boundary; snake_case stays readable.
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    // Entity references (`&lt;`, `&#60;`) would be decoded.
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
    // `#` starts a heading at the beginning, and closes one at the end of a heading line.
    .replace(/(^|\s)#/g, '$1\\#')
    // Block markers at the very start: list bullets, ordered lists, setext underlines.
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A table cell is inline text with `|` escaped, which escapeMarkdownText already does. */


/**
 * A code span holding any text: a backtick fence longer than any backtick run inside,
 * padded when the content would otherwise lose or merge its edges.
 * `inTable` escapes `|`, which GFM splits cells on even inside code spans.
 */
function referenceInlineCode(text: string, options: { inTable?: boolean } = {}): string {
  let content = text.replace(CONTROL_CHARACTERS, '').replace(/[\r\n\t]/g, ' ');
  if (options.inTable) content = content.replace(/\|/g, '\\|');
  if (content === '') return '` `';
  const longestRun = Math.max(0, ...Array.from(content.matchAll(/`+/g), (match) => match[0].length));
  const fence = '`'.repeat(longestRun + 1);
  const needsPadding = content.startsWith('`') || content.endsWith('`') ||
    (content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '');
  return needsPadding ? `${fence} ${content} ${fence}` : `${fence}${content}${fence}`;
}

