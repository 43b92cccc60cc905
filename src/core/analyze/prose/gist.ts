// The gist of a commit message: from its subject and body, the few sentences that say what the change is and why,
// as finished prose. PR templates are read by their headings, lists are said as sentences or as their items, and
// nothing that repeats the subject, points elsewhere (trailers, issue links) or is markup survives.
import { readBlocks } from './blocks.js';
import type { Block, ListItem } from './blocks.js';
import { isSquashNoise, isFootnoteLine, isLinkOnlyLine, isNoiseLine } from './lineNoise.js';
import { isEmphasisLabel, plainInline, withPairedBackticks } from './markdownInline.js';
import { sectionedBlocks } from './sections.js';
import { asSentenceStart, endSentence, endsClosed, introducesSomething, listSentence, splitSentences } from './sentences.js';
import { echoesSubject, subjectWords } from './subjectEcho.js';
import type { SubjectWords } from './subjectEcho.js';

/** The gist is at most this many characters, whole sentences only. */
export const MAX_GIST_CHARS = 400;
/** Past this many characters, the gist ends with the block it is in: a further paragraph is taken only after a short one. */
const SHORT_GIST_CHARS = 160;
/** A list is said in one sentence only with this many items or fewer, each at most MAX_SAID_ITEM characters. */
const MAX_SAID_ITEMS = 6;
const MAX_SAID_ITEM = 100;

export interface GistOptions {
  /** The subject without its `type(scope):` or `area:` prefix; defaults to the subject. */
  description?: string;
  maxChars?: number;
}

/** The sentences of a paragraph: noise lines out, Markdown reduced to text, each sentence ended. */
function paragraphSentences(lines: readonly string[]): string[] {
  if (isFootnoteLine(lines[0]!)) return [];
  // A noise line starts a sentence: `…split out of\nhttps://…/pull/20633` is a sentence's end, not a lone link.
  const kept = lines.filter((line, index) => !(isNoiseLine(line) && (index === 0 || endsClosed(lines[index - 1]!) || isNoiseLine(lines[index - 1]!))));
  if (kept.length === 0) return [];
  if (kept.length === 1 && (isEmphasisLabel(kept[0]!) || isSquashNoise(kept[0]!))) return [];
  const text = plainInline(kept.join(' '));
  const sentences = splitSentences(text).map((sentence) => sentence.trim());
  // Only the last sentence may introduce what follows; it is kept as is for the list that may come next.
  return sentences.map((sentence, index) => (index === sentences.length - 1 && introducesSomething(sentence) ? sentence : endSentence(sentence)));
}

/** A list item's text, or '' for an item that is noise: a task, a lone link, a trailer, a squashed fixup. */
function itemText(item: ListItem): string {
  if (item.task || item.text === '' || isNoiseLine(item.text) || isLinkOnlyLine(item.text) || isSquashNoise(item.text)) return '';
  return item.text;
}

/**
 * The items a list says: its top-level items, and the items under a label (`**Bug fixes**`, `Changes:`) in its
 * place. Deeper items are details.
 */
function sayableItems(items: readonly ListItem[]): string[] {
  const said: string[] = [];
  const top = items.reduce((least, item) => Math.min(least, item.indent), Number.MAX_SAFE_INTEGER);
  let labelIndent = -1;
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    const next = items[index + 1];
    const isLabel = next !== undefined && next.indent > item.indent && (isEmphasisLabel(item.text) || introducesSomething(item.text));
    if (isLabel) {
      labelIndent = item.indent;
      continue;
    }
    const underLabel = labelIndent >= 0 && item.indent > labelIndent;
    if (!underLabel) labelIndent = -1;
    if (item.indent !== top && !underLabel) continue;
    if (isEmphasisLabel(item.text)) continue;
    const text = itemText(item);
    if (text !== '') said.push(text);
  }
  return said;
}

/** The list said after its introduction in one sentence, or '' when its items are too long or are sentences. */
function saidList(intro: string, items: readonly string[]): string {
  if (items.length === 0 || items.length > MAX_SAID_ITEMS) return '';
  const phrases: string[] = [];
  for (const item of items) {
    const plain = plainInline(item);
    if (plain.length > MAX_SAID_ITEM || splitSentences(plain).length > 1 || introducesSomething(plain)) return '';
    const phrase = plain.replace(/[.;,。；，]+$/, '').trim();
    if (phrase === '') return '';
    phrases.push(phrase);
  }
  return listSentence(intro, phrases);
}

/** Last words of a pure introduction (`…two things:`, `The new flags are:`, `…produces:`): said alone, it says nothing. */
const POINTING_WORDS = new Set([
  'following', 'follows', 'this', 'these', 'that', 'those', 'below', 'here', 'thing', 'things', 'include', 'includes',
  'including', 'are', 'is', 'were', 'was', 'be', 'as', 'like', 'e.g', 'eg', 'example', 'examples', 'instance', 'produces',
  'produce', 'output', 'outputs', 'prints', 'print', 'says', 'shows', 'show', 'reads', 'read', 'error', 'errors',
  'message', 'messages', 'steps', 'step', 'changes', 'change', 'cases', 'case', 'ways', 'reasons', 'options', 'issues',
  'problems', 'parts', 'items', 'points', 'ones', 'such', 'namely', 'so', 'to', 'with', 'by', 'of', 'for', 'and', 'or',
  'before', 'after', 'now', 'then', 'gives', 'give', 'returns', 'return', 'yields', 'get', 'gets', 'got', 'see', 'run',
  'fails', 'failed', 'crashes', 'warning', 'warnings', 'trace', 'log', 'logs', 'results', 'result', 'benchmark',
  'benchmarks', 'numbers', 'timings', 'pr', 'commit', 'patch', 'series', 'done', 'added',
  'changed', 'removed', 'fixed', 'updated', 'areas', 'files', 'functions', 'tests', 'flags', 'settings', 'rules',
]);
/** An introduction of at least this many words that ends in no pointing word is a statement. */
const MIN_STATEMENT_WORDS = 8;

