// Reads the `dailyDigest.*` settings into engine options.
import * as vscode from 'vscode';
import { parseUserRules } from '../core/analyze/verdict/userRulesSchema.js';
import type { DigestError } from '../core/errors.js';
import { isLanguage, languageFromLocale, type Language } from '../core/i18n/language.js';
import type { DigestOptions, UserRule } from '../core/model/options.js';
import type { DateField, MergeMode } from '../core/model/report.js';

export const SECTION = 'dailyDigest';

/** Everything of DigestOptions that comes from settings (not the repos, the period or the signal). */
export type SettingsOptions = Omit<DigestOptions, 'repos' | 'period' | 'signal' | 'onProgress' | 'now'>;

export interface Settings {
  options: SettingsOptions;
  /** Set when `dailyDigest.rules` is invalid; the valid rules are still used. */
  rulesError?: DigestError;
  autoRefresh: boolean;
}

const DATE_FIELDS: readonly DateField[] = ['committer', 'author'];
const MERGE_MODES: readonly MergeMode[] = ['exclude', 'include', 'first-parent'];

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
  const dateField = config.get<string>('dateField', 'committer');
  const merges = config.get<string>('merges', 'exclude');
  const ref = config.get<string>('ref', 'HEAD').trim();
  const parsed = parseUserRules(config.get<unknown>('rules', []), 'settings (dailyDigest.rules)');
  const rules: UserRule[] = parsed.rules;
  return {
    options: {
      language,
      timeZone: config.get<string>('timeZone', '').trim() || undefined,
      dateField: DATE_FIELDS.find((field) => field === dateField) ?? 'committer',
      merges: MERGE_MODES.find((mode) => mode === merges) ?? 'exclude',
      ref: ref === '' ? 'HEAD' : ref,
      authors: stringList(config.get<unknown>('authors', [])),
      paths: stringList(config.get<unknown>('paths', [])),
      rules,
    },
    rulesError: parsed.error,
    autoRefresh: config.get<boolean>('autoRefresh', false) === true,
  };
}
