import * as vscode from 'vscode';
import type { DateProblem } from '../../core/time/period.js';

/** The message shown under the date input for each problem. */
export function dateProblemMessage(problem: DateProblem): string {
  switch (problem.code) {
    case 'empty': return vscode.l10n.t('Type a date as YYYY-MM-DD.');
    case 'format': return vscode.l10n.t('"{0}" is not in the form YYYY-MM-DD (for example 2026-01-22).', problem.value);
    case 'notADate': return vscode.l10n.t('{0} is not a date in the calendar: check the month and the day.', problem.value);
    case 'future': return vscode.l10n.t('{0} is after today ({1}): nothing has landed yet.', problem.value, problem.today);
    case 'tooOld': return vscode.l10n.t('{0} is before 1970: git dates start in 1970.', problem.value);
  }
}
