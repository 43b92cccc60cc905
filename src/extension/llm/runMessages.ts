// What a model run says in the UI language: the progress line (with the time left once the rate is known) and the
// run's tally, with the same cause groups as the CLI's summary line and the report's header.
import * as vscode from 'vscode';
import type { ModelRun } from '../../core/domain/report.js';
import { describeModelRun } from '../../core/i18n/modelRun.js';
import type { TimeLeft } from '../../core/llm/outcomes.js';
import { uiLanguage } from '../settings.js';

/** `45 s`, `12 min`, `2.5 h`, in the UI language. */
export function durationText(seconds: number): string {
  if (seconds < 90) return vscode.l10n.t('{0} s', Math.max(1, seconds));
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return vscode.l10n.t('{0} min', minutes);
  return vscode.l10n.t('{0} h', Math.round(minutes / 6) / 10);
}

/** `3 of 8 commits`, then `3 of 8 commits, about 2 min left` once the rate is known. */
export function progressMessage(done: number, total: number, left: TimeLeft | undefined): string {
  if (left === undefined) return vscode.l10n.t('{0} of {1} commits', done, total);
  return vscode.l10n.t('{0} of {1} commits, about {2} left', done, total, durationText(left.leftSeconds));
}

/** `qwen2.5-coder:7b: 5 analyzed, 3 offline (HTTP 500 ×2, timeout ×1).` */
export function tallyMessage(label: string, run: ModelRun): string {
  return vscode.l10n.t('Language model {0}: {1}.', label, describeModelRun(run, uiLanguage()));
}
