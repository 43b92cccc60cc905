// Reads the `dailyDigest.*` settings into engine options.
import * as vscode from 'vscode';
import { parseUserRules } from '../core/analyze/userRulesSchema.js';
import type { DigestError } from '../core/errors.js';
import { isLanguage, languageFromLocale, type Language } from '../core/domain/language.js';
import { DATE_FIELDS, DEFAULT_READ_OPTIONS, DEFAULT_TRIAGE_SETTINGS, MERGE_MODES } from '../core/domain/defaults.js';
import type { DigestOptions, UserRule } from '../core/domain/options.js';
import type { WebOverride } from '../core/domain/web.js';
import { cleanRepoUrl, isWebKind, webKindOfUrl } from '../core/git/hosting/webLinks.js';

export const SECTION = 'dailyDigest';

/** Everything of DigestOptions that comes from settings (not the repos, the period or the signal). */
export type SettingsOptions = Omit<DigestOptions, 'repos' | 'period' | 'signal' | 'onProgress' | 'now'>;

export interface Settings {
  options: SettingsOptions;
  /** Set when `dailyDigest.rules` is invalid; the valid rules are still used. */
  rulesError?: DigestError;
  /** Refresh the shown day after the repository's refs move (a fetch, a pull, a commit). */
  autoRefresh: boolean;
  /** One notice when a refresh brings new high-importance commits. */
  notifyNewHighImportance: boolean;
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
      excludeAuthors: stringList(config.get<unknown>('excludeAuthors', DEFAULT_TRIAGE_SETTINGS.excludeAuthors)),
      bots: stringList(config.get<unknown>('botPatterns', DEFAULT_TRIAGE_SETTINGS.botPatterns)),
      paths: stringList(config.get<unknown>('paths', [])),
      rules,
      web: webOverrideOf,
    },
    rulesError: parsed.error,
    autoRefresh: config.get<boolean>('autoRefresh', DEFAULT_TRIAGE_SETTINGS.autoRefresh) !== false,
    notifyNewHighImportance: config.get<boolean>('notifyNewHighImportance', DEFAULT_TRIAGE_SETTINGS.notifyNewHighImportance) !== false,
  };
}

/**
 * `dailyDigest.webUrl` (and `webKind`) of the folder holding `repoRoot`: where its web pages are when its remote URL
 * does not say. Undefined when unset, not an http(s) URL without credentials, or of a kind its host does not tell.
 */
export function webOverrideOf(repoRoot: string): WebOverride | undefined {
  const config = vscode.workspace.getConfiguration(SECTION, vscode.Uri.file(repoRoot));
  const url = config.get<string>('webUrl', DEFAULT_TRIAGE_SETTINGS.webUrl).trim();
  if (url === '' || cleanRepoUrl(url) === undefined) return undefined;
  const kindSetting = config.get<string>('webKind', DEFAULT_TRIAGE_SETTINGS.webKind);
  const kind = isWebKind(kindSetting) ? kindSetting : webKindOfUrl(url);
  return kind === undefined ? undefined : { url, kind };
}
