// Sentences of plain text (Latin and CJK punctuation): where they end, how they are ended, how a list is said.
import { codeSpanEnd } from './markdownInline.js';

/** Characters of Chinese, Japanese and Korean text and their full-width punctuation. */
const CJK_CHAR = /[\u3000-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;
const WIDE_STOPS = new Set(['。', '！', '？']);
const NARROW_STOPS = new Set(['.', '!', '?']);
/** What may follow a sentence's stop and still belong to it: `(see a.)`, `"done."`. */
const CLOSERS = new Set([')', '"', "'", '”', '’', '）', '」', '』', ']']);
/** Abbreviations whose dot ends no sentence, lower-case, without the final dot. */
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'vs', 'cf', 'approx', 'incl', 'resp', 'viz', 'al', 'mr', 'mrs', 'dr', 'no', 'fig']);
const LOWER_START = /^[a-z]/;

export function isCjk(text: string): boolean {
  return CJK_CHAR.test(text);
}

/** The word that ends at `end` (exclusive), lower-cased: what an abbreviation is looked up by. */
function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && end - start < 8 && /[A-Za-z.]/.test(text[start - 1]!)) start--;
  return text.slice(start, end).toLowerCase();
}

/**
 * Sentences of one line of plain text, each with the spaces after it. A sentence ends at 。！？, and at . ! ? (with
 * closing brackets or quotes) followed by a space and not by a lower-case word (`e.g. this`, `v1.2`, `a.ts` and
 * `` `a. b` `` stay whole).
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  const candidates = /[`.!?。！？]/g;
  for (let index = 0; index < text.length; index++) {
    // Straight to the next backtick or stop: most characters are neither.
    candidates.lastIndex = index;
    const found = candidates.exec(text);
    if (!found) break;
    index = found.index;
    const char = text[index]!;
    if (char === '`') {
      const end = codeSpanEnd(text, index);
      if (end > 0) index = end - 1;
      continue;
    }
    const wide = WIDE_STOPS.has(char);
    if (!wide && !NARROW_STOPS.has(char)) continue;
    let end = index + 1;
    while (end < text.length && CLOSERS.has(text[end]!)) end++;
    if (!wide) {
      if (end < text.length && text[end] !== ' ') continue;
      let next = end;
      while (next < text.length && text[next] === ' ') next++;
      if (next < text.length && LOWER_START.test(text[next]!)) continue;
      if (char === '.' && ABBREVIATIONS.has(wordBefore(text, index))) continue;
    }
    while (end < text.length && text[end] === ' ') end++;
    sentences.push(text.slice(start, end));
    start = end;
    index = end - 1;
  }
  if (start < text.length) sentences.push(text.slice(start));
  return sentences;
}

/** Punctuation that leaves a sentence open: `a,` `a;` `a -` `a —`. */
const DANGLING = new Set([' ', '\t', ',', ';', '，', '；', '、', '-', '–', '—', '/']);
const COLON_END = /[:：]$/;

/** Where the closing brackets and quotes at the end of `text` start (text.length when there are none). */
function closersStart(text: string): number {
  let end = text.length;
  while (end > 0 && CLOSERS.has(text[end - 1]!)) end--;
  return end;
}

/** True when `text` ends in a stop, maybe inside brackets or quotes: `done.`, `(see a.)`. */
export function endsClosed(text: string): boolean {
  const last = text[closersStart(text) - 1];
  return last !== undefined && (NARROW_STOPS.has(last) || WIDE_STOPS.has(last));
}

/**
 * `text` as a finished sentence: a stop added when it has none (。 after CJK text), an ellipsis or a dangling comma
 * turned into a stop. A text that ends in a colon introduces something that is not there: it gives ''.
 */
export function endSentence(text: string): string {
  let trimmed = text.trim();
  if (trimmed === '' || COLON_END.test(trimmed)) return '';
  const closers = closersStart(trimmed);
  const body = trimmed.slice(0, closers);
  if (body.endsWith('...') || body.endsWith('…')) {
    trimmed = body.slice(0, body.endsWith('…') ? -1 : -3) + trimmed.slice(closers);
  } else if (endsClosed(trimmed)) {
    return trimmed;
  }
  let end = trimmed.length;
  while (end > 0 && DANGLING.has(trimmed[end - 1]!)) end--;
  trimmed = trimmed.slice(0, end).trimEnd();
  if (trimmed === '' || COLON_END.test(trimmed)) return '';
  if (endsClosed(trimmed)) return trimmed;
  return isCjk(trimmed.slice(-1)) ? `${trimmed}。` : `${trimmed}.`;
}

/** `… the following error`, `… as follows.`: an introduction without a colon. */
const INTRODUCTION_END = /\b(?:the following(?: [\p{L}-]+){0,2}|as follows|like this|like so)[.。]?$/iu;

