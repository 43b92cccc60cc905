// The importance table's row and input types, apart from the table (importance.ts) and the rows read from the code
// facts (factImportance.ts), which both use them.
import type { Language } from '../../domain/language.js';
import type { ChangeType } from '../../domain/analysis.js';
import type { CommitFacts } from '../facts/commitFacts.js';
import type { CodeView } from '../facts/codeView.js';
import type { AnyMessageKey } from '../messages/factMessages.js';
import type { MessageParams } from '../messages/messages.js';
import type { DiffSignals } from '../facts/signals.js';
import type { BreakingItem } from './breaking.js';
import type { SecurityVerdict } from './security.js';

export interface ImportanceInput {
  facts: CommitFacts;
  changeType: ChangeType;
  signals: DiffSignals;
  language: Language;
  /** The code facts, when the commit's code was read. */
  view?: CodeView;
  breaking: readonly BreakingItem[];
  security: SecurityVerdict;
}

/**
 * One row of the importance table. Rules sharing a `group` are exclusive: the first that applies wins.
 * `when` returns the reason's parameters when the rule applies.
 */
export interface ImportanceRule {
  id: string;
  group?: string;
  delta: number;
  reason: AnyMessageKey;
  when: (input: ImportanceInput) => MessageParams | undefined;
}
