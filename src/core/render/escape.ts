/**
 * Escaping for hostile text (commit messages, names, paths, model output) placed into Markdown.
 * The goal: whatever the text holds, it shows as text — no HTML, no links, no emphasis, no broken tables.
 */
import { collapseWhitespace, parseHttpUrl } from '../text.js';

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

const CJK = '\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef';
const LINE_BREAK_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])[^\\S\\n]*\\r?\\n\\s*(?=[${CJK}])`, 'gu');

/**
 * Collapses every run of whitespace (newlines included) into one space, and drops control characters.
 * A line break between two Chinese characters disappears instead: Chinese puts no space between sentences.
 */
export function toOneLine(text: string): string {
  return collapseWhitespace(text.replace(CONTROL_CHARACTERS, '').replace(LINE_BREAK_BETWEEN_CJK, ''));
}

/**
 * Escapes text for any inline position: paragraphs, list items, headings, link text and table cells.
 * Newlines become spaces, so the text can never start a new block.
 */
export function escapeMarkdownText(text: string): string {
  // Most text (names, subjects, paths) holds nothing any step below changes: it is returned as it is.
  if (!NEEDS_ESCAPING.test(text)) return text;
  return toOneLine(text)
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

/**
 * Text escapeMarkdownText would change: a control character or one of the escaped characters anywhere, whitespace
 * other than single spaces between words, or a block marker at the start.
 */
const NEEDS_ESCAPING = /[\u0000-\u001f\u007f\\`*~[\]<>|_&#]|[^\S ]|\s\s|^\s|\s$|^[-+=]|^\d+[.)]/;

/** A `code` span in prose: one backtick on each side, no backtick or line break inside, bounded. */
const PROSE_CODE_SPAN = /`([^`\n]{1,300})`/g;

/**
 * Prose (an analysis' summary, reasons, risks; a model's answer) as Markdown: what it writes between single
 * backticks shows as code, through inlineCode, and every other character is escaped as escapeMarkdownText does.
 * A code span can hold no link, emphasis or HTML, so this is as inert as escaping all of it.
 */
export function escapeProse(text: string): string {
  if (!text.includes('`')) return escapeMarkdownText(text);
  const line = toOneLine(text);
  let out = '';
  let last = 0;
  for (const match of line.matchAll(PROSE_CODE_SPAN)) {
    out += escapeFragment(line.slice(last, match.index)) + inlineCode(match[1]!);
    last = match.index + match[0].length;
  }
  return out + escapeFragment(line.slice(last));
}

/** A piece of a line between code spans, escaped, keeping the single space at either end that joins it to them. */
function escapeFragment(fragment: string): string {
  if (fragment.trim() === '') return fragment === '' ? '' : ' ';
  return `${fragment.startsWith(' ') ? ' ' : ''}${escapeMarkdownText(fragment)}${fragment.endsWith(' ') ? ' ' : ''}`;
}

/** A table cell is inline text with `|` escaped, which escapeMarkdownText already does. */
export function escapeTableCell(text: string): string {
  return escapeMarkdownText(text);
}

/**
 * A code span holding any text: a backtick fence longer than any backtick run inside,
 * padded when the content would otherwise lose or merge its edges.
 * `inTable` escapes `|`, which GFM splits cells on even inside code spans.
 */
export function inlineCode(text: string, options: { inTable?: boolean } = {}): string {
  // Plain text (no control character, backtick or pipe, not wrapped in spaces) takes a one-backtick fence as it is.
  if (text !== '' && !NEEDS_CODE_WORK.test(text) && !(text.startsWith(' ') && text.endsWith(' '))) return `\`${text}\``;
  let content = text.replace(CONTROL_CHARACTERS, '').replace(/[\r\n\t]/g, ' ');
  if (options.inTable) content = content.replace(/\|/g, '\\|');
  if (content === '') return '` `';
  const longestRun = Math.max(0, ...Array.from(content.matchAll(/`+/g), (match) => match[0].length));
  const fence = '`'.repeat(longestRun + 1);
  const needsPadding = content.startsWith('`') || content.endsWith('`') ||
    (content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '');
  return needsPadding ? `${fence} ${content} ${fence}` : `${fence}${content}${fence}`;
}

const NEEDS_CODE_WORK = /[\u0000-\u001f\u007f`|]/;

/** The URL as a safe link destination, or undefined unless it is an absolute http(s) URL. */
export function safeHttpUrl(value: string | undefined): string | undefined {
  const url = value === undefined ? undefined : parseHttpUrl(value);
  if (url === undefined) return undefined;
  // Characters that could end or confuse a Markdown link destination.
  return url.href.replace(/[()<>`"'\\\s[\]|]/g, (character) =>
    `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** `[text](url)` when the URL is safe http(s), else the text alone. `text` must already be escaped. */
export function markdownLink(escapedText: string, url: string | undefined): string {
  const href = safeHttpUrl(url);
  return href === undefined ? escapedText : `[${escapedText}](${href})`;
}
