// Auto-refresh (`dailyDigest.autoRefresh`): watches the refs of the shown report's repositories and generates the
// report again a moment after they change, while it is on screen.
import * as vscode from 'vscode';
import type { Report } from '../core/domain/report.js';
import { readSettings, SECTION } from './settings.js';

const AUTO_REFRESH_DELAY_MS = 1000;

/** What auto-refresh needs from the controller. */
export interface AutoRefreshHost {
  readonly log: vscode.LogOutputChannel;
  currentReport(): Report | undefined;
  /** True when the report is on screen (the panel or the Commits view). */
  onScreen(): boolean;
  /** True while a generation runs: the refresh waits for it rather than cancel it. */
  busy(): boolean;
  /** The refs moved (called at once, before the delayed refresh). */
  refsMoved(): void;
  refresh(): void;
}

export class AutoRefresh implements vscode.Disposable {
  private watchers: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly host: AutoRefreshHost) {
    this.subscriptions = [
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${SECTION}.autoRefresh`)) this.update();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.update()),
    ];
  }

  /** Watches the shown report's repositories when auto-refresh is on and the workspace is trusted; else none. */
  update(): void {
    this.watchers.forEach((watcher) => watcher.dispose());
    this.watchers = [];
    const report = this.host.currentReport();
    if (!vscode.workspace.isTrusted || report === undefined || !readSettings().autoRefresh) return;
    for (const repo of report.repositories) {
      if (repo.error !== undefined) continue;
      const watcher = vscode.workspace.createFileSystemWatcher(
        new vscode.RelativePattern(vscode.Uri.file(repo.path), '.git/{HEAD,packed-refs,FETCH_HEAD,refs/**}'));
      const schedule = (): void => this.schedule();
      this.watchers.push(watcher, watcher.onDidChange(schedule), watcher.onDidCreate(schedule), watcher.onDidDelete(schedule));
    }
  }

  private schedule(): void {
    if (!this.host.onScreen()) return;
    this.host.refsMoved();
    this.arm();
  }

  /** The refresh a moment after the last change; while a generation runs it waits, so no move goes unread. */
  private arm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.host.onScreen()) return;
      if (this.host.busy()) return this.arm();
      this.host.log.info('Repository refs changed: refreshing the report.');
      this.host.refresh();
    }, AUTO_REFRESH_DELAY_MS);
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.watchers.forEach((watcher) => watcher.dispose());
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
