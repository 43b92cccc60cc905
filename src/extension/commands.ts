// The `dailyDigest.*` commands.
import * as vscode from 'vscode';
import type { AnalyzedCommit, RepositoryReport } from '../core/domain/report.js';
import type { DigestController } from './controller.js';
import { todayIn } from '../core/time/format.js';
import { periodForChoice, periodForInput, validateDateInput, type PeriodChoice } from '../core/time/period.js';
import { dateProblemMessage } from './i18n/dateProblems.js';
import { collapseWhitespace } from '../core/text.js';
import { indexReport } from '../shared/reportIndex.js';
import { readSettings } from './settings.js';
import type { CommitNode, DigestNode, FileNode } from './tree/treeNodes.js';
import { safeExternalUrl } from './panel/webviewMessages.js';

interface CommitTarget {
  repo: RepositoryReport;
  commit: AnalyzedCommit;
  anchor: string;
}

function isNode(value: unknown): value is DigestNode {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string' &&
    typeof (value as { id?: unknown }).id === 'string';
}

export function registerCommands(controller: DigestController): vscode.Disposable[] {
  const commitFromNode = (node: CommitNode | FileNode): CommitTarget =>
    ({ repo: node.repo, commit: node.commit, anchor: node.kind === 'commit' ? node.anchor : controller.anchorOf(node.commit) ?? '' });

  /** The commit an item command applies to: the clicked node, else the selected one, else one picked from a list. */
  const resolveCommit = async (arg: unknown): Promise<CommitTarget | undefined> => {
    if (isNode(arg) && (arg.kind === 'commit' || arg.kind === 'file')) return commitFromNode(arg);
    const selected = controller.treeView.selection[0];
    if (selected !== undefined && (selected.kind === 'commit' || selected.kind === 'file')) return commitFromNode(selected);
    const report = controller.currentReport;
    if (report === undefined) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Generate a report first.'));
      return undefined;
    }
    const entries = indexReport(report).commits;
    if (entries.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The report has no commits.'));
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(entries.map((entry) => ({
      label: collapseWhitespace(entry.commit.subject) || vscode.l10n.t('(no subject)'),
      description: `${entry.commit.shortSha} · ${entry.commit.author.name}`,
      detail: report.repositories.length > 1 ? entry.repo.name : undefined,
      entry,
    })), { placeHolder: vscode.l10n.t('Pick a commit'), matchOnDescription: true });
    return picked === undefined ? undefined : { repo: picked.entry.repo, commit: picked.entry.commit, anchor: picked.entry.anchor };
  };

  const generateAndShow = async (period: Parameters<DigestController['generate']>[0]): Promise<void> => {
    const report = await controller.generate(period);
    if (report !== undefined) controller.openReport();
  };

  const pickPeriod = async (): Promise<void> => {
    type Item = vscode.QuickPickItem & { choice: PeriodChoice };
    const today = todayIn(readSettings().options.timeZone);
    const items: Item[] = [
      { label: vscode.l10n.t('Today'), description: today, choice: 'today' },
      { label: vscode.l10n.t('Yesterday'), choice: 'yesterday' },
      { label: vscode.l10n.t('Last 7 days'), description: vscode.l10n.t('today and the 6 days before'), choice: 'last7' },
      { label: vscode.l10n.t('Pick a date…'), description: 'YYYY-MM-DD', choice: 'pick' },
    ];
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Generate Report for Date'), placeHolder: vscode.l10n.t('Which day?'),
    });
    if (picked === undefined) return;
    if (picked.choice !== 'pick') {
      await generateAndShow(periodForChoice(picked.choice));
      return;
    }
    const value = await vscode.window.showInputBox({
      title: vscode.l10n.t('Generate Report for Date'),
      prompt: vscode.l10n.t('A day as YYYY-MM-DD (today is {0})', today),
      value: today,
      valueSelection: [8, 10],
      validateInput: (input) => {
        const problem = validateDateInput(input, todayIn(readSettings().options.timeZone));
        return problem === undefined ? undefined : dateProblemMessage(problem);
      },
    });
    if (value === undefined) return;
    await generateAndShow(periodForInput(value));
  };

  const register = (id: string, handler: (...args: unknown[]) => unknown): vscode.Disposable =>
    vscode.commands.registerCommand(`dailyDigest.${id}`, handler);

  return [
    register('generateToday', () => generateAndShow({ kind: 'day', day: 'today' })),
    register('generateForDate', () => pickPeriod()),
    register('refresh', () => controller.refresh()),
    register('openReport', async () => {
      if (controller.currentReport === undefined && vscode.workspace.isTrusted) {
        await generateAndShow({ kind: 'day', day: 'today' });
        return;
      }
      controller.openReport();
    }),
    register('exportReport', () => controller.export.exportReport()),
    register('copyMarkdown', () => controller.export.copyMarkdown()),
    register('openOnRemote', async (arg) => {
      const target = await resolveCommit(arg);
      if (target === undefined) return;
      const url = target.commit.url === undefined ? undefined : safeExternalUrl(target.commit.url);
      if (url === undefined) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Commit {0} has no web page: its remote is not a known host.', target.commit.shortSha));
        return;
      }
      await vscode.env.openExternal(vscode.Uri.parse(url, true));
    }),
    register('copySha', async (arg) => {
      const target = await resolveCommit(arg);
      if (target !== undefined) await vscode.env.clipboard.writeText(target.commit.sha);
    }),
    register('copySubject', async (arg) => {
      const target = await resolveCommit(arg);
      if (target !== undefined) await vscode.env.clipboard.writeText(target.commit.subject);
    }),
    register('showInReport', async (arg) => {
      const target = await resolveCommit(arg);
      if (target !== undefined) {
        controller.revealInReport({ repoIndex: 0, repo: target.repo, commit: target.commit, anchor: target.anchor });
      }
    }),
    register('openCommitChanges', async (arg) => {
      const target = await resolveCommit(arg);
      if (target !== undefined) await controller.openCommit(target.repo.path, target.commit);
    }),
    register('openFileDiff', async (arg) => {
      if (!isNode(arg) || arg.kind !== 'file') return;
      await controller.openFile(arg.repo.path, arg.commit, arg.file.path);
    }),
    // Language-model analysis (opt-in; see docs/language-models.md).
    register('analyzeCommit', async (arg) => {
      const target = await resolveCommit(arg);
      return target === undefined ? undefined : controller.llm.analyzeCommit(target.commit);
    }),
    register('analyzeDay', () => controller.llm.analyzeDay()),
    register('selectModel', () => controller.llm.setup.selectModel()),
    register('setApiKey', () => controller.llm.setup.setApiKey()),
    register('clearApiKey', () => controller.llm.setup.clearApiKey()),
    register('clearAnalysisCache', () => controller.llm.runs.clearCache()),
  ];
}
