import type { Language } from '../../domain/language.js';
import { isReordering } from '../facts/movedLines.js';
import type { Importance } from '../../domain/analysis.js';
import type { UserRule } from '../../domain/options.js';
import { everyFileIs, firstPathWithTrait } from '../facts/commitFacts.js';
import { anyMessage } from '../messages/factMessages.js';
import { changeTypeLabel, message } from '../messages/messages.js';
import type { MessageParams } from '../messages/messages.js';
import { newModules } from '../facts/structure.js';
import { FACT_IMPORTANCE_RULES, smallChange, smallFix } from './factImportance.js';
import { majorBumpsOf } from './dependencies.js';
import { SECURITY_WORDS } from './security.js';
import type { ImportanceInput, ImportanceRule } from './importanceTypes.js';

export type { ImportanceInput, ImportanceRule } from './importanceTypes.js';

/** Score thresholds: at least HIGH is high, at least MEDIUM is medium, below is low. */
export const IMPORTANCE_THRESHOLDS = { high: 7, medium: 3 } as const;
/** Reviewable churn (lines added + deleted, without vendored/generated/lock files) for the size rules. */
export const SIZE_THRESHOLDS = { large: 500, medium: 100 } as const;
/** Lines a build change needs to matter (a one-line flag is housekeeping, a toolchain move is not). */
export const BUILD_LINES = 5;
/** Reviewable deleted lines that count as a large deletion (importance and risk). */
export const LARGE_DELETION_LINES = 300;

const yes = (condition: boolean, params: MessageParams = {}): MessageParams | undefined => (condition ? params : undefined);
const totals = ({ facts }: ImportanceInput): MessageParams => {
  const { files, additions, deletions } = facts.totals;
  return { files, additions, deletions };
};
const hasSource = ({ facts }: ImportanceInput): boolean => facts.files.some((item) => item.kind === 'source');
const firstPath = (paths: readonly string[]): MessageParams | undefined => (paths.length > 0 ? { path: paths[0]! } : undefined);
const pathParams = (path: string | undefined): MessageParams | undefined => (path === undefined ? undefined : { path });
const reviewableChurn = ({ facts }: ImportanceInput): number => facts.reviewable.additions + facts.reviewable.deletions;

