// Export Report (Markdown, HTML or JSON, to a file the user picks) and Copy Report as Markdown, of the shown report.
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { Report } from '../core/domain/report.js';
// Imported file by file: the render index also exports the JSON Schema, which would pull zod into the bundle.
import { renderHtml } from '../core/render/html.js';
import { renderJson } from '../core/render/json.js';

/** The formats "Export Report" writes. */
export type ExportFormat = 'md' | 'html' | 'json';

/** The shown report, and its Markdown (kept by the controller once rendered). */
export interface ExportSource {
  currentReport(): Report | undefined;
  markdownOf(report: Report): string;
}

export class ReportExport {
  constructor(private readonly source: ExportSource) {}

  async copyMarkdown(): Promise<void> {
    const report = this.source.currentReport();
    if (report === undefined) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Generate a report first.'));
      return;
    }
    await vscode.env.clipboard.writeText(this.source.markdownOf(report));
    void vscode.window.showInformationMessage(vscode.l10n.t('Report copied as Markdown.'));
  }

  async exportReport(): Promise<void> {
    const report = this.source.currentReport();
    if (report === undefined) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Generate a report first.'));
      return;
    }
    const formats: (vscode.QuickPickItem & { ext: ExportFormat })[] = [
      { label: 'Markdown', description: '.md', ext: 'md' },
      { label: 'HTML', description: '.html', ext: 'html' },
      { label: 'JSON', description: '.json', ext: 'json' },
    ];
    const format = await vscode.window.showQuickPick(formats, {
      title: vscode.l10n.t('Export Report'), placeHolder: vscode.l10n.t('Choose a format'),
    });
    if (format === undefined) return;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(report.repositories[0]?.path ?? '.');
    const name = `daily-digest-${report.window.label.replace('..', '_to_').replace(/[^0-9A-Za-z_-]/g, '')}.${format.ext}`;
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(folder, name),
      filters: { [format.label]: [format.ext] },
      saveLabel: vscode.l10n.t('Export'),
      title: vscode.l10n.t('Export Report'),
    });
    if (target === undefined) return;
    const written = await this.exportTo(target, format.ext, async (file) => {
      const overwrite = vscode.l10n.t('Overwrite');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('{0} already exists. Overwrite it?', file), { modal: true }, overwrite);
      return choice === overwrite;
    });
    if (!written) return;
    const open = vscode.l10n.t('Open');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('Report exported to {0}.', target.fsPath || target.toString(true)), open);
    if (choice === open) await vscode.commands.executeCommand('vscode.open', target);
  }

  /** The shown report as Markdown, HTML or JSON: what Export Report writes. */
  renderAs(report: Report, format: ExportFormat): string {
    switch (format) {
      case 'md': return this.source.markdownOf(report);
      case 'html': return renderHtml(report);
      case 'json': return renderJson(report);
    }
  }

  /**
   * The core of Export Report, without the dialogs: renders the shown report as `format` and writes it to `target`.
   * When `target` exists, `confirmOverwrite` (given its file name) decides; false leaves the file untouched.
   * Resolves true when the file was written, false when there is no report or the overwrite was declined.
   */
  async exportTo(target: vscode.Uri, format: ExportFormat,
    confirmOverwrite: (name: string) => boolean | Promise<boolean>): Promise<boolean> {
    const report = this.source.currentReport();
    if (report === undefined) return false;
    if (await exists(target) && !(await confirmOverwrite(basename(target.fsPath || target.path)))) return false;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(this.renderAs(report, format)));
    return true;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
