import type { ChangeType, Importance } from './analysis.js';
import type { DateField, MergeMode } from './report.js';
import type { Language } from './language.js';
import type { CommitOrder } from './triage.js';
import type { WebOverride } from './web.js';

/** A day (`today`, `yesterday`, `YYYY-MM-DD`) or a range (`since`/`until`: dates or relative like `7d`). */
export type PeriodSpec =
  | { kind: 'day'; day: string }
  | { kind: 'range'; since: string; until?: string };

/** What to read from one repository. */
export interface ReadOptions {
  ref: string;
  dateField: DateField;
  merges: MergeMode;
  /** Case-insensitive substrings of author name or email; empty means everyone. */
  authors: string[];
  /** Case-insensitive substrings of `Name <email>` whose commits are left out, after `authors` picked. */
  excludeAuthors?: string[];
  /** Pathspecs/globs relative to the repo root; empty means everything. */
  paths: string[];
}

/**
 * A user rule, as written in settings or `.daily-digest.json`:
 * `{"match": {"paths": ["planner/**"]}, "importance": "high"}`.
 */
export interface RuleMatch {
  /** Globs (picomatch); the rule matches when any changed file matches any glob. */
  paths?: string[];
  /** A regular expression tested against the subject and body (case-insensitive). */
  message?: string;
  /** Matches when the commit's change type is one of these. */
  types?: ChangeType[];
  /** Fact tags read from the code (`flag.removed`, `security.tls`, …; docs/rules.md): matches when the commit has any. */
  facts?: string[];
}

export interface UserRule {
  match: RuleMatch;
  /** Forces the importance (a breaking change stays high, docs never become high). */
  importance?: Importance;
  /** Forces the change type. */
  changeType?: ChangeType;
  /** Added to the score. */
  score?: number;
  /** Shown among the reasons; defaults to a description of the match. */
  reason?: string;
}

export interface DigestOptions extends Partial<ReadOptions> {
  repos: string[];
  period: PeriodSpec;
  /** IANA time zone; defaults to the machine's. */
  timeZone?: string;
  language: Language;
  /** Rules from settings; each repo's `.daily-digest.json` rules are added after these. */
  rules?: UserRule[];
  signal?: AbortSignal;
  onProgress?: (message: string) => void;
  /** Injectable clock for `today`/`yesterday`/`7d`; defaults to now. */
  now?: Date;
  /** A folder outside the repositories where history walks are kept, so the next run walks only new commits. */
  walkIndexDir?: string;
  /**
   * A folder outside the repositories where the analyses made with the code's facts are kept, so the next run of the
   * same commits does not read and parse their files again (analyze/analysisStore.ts). None kept when left out.
   */
  analysisCacheDir?: string;
  /** The order of the commit tables; importance first when left out. */
  order?: CommitOrder;
  /** Authors whose commits are folded as a bot's (substrings of name or email); DEFAULT_BOT_PATTERNS when left out. */
  bots?: string[];
  /** Where a repository's web pages are when its remote URL does not say: one for every repository, or per root. */
  web?: WebOverride | ((repoRoot: string) => WebOverride | undefined);
  /** Read the activity calendar (one more `git log` per repository); true when left out. */
  activity?: boolean;
}
