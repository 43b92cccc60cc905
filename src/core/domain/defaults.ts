import { DEFAULT_BOT_PATTERNS } from '../report/groups.js';
import type { ReadOptions } from './options.js';
import type { DateField, MergeMode } from './report.js';

// The one place for the read options' defaults and choices: the engine, the command line's flags and the extension's
// settings take them from here. package.json's `dailyDigest.*` settings repeat them for VS Code, and
// test/unit/defaults.test.ts checks that they agree.

export const DATE_FIELDS: readonly DateField[] = ['committer', 'author'];
export const MERGE_MODES: readonly MergeMode[] = ['exclude', 'include', 'first-parent'];

/** What a run reads when nothing says otherwise: HEAD, by committer date, without merges, every author and path. */
export const DEFAULT_READ_OPTIONS: Readonly<ReadOptions> = {
  ref: 'HEAD', dateField: 'committer', merges: 'exclude', authors: [], paths: [],
};

/**
 * The editor's triage settings when nothing says otherwise: no author left out, the CLI's bot patterns, a shown day
 * that refreshes itself after a fetch or pull, one notice for new high-importance commits, links from the remote's
 * URL alone (no web URL; its kind guessed from the host name).
 */
export const DEFAULT_TRIAGE_SETTINGS = {
  excludeAuthors: [] as readonly string[],
  botPatterns: DEFAULT_BOT_PATTERNS,
  autoRefresh: true,
  notifyNewHighImportance: true,
  webUrl: '',
  webKind: '',
} as const;
