import type { Language } from '../../domain/language.js';
import { isReordering } from '../facts/movedLines.js';
import type { ChangeType } from '../../domain/analysis.js';
import type { CodeView } from '../facts/codeView.js';
import type { CommitFacts } from '../facts/commitFacts.js';
import { collectRisks, RISK_RULES } from './risks.js';
import type { DiffSignals } from '../facts/signals.js';
import type { BreakingItem } from '../verdict/breaking.js';
import { FACT_RISK_RULES, collectFactRisks } from './factRisks.js';
import { isRiskyCi } from '../verdict/security.js';
import type { RisksAndRecommendations } from './factRisks.js';

export interface AllRisksInput {
  facts: CommitFacts;
  view?: CodeView;
  changeType: ChangeType;
  breaking: readonly BreakingItem[];
  signals: DiffSignals;
  language: Language;
}

/**
 * Risks and recommendations: from the facts when the code was read, else from the message, file list and diff
 * checks (risks.ts). With facts, a signal rule still speaks where the facts are silent on its subject: a workflow
 * permission the CI facts missed, a default found by the diff check only, a large deletion without a removed
 * definition, or changed source files that could not be parsed.
 */
export function collectAllRisks(input: AllRisksInput): RisksAndRecommendations {
  const { view } = input;
  // Without facts, breaking is what the message declares: the signal rules say it as they always did.
  if (!view) return collectRisks(input);
  const found = collectFactRisks({ ...input, view });
  const silent = new Set<string>();
  if (!view.ci.some(isRiskyCi)) silent.add('ci-permissions');
  if (view.defaults.length === 0) silent.add('changed-default');
  const spoke = (id: string): boolean => FACT_RISK_RULES.find((rule) => rule.id === id)!.find({ ...input, view }) !== undefined;
  // Lines that come back elsewhere (sorted imports, a reformat) are not a deletion anyone depends on.
  if (!spoke('large-deletion') && !isReordering(view.code.moves)) silent.add('large-deletion');
  const unparsedSource = input.facts.files.some((item) => item.kind === 'source' && view.unparsed.has(item.file.path));
  if (unparsedSource && !spoke('untested')) silent.add('untested');
  const fallback = collectRisks(input, RISK_RULES.filter((rule) => silent.has(rule.id)));
  return {
    risks: [...found.risks, ...fallback.risks],
    recommendations: [...new Set([...found.recommendations, ...fallback.recommendations])],
  };
}

