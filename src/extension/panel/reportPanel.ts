// The report webview: one WebviewPanel beside the editor, restored after a reload by a serializer.
// The extension sends the Report and its Markdown; the webview renders, sanitizes and posts link clicks back.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ExtensionToWebview, WebviewState } from '../../shared/protocol.js';

export const REPORT_VIEW_TYPE = 'dailyDigest.report';

/** What the panel shows; supplied by the controller. */
export interface ReportSource {
  /** The message describing the current state (report, loading or empty). */
  currentMessage(): ExtensionToWebview;
  /** Gives the source a way to post messages of its own (triage changes, a new language) to the shown page. */
  attach?(post: (message: ExtensionToWebview) => void): void;
  /** The title: "Daily Digest — 2026-01-22". */
  title(): string;
  /** Handles a message from the webview (validated there). */
  onMessage(message: unknown): Promise<unknown>;
  /** Called when a panel restored after a reload remembers the day it showed. */
  onRestored(state: WebviewState | undefined): void;
}

function nonce(): string {
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

export class ReportPanelManager implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private pendingReveal: string | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly source: ReportSource,
  ) {
    source.attach?.((message) => this.post(message));
    // The page's words follow the report language setting at once; the report in that language follows when made.
    this.disposables.push(vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('dailyDigest.language')) this.update();
    }));
  }

  /** Posts to the page when it is ready for messages; dropped otherwise (the page asks for the state when ready). */
  private post(message: ExtensionToWebview): void {
    if (this.panel !== undefined && this.ready) void this.panel.webview.postMessage(message);
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  get isVisible(): boolean {
    return this.panel?.visible === true;
  }

  /** Opens the panel beside the editor, or reveals it where it is. */
  show(preserveFocus = true): void {
    if (this.panel !== undefined) {
      this.panel.reveal(undefined, preserveFocus);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      REPORT_VIEW_TYPE,
      this.source.title(),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus },
      this.webviewOptions(),
    );
    this.adopt(panel);
  }

  /** Takes over a panel restored by VS Code after a reload. */
  restore(panel: vscode.WebviewPanel, state: WebviewState | undefined): void {
    if (this.panel !== undefined) {
      panel.dispose();
      return;
    }
    panel.webview.options = this.webviewOptions();
    this.source.onRestored(state);
    this.adopt(panel);
  }

  /** Sends the current state (report, loading, empty) to the webview. */
  update(): void {
    if (this.panel === undefined) return;
    this.panel.title = this.source.title();
    if (this.ready) void this.panel.webview.postMessage(this.source.currentMessage());
  }

  /** Scrolls the report to a commit anchor, once the webview is ready. */
  reveal(anchor: string): void {
    if (this.panel === undefined) return;
    if (!this.ready) {
      this.pendingReveal = anchor;
      return;
    }
    const message: ExtensionToWebview = { type: 'reveal', anchor };
    void this.panel.webview.postMessage(message);
  }

  private webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      enableFindWidget: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'daily-digest.svg');
    panel.title = this.source.title();
    const subscriptions: vscode.Disposable[] = [];
    subscriptions.push(panel.webview.onDidReceiveMessage(async (message: unknown) => {
      if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'ready') {
        this.ready = true;
      }
      await this.source.onMessage(message);
      if (this.ready && this.pendingReveal !== undefined) {
        const anchor = this.pendingReveal;
        this.pendingReveal = undefined;
        this.reveal(anchor);
      }
    }));
    // A hidden panel without retainContextWhenHidden reloads its page when shown again: wait for its `ready`.
    subscriptions.push(panel.onDidChangeViewState(() => {
      if (!panel.visible) this.ready = false;
    }));
    panel.onDidDispose(() => {
      subscriptions.forEach((subscription) => subscription.dispose());
      if (this.panel === panel) {
        this.panel = undefined;
        this.ready = false;
        this.pendingReveal = undefined;
      }
    }, undefined, this.disposables);
    panel.webview.html = this.html(panel.webview);
  }

  /** A fresh nonce per load; scripts and styles only from the extension's dist and media folders. */
  private html(webview: vscode.Webview): string {
    const scriptNonce = nonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'report.css'));
    const sections = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'report-sections.css'));
    const codicons = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'codicons', 'codicon.css'));
    const csp = [
      "default-src 'none'",
      `script-src 'nonce-${scriptNonce}'`,
      `style-src ${webview.cspSource}`,
      `font-src ${webview.cspSource}`,
    ].join('; ');
    const lang = vscode.env.language.replace(/[^A-Za-z0-9-]/g, '') || 'en';
    return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${codicons.toString()}" id="vscode-codicon-stylesheet">
<link rel="stylesheet" href="${style.toString()}">
<link rel="stylesheet" href="${sections.toString()}">
<title>Daily Digest</title>
</head>
<body>
<div id="toolbar" role="toolbar"></div>
<main id="content" aria-live="polite" aria-busy="true"></main>
<script nonce="${scriptNonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  dispose(): void {
    this.panel?.dispose();
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}
