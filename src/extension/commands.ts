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
import type { CommitNode, DigestNode, FactNode, FileNode, InfoNode } from './tree/treeNodes.js';
import { lastActiveDay } from './tree/treeNodes.js';
import { adjacentPeriod, dayPeriod } from './days/dayNavigation.js';
import { openFactDiff } from './panel/factDiff.js';
import { registerTriageCommands } from './triage/triageCommands.js';
import { openWebPage } from './webCommands.js';

interface CommitTarget {
  repo: RepositoryReport;
  commit: AnalyzedCommit;
  anchor: string;
}

function isNode(value: unknown): value is DigestNode {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string' &&
    typeof (value as { id?: unknown }).id === 'string';
}

type CommitHolder = CommitNode | FileNode | FactNode | InfoNode;

/** A node that names a commit: a commit, one of its files or facts, a headline line. */
function holdsCommit(node: DigestNode | undefined): node is CommitHolder {
  return node !== undefined && (node.kind === 'commit' || node.kind === 'file' || node.kind === 'fact' ||
    (node.kind === 'info' && node.target !== undefined));
}

export function registerCommands(controller: DigestController): vscode.Disposable[] {
  const commitFromNode = (node: CommitHolder): CommitTarget | undefined => {
    if (node.kind === 'commit') return { repo: node.repo, commit: node.commit, anchor: node.anchor };
    const target = node.kind === 'info' ? node.target : node;
    return target === undefined ? undefined
      : { repo: target.repo, commit: target.commit, anchor: controller.anchorOf(target.commit) ?? '' };
  };

  /** The commit an item command applies to: the clicked node, else the selected one, else one picked from a list. */
  const resolveCommit = async (arg: unknown): Promise<CommitTarget | undefined> => {
    if (isNode(arg) && holdsCommit(arg)) return commitFromNode(arg);
    const selected = controller.treeView.selection[0];
    if (holdsCommit(selected)) return commitFromNode(selected);
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

  /** The day before or after the shown one (nothing after today). Without a report: before or after today. */
  const openAdjacent = async (direction: 'previous' | 'next'): Promise<void> => {
    const timeZone = controller.currentReport?.window.timeZone ?? readSettings().options.timeZone;
    const today = todayIn(timeZone);
    const shown = controller.currentReport ?? { window: { label: today } };
    const period = adjacentPeriod(shown, direction, today);
    if (period !== undefined) await controller.showPeriod(period);
  };

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
      if (target !== undefined) await openWebPage({ page: 'commit', repo: target.repo, commit: target.commit });
    }),
    register('openPullRequestOnRemote', async (arg) => {
      const target = await resolveCommit(arg);
      if (target !== undefined) await openWebPage({ page: 'pullRequest', repo: target.repo, commit: target.commit });
    }),
    register('openFileOnRemote', async (arg) => {
      if (!isNode(arg) || (arg.kind !== 'file' && arg.kind !== 'fact')) return;
      const path = arg.kind === 'file' ? arg.file.path : arg.link.path;
      const line = arg.kind === 'fact' && arg.link.side === 'new' ? arg.link.line : undefined;
      await openWebPage({ page: 'file', repo: arg.repo, commit: arg.commit, path, ...(line === undefined ? {} : { line }) });
    }),
    register('openFact', async (arg) => {
      if (!isNode(arg) || arg.kind !== 'fact' || arg.file === undefined) return;
      const { link } = arg;
      const opened = await openFactDiff(arg.repo.path, arg.commit, arg.file, link.line ?? 1, link.side);
      controller.lastOpened = { kind: 'fact', repo: arg.repo.path, sha: arg.commit.sha, path: arg.file.path, line: opened.line, side: opened.side };
    }),
    // Moving between days: the open day is the controller's period.
    register('previousDay', () => openAdjacent('previous')),
    register('nextDay', () => openAdjacent('next')),
    register('openDay', async (day) => {
      const period = dayPeriod(day);
      if (period !== undefined) await controller.showPeriod(period);
    }),
    register('openLastActiveDay', async () => {
      const report = controller.currentReport;
      const period = report === undefined ? undefined : dayPeriod(lastActiveDay(report));
      if (period !== undefined) await controller.showPeriod(period);
    }),
    ...registerTriageCommands({
      triage: controller.triage,
      get currentReport() {
        return controller.currentReport;
      },
      selectedNode: () => controller.treeView.selection[0],
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
