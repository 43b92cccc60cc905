// Messages between the report webview (webview/main.ts) and the extension (reportPanel.ts).
// Pure types only: imported by both bundles.
import type { Report } from '../core/domain/report.js';

/** Everything the webview may ask. The extension validates each one (webviewMessages.ts) before acting. */
export type WebviewToExtension =
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'export' }
  | { type: 'copyMarkdown' }
  /** `repo` is the 0-based repository index in the report, when the link knows it. */
  | { type: 'openCommit'; sha: string; repo?: number }
  | { type: 'openFile'; sha: string; path: string; repo?: number }
  | { type: 'openExternal'; url: string };

/** Fixed UI words of the webview, localized by the extension. */
export interface WebviewStrings {
  refresh: string;
  export: string;
  copyMarkdown: string;
  loading: string;
  noReport: string;
  generateToday: string;
  commits: string;
  high: string;
  /** Short label of the jump-to-diff link in the commit table. */
  diff: string;
  openDiff: string;
  openRemote: string;
}

export type ExtensionToWebview =
  | { type: 'loading'; strings: WebviewStrings; label?: string }
  | { type: 'report'; strings: WebviewStrings; report: Report; markdown: string }
  | { type: 'empty'; strings: WebviewStrings; message: string }
  | { type: 'reveal'; anchor: string };

/** What the webview keeps with getState/setState across hide/show and reloads. */
export interface WebviewState {
  /** The report window label shown, e.g. `2026-01-22`. */
  day?: string;
  scrollY?: number;
}
