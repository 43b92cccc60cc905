import type { Language } from '../../domain/language.js';
import { FACT_MESSAGES_ZH } from './factMessages.zh.js';
import { FACT_MESSAGES_EN } from './factMessages.en.js';
import type { FactMessageKey, FactParams } from './factMessages.en.js';
import { message } from './messages.js';
import type { MessageKey, MessageParams } from './messages.js';

export type { FactMessageKey, FactParams } from './factMessages.en.js';

/** Identifiers longer than this are cut in prose (a hostile name cannot fill a report). */
const MAX_CODE_CHARS = 80;

/**
 * An identifier as a code span: backticks around it, backticks inside replaced (so spans always pair up) and white
 * space flattened. The renderers escape the backticks like any text: the span stays text, never Markdown.
 */
export function code(text: string): string {
  let flat = text.replace(/[`\u0000-\u001f\u007f]/g, (char) => (char === '`' ? "'" : ' ')).replace(/\s+/g, ' ').trim();
  if (flat.length > MAX_CODE_CHARS) flat = `${flat.slice(0, MAX_CODE_CHARS - 1)}…`;
  return `\`${flat}\``;
}

/** A sentence of the facts' prose in the report language. */
export function factMessage(language: Language, key: FactMessageKey, params: FactParams = {}): string {
  return language === 'en' ? FACT_MESSAGES_EN[key](params) : zhSpacing(FACT_MESSAGES_ZH[key](params));
}

const HAN = /[\u3400-\u9fff]/;
const LATIN_OR_TICK = /[A-Za-z0-9`]/;

/**
 * Chinese text with code and Latin words set apart as Chinese typesetting does: one space between a Han character
 * and a Latin character or code span, none between two Han characters. Code spans are left as they are.
 */
export function zhSpacing(text: string): string {
  let result = '';
  let inCode = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (inCode) {
      result += char;
      if (char === '`') inCode = false;
      continue;
    }
    const before = result[result.length - 1] ?? '';
    if (char === ' ') {
      const after = text[index + 1] ?? '';
      if (before === '' || before === ' ' || (HAN.test(before) && HAN.test(after))) continue;
      result += char;
      continue;
    }
    if ((HAN.test(before) && LATIN_OR_TICK.test(char)) || (LATIN_OR_TICK.test(before) && HAN.test(char))) result += ' ';
    if (char === '`') inCode = true;
    result += char;
  }
  return result;
}

export type AnyMessageKey = MessageKey | FactMessageKey;

/** factMessage or message, whichever table holds the key. */
export function anyMessage(language: Language, key: AnyMessageKey, params: MessageParams = {}): string {
  return key in FACT_MESSAGES_EN ? factMessage(language, key as FactMessageKey, params) : message(language, key as MessageKey, params);
}

/** `a`, `b` and `c` / `a`、`b` 和 `c`: a list read as a phrase, at most `max` shown and the rest counted. */
export function phraseList(language: Language, items: readonly string[], max = 4): string {
  if (items.length === 0) return '';
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  if (language === 'en') {
    if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
    return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  }
  if (rest > 0) return `${shown.join('、')} 等 ${items.length} 项`;
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join('、')} 和 ${shown[shown.length - 1]}`;
}
