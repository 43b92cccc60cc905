import type { Language } from '../i18n/language.js';
import type { ModuleImpact } from '../model/analysis.js';
import type { CommitFacts } from './facts.js';
import { formatList, message } from './messages.js';

/** The body paragraph quoted in a summary is cut (at a sentence end) to at most this many characters. */
export const MAX_BODY_CHARS = 400;
/** Modules named in the summary's last sentence. */
const SUMMARY_MODULES = 3;

const TRAILER_LINE = /^(BREAKING[ -]CHANGE|[A-Za-z0-9][A-Za-z0-9-]*)[ \t]*:[ \t]*\S/;
const PR_SUFFIX_AT_END = /\(#\d+\)$/;
const CJK_END = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]$/;
const SENTENCE_END = /[.!?。！？…]$/;

/**
 * "What changed and where": the subject, the body's first paragraph, then what changed in code terms (`code`, from
 * the facts) or, when the code was not read, the size and the main modules.
 */
export function buildSummary(facts: CommitFacts, scope: readonly ModuleImpact[], language: Language, code = ''): string {
  // A conventional `type(scope):` prefix is shown as the change type; an area prefix (`net/http:`) says where, so it stays.
  const lead = facts.conventionalType ? capitalize(facts.description) : facts.commit.subject.trim();
  // withoutPrSuffix needs `(#`: most subjects are spared the search.
  const parts = [asSentence(lead.includes('(#') ? withoutPrSuffix(lead) : lead)];
  const paragraph = firstParagraph(facts.commit.body, facts.commit.subject);
  if (paragraph) parts.push(paragraph);
  parts.push(code !== '' ? code : statsSentence(facts, scope, language));
  return joinSentences(parts.filter((part) => part !== ''));
}

/**
 * `text.replace(/<!--[\s\S]*?-->/g, '')` in one pass (the expression is quadratic in many `<!--` without `-->`).
 */
export function withoutHtmlComments(text: string): string {
  let result = '';
  let from = 0;
  for (let open = text.indexOf('<!--'); open >= 0; open = text.indexOf('<!--', from)) {
    const close = text.indexOf('-->', open + 4);
    if (close < 0) break;
    result += text.slice(from, open);
    from = close + 3;
  }
  return result + text.slice(from);
}

/**
 * `text.replace(/!?\[([^\]]*)\]\([^)\s]*\)/g, '$1')` (Markdown links and images reduced to their text) in one
 * pass: the expression is quadratic in hostile text such as `[a](` repeated. Every `[` before the same `]` meets
 * the same `](…)` test, so the first of them decides; the end of a link target is the first `)` or white space.
 */
export function withLinkTexts(text: string): string {
  let result = '';
  let from = 0;
  let scan = 0;
  let stop = -1;
  for (let open = text.indexOf('[', scan); open >= 0; open = text.indexOf('[', scan)) {
    const close = text.indexOf(']', open + 1);
    if (close < 0) break;
    scan = close + 1;
    if (text[close + 1] !== '(') continue;
    if (stop < close + 2) stop = firstTargetStop(text, close + 2);
    if (stop >= text.length || text[stop] !== ')') continue;
    const start = open > from && text[open - 1] === '!' ? open - 1 : open;
    result += text.slice(from, start) + text.slice(open + 1, close);
    from = stop + 1;
    scan = from;
  }
  return result + text.slice(from);
}

/** The first `)` or white space (as `\s`) at or after `from`; text.length when there is none. */
function firstTargetStop(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (text[i] === ')' || WHITE_SPACE.test(text[i]!)) return i;
  return text.length;
}

const WHITE_SPACE = /\s/;

/**
 * `text` without a trailing ` (#123)`, as `text.replace(/\s*\(#\d+\)\s*$/, '')` (which is quadratic in a long run of
 * whitespace anywhere in hostile text).
 */
export function withoutPrSuffix(text: string): string {
  const end = text.trimEnd();
  const match = PR_SUFFIX_AT_END.exec(end);
  return match ? end.slice(0, match.index).trimEnd() : text;
}

