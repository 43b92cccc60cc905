// A commit message body read as Markdown blocks, line by line: headings, paragraphs, lists (with task items and
// nesting), and the blocks a gist never quotes (code, tables, quotes, rules). Linear in the body; no backtracking.
import { withoutHtmlComments } from './markdownInline.js';

export interface ListItem {
  /** The item's text, its lines joined with a space, Markdown still in it. */
  text: string;
  /** Columns before the marker: nesting. */
  indent: number;
  /** A task item (`- [ ]`, `- [x]`). */
  task: boolean;
}

export type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; lines: string[] }
  | { kind: 'list'; items: ListItem[] }
  | { kind: 'code' | 'table' | 'quote' | 'rule' };

/** Only this much of a body is read: a gist comes from its start, and a hostile body can be megabytes. */
export const MAX_BODY_READ = 8_000;

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)(.*)$/;
const BULLET = /^( *)([-*+•])[ \t]+(.*)$/;
const ORDERED = /^( *)(\d{1,9})[.)][ \t]+(.*)$/;
/** A bullet item, however deep it is indented. */
const INDENTED_BULLET = /^[-*•] \S/;
/** The characters a list item starts with. */
const MARKER_FIRST = /[-*+•0-9]/;
const TASK = /^\[[ xX]\](?:[ \t]+|$)/;
const HTML_LINE = /^<\/?(?:a|br|details|div|hr|img|p|picture|source|summary|table|tbody|td|th|thead|tr|video|h[1-6])\b[^<>]{0,300}>$/i;

/** The body without `<details>` sections (collapsed release notes, logs): they are never the gist. */
function withoutDetails(text: string): string {
  const open = /<details\b/gi;
  if (!open.test(text)) return text;
  const close = /<\/details>/gi;
  let result = '';
  let from = 0;
  for (open.lastIndex = 0; ;) {
    const start = open.exec(text);
    if (!start) break;
    result += text.slice(from, start.index);
    close.lastIndex = start.index;
    const end = close.exec(text);
    if (!end) return result;
    from = end.index + end[0].length;
    open.lastIndex = from;
  }
  return result + text.slice(from);
}

/** The text a body's blocks are read from: CRLF as LF, comments and details gone, at most MAX_BODY_READ. */
function readableText(body: string): string {
  let text = body.length > MAX_BODY_READ ? body.slice(0, body.lastIndexOf('\n', MAX_BODY_READ) + 1 || MAX_BODY_READ) : body;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (text.includes('<!--')) text = withoutHtmlComments(text);
  return withoutDetails(text);
}

/** Columns of leading white space, a tab counting 4. */
function indentOf(line: string): number {
  let columns = 0;
  for (const char of line) {
    if (char === ' ') columns++;
    else if (char === '\t') columns += 4;
    else break;
  }
  return columns;
}

/** A table's delimiter row (`--- | :---:`): only `|`, `:`, `-` and spaces, with a `|` and a `-`. */
function isTableDelimiter(trimmed: string): boolean {
  for (const char of trimmed) if (char !== '|' && char !== ':' && char !== '-' && char !== ' ' && char !== '\t') return false;
  return trimmed.includes('|') && trimmed.includes('-');
}

/** Heading text without its closing `#` run (`## Summary ##`). */
function withoutClosingHashes(text: string): string {
  const trimmed = text.trimEnd();
  let end = trimmed.length;
  while (end > 0 && trimmed[end - 1] === '#') end--;
  if (end === trimmed.length || (end > 0 && trimmed[end - 1] !== ' ' && trimmed[end - 1] !== '\t')) return trimmed;
  return trimmed.slice(0, end).trim();
}

/** A thematic break: three or more of one of `-*_`, spaces between allowed. */
function isRule(trimmed: string): boolean {
  const mark = trimmed[0];
  if (mark !== '-' && mark !== '*' && mark !== '_' && mark !== '=') return false;
  let count = 0;
  for (const char of trimmed) {
    if (char === mark) count++;
    else if (char !== ' ' && char !== '\t') return false;
  }
  return count >= 3;
}