/** True when `sentence` introduces a list or an example: it ends in a colon, or in `the following (error)`. */
export function introducesSomething(sentence: string): boolean {
  const trimmed = sentence.trim();
  if (COLON_END.test(trimmed)) return true;
  const tail = trimmed.slice(-60);
  return (tail.includes('follow') || tail.includes('like ') || tail.includes('Follow')) && INTRODUCTION_END.test(tail);
}

/** A space after Latin sentences, none after Chinese ones (。！？). */
export function joinSentences(sentences: readonly string[]): string {
  let text = '';
  for (const sentence of sentences) {
    if (sentence === '') continue;
    if (text === '') text = sentence;
    else if (WIDE_STOPS.has(text.slice(-1))) text += sentence;
    else text = `${text} ${sentence}`;
  }
  return text;
}

/** First words of list items that read as well in lower case inside a sentence (`…two things: the logic…`). */
const LOWER_CASE_OPENERS = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'it', 'its', 'we', 'our', 'there', 'some', 'all', 'each', 'every',
  'any', 'no', 'one', 'two', 'add', 'adds', 'added', 'fix', 'fixes', 'fixed', 'remove', 'removes', 'removed', 'update',
  'updates', 'updated', 'use', 'uses', 'used', 'make', 'makes', 'made', 'move', 'moves', 'moved', 'change', 'changes',
  'changed', 'support', 'supports', 'allow', 'allows', 'avoid', 'avoids', 'drop', 'drops', 'dropped', 'rename',
  'renames', 'renamed', 'improve', 'improves', 'improved', 'introduce', 'introduces', 'introduced', 'replace',
  'replaces', 'replaced', 'implement', 'implements', 'implemented', 'enable', 'enables', 'disable', 'disables', 'handle',
  'handles', 'keep', 'keeps', 'return', 'returns', 'set', 'sets', 'skip', 'skips', 'pass', 'passes', 'check', 'checks',
  'expose', 'exposes', 'refactor', 'refactors', 'clean', 'cleans', 'document', 'documents', 'test', 'tests', 'bump',
  'bumps', 'run', 'runs', 'create', 'creates', 'delete', 'deletes', 'extract', 'extracts', 'split', 'splits', 'merge',
  'merges', 'only', 'when', 'if', 'for', 'in', 'on', 'with', 'without', 'to', 'convert', 'converts', 'ensure', 'ensures',
  'prefer', 'prefers', 'reduce', 'reduces', 'increase', 'increases', 'rework', 'reworks', 'simplify', 'simplifies',
  'share', 'shares', 'teach', 'teaches', 'mark', 'marks', 'let', 'lets', 'stop', 'stops', 'start', 'starts', 'adjust',
  'adjusts', 'align', 'aligns', 'correct', 'corrects', 'write', 'writes', 'call', 'calls', 'guard', 'guards', 'load',
  'loads', 'emit', 'emits', 'print', 'prints', 'parse', 'parses', 'read', 'reads', 'save', 'saves', 'store', 'stores',
  'track', 'tracks', 'warn', 'warns', 'include', 'includes', 'exclude', 'excludes', 'require', 'requires', 'provide',
  'provides', 'accept', 'accepts', 'reject', 'rejects', 'restore', 'restores', 'preserve', 'preserves', 'respect',
  'respects', 'resolve', 'resolves', 'clarify', 'clarifies', 'explain', 'explains', 'mention', 'mentions', 'also', 'small',
  'minor', 'more', 'new', 'better', 'various', 'several', 'many', 'most', 'other', 'same', 'initial', 'fixed', 'now', 'switch',
  'switches', 'migrate', 'migrates', 'wrap', 'wraps', 'unify', 'unifies', 'factor', 'factors', 'inline', 'inlines',
]);

/** An item said inside a sentence: `The logic…` → `the logic…`; `Python…`, `CI…` and `uv` stay as they are. */
function inSentence(item: string): string {
  const space = item.indexOf(' ');
  const word = space < 0 ? item : item.slice(0, space);
  return LOWER_CASE_OPENERS.has(word.toLowerCase()) && /^[A-Z][a-z]*$/.test(word) ? item[0]!.toLowerCase() + item.slice(1) : item;
}

/** An item said as a sentence of its own: `convert x` → `Convert x`; `uv`, `pyx` and `f()` stay as they are. */
export function asSentenceStart(item: string): string {
  const space = item.indexOf(' ');
  const word = space < 0 ? item : item.slice(0, space);
  return LOWER_CASE_OPENERS.has(word) ? item[0]!.toUpperCase() + item.slice(1) : item;
}

/** The items of a list said in one sentence after their introduction: `…two things: a, b, and c.` (CJK: `：a、b。`). */
export function listSentence(intro: string, items: readonly string[]): string {
  const lead = intro.trim().replace(/[:：]$/, '');
  if (isCjk(lead)) return `${lead}：${items.join('、')}。`;
  const phrases = items.map(inSentence);
  const said = phrases.length <= 2 ? phrases.join(' and ') : `${phrases.slice(0, -1).join(', ')}, and ${phrases[phrases.length - 1]}`;
  return `${lead}: ${said}.`;
}