/** A space after Latin sentences, none after Chinese ones (。！？). */
function joinSentences(sentences: readonly string[]): string {
  let text = '';
  for (const sentence of sentences) {
    if (text === '') text = sentence;
    else if (text.endsWith('。') || text.endsWith('！') || text.endsWith('？')) text += sentence;
    else text = `${text} ${sentence}`;
  }
  return text;
}

function statsSentence(facts: CommitFacts, scope: readonly ModuleImpact[], language: Language): string {
  if (facts.totals.files === 0) return message(language, 'summaryNoFiles');
  const modules = formatList(language, scope.map((impact) => impact.module), SUMMARY_MODULES);
  const key = scope.length > 1 ? 'summaryStatsMainly' : 'summaryStats';
  const { files, additions, deletions } = facts.totals;
  return message(language, key, { files, additions, deletions, modules });
}

/**
 * The first paragraph of the body that is prose (not trailers, not a code block), flattened to one line with
 * Markdown links reduced to their text. Too long: whole sentences up to MAX_BODY_CHARS; never a cut sentence.
 */
export function firstParagraph(body: string, subject: string): string {
  if (body === '') return '';
  // Each rewrite runs only when its text is there (most bodies are one plain line): same result, less work.
  let text = body.includes('\r\n') ? body.replace(/\r\n/g, '\n') : body;
  if (text.includes('<!--')) text = withoutHtmlComments(text);
  const paragraphs = text.includes('\n') ? text.split(/\n[ \t]*\n/) : [text];
  for (const paragraph of paragraphs) {
    const lines: string[] = [];
    for (const line of paragraph.includes('\n') ? paragraph.split('\n') : [paragraph]) {
      const trimmed = line.trim();
      if (trimmed !== '') lines.push(trimmed);
    }
    if (lines.length === 0) continue;
    if (lines.every((line) => TRAILER_LINE.test(line))) continue;
    if (lines[0]!.startsWith('```') || lines[0]!.startsWith('    ')) continue;
    let joined = lines.length === 1 ? withoutMarker(lines[0]!) : lines.map(withoutMarker).join(' ');
    if (joined.includes('](')) joined = withLinkTexts(joined);
    const flat = (MORE_THAN_A_SPACE.test(joined) ? joined.replace(/\s+/g, ' ') : joined).trim();
    if (flat === '' || flat === subject.trim()) continue;
    return shorten(asSentence(flat));
  }
  return '';
}

/** Whitespace that `replace(/\s+/g, ' ')` would change: anything but a lone space. */
const MORE_THAN_A_SPACE = /[^\S ]|  /;

/** A line without its list marker (`- `, `1. `) and heading marker (`# `), which only start with these characters. */
function withoutMarker(line: string): string {
  const first = line.charCodeAt(0);
  let text = line;
  if (first === 0x2d || first === 0x2a || first === 0x2b || (first >= 0x30 && first <= 0x39)) {
    text = text.replace(/^([-*+]|\d+[.)])\s+/, '');
  }
  return text.charCodeAt(0) === 0x23 ? text.replace(/^#+\s+/, '') : text;
}

function shorten(text: string): string {
  if (text.length <= MAX_BODY_CHARS) return text;
  let kept = '';
  for (const sentence of splitSentences(text)) {
    if ((kept + sentence).length > MAX_BODY_CHARS) break;
    kept += sentence;
  }
  return kept.trim();
}

/** Sentences end at . ! ? followed by a space (so `v1.2` and `a.ts` stay whole) and at 。！？. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    const wide = char === '。' || char === '！' || char === '？';
    const narrow = (char === '.' || char === '!' || char === '?') && (index + 1 === text.length || text[index + 1] === ' ');
    if (!wide && !narrow) continue;
    let end = index + 1;
    while (end < text.length && text[end] === ' ') end++;
    sentences.push(text.slice(start, end));
    start = end;
    index = end - 1;
  }
  if (start < text.length) sentences.push(text.slice(start));
  return sentences;
}

function asSentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '' || SENTENCE_END.test(trimmed)) return trimmed;
  return CJK_END.test(trimmed) ? `${trimmed}。` : `${trimmed}.`;
}

function capitalize(text: string): string {
  const first = text.charCodeAt(0);
  return first >= 0x61 && first <= 0x7a ? String.fromCharCode(first - 0x20) + text.slice(1) : text;
}