/** The message and file-list rows; FACT_IMPORTANCE_RULES (verdict/factImportance.ts) come first in each group. */
const SIGNAL_RULES: readonly ImportanceRule[] = [
  { id: 'breaking', group: 'breaking', delta: 10, reason: 'reasonBreaking', when: (input) => yes(input.facts.breaking) },

  {
    // A security fix in the product's code closes a hole users are exposed to: always high.
    id: 'security-fix-source', group: 'type', delta: 7, reason: 'reasonSecurityFixSource',
    when: (input) => yes(input.changeType === 'security' && hasSource(input)),
  },
  { id: 'security-fix', group: 'type', delta: 6, reason: 'reasonSecurityFix', when: (input) => yes(input.changeType === 'security') },
  {
    id: 'feature-source', group: 'type', delta: 4, reason: 'reasonFeatureSource',
    // A feature its author declared (`feat:`) is a new capability however few lines it takes.
    when: (input) => yes(input.changeType === 'feature' && hasSource(input) && (!smallChange(input) || input.facts.conventionalType === 'feature'), totals(input)),
  },
  { id: 'feature', group: 'type', delta: 2, reason: 'reasonFeature', when: (input) => yes(input.changeType === 'feature') },
  { id: 'fix-source', group: 'type', delta: 3, reason: 'reasonFixSource', when: (input) => yes(input.changeType === 'fix' && hasSource(input) && !smallFix(input)) },
  { id: 'fix', group: 'type', delta: 1, reason: 'reasonFix', when: (input) => yes(input.changeType === 'fix') },
  { id: 'perf', group: 'type', delta: 3, reason: 'reasonPerf', when: (input) => yes(input.changeType === 'perf') },
  { id: 'build', group: 'type', delta: 3, reason: 'reasonBuild', when: (input) => yes(input.changeType === 'build' && reviewableChurn(input) >= BUILD_LINES) },
  {
    // Undoing a security fix reopens what it closed: as important as the fix itself.
    id: 'revert-security', group: 'type', delta: 7, reason: 'reasonRevertSecurity',
    when: (input) => yes(input.changeType === 'revert' && SECURITY_WORDS.test(input.facts.message)),
  },
  { id: 'revert', group: 'type', delta: 3, reason: 'reasonRevert', when: (input) => yes(input.changeType === 'revert') },
  {
    id: 'refactor-source', group: 'type', delta: 1, reason: 'reasonRefactorSource',
    when: (input) => yes(input.changeType === 'refactor' && hasSource(input)),
  },
  { id: 'docs-only', group: 'type', delta: -4, reason: 'reasonDocsOnly', when: (input) => yes(everyFileIs(input.facts, ['docs'])) },
  { id: 'tests-only', group: 'type', delta: -2, reason: 'reasonTestsOnly', when: (input) => yes(everyFileIs(input.facts, ['test'])) },
  { id: 'style', group: 'type', delta: -2, reason: 'reasonStyleOnly', when: (input) => yes(input.changeType === 'style') },
  {
    id: 'unreviewed-only', group: 'type', delta: -2, reason: 'reasonUnreviewedOnly',
    when: (input) => yes(everyFileIs(input.facts, ['vendored', 'generated', 'lockfile'])),
  },
  { id: 'chore', group: 'type', delta: -1, reason: 'reasonChore', when: (input) => yes(input.changeType === 'chore') },

  // A fix to source in a security-sensitive path (auth/, crypto/, …) changes security behaviour by where it is,
  // whatever words its code uses: high, as the security fixes are.
  {
    id: 'security-path-fix', group: 'security-fix-path', delta: 7, reason: 'reasonSecurityPath',
    when: (input) => (input.changeType === 'fix' && hasSource(input)
      ? pathParams(input.facts.files.find((item) => item.kind === 'source' && item.traits.has('security-sensitive'))?.file.path)
      : undefined),
  },
  {
    id: 'security-path', group: 'security', delta: 4, reason: 'reasonSecurityPath',
    when: (input) => (input.view && !unparsedWithTrait(input, 'security-sensitive') ? undefined : pathParams(firstPathWithTrait(input.facts, 'security-sensitive'))),
  },
  {
    id: 'public-api', group: 'api', delta: 2, reason: 'reasonPublicApi',
    when: (input) => (input.view && !unparsedWithTrait(input, 'public-api') ? undefined : pathParams(firstPathWithTrait(input.facts, 'public-api'))),
  },
  { id: 'migration', delta: 3, reason: 'reasonMigration', when: (input) => pathParams(firstPathWithTrait(input.facts, 'migration')) },
  {
    id: 'ci-permissions', group: 'ci', delta: 3, reason: 'reasonCiPermissions',
    // With the code read, the CI facts judge a workflow; the line check speaks only for one that was not parsed.
    when: (input) => firstPath(input.signals.workflow.map((finding) => finding.path).filter((path) => !input.view || input.view.unparsed.has(path))),
  },
  {
    id: 'major-bump', delta: 3, reason: 'reasonMajorBump',
    when: (input) => {
      const bump = majorBumpsOf(input.view, input.signals, input.facts)[0];
      return bump ? { name: bump.name, from: bump.from, to: bump.to } : undefined;
    },
  },
  {
    id: 'changed-default', group: 'default', delta: 2, reason: 'reasonChangedDefault',
    when: (input) => firstPath([...input.signals.defaults.map((change) => change.path), ...(input.view ? [] : input.signals.defaultFiles)]),
  },
  {
    id: 'hot-path', delta: 1, reason: 'reasonHotPath',
    when: (input) => pathParams(input.facts.files.find((item) => item.kind === 'source' && item.traits.has('hot-path'))?.file.path),
  },
  {
    id: 'new-module', delta: 1, reason: 'reasonNewModule',
    when: (input) => {
      const added = newModules(input.facts).added[0];
      return added === undefined ? undefined : { module: added };
    },
  },

  { id: 'large', group: 'size', delta: 2, reason: 'reasonLargeChange', when: (input) => yes(reviewableChurn(input) >= SIZE_THRESHOLDS.large, totals(input)) },
  { id: 'medium', group: 'size', delta: 1, reason: 'reasonMediumChange', when: (input) => yes(reviewableChurn(input) >= SIZE_THRESHOLDS.medium, totals(input)) },
  {
    id: 'large-deletion', delta: 1, reason: 'reasonLargeDeletion',
    when: (input) => yes(input.facts.reviewable.deletions >= LARGE_DELETION_LINES && !isReordering(input.view?.code.moves), { deletions: input.facts.totals.deletions }),
  },
];

