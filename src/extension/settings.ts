// Reads the `dailyDigest.*` settings into engine options.
import * as vscode from 'vscode';
import { parseUserRules } from '../core/analyze/verdict/userRulesSchema.js';
import type { DigestError } from '../core/errors.js';
import { isLanguage, languageFromLocale, type Language } from '../core/domain/language.js';
import { DATE_FIELDS, DEFAULT_READ_OPTIONS, MERGE_MODES } from '../core/domain/defaults.js';
import type { DigestOptions, UserRule } from '../core/domain/options.js';

export const SECTION = 'dailyDigest';

/** Everything of DigestOptions that comes from settings (not the repos, the period or the signal). */
export type SettingsOptions = Omit<DigestOptions, 'repos' | 'period' | 'signal' | 'onProgress' | 'now'>;

export interface Settings {
  options: SettingsOptions;
  /** Set when `dailyDigest.rules` is invalid; the valid rules are still used. */
  rulesError?: DigestError;
  autoRefresh: boolean;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '') : [];
}

/** The UI language: the editor's display language mapped to a report language. */
export function uiLanguage(): Language {
  return languageFromLocale(vscode.env.language);
}

export function readSettings(scope?: vscode.Uri): Settings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const languageSetting = config.get<string>('language', 'auto');
  const language: Language = languageSetting !== 'auto' && isLanguage(languageSetting) ? languageSetting : uiLanguage();
  const dateField = config.get<string>('dateField', DEFAULT_READ_OPTIONS.dateField);
  const merges = config.get<string>('merges', DEFAULT_READ_OPTIONS.merges);
  const ref = config.get<string>('ref', DEFAULT_READ_OPTIONS.ref).trim();
  const parsed = parseUserRules(config.get<unknown>('rules', []), 'settings (dailyDigest.rules)');
  const rules: UserRule[] = parsed.rules;
  return {
    options: {
      language,
      timeZone: config.get<string>('timeZone', '').trim() || undefined,
      dateField: DATE_FIELDS.find((field) => field === dateField) ?? DEFAULT_READ_OPTIONS.dateField,
      merges: MERGE_MODES.find((mode) => mode === merges) ?? DEFAULT_READ_OPTIONS.merges,
      ref: ref === '' ? DEFAULT_READ_OPTIONS.ref : ref,
      authors: stringList(config.get<unknown>('authors', [])),
      paths: stringList(config.get<unknown>('paths', [])),
      rules,
    },
    rulesError: parsed.error,
    autoRefresh: config.get<boolean>('autoRefresh', false) === true,
  };
}