/** `sentence` (ending in a colon) as a statement ending in a stop, or '' when it only points at what follows. */
function statementOf(sentence: string): string {
  const body = sentence.trim().replace(/[:：]$/, '').trimEnd();
  const words = body.split(/\s+/);
  const lastWord = (words[words.length - 1] ?? '').toLowerCase().replace(/[^\p{L}\p{N}.]+/gu, '').replace(/\.$/, '');
  if (words.length < MIN_STATEMENT_WORDS || POINTING_WORDS.has(lastWord) || !/[:：]$/.test(sentence.trim())) return '';
  return endSentence(body);
}

/** The sentences of a list's items, each item ended as a sentence and starting as one (`convert x` → `Convert x`). */
function listSentences(items: readonly string[]): string[] {
  const sentences: string[] = [];
  for (const item of items) {
    for (const sentence of splitSentences(asSentenceStart(plainInline(item)))) {
      const ended = endSentence(sentence);
      if (ended !== '') sentences.push(ended);
    }
  }
  return sentences;
}

/** Collects sentences up to the budget: never a repeat of the subject or of itself, never half a sentence. */
class GistWriter {
  readonly sentences: string[] = [];
  private length = 0;
  private full = false;
  private readonly seen = new Set<string>();

  constructor(private readonly subject: SubjectWords, private readonly maxChars: number) {}

  /** True when `sentence` fits after what is written (counting the sentences of this block that come before it). */
  fits(sentence: string, before = 0): boolean {
    return this.length + before + sentence.length + 1 <= this.maxChars;
  }

  get done(): boolean {
    return this.full || this.length >= SHORT_GIST_CHARS;
  }

  add(sentences: readonly string[]): void {
    for (const written of sentences) {
      const sentence = written.includes('`') ? withPairedBackticks(written) : written;
      if (this.full) return;
      if (sentence === '' || introducesSomething(sentence)) continue;
      const key = sentence.toLowerCase();
      if (this.seen.has(key) || echoesSubject(sentence, this.subject)) continue;
      const added = this.length === 0 ? sentence.length : sentence.length + 1;
      // The first sentence that does not fit ends the gist: a later one would read out of its context.
      if (this.length + added > this.maxChars) {
        this.full = true;
        return;
      }
      this.seen.add(key);
      this.sentences.push(sentence);
      this.length += added;
    }
  }
}

/** Writes the gist of `blocks` into `writer`, a block at a time, while it is short. */
function writeBlocks(blocks: readonly Block[], writer: GistWriter): void {
  for (let index = 0; index < blocks.length && !writer.done; index++) {
    const block = blocks[index]!;
    if (block.kind === 'paragraph') {
      const sentences = paragraphSentences(block.lines);
      const last = sentences[sentences.length - 1];
      if (last !== undefined && introducesSomething(last)) {
        sentences.pop();
        // A list introduction is said with its list in one sentence, or not at all (the items then speak for it).
        const next = blocks[index + 1];
        const said = next?.kind === 'list' ? saidList(last, sayableItems(next.items)) : '';
        // Said only when it fits: else the introduction and the items that fit are the gist.
        if (said !== '' && writer.fits(said, sentences.reduce((sum, sentence) => sum + sentence.length + 1, 0))) {
          sentences.push(said);
          index++;
        } else {
          // A statement that happens to end in a colon (`Speed up X by using f() instead of g():`) stands alone.
          const statement = statementOf(last);
          if (statement !== '') sentences.push(statement);
          // What it introduced (output, an example) is not prose either, even when it is not indented.
          if (next !== undefined && next.kind !== 'list' && next.kind !== 'heading') index++;
        }
      }
      writer.add(sentences);
    } else if (block.kind === 'list') {
      writer.add(listSentences(sayableItems(block.items)));
    }
  }
}

/**
 * The gist sentences of a commit message body (the subject is said elsewhere and never repeated here), at most
 * `maxChars` characters of whole, finished sentences. Bounded work on any input; never throws on text.
 */
export function messageGist(subject: string, body: string, options: GistOptions = {}): string[] {
  if (body.trim() === '') return [];
  const maxChars = options.maxChars ?? MAX_GIST_CHARS;
  const words = subjectWords(subject, options.description ?? subject);
  const { gist, fallback } = sectionedBlocks(readBlocks(body));
  const writer = new GistWriter(words, maxChars);
  writeBlocks(gist, writer);
  if (writer.sentences.length === 0) writeBlocks(fallback, writer);
  return writer.sentences;
}