/** The whole table in order: in each group, the rows from the facts before the rows from the message and file list. */
export const IMPORTANCE_RULES: readonly ImportanceRule[] = [...FACT_IMPORTANCE_RULES, ...SIGNAL_RULES];

/** True when a file with `trait` could not be parsed: its path is then all there is to go on. */
function unparsedWithTrait(input: ImportanceInput, trait: 'security-sensitive' | 'public-api'): boolean {
  return input.facts.files.some((item) => item.traits.has(trait) && (input.view?.unparsed.has(item.file.path) ?? true));
}

export interface ImportanceResult {
  importance: Importance;
  score: number;
  reasons: string[];
}

export function levelForScore(score: number): Importance {
  if (score >= IMPORTANCE_THRESHOLDS.high) return 'high';
  if (score >= IMPORTANCE_THRESHOLDS.medium) return 'medium';
  return 'low';
}

/**
 * Default table, then the matching user rules in order (score deltas add up, the last forced importance wins),
 * then the two invariants: a breaking change is high, a docs commit is never high (breaking wins if both).
 */
export function scoreImportance(input: ImportanceInput, matchedRules: readonly UserRule[], language: Language): ImportanceResult {
  let score = 0;
  const reasons: string[] = [];
  const usedGroups: string[] = [];
  for (const rule of IMPORTANCE_RULES) {
    if (rule.group !== undefined && usedGroups.includes(rule.group)) continue;
    const params = rule.when(input);
    if (params === undefined) continue;
    if (rule.group !== undefined) usedGroups.push(rule.group);
    score += rule.delta;
    const reason = anyMessage(language, rule.reason, params);
    // A reason an earlier one already says (the breaking reason names the changed default it is) is not said twice.
    if (!reasons.some((earlier) => earlier.includes(reason))) reasons.push(reason);
  }
  // An unreadable commit (missing blob or tree) has no files: its size is unknown, not small.
  const unreadable = input.facts.commit.unreadable;
  if (unreadable !== undefined) reasons.push(message(language, 'reasonFilesUnreadable', { detail: unreadable }));
  else if (reasons.length === 0) reasons.push(message(language, 'reasonSmallChange', { ...input.facts.totals }));

  let forced: Importance | undefined;
  for (const rule of matchedRules) {
    score += rule.score ?? 0;
    reasons.push(rule.reason ?? message(language, 'reasonUserRule', { rule: describeRule(rule, language) }));
    if (rule.importance) forced = rule.importance;
  }
  score = Math.max(0, score);

  let importance = forced ?? levelForScore(score);
  const docsCommit = input.changeType === 'docs' || everyFileIs(input.facts, ['docs']);
  const breaking = input.breaking.length > 0;
  if (breaking && importance !== 'high') {
    importance = 'high';
    reasons.push(message(language, 'reasonBreakingAlwaysHigh'));
  } else if (!breaking && docsCommit && importance === 'high') {
    importance = 'medium';
    reasons.push(message(language, 'reasonDocsNeverHigh'));
  }
  return { importance, score, reasons };
}

function describeRule(rule: UserRule, language: Language): string {
  const parts: string[] = [];
  const separator = language === 'en' ? ', ' : '、';
  if (rule.match.paths) parts.push(message(language, 'ruleOnPaths', { globs: rule.match.paths.join(separator) }));
  if (rule.match.message !== undefined) parts.push(message(language, 'ruleOnMessage', { pattern: rule.match.message }));
  if (rule.match.types) {
    parts.push(message(language, 'ruleOnTypes', { types: rule.match.types.map((type) => changeTypeLabel(type, language)).join(separator) }));
  }
  if (rule.match.facts) parts.push(message(language, 'ruleOnFacts', { facts: rule.match.facts.join(separator) }));
  return parts.join(language === 'en' ? '; ' : '；');
}
