import type { Language } from '../domain/language.js';
import type { Grounding } from '../domain/analysis.js';
import type { Commit } from '../domain/commit.js';
import { collectIdentifiers, emptyIdentifierSets, inventedIdentifier } from './identifiers.js';
import type { IdentifierSets } from './identifiers.js';

/**
 * Grounding: the model's sentences may only name files of the commit, quote numbers found in the input, and name
 * identifiers found in the input or the code facts. A sentence that breaks a rule is dropped (see
 * docs/language-models.md).
 */
export interface GroundingContext {
  /** Every accepted path spelling: commit paths (new and old), their basenames and their folders. */
  paths: Set<string>;
  /** Full commit paths, for matching a trailing part such as `core/llm/prompt.ts`. */
  fullPaths: string[];
  /** Numbers found anywhere in the input, normalized (see normalizeNumber). */
  numbers: Set<string>;
  /** Words and flags of the input and the code facts (see identifiers.ts). */
  identifiers: IdentifierSets;
}

/** File extensions that make a dotted word a file name (`prompt.ts`, `README.md`). */
const FILE_EXTENSIONS = new Set(
  (
    'ts tsx mts cts js jsx mjs cjs json jsonc json5 md mdx markdown rst txt py pyi go rs java kt kts scala groovy gradle c h cc cpp cxx hpp hh ' +
    'cs fs vb swift m mm rb php pl pm lua r dart ex exs erl hrl clj cljs elm hs ml mli nim zig sol vue svelte astro ' +
    'html htm css scss sass less styl xml xsd xsl svg yml yaml toml ini cfg conf env properties lock sum mod ' +
    'sh bash zsh fish ps1 bat cmd sql graphql gql proto thrift avsc tf tfvars hcl nix dockerfile mk cmake bazel bzl ' +
    'ipynb csv tsv log patch diff png jpg jpeg gif webp ico pdf zip gz tgz wasm snap map tmpl tpl j2 ejs hbs pug'
  ).split(' '),
);
/** Product names that look like file names. */
const NOT_FILES = /^(node|vue|next|nuxt|express|three|d3|chart|react|ember|backbone|deno|solid|alpine|moment|p5|pixi|babylon|socket|ml5|tensorflow|angular|preact|knockout|handlebars|require|day|anime|paper|fabric|leaflet|highcharts|video|hammer|typed|popper|zepto|lodash)\.js$/i;

const TERMINATORS = /[.!?。！？]/;
/** "e.g." and friends don't end a sentence. */
const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|cf|approx|incl|resp)\.$/i;

/** Splits text into sentences after . ! ? (followed by a space or the end) and after 。！？ (always). */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (!TERMINATORS.test(char)) continue;
    let end = i + 1;
    while (end < text.length && /[.!?。！？"'”’」』)）\]]/.test(text[end]!)) end += 1;
    const wide = char === '。' || char === '！' || char === '？';
    if (!wide && end < text.length && !/\s/.test(text[end]!)) continue; // "v1.2", "e.g.x", "src/a.ts"
    if (char === '.' && ABBREVIATION.test(text.slice(Math.max(0, i - 6), i + 1))) continue;
    while (end < text.length && /\s/.test(text[end]!)) end += 1;
    sentences.push(text.slice(start, end));
    start = end;
    i = end - 1;
  }
  if (start < text.length) sentences.push(text.slice(start));
  return sentences.filter((sentence) => sentence.trim());
}

/** `1,000` → `1000`, `1.50` → `1.5`, `０７` → `7`. */
export function normalizeNumber(raw: string): string {
  const plain = raw.normalize('NFKC').replace(/[,_]/g, '');
  const value = Number(plain);
  return Number.isFinite(value) ? String(value) : plain;
}

/** Every number in a text, loosely (also inside words such as `v2` or `ES2022`), normalized. */
function collectNumbers(text: string, into: Set<string>): void {
  for (const match of text.normalize('NFKC').matchAll(/\d+(?:[.,]\d+)*/g)) {
    into.add(normalizeNumber(match[0]));
    // `1,000` may be a list "1,000" or a number: accept both readings; a version `1.2.3` gives 1, 2, 3 and 1.2
    // (a plain decimal such as 1.5 does not give 5).
    for (const part of match[0].split(',')) into.add(normalizeNumber(part));
    if ((match[0].match(/\./g) ?? []).length > 1) for (const part of match[0].split(/[.,]/)) into.add(normalizeNumber(part));
    if (match[0].includes('.')) {
      const [head, tail] = match[0].split('.', 2);
      into.add(normalizeNumber(`${head}.${tail}`));
    }
  }
}

