import type { Language } from '../domain/language.js';

/** The words of a sentence table: named values, already text. */
export type SentenceParams = Record<string, string>;

/** A sentence table: for each language, one sentence per code, made from its params. */
export type Sentences<Code extends string> = Record<Language, Record<Code, (params: SentenceParams) => string>>;
