import type { Language } from '../../domain/language.js';
import type { ChangeType } from '../../domain/analysis.js';
import { filesWithTrait, pathsOf, sourceChurn } from '../facts/commitFacts.js';
import type { CommitFacts } from '../facts/commitFacts.js';
import { LARGE_DELETION_LINES } from '../verdict/importance.js';
import { SIGNAL_LABELS } from './insights.js';
import { anyMessage } from '../messages/factMessages.js';
import type { AnyMessageKey } from '../messages/factMessages.js';
import { formatList, message } from '../messages/messages.js';
import type { MessageParams } from '../messages/messages.js';
import type { DiffSignals } from '../facts/signals.js';

/** Source churn (lines) from which a change without test changes is a risk. */
export const UNTESTED_SOURCE_LINES = 10;
/** Change types for which missing tests are not a risk. */
const NO_TESTS_NEEDED: ReadonlySet<ChangeType> = new Set(['docs', 'style', 'test']);

export interface RiskInput {
  facts: CommitFacts;
  changeType: ChangeType;
  signals: DiffSignals;
  language: Language;
}

/** One risk kind: when it applies, its text and the recommendation that follows from it. */
export interface FoundRisk {
  key: AnyMessageKey;
  params?: MessageParams;
  /** Parameters of the recommendation, when it names things too. */
  recommendation?: MessageParams;
}

export interface RiskRule {
  id: string;
  recommendation: AnyMessageKey;
  risk: (input: RiskInput) => FoundRisk | undefined;
}

/** Ordered: risks and recommendations are listed in this order, one each per kind. */
export const RISK_RULES: readonly RiskRule[] = [
  { id: 'breaking', recommendation: 'recBreaking', risk: ({ facts }) => (facts.breaking ? { key: 'riskBreaking' } : undefined) },
  {
    id: 'ci-permissions',
    recommendation: 'recCiPermissions',
    risk: ({ signals, language }) => {
      if (signals.workflow.length === 0) return undefined;
      const byPath = new Map<string, string[]>();
      for (const finding of signals.workflow) {
        byPath.set(finding.path, [...(byPath.get(finding.path) ?? []), message(language, SIGNAL_LABELS[finding.signal]).trim()]);
      }
      const findings = [...byPath].map(([path, labels]) =>
        message(language, 'workflowFinding', { path, signals: labels.join(language === 'en' ? ', ' : '、') }));
      return { key: 'riskCiPermissions', params: { findings: formatList(language, findings) } };
    },
  },
  {
    id: 'migration',
    recommendation: 'recMigration',
    risk: ({ facts, language }) => {
      const paths = pathsOf(filesWithTrait(facts, 'migration'));
      return paths.length > 0 ? { key: 'riskMigration', params: { paths: formatList(language, paths) } } : undefined;
    },
  },
  {
    id: 'major-bump',
    recommendation: 'recMajorBump',
    risk: ({ signals, language }) => {
      if (signals.majorBumps.length === 0) return undefined;
      const bumps = signals.majorBumps.map((bump) => `${bump.name} ${bump.from} → ${bump.to}`);
      return { key: 'riskMajorBump', params: { bumps: formatList(language, bumps) } };
    },
  },
  {
    id: 'changed-default',
    recommendation: 'recChangedDefault',
    risk: ({ signals, language }): FoundRisk | undefined => {
      if (signals.defaults.length > 0) {
        const defaults = signals.defaults.map((change) => message(language, 'defaultInFile', { name: change.name, path: change.path }));
        return { key: 'riskChangedDefault', params: { defaults: formatList(language, defaults) } };
      }
      if (signals.defaultFiles.length > 0) {
        return { key: 'riskChangedDefaultFiles', params: { paths: formatList(language, signals.defaultFiles) } };
      }
      return undefined;
    },
  },
  {
    id: 'large-deletion',
    recommendation: 'recLargeDeletion',
    risk: ({ facts, language }) => {
      if (facts.reviewable.deletions < LARGE_DELETION_LINES) return undefined;
      const deleted = facts.files.filter((item) => item.file.status === 'D').map((item) => item.file.path);
      return { key: 'riskLargeDeletion', params: { deletions: facts.totals.deletions, deleted: formatList(language, deleted) } };
    },
  },
  {
    id: 'untested',
    recommendation: 'recTestFiles',
    risk: ({ facts, changeType, language }) => {
      if (NO_TESTS_NEEDED.has(changeType) || facts.files.some((item) => item.kind === 'test')) return undefined;
      if (sourceChurn(facts).lines < UNTESTED_SOURCE_LINES) return undefined;
      // Named by the most changed source files: the risk says which code, not that some code changed.
      const sources = facts.files.filter((item) => item.kind === 'source')
        .sort((a, b) => b.file.additions + b.file.deletions - (a.file.additions + a.file.deletions));
      const paths = formatList(language, sources.map((item) => item.file.path), 2);
      const additions = sources.reduce((sum, item) => sum + item.file.additions, 0);
      const deletions = sources.reduce((sum, item) => sum + item.file.deletions, 0);
      return { key: 'riskUntestedFiles', params: { paths, additions, deletions }, recommendation: { paths } };
    },
  },
];

/** The risks of `rules` (all of RISK_RULES by default) with their recommendations, in table order. */
export function collectRisks(input: RiskInput, rules: readonly RiskRule[] = RISK_RULES): { risks: string[]; recommendations: string[] } {
  const risks: string[] = [];
  const recommendations: string[] = [];
  for (const rule of rules) {
    const found = rule.risk(input);
    if (!found) continue;
    risks.push(anyMessage(input.language, found.key, found.params));
    recommendations.push(anyMessage(input.language, rule.recommendation, found.recommendation ?? recommendationParams(rule.id, input)));
  }
  return { risks, recommendations };
}

function recommendationParams(id: string, input: RiskInput): MessageParams {
  if (id !== 'major-bump') return {};
  return { names: formatList(input.language, [...new Set(input.signals.majorBumps.map((bump) => bump.name))]) };
}
