import type { Language } from '../domain/language.js';
import type { ModelOutput } from './schema.js';

/**
 * Is the model's prose in the report's language? A script-share check: the share of CJK characters among the
 * letters of the prose fields (summary, reasons, insights, risks, recommendations), leaving out what is code.
 *
 * Left out: text in backticks, and Latin words shaped like identifiers (with a digit, `_`, `/`, `:`, `.` or `$`
 * inside, camelCase such as `writePack` or `GitHub`, or all capitals such as `GPU`). Each Han, kana or Hangul
 * character counts one; each other Latin letter counts one.
 */
export const LANGUAGE_CHECK = {
  /** Fewer letters than this (after the code is left out) are not judged. */
  minLetters: 20,
  /** A zh-CN answer whose CJK share is below this is in the wrong language. */
  zhMinCjkShare: 0.2,
  /** An en answer whose CJK share is above this is in the wrong language. */
  enMaxCjkShare: 0.3,
} as const;

export interface LanguageVerdict {
  /** The answer's prose is not in the report's language. */
  wrong: boolean;
  /** CJK characters / (CJK characters + Latin letters), or undefined when too few letters to judge. */
  cjkShare?: number;
  /** The language the prose looks written in. */
  looksLike?: Language;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Runs of ASCII word and identifier characters. */
const ASCII_RUN = /[A-Za-z0-9_$./:'’-]+/g;

export function proseTexts(output: ModelOutput): string[] {
  return [
    output.summary, ...output.reasons, ...output.insights.architecture, ...output.insights.performance,
    ...output.insights.security, ...output.risks, ...output.recommendations,
  ];
}

/** The letters that count, in one text. Linear in its length. */
export function countScripts(text: string): { cjk: number; latin: number } {
  const plain = withoutBackticks(text);
  let cjk = 0;
  for (const char of plain) if (CJK.test(char)) cjk += 1;
  let latin = 0;
  for (const match of plain.matchAll(ASCII_RUN)) {
    const word = trimPunctuation(match[0]);
    if (!word || looksLikeCode(word)) continue;
    for (const char of word) if ((char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z')) latin += 1;
  }
  return { cjk, latin };
}

export function checkAnswerLanguage(output: ModelOutput, language: Language): LanguageVerdict {
  return checkProseLanguage(proseTexts(output), language);
}

/** The verdict over any prose texts (a headline, the fields of an answer). */
export function checkProseLanguage(texts: readonly string[], language: Language): LanguageVerdict {
  let cjk = 0;
  let latin = 0;
  for (const text of texts) {
    const counts = countScripts(text);
    cjk += counts.cjk;
    latin += counts.latin;
  }
  if (cjk + latin < LANGUAGE_CHECK.minLetters) return { wrong: false };
  const cjkShare = cjk / (cjk + latin);
  const looksLike: Language = cjkShare >= LANGUAGE_CHECK.zhMinCjkShare ? 'zh-CN' : 'en';
  const wrong = language === 'zh-CN' ? cjkShare < LANGUAGE_CHECK.zhMinCjkShare : cjkShare > LANGUAGE_CHECK.enMaxCjkShare;
  return { wrong, cjkShare, looksLike: wrong ? (language === 'zh-CN' ? 'en' : 'zh-CN') : looksLike };
}

const EDGE_PUNCTUATION = new Set(["'", '’', '.', ':', '/', '-']);

/** The word without punctuation at either end (a loop: an end-anchored regex is quadratic in a run of punctuation). */
function trimPunctuation(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && EDGE_PUNCTUATION.has(word[start]!)) start += 1;
  while (end > start && EDGE_PUNCTUATION.has(word[end - 1]!)) end -= 1;
  return word.slice(start, end);
}

function looksLikeCode(word: string): boolean {
  if (/[0-9_$/:.]/.test(word)) return true;
  if (/[a-z][A-Z]/.test(word)) return true;
  return word.length >= 2 && word === word.toUpperCase();
}

/** The text with every `…` span removed (a lone backtick is kept as text). */
function withoutBackticks(text: string): string {
  let out = '';
  let from = 0;
  for (let open = text.indexOf('`'); open >= 0; open = text.indexOf('`', from)) {
    const close = text.indexOf('`', open + 1);
    if (close < 0) break;
    out += `${text.slice(from, open)} `;
    from = close + 1;
  }
  return out + text.slice(from);
}
