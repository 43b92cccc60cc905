import type { Language } from '../domain/language.js';
import type { ChangeType } from '../domain/analysis.js';
import { filesWithTrait, pathsOf, sourceChurn } from './facts.js';
import type { CommitFacts } from './facts.js';
import { LARGE_DELETION_LINES } from './importance.js';
import { SIGNAL_LABELS } from './insights.js';
import { formatList, message } from './messages.js';
import type { MessageKey, MessageParams } from './messages.js';
import type { DiffSignals } from './signals.js';

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
  key: MessageKey;
  params?: MessageParams;
}

export interface RiskRule {
  id: string;
  recommendation: MessageKey;
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
    recommendation: 'recUntested',
    risk: ({ facts, changeType }) => {
      if (NO_TESTS_NEEDED.has(changeType) || facts.files.some((item) => item.kind === 'test')) return undefined;
      return sourceChurn(facts).lines >= UNTESTED_SOURCE_LINES ? { key: 'riskUntested' } : undefined;
    },
  },
];

export function collectRisks(input: RiskInput): { risks: string[]; recommendations: string[] } {
  const risks: string[] = [];
  const recommendations: string[] = [];
  for (const rule of RISK_RULES) {
    const found = rule.risk(input);
    if (!found) continue;
    risks.push(message(input.language, found.key, found.params));
    recommendations.push(message(input.language, rule.recommendation, recommendationParams(rule.id, input)));
  }
  return { risks, recommendations };
}

function recommendationParams(id: string, input: RiskInput): MessageParams {
  if (id !== 'major-bump') return {};
  return { names: formatList(input.language, [...new Set(input.signals.majorBumps.map((bump) => bump.name))]) };
}
