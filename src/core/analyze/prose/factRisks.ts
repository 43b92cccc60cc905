import type { Language } from '../../domain/language.js';
import type { ChangeType } from '../../domain/analysis.js';
import type { CodeView } from '../facts/codeView.js';
import { CALLABLE_KINDS, definitionLabel } from '../facts/codeView.js';
import type { CiFact, DefinitionFact } from '../facts/types.js';
import { filesWithTrait, pathsOf, sourceChurn } from '../facts/commitFacts.js';
import type { CommitFacts } from '../facts/commitFacts.js';
import { code, factMessage, phraseList } from '../messages/factMessages.js';
import type { FactMessageKey } from '../messages/factMessages.js';
import { LARGE_DELETION_LINES } from '../verdict/importance.js';
import { formatList, message } from '../messages/messages.js';
import { UNTESTED_SOURCE_LINES } from './risks.js';
import type { DiffSignals } from '../facts/signals.js';
import type { BreakingItem } from '../verdict/breaking.js';
import { goneDefinitions } from '../verdict/apiSurface.js';
import { isRiskyCi, STRONG_SECURITY_AREAS } from '../verdict/security.js';
import { areaWord } from './factInsights.js';
import { flagKey, isCommand, rankedDefinitions, shortVersion } from './items.js';
import { majorBumpsOf } from '../verdict/dependencies.js';

export interface FactRiskInput {
  facts: CommitFacts;
  view: CodeView;
  changeType: ChangeType;
  breaking: readonly BreakingItem[];
  signals: DiffSignals;
  language: Language;
}

export interface RisksAndRecommendations {
  risks: string[];
  recommendations: string[];
}

/** One row of the risk table: the risks it finds and what to do about them, each naming a thing of this commit. */
export interface FactRiskRule {
  id: string;
  find: (input: FactRiskInput) => RisksAndRecommendations | undefined;
}

/** Breaking items listed as risks at most. */
const MAX_BREAKING_RISKS = 3;
/** Change types for which missing tests are not a risk. */
const NO_TESTS_NEEDED: ReadonlySet<ChangeType> = new Set(['docs', 'style', 'test', 'deps', 'ci', 'build', 'chore', 'revert']);

/** What each breaking item's message leads to, by the message: a removed command and a removed flag break differently. */
const CONSEQUENCES: Partial<Record<FactMessageKey, FactMessageKey>> = {
  brkDeclared: 'conseqDeclared', brkDeclaredText: 'conseqDeclared', brkFlagRemoved: 'conseqFlag', brkCommandRemoved: 'conseqCommand',
  brkConfigRemoved: 'conseqConfig', brkRouteRemoved: 'conseqRoute', brkFormatRemoved: 'conseqFormat', brkDefaultChanged: 'conseqDefault',
  brkPublicRemoved: 'conseqDefinition', brkPublicRenamed: 'conseqDefinition', brkPublicSignature: 'conseqDefinition',
  brkPublicAbstract: 'conseqAbstract', brkVariantAdded: 'conseqVariant',
};

