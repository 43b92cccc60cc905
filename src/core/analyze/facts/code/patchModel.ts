import type { PatchLine } from '../patchLines.js';
import { isFormatWord, schemesIn } from './formatTable.js';
import { emptyModel, MODEL_LIMITS } from './model.js';
import type { ArgValue, CodeModel } from './model.js';
import { splitWords } from './words.js';

/**
 * The fallback for a file without a grammar (or whose parse failed): the patch's changed lines of one side, lexed
 * one line at a time into identifiers, strings, numbers and punctuation, and read into the same model as a tree
 * gives: calls written on one line, environment reads by key, ALL_CAPS constants bound to literals, words.
 */

interface Token {
  kind: 'identifier' | 'string' | 'number' | 'punct';
  text: string;
}

function isIdentStart(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f || code === 0x24;
}
function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
function isIdentPart(code: number): boolean {
  return isIdentStart(code) || isDigitCode(code);
}

/** Tokens past this many per side are not read: a hostile patch costs a bounded amount. */
const MAX_TOKENS_PER_SIDE = 200_000;
const ENV_OBJECTS: ReadonlySet<string> = new Set(['env', 'environ', 'ENV', 'Env']);

/** Lexes one line (comments dropped: `//`, `/* … *\/`, and `#` unless it opens `#[`, `#define`, `#include`, `#if`). */
export function lexLine(line: string): Token[] {
  const tokens: Token[] = [];
  const text = line.length > 2_000 ? line.slice(0, 2_000) : line;
  let at = 0;
  while (at < text.length && tokens.length < 400) {
    const char = text[at]!;
    if (char === ' ' || char === '\t') {
      at += 1;
    } else if (char === '/' && text[at + 1] === '/') {
      break;
    } else if (char === '/' && text[at + 1] === '*') {
      const close = text.indexOf('*/', at + 2);
      if (close === -1) break;
      at = close + 2;
    } else if (char === '#' && !/^#(\[|!\[|define\b|include\b|if|el|endif|undef)/.test(text.slice(at, at + 8))) {
      break;
    } else if (char === '"' || char === "'" || char === '`') {
      let end = at + 1;
      let value = '';
      while (end < text.length && text[end] !== char) {
        if (text[end] === '\\' && end + 1 < text.length) end += 1;
        value += text[end];
        end += 1;
      }
      tokens.push({ kind: 'string', text: value });
      at = end + 1;
    } else if (isIdentStart(text.charCodeAt(at))) {
      let end = at + 1;
      while (end < text.length && isIdentPart(text.charCodeAt(end))) end += 1;
      tokens.push({ kind: 'identifier', text: text.slice(at, end) });
      at = end;
    } else if (isDigitCode(text.charCodeAt(at))) {
      let end = at + 1;
      while (end < text.length && (isIdentPart(text.charCodeAt(end)) || text[end] === '.')) end += 1;
      tokens.push({ kind: 'number', text: text.slice(at, end) });
      at = end;
    } else {
      const pair = text.slice(at, at + 2);
      const punct = pair === '::' || pair === '->' || pair === '=>' || pair === '==' ? pair : char;
      tokens.push({ kind: 'punct', text: punct });
      at += punct.length;
    }
  }
  return tokens;
}

const SEPARATORS: ReadonlySet<string> = new Set(['.', '::', '->']);
/** A call's arguments are read over this many tokens at most, and this many calls per line: bounded work per line. */
const MAX_ARGUMENT_TOKENS = 64;
const MAX_CALLS_PER_LINE = 24;

function argOf(tokens: Token[]): ArgValue {
  const equals = tokens.length >= 3 && tokens[0]!.kind === 'identifier' && (tokens[1]!.text === '=' || tokens[1]!.text === ':') ? 2 : 0;
  const keyword = equals ? { keyword: tokens[0]!.text } : {};
  const value = tokens.slice(equals);
  if (value.length === 1) {
    const only = value[0]!;
    const kind = only.kind === 'string' ? 'string' : only.kind === 'number' ? 'number' : only.kind === 'identifier' ? (/^(true|false|True|False)$/.test(only.text) ? 'bool' : 'ident') : 'other';
    return { kind, text: only.text.slice(0, MODEL_LIMITS.argText), ...keyword };
  }
  if (value.length === 2 && value[0]!.text === '-' && value[1]!.kind === 'number') return { kind: 'number', text: `-${value[1]!.text}`, ...keyword };
  return { kind: 'other', text: value.map((token) => token.text).join('').slice(0, MODEL_LIMITS.argText), ...keyword };
}

/** The arguments from just after `(` to the matching `)` on this line, split at top-level commas. */
function argumentsFrom(tokens: Token[], open: number): ArgValue[] {
  const args: ArgValue[] = [];
  let depth = 0;
  let current: Token[] = [];
  const end = Math.min(tokens.length, open + 1 + MAX_ARGUMENT_TOKENS);
  for (let index = open + 1; index < end && args.length < MODEL_LIMITS.args; index += 1) {
    const token = tokens[index]!;
    if (token.kind === 'punct' && '([{'.includes(token.text)) depth += 1;
    if (token.kind === 'punct' && ')]}'.includes(token.text)) {
      if (depth === 0) break;
      depth -= 1;
    }
    if (depth === 0 && token.text === ',' && token.kind === 'punct') {
      if (current.length > 0) args.push(argOf(current));
      current = [];
    } else {
      current.push(token);
    }
  }
  if (current.length > 0) args.push(argOf(current));
  return args;
}