/**
 * What the model was given: the commit, the texts sent (the user prompt holds the diff) and, apart, names from
 * the code facts (which the prompt may list only in part).
 */
export function buildGroundingContext(commit: Commit, inputTexts: string[], factNames: string[] = []): GroundingContext {
  return buildContextOf([commit], inputTexts, factNames);
}

/** The same over several commits (the day's headline): what any of them, or the texts sent, contains. */
export function buildDayGroundingContext(commits: readonly Commit[], inputTexts: string[], factNames: string[] = []): GroundingContext {
  return buildContextOf(commits, inputTexts, factNames);
}

function buildContextOf(commits: readonly Commit[], inputTexts: string[], factNames: string[]): GroundingContext {
  const paths = new Set<string>();
  const fullPaths: string[] = [];
  const numbers = new Set<string>();
  const identifiers = emptyIdentifierSets();
  for (const commit of commits) {
    for (const file of commit.files) {
      for (const path of [file.path, file.oldPath]) {
        if (!path) continue;
        fullPaths.push(path);
        paths.add(path);
        const parts = path.split('/');
        paths.add(parts[parts.length - 1]!);
        for (let i = 1; i < parts.length; i += 1) paths.add(parts.slice(0, i).join('/'));
      }
      numbers.add(String(file.additions));
      numbers.add(String(file.deletions));
      numbers.add(String(file.additions + file.deletions));
    }
    const additions = commit.files.reduce((sum, file) => sum + file.additions, 0);
    const deletions = commit.files.reduce((sum, file) => sum + file.deletions, 0);
    for (const value of [commit.files.length, additions, deletions, additions + deletions, commit.parents.length]) numbers.add(String(value));
    if (commit.prNumber !== undefined) numbers.add(String(commit.prNumber));
    for (const text of [commit.subject, commit.body, ...commit.trailers.map((t) => `${t.key} ${t.value}`), ...commit.files.map((f) => `${f.oldPath ?? ''} ${f.path}`)]) {
      collectNumbers(text, numbers);
    }
    for (const text of [commit.subject, commit.body, ...commit.files.map((f) => `${f.oldPath ?? ''} ${f.path}`)]) {
      collectIdentifiers(text, identifiers);
    }
  }
  for (const text of inputTexts) {
    collectNumbers(text, numbers);
    collectIdentifiers(text, identifiers);
  }
  for (const name of factNames) {
    collectIdentifiers(name, identifiers);
    collectNumbers(name, numbers);
  }
  return { paths, fullPaths, numbers, identifiers };
}

const UNITS = '%|x|×|ms|µs|us|ns|s|sec|secs|seconds?|min|mins|minutes?|h|hrs?|hours?|days?|k|kb|kib|mb|mib|gb|gib|tb|b|bytes?|lines?|files?|倍|秒|毫秒|分钟|小时|天|行|个|次|处|项';
/** A number standing on its own (not inside a word like `v2`, `ES2022` or a hash), with an optional unit. */
const NUMBER = new RegExp(`(?<![\\p{L}\\p{N}_.\\-/#]|\\d[.,])(\\d+(?:[.,]\\d+)*)(?:\\s?(?:${UNITS}))?(?![\\p{L}\\p{N}_])`, 'giu');
/** Path-like tokens: runs of path characters. */
const TOKEN = /[\p{L}\p{N}_@.~+\-/]+/gu;

export interface SentenceVerdict {
  keep: boolean;
  reason?: string;
}

