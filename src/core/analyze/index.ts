import type { Language } from '../domain/language.js';
import type { Analysis } from '../domain/analysis.js';
import type { Commit } from '../domain/commit.js';
import type { UserRule } from '../domain/options.js';
import { decideChangeType } from './changeType.js';
import { classifiedFiles, collectFacts } from './facts.js';
import { scoreImportance } from './importance.js';
import { collectInsights } from './insights.js';
import { message } from './messages.js';
import { moduleImpacts } from './modules.js';
import { collectRisks } from './risks.js';
import { collectSignals, collectSignalsNow, planDiffs, readsOfPlan } from './signals.js';
import type { DiffPlan, DiffRead, DiffSignals, ReadDiff, ReadDiffNow } from './signals.js';
import type { ClassifiedFile } from './fileClasses.js';
import type { CommitFacts } from './facts.js';
import type { ChangeType } from '../domain/analysis.js';
import { buildSummary } from './summary.js';
import { compileRule } from './userRules.js';
import type { CompiledRule } from './userRules.js';

export { parseConventionalHeader } from './conventional.js';
export { changeTypeLabel, importanceLabel } from './messages.js';
export { loadRepoRules, REPO_RULES_FILE } from './userRules.js';
// parseUserRules (zod) lives in ./userRulesSchema.js: import it from there, so the engine never loads zod without rules.
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
  return planCommit(commit).reads;
}

/** What a commit's analysis works out before rules and diffs: its classified files and the diff reads it makes. */
export interface CommitPlan {
  files: ClassifiedFile[];
  diffs: DiffPlan;
  /** diffRequest(commit). */
  reads: DiffRead[];
}

/** The plan of `commit`; analyzeCommitNow takes it back so the work is not done twice. */
export function planCommit(commit: Commit): CommitPlan {
  const files = classifiedFiles(commit);
  const diffs = planDiffs({ files });
  return { files, diffs, reads: readsOfPlan(diffs) };
}

/** The offline analysis of one commit: deterministic, grounded in the commit's message, stats and diff. */
export async function analyzeCommit(commit: Commit, ctx: AnalyzeContext): Promise<Analysis> {
  const prepared = prepare(commit, ctx.rules);
  return finish(prepared, await collectSignals(prepared.facts, ctx.readDiff), ctx.language);
}

/**
 * analyzeCommit when every diff read can be answered at once (the engine's streamed patches): the same analysis,
 * without a promise per read, or undefined when a read cannot be answered at once (then call analyzeCommit).
 * `plan` is planCommit(commit) when the caller made it already (for diffRequest).
 */
export function analyzeCommitNow(
  commit: Commit,
  ctx: Omit<AnalyzeContext, 'readDiff'> & { readDiffNow: ReadDiffNow },
  plan: CommitPlan = planCommit(commit),
): Analysis | undefined {
  const prepared = prepare(commit, ctx.rules, plan.files);
  const signals = collectSignalsNow(prepared.facts, ctx.readDiffNow, plan.diffs);
  return signals === undefined ? undefined : finish(prepared, signals, ctx.language);
}

interface Prepared {
  facts: CommitFacts;
  changeType: ChangeType;
  matchedRules: UserRule[];
}

function prepare(commit: Commit, rules: readonly UserRule[], files?: ClassifiedFile[]): Prepared {
  const facts = collectFacts(commit, files);
  // User rules may force the change type; each rule's `types` sees the type the rules before it left.
  let { changeType } = decideChangeType(facts);
  const matchedRules: UserRule[] = [];
  for (const rule of rules) {
    const compiled = compiledRule(rule);
    if (!compiled.matches(commit, changeType)) continue;
    matchedRules.push(compiled.rule);
    if (compiled.rule.changeType) changeType = compiled.rule.changeType;
  }
  return { facts, changeType, matchedRules };
}

/** Rules compiled once per rule object, not once per commit (a rule's globs and pattern do not change). */
const COMPILED_RULES = new WeakMap<UserRule, CompiledRule>();

function compiledRule(rule: UserRule): CompiledRule {
  let compiled = COMPILED_RULES.get(rule);
  if (!compiled) {
    compiled = compileRule(rule);
    COMPILED_RULES.set(rule, compiled);
  }
  return compiled;
}

function finish({ facts, changeType, matchedRules }: Prepared, signals: DiffSignals, language: Language): Analysis {
  const importance = scoreImportance({ facts, changeType, signals }, matchedRules, language);
  const scope = moduleImpacts(facts.commit.files, message(language, 'rootModule'));
  const { risks, recommendations } = collectRisks({ facts, changeType, signals, language });

  const summary = buildSummary(facts, scope, language);
  const insights = collectInsights(facts, changeType, signals, language);
  const { importance: level, score, reasons } = importance;
  // Two literals rather than a conditional spread: the same keys in the same order, one hidden class each.
  return facts.header.scope !== undefined && facts.conventionalType
    ? {
      analyzer: 'heuristic', changeType, conventionalScope: facts.header.scope, importance: level, score, reasons,
      breaking: facts.breaking, summary, scope, insights, risks, recommendations, notes: [],
    }
    : {
      analyzer: 'heuristic', changeType, importance: level, score, reasons,
      breaking: facts.breaking, summary, scope, insights, risks, recommendations, notes: [],
    };
}