/** The model of one side's changed lines. */
export function patchModel(lines: readonly PatchLine[]): CodeModel {
  const model = emptyModel();
  let budget = MAX_TOKENS_PER_SIDE;
  for (const { line, text } of lines) {
    const tokens = lexLine(text);
    budget -= tokens.length;
    if (budget < 0) break;
    let callsOnLine = 0;
    const decorator = /^\s*(@|#\[)/.test(text);
    const macroLine = /^\s*#\[/.test(text);
    for (let index = 0; index < tokens.length; index += 1) {
      const token = tokens[index]!;
      if (token.kind === 'punct') continue;
      if (model.changed.length < MODEL_LIMITS.changed) model.changed.push({ text: token.text, kind: token.text === 'unsafe' ? 'keyword' : token.kind, line });
      if (model.words.length < MODEL_LIMITS.words) {
        const capitalised = token.kind === 'identifier' && /^[A-Z]/.test(token.text);
        for (const word of splitWords(token.text)) if (isFormatWord(word)) model.words.push({ word, line, inString: token.kind === 'string', capitalised });
        if (token.kind === 'string') for (const scheme of schemesIn(token.text)) model.words.push({ word: scheme, line, inString: true, capitalised: false });
      }
      if (token.kind !== 'identifier' || (index > 0 && SEPARATORS.has(tokens[index - 1]!.text))) continue;
      // A callee path `a.b::c` starting here, then `(`, `!(`, `[` or `.key`.
      const callee = [token.text];
      let end = index + 1;
      while (end + 1 < tokens.length && SEPARATORS.has(tokens[end]!.text) && tokens[end + 1]!.kind === 'identifier' && callee.length < 8) {
        callee.push(tokens[end + 1]!.text);
        end += 2;
      }
      const next = tokens[end];
      const macro = next?.text === '!' && tokens[end + 1]?.text === '(';
      if ((next?.text === '(' || macro) && model.calls.length < MODEL_LIMITS.calls && callsOnLine++ < MAX_CALLS_PER_LINE) {
        model.calls.push({ callee, args: argumentsFrom(tokens, macro ? end + 1 : end), line, ...(decorator && index <= 1 ? { decorator: true } : {}), ...(macro || macroLine ? { macro: true } : {}) });
      } else if (next?.text === '[' && tokens[end + 1]?.kind === 'string' && ENV_OBJECTS.has(callee[callee.length - 1]!)) {
        model.members.push({ object: callee, key: tokens[end + 1]!.text, line });
      } else if (callee.length >= 2 && ENV_OBJECTS.has(callee[callee.length - 2]!)) {
        model.members.push({ object: callee.slice(0, -1), key: callee[callee.length - 1]!, line });
      }
    }
    bindConstant(tokens, line, model);
  }
  return model;
}

/** `NAME = 5`, `const NAME: u32 = 5;`, `#define NAME 5`, `NAME := "x"`: an ALL_CAPS name bound to one literal. */
function bindConstant(tokens: Token[], line: number, model: CodeModel): void {
  if (model.literals.length >= MODEL_LIMITS.literals) return;
  const define = tokens[0]?.text === '#' && tokens[1]?.text === 'define';
  const nameAt = define ? 2 : tokens.findIndex((token) => token.kind === 'identifier' && /^[A-Z][A-Z0-9_]{1,60}$/.test(token.text));
  if (nameAt === -1 || nameAt > 4) return;
  let valueAt = nameAt + 1;
  if (!define) {
    const equals = tokens.findIndex((token, index) => index > nameAt && (token.text === '=' || token.text === ':'));
    if (equals === -1 || tokens[equals]!.text === ':' && tokens[equals + 1]?.text !== '=') {
      const assign = tokens.findIndex((token, index) => index > nameAt && token.text === '=');
      if (assign === -1) return;
      valueAt = assign + 1;
    } else {
      valueAt = equals + (tokens[equals + 1]?.text === '=' ? 2 : 1);
    }
  }
  const rest = tokens.slice(valueAt).filter((token) => token.text !== ';' && token.text !== ',');
  const value = rest.length === 2 && rest[0]!.text === '-' && rest[1]!.kind === 'number' ? `-${rest[1]!.text}` : rest.length === 1 && rest[0]!.kind !== 'punct' ? rest[0]!.text : undefined;
  const literal = rest.length === 1 && (rest[0]!.kind === 'string' || rest[0]!.kind === 'number' || /^(true|false|True|False|None|null|nil)$/.test(rest[0]!.text));
  if (value !== undefined && (literal || rest.length === 2)) model.literals.push({ name: tokens[nameAt]!.text, value, line });
}