export function checkSentence(sentence: string, context: GroundingContext, language: Language): SentenceVerdict {
  const text = sentence.normalize('NFKC');
  for (const match of text.matchAll(TOKEN)) {
    if (match.index > 0 && text[match.index - 1] === '<') continue; // `</script>`: markup, not a path
    const token = match[0].replace(/^[.\-~]+(?=[\p{L}\p{N}_])/u, (lead) => (lead.startsWith('./') || lead === '.' ? '' : lead)).replace(/[.\-]+$/, '');
    if (!isPathToken(token)) continue;
    if (!pathKnown(token, context)) return { keep: false, reason: reasonText(language, 'path', token) };
  }
  const identifier = inventedIdentifier(text, context.identifiers);
  if (identifier !== undefined) return { keep: false, reason: reasonText(language, 'identifier', identifier) };
  for (const match of text.matchAll(NUMBER)) {
    const raw = match[1]!;
    if (context.numbers.has(normalizeNumber(raw))) continue;
    // `1,2` may be a list: accept when every part is known.
    const parts = raw.split(',');
    if (parts.length > 1 && parts.every((part) => context.numbers.has(normalizeNumber(part)))) continue;
    return { keep: false, reason: reasonText(language, 'number', match[0].trim()) };
  }
  return { keep: true };
}

function isPathToken(token: string): boolean {
  if (!/\p{L}/u.test(token)) return false; // dates, fractions, versions
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(token)) return true;
  if (token.includes('/')) {
    const trimmed = token.replace(/^\/+|\/+$/g, '');
    // "and/or", "I/O", "read/write", "async/await": one slash between two plain words is not a path
    if (/^[\p{L}]+\/[\p{L}]+$/u.test(trimmed)) return false;
    return trimmed.length > 0;
  }
  const dot = token.lastIndexOf('.');
  if (dot <= 0 || dot === token.length - 1) return false;
  const extension = token.slice(dot + 1).toLowerCase();
  if (!FILE_EXTENSIONS.has(extension)) return false;
  if (NOT_FILES.test(token)) return false;
  return true;
}

function pathKnown(token: string, context: GroundingContext): boolean {
  const path = token.replace(/^\.\//, '').replace(/^[ab]\/(?=.+\/)/, '').replace(/\/+$/, '');
  if (context.paths.has(path) || context.paths.has(token)) return true;
  // a trailing part of a commit path: `llm/prompt.ts` for `src/core/llm/prompt.ts`
  return context.fullPaths.some((full) => full.endsWith(`/${path}`) || full.split('/').slice(0, -1).join('/').endsWith(`/${path}`));
}

const REASONS: Record<Language, Record<'path' | 'number' | 'identifier', (value: string) => string>> = {
  en: {
    path: (value) => `named the path "${value}", which is not among the commit's files`,
    number: (value) => `quoted the number "${value}", which appears nowhere in the commit`,
    identifier: (value) => `named the identifier "${value}", which appears nowhere in the diff or the code facts`,
  },
  'zh-CN': {
    path: (value) => `提到了本次提交之外的路径“${value}”`,
    number: (value) => `引用了输入中没有的数字“${value}”`,
    identifier: (value) => `提到了 diff 和代码事实中都没有的标识符“${value}”`,
  },
};

function reasonText(language: Language, kind: 'path' | 'number' | 'identifier', value: string): string {
  return REASONS[language][kind](value);
}

export interface GroundedText {
  text: string;
  dropped: number;
  reasons: string[];
}

/** Drops the ungrounded sentences of one field; the kept ones are joined back as written. */
export function groundText(text: string, context: GroundingContext, language: Language): GroundedText {
  let dropped = 0;
  const reasons: string[] = [];
  const kept: string[] = [];
  for (const sentence of splitSentences(text)) {
    const verdict = checkSentence(sentence, context, language);
    if (verdict.keep) kept.push(sentence);
    else {
      dropped += 1;
      if (verdict.reason) reasons.push(verdict.reason);
    }
  }
  return { text: kept.join('').trim(), dropped, reasons };
}

/** Grounds a list of fields; items left empty are removed. */
export function groundList(items: string[], context: GroundingContext, language: Language, into: Grounding): string[] {
  const out: string[] = [];
  for (const item of items) {
    const grounded = groundText(item, context, language);
    into.dropped += grounded.dropped;
    into.reasons.push(...grounded.reasons);
    if (grounded.text) out.push(grounded.text);
  }
  return out;
}
