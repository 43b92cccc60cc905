// Messages shown to the user. Each is kept (the last MAX_NOTICES) with a way to answer it, for the test API.
import * as vscode from 'vscode';

export type NoticeSeverity = 'info' | 'warning' | 'error';

/** A message shown to the user (kept for the test API). */
export interface Notice {
  severity: NoticeSeverity;
  message: string;
  actions: string[];
}

/** A notice kept for the test API, with a way to answer it as the user would. */
export interface RecordedNotice extends Notice {
  /** How many notices were shown before this one (only the last MAX_NOTICES are kept). */
  seq: number;
  choose(action: string | undefined): void;
}

const MAX_NOTICES = 20;

export class Notices {
  /** The last messages shown to the user, oldest first (test hook). */
  readonly recorded: RecordedNotice[] = [];
  private shown = 0;

  /** Shows a message (and records it for the test API); resolves with the action chosen, if any. */
  notify(severity: NoticeSeverity, message: string, ...actions: string[]): Promise<string | undefined> {
    let choose: (action: string | undefined) => void = () => undefined;
    const chosen = new Promise<string | undefined>((resolve) => {
      choose = resolve;
    });
    this.recorded.push({ seq: this.shown++, severity, message, actions, choose });
    if (this.recorded.length > MAX_NOTICES) this.recorded.shift();
    const shown = severity === 'error' ? vscode.window.showErrorMessage(message, ...actions)
      : severity === 'warning' ? vscode.window.showWarningMessage(message, ...actions)
        : vscode.window.showInformationMessage(message, ...actions);
    return Promise.race([Promise.resolve(shown), chosen]);
  }

  /** Why nothing runs in Restricted Mode, with the way to trust the workspace. */
  async explainRestrictedMode(): Promise<void> {
    const manage = vscode.l10n.t('Manage Workspace Trust');
    const choice = await this.notify('warning',
      vscode.l10n.t('Daily Digest runs git, which can execute commands configured by the repository, so it only works in a trusted workspace.'),
      manage,
    );
    if (choice === manage) await vscode.commands.executeCommand('workbench.trust.manage');
  }
}
