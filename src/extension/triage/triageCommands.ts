// Marking commits reviewed: one commit (the tree's inline action, or a command given its SHA, as the report and
// keyboard users call it), or every commit of a group, day or folded group; and the way back.
import * as vscode from 'vscode';
import type { Report } from '../../core/domain/report.js';
import { findCommit, indexReport } from '../../shared/reportIndex.js';
import { commitsUnder, type DigestNode } from '../tree/nodeTypes.js';
import type { MarkTarget, TriageStore } from './triageStore.js';

/** What the triage commands need from the controller. */
export interface TriageCommandHost {
  readonly triage: TriageStore;
  readonly currentReport: Report | undefined;
  /** The node selected in the Commits view, if any. */
  selectedNode(): DigestNode | undefined;
}

const MAX_SHAS = 10_000;

function isNode(value: unknown): value is DigestNode {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string' &&
    typeof (value as { id?: unknown }).id === 'string';
}

/** The SHAs an argument names: a string, a list of strings, or `{ sha }` / `{ shas }` (a report link's payload). */
function shasOf(arg: unknown): string[] | undefined {
  if (typeof arg === 'string') return [arg];
  if (Array.isArray(arg)) return arg.filter((item): item is string => typeof item === 'string').slice(0, MAX_SHAS);
  if (typeof arg === 'object' && arg !== null && !isNode(arg)) {
    const { sha, shas } = arg as { sha?: unknown; shas?: unknown };
    if (typeof sha === 'string') return [sha];
    if (Array.isArray(shas)) return shasOf(shas);
  }
  return undefined;
}

/**
 * The commits an argument names: a commit node (or a headline line, or a file or fact under a commit), every commit
 * under a group, day, folded group or repository node (`all`), or SHAs of the shown report. Without an argument, the
 * selected node. Unknown SHAs are left out.
 */
export function markTargets(arg: unknown, host: TriageCommandHost, all: boolean): MarkTarget[] {
  const shas = shasOf(arg);
  if (shas !== undefined) {
    const report = host.currentReport;
    if (report === undefined) return [];
    const index = indexReport(report);
    return shas.flatMap((sha) => findCommit(index, sha) ?? []);
  }
  const node = isNode(arg) ? arg : host.selectedNode();
  if (node === undefined) return [];
  switch (node.kind) {
    case 'commit':
      return [node];
    case 'file':
    case 'fact':
      return [{ repo: node.repo, commit: node.commit }];
    case 'info':
      return node.target === undefined ? [] : [node.target];
    default:
      return all ? commitsUnder(node) : [];
  }
}

export function registerTriageCommands(host: TriageCommandHost): vscode.Disposable[] {
  const mark = (all: boolean, reviewed: boolean) => async (arg: unknown): Promise<number> => {
    const targets = markTargets(arg, host, all);
    if (targets.length > 0) await host.triage.setReviewed(targets, reviewed);
    return targets.length;
  };
  return [
    vscode.commands.registerCommand('dailyDigest.markReviewed', mark(false, true)),
    vscode.commands.registerCommand('dailyDigest.markUnreviewed', mark(false, false)),
    vscode.commands.registerCommand('dailyDigest.markAllReviewed', mark(true, true)),
    vscode.commands.registerCommand('dailyDigest.markAllUnreviewed', mark(true, false)),
  ];
}
