// Messages between the report webview (webview/main.ts) and the extension (src/extension/panel/).
// Pure types only: imported by both bundles. The extension validates every message the webview posts
// (panel/webviewMessages.ts) against the report it shows before acting on it.
import type { Language } from '../core/domain/language.js';
import type { Report } from '../core/domain/report.js';
import type { CommitOrder } from '../core/domain/triage.js';
import type { CommitFilter } from './commitFilter.js';

/** Everything the webview may ask. `repo` is the 0-based repository index in the report, when the link knows it. */
export type WebviewToExtension =
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'export' }
  | { type: 'copyMarkdown' }
  | { type: 'openCommit'; sha: string; repo?: number }
  | { type: 'openFile'; sha: string; path: string; repo?: number }
  /**
   * A fact's place: the file's diff opened and scrolled to `line` (1-based) on `side` (`new`: the commit's version,
   * `old`: its parent's, for removed things). `path` is the file's path in the commit (its new path).
   */
  | { type: 'openFact'; sha: string; path: string; line: number; side?: 'old' | 'new'; repo?: number }
  | { type: 'openExternal'; url: string }
  /** Marks commits of the shown report reviewed (or unreviewed again): one commit, or every commit of a group. */
  | { type: 'markReviewed'; shas: string[]; reviewed: boolean; repo?: number }
  /** The report of one day, `YYYY-MM-DD` (a day of the activity calendar, or the last active day). */
  | { type: 'openDay'; day: string }
  /** The day before / after the one shown (for a range: the day before its first / after its last day). */
  | { type: 'previousDay' }
  | { type: 'nextDay' };

/** What the host knows about moving between days; every field optional (the webview works without them). */
export interface DayNavigation {
  /** Today in the report's time zone, `YYYY-MM-DD`: the next-day button stops there. */
  today?: string;
}

export type ExtensionToWebview =
  /** A report is being made; `label` is its window label when known. */
  | { type: 'loading'; language: Language; label?: string }
  /**
   * The report to show, with the triage state: `reviewed` holds the full SHAs of its commits marked reviewed.
   * `language` is the UI language of the page's own words when it differs from `report.language` (a language
   * change whose new report is on its way); the report's language otherwise.
   */
  | { type: 'report'; report: Report; reviewed: string[]; language?: Language; navigation?: DayNavigation }
  /** No report yet: `message` says why, in `language`. */
  | { type: 'empty'; language: Language; message?: string }
  /** The triage state changed (marked from the tree, or by another report view): the full list of reviewed SHAs. */
  | { type: 'triage'; reviewed: string[] }
  /** The UI language changed: relabel the page now, before the report in that language arrives. */
  | { type: 'language'; language: Language }
  | { type: 'reveal'; anchor: string };

/** What the webview keeps with getState/setState across hide/show and reloads. */
export interface WebviewState {
  /** The report window label shown, e.g. `2026-01-22`. */
  day?: string;
  scrollY?: number;
  /** The commit table's order. */
  order?: CommitOrder;
  filter?: CommitFilter;
  /** Keys of the folded groups the reader opened (`repoIndex:groupIndex`). */
  openGroups?: string[];
}