export const FACT_RISK_RULES: readonly FactRiskRule[] = [
  {
    id: 'breaking',
    find: ({ breaking, language }) => {
      if (breaking.length === 0) return undefined;
      const risks = breaking.slice(0, MAX_BREAKING_RISKS).map((item) => factMessage(language, 'riskItem', {
        item: factMessage(language, item.key, item.params), consequence: factMessage(language, CONSEQUENCES[item.key] ?? 'conseqDeclared'),
      }));
      const recommendations: string[] = [];
      const named = breaking.filter((item) => item.id !== 'default.changed' && item.id !== 'declared' && item.id !== 'variant.added').map((item) => String(item.params.name));
      if (named.length > 0) recommendations.push(factMessage(language, 'recBreakingItems', { items: phraseList(language, [...new Set(named)], 4) }));
      const enums = [...new Set(breaking.filter((item) => item.id === 'variant.added').map((item) => String(item.params.owner)))];
      if (enums.length > 0) recommendations.push(factMessage(language, 'recVariants', { items: phraseList(language, enums, 3) }));
      const defaults = breaking.filter((item) => item.id === 'default.changed').map((item) => `${item.params.name} (${item.params.new})`);
      if (defaults.length > 0) recommendations.push(factMessage(language, 'recDefaults', { items: phraseList(language, defaults, 3) }));
      if (recommendations.length === 0) recommendations.push(message(language, 'recBreaking'));
      return { risks, recommendations };
    },
  },
  {
    id: 'ci',
    find: ({ view, language }) => {
      const risks: string[] = [];
      const recommendations: string[] = [];
      for (const fact of view.ci.filter((item) => isRiskyCi(item) || (item.change === 'added' && item.what === 'unpinned-action')).slice(0, 3)) {
        const params = { path: fact.path, detail: code(fact.detail) };
        if (fact.what === 'unpinned-action') {
          risks.push(factMessage(language, 'riskUnpinned', params));
          recommendations.push(factMessage(language, 'recUnpinned', params));
        } else {
          risks.push(factMessage(language, ciRiskKey(fact), params));
          const rec = factMessage(language, 'recCiGains', params);
          if (!recommendations.includes(rec)) recommendations.push(rec);
        }
      }
      return risks.length > 0 ? { risks, recommendations } : undefined;
    },
  },
  {
    id: 'major-bump',
    find: ({ view, signals, facts, language }) => {
      const bumps = majorBumpsOf(view, signals, facts);
      if (bumps.length === 0) return undefined;
      const items = bumps.map((bump) => `${code(bump.name)} ${shortVersion(bump.from)} → ${shortVersion(bump.to)}`);
      return {
        risks: [message(language, 'riskMajorBump', { bumps: formatList(language, items) })],
        recommendations: [message(language, 'recMajorBump', { names: formatList(language, [...new Set(bumps.map((bump) => code(bump.name)))]) })],
      };
    },
  },
  {
    id: 'migration',
    find: ({ facts, language }) => {
      const paths = pathsOf(filesWithTrait(facts, 'migration'));
      if (paths.length === 0) return undefined;
      return { risks: [message(language, 'riskMigration', { paths: formatList(language, paths) })], recommendations: [message(language, 'recMigration')] };
    },
  },
  {
    id: 'security-removed',
    find: ({ view, language }) => {
      const removed = view.security.filter((fact) => fact.change === 'removed' && STRONG_SECURITY_AREAS.has(fact.area));
      if (removed.length === 0) return undefined;
      const first = removed[0]!;
      const items = [...new Set(removed.filter((fact) => fact.area === first.area).map((fact) => code(fact.evidence)))];
      const area = areaWord(language, first.area);
      return {
        risks: [factMessage(language, 'riskSecurityRemoved', { items: phraseList(language, items, 3), area })],
        recommendations: [factMessage(language, 'recSecurityReview', { area, path: first.path })],
      };
    },
  },
  {
    id: 'large-deletion',
    find: ({ facts, view, language }) => {
      if (facts.reviewable.deletions < LARGE_DELETION_LINES) return undefined;
      const gone = rankedDefinitions(goneDefinitions(view));
      if (gone.length === 0) return undefined;
      const items = phraseList(language, gone.map((fact) => code(definitionLabel(fact))), 3);
      return {
        risks: [factMessage(language, 'riskDeletedDefs', { deletions: facts.totals.deletions, items })],
        recommendations: [factMessage(language, 'recDeletedDefs', { items })],
      };
    },
  },
  { id: 'untested', find: untested },
];

/** Changed behaviour no test of the commit names: new flags first, then changed functions. */
function untested({ facts, view, changeType, language }: FactRiskInput): RisksAndRecommendations | undefined {
  if (NO_TESTS_NEEDED.has(changeType)) return undefined;
  const testsChanged = facts.files.some((item) => item.kind === 'test');
  const added = [...new Set(view.flags.filter((fact) => fact.change === 'added').map((fact) => fact.name))];
  const flags = added.map((name) => code(name));
  if (flags.length > 0 && !testsChanged) {
    const items = added.map((name) => factMessage(language, flagKey(name), { name: code(name) }));
    return {
      risks: [factMessage(language, 'riskUntestedFlag', { items: phraseList(language, items, 3), count: flags.length })],
      recommendations: [factMessage(language, isCommand(added[0]!) ? 'recTestCommand' : 'recTestFlag', { item: flags[0]! })],
    };
  }
  if (sourceChurn(facts).lines < UNTESTED_SOURCE_LINES) return undefined;
  const changed = rankedDefinitions([...view.added, ...view.signature, ...view.body])
    .filter((fact: DefinitionFact) => CALLABLE_KINDS.has(fact.defKind) && !view.covered.has(fact.name));
  if (changed.length === 0) return undefined;
  const labels = changed.map((fact) => code(definitionLabel(fact)));
  const items = phraseList(language, labels, 3);
  const key = testsChanged ? 'riskUntestedDefs' : 'riskUntestedNoTests';
  return {
    risks: [factMessage(language, key, { items, count: changed.length })],
    recommendations: [factMessage(language, 'recTestCall', { item: labels[0]! })],
  };
}

export function collectFactRisks(input: FactRiskInput): RisksAndRecommendations {
  const risks: string[] = [];
  const recommendations: string[] = [];
  for (const rule of FACT_RISK_RULES) {
    const found = rule.find(input);
    if (!found) continue;
    risks.push(...found.risks);
    for (const recommendation of found.recommendations) if (!recommendations.includes(recommendation)) recommendations.push(recommendation);
  }
  return { risks, recommendations };
}

/** Events whose payload is text anyone can write (an issue, a comment), not code from a pull request. */
const TEXT_TRIGGERS = /^(issues|issue_comment|discussion|discussion_comment|pull_request_review_comment)$/;

/** What a risky CI fact exposes: pull-request code (pull_request_target, workflow_run), untrusted text, a permission, a secret. */
function ciRiskKey(fact: CiFact): 'riskCiGains' | 'riskCiText' | 'riskCiPermission' | 'riskCiTokenPermission' | 'riskCiSecret' {
  if (fact.what === 'permission') return fact.detail.includes('(token in job ') ? 'riskCiTokenPermission' : 'riskCiPermission';
  if (fact.what === 'secret') return 'riskCiSecret';
  return TEXT_TRIGGERS.test(fact.detail) ? 'riskCiText' : 'riskCiGains';
}
