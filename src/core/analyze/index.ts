import type { Language } from '../i18n/language.js';
import type { Analysis } from '../model/analysis.js';
import type { Commit } from '../model/commit.js';
import type { UserRule } from '../model/options.js';
import { decideChangeType } from './changeType.js';
import { classifiedFiles, collectFacts } from './facts.js';
import { scoreImportance } from './importance.js';
import { collectInsights } from './insights.js';
import { message } from './messages.js';
import { moduleImpacts } from './modules.js';
import { collectRisks } from './risks.js';
import { collectSignals, diffReads } from './signals.js';
import type { DiffRead, ReadDiff } from './signals.js';
import { buildSummary } from './summary.js';
import { compileRule } from './userRules.js';

export { parseConventionalHeader } from './conventional.js';
export { changeTypeLabel, importanceLabel } from './messages.js';
export { loadRepoRules, REPO_RULES_FILE } from './userRules.js';
export { parseUserRules } from './userRulesSchema.js';
export { IMPORTANCE_THRESHOLDS } from './importance.js';
export type { DiffRead, ReadDiff } from './signals.js';

export interface AnalyzeContext {
  language: Language;
  /** User rules: settings first, then the repository's `.daily-digest.json`. */
  rules: UserRule[];
  /**
   * Diff text on demand, for the few checks that need it (CI workflow permissions, changed defaults, manifest
   * bumps). Optional: when absent, those checks fall back to file names and the message.
   */
  readDiff?: ReadDiff;
}

/**
 * The diff reads analyzeCommit will make through ctx.readDiff for this commit, in order, with their byte budgets;
 * empty when it needs no diff. Lets a caller fetch every commit's diff in one batch (the engine's diff stream).
 */
export function diffRequest(commit: Commit): DiffRead[] {
  return diffReads({ files: classifiedFiles(commit) });
}

/** The offline analysis of one commit: deterministic, grounded in the commit's message, stats and diff. */
export async function analyzeCommit(commit: Commit, ctx: AnalyzeContext): Promise<Analysis> {
  const { language } = ctx;
  const facts = collectFacts(commit);

  // User rules may force the change type; each rule's `types` sees the type the rules before it left.
  let { changeType } = decideChangeType(facts);
  const matchedRules: UserRule[] = [];
  for (const compiled of ctx.rules.map(compileRule)) {
    if (!compiled.matches(commit, changeType)) continue;
    matchedRules.push(compiled.rule);
    if (compiled.rule.changeType) changeType = compiled.rule.changeType;
  }

  const signals = await collectSignals(facts, ctx.readDiff);
  const importance = scoreImportance({ facts, changeType, signals }, matchedRules, language);
  const scope = moduleImpacts(commit.files, message(language, 'rootModule'));
  const { risks, recommendations } = collectRisks({ facts, changeType, signals, language });

  return {
    analyzer: 'heuristic',
    changeType,
    ...(facts.header.scope !== undefined && facts.conventionalType ? { conventionalScope: facts.header.scope } : {}),
    importance: importance.importance,
    score: importance.score,
    reasons: importance.reasons,
    breaking: facts.breaking,
    summary: buildSummary(facts, scope, language),
    scope,
    insights: collectInsights(facts, changeType, signals, language),
    risks,
    recommendations,
    notes: [],
  };
}