function listItemOf(line: string, interruptsParagraph: boolean): ListItem | undefined {
  const bullet = BULLET.exec(line);
  const ordered = bullet ? undefined : ORDERED.exec(line);
  const match = bullet ?? ordered;
  if (!match) return undefined;
  // A wrapped sentence may start with `50. The`: only `1.` starts a list in the middle of a paragraph.
  if (ordered && interruptsParagraph && ordered[2] !== '1') return undefined;
  let text = match[3]!;
  const task = TASK.test(text);
  if (task) text = text.replace(TASK, '');
  return { text: text.trim(), indent: match[1]!.length, task };
}

/** The blocks of a commit message body. */
export function readBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  const lines = readableText(body).split('\n');
  let paragraph: string[] | undefined;
  // A paragraph whose later lines are indented is output or a layout (`Time (mean ± σ): …`), not prose.
  let preformatted = false;
  let list: ListItem[] | undefined;
  let lastItem: ListItem | undefined;
  let blankBefore = true;
  const close = (): void => {
    if (paragraph) blocks.push(preformatted ? { kind: 'code' } : { kind: 'paragraph', lines: paragraph });
    if (list) blocks.push({ kind: 'list', items: list });
    paragraph = undefined;
    list = undefined;
    lastItem = undefined;
  };
  const push = (block: Block): void => {
    close();
    if (blocks[blocks.length - 1]?.kind !== block.kind || block.kind === 'heading') blocks.push(block);
  };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const trimmed = line.trim();
    const blank = trimmed === '';
    const wasBlank = blankBefore;
    blankBefore = blank;
    if (blank) {
      if (paragraph) close();
      continue;
    }
    const fence = trimmed.startsWith('```') ? '```' : trimmed.startsWith('~~~') ? '~~~' : '';
    if (fence) {
      while (index + 1 < lines.length && !lines[index + 1]!.trim().startsWith(fence)) index++;
      index++;
      push({ kind: 'code' });
      continue;
    }
    const indent = indentOf(line);
    const continuesItem = list !== undefined && lastItem !== undefined && (!wasBlank || indent >= lastItem.indent + 2);
    // An indented line is an example (git's style), unless it continues a list item or is a bullet (`    * fix`).
    if (indent >= 4 && !continuesItem && !INDENTED_BULLET.test(trimmed)) {
      push({ kind: 'code' });
      while (index + 1 < lines.length && (indentOf(lines[index + 1]!) >= 4 || lines[index + 1]!.trim() === '')) index++;
      blankBefore = true;
      continue;
    }
    const first = trimmed[0]!;
    const heading = indent < 4 && first === '#' ? HEADING.exec(line) : null;
    if (heading) {
      push({ kind: 'heading', level: heading[1]!.length, text: withoutClosingHashes(heading[2]!) });
      continue;
    }
    if (isRule(trimmed)) {
      // `Summary` over `-------` is a heading (setext); otherwise a rule (GitHub's squash `---------`).
      if (paragraph?.length === 1) {
        const text = paragraph[0]!;
        paragraph = undefined;
        push({ kind: 'heading', level: trimmed[0] === '=' ? 1 : 2, text });
      } else if (trimmed[0] !== '=') {
        push({ kind: 'rule' });
      } else if (paragraph) {
        paragraph.push(trimmed);
      }
      continue;
    }
    if (trimmed.startsWith('>')) {
      push({ kind: 'quote' });
      continue;
    }
    if (trimmed.startsWith('|') || (paragraph && isTableDelimiter(trimmed))) {
      if (paragraph && !trimmed.startsWith('|')) paragraph.pop();
      if (paragraph?.length === 0) paragraph = undefined;
      push({ kind: 'table' });
      while (index + 1 < lines.length && lines[index + 1]!.includes('|')) index++;
      continue;
    }
    if (first === '<' && HTML_LINE.test(trimmed)) {
      close();
      blankBefore = true;
      continue;
    }
    const item = MARKER_FIRST.test(first) ? listItemOf(line, paragraph !== undefined) : undefined;
    if (item) {
      if (!list) {
        close();
        list = [];
      }
      list.push(item);
      lastItem = item;
      continue;
    }
    if (continuesItem && lastItem) {
      // A continuation line of the item (lazy, or indented under it after a blank line).
      lastItem.text = lastItem.text === '' ? trimmed : `${lastItem.text} ${trimmed}`;
      continue;
    }
    if (list) close();
    if (paragraph) preformatted ||= indent >= 2 && indent !== indentOf(lines[index - 1]!);
    else preformatted = false;
    (paragraph ??= []).push(trimmed);
  }
  close();
  return blocks;
}
