import type { Language } from '../domain/language.js';
import type { Analysis } from '../domain/analysis.js';
import type { Commit } from '../domain/commit.js';
import type { UserRule } from '../domain/options.js';
import { decideChangeType } from './verdict/changeType.js';
import { classifiedFiles, collectFacts } from './facts/commitFacts.js';
import { scoreImportance } from './verdict/importance.js';
import { collectInsights } from './prose/insights.js';
import { message } from './messages/messages.js';
import { moduleImpacts } from './facts/modules.js';
import { collectSignals, collectSignalsNow, planDiffs, readsOfPlan } from './facts/signals.js';
import type { DiffPlan, DiffRead, DiffSignals, ReadDiff, ReadDiffNow } from './facts/signals.js';
import type { ClassifiedFile } from './facts/fileClasses.js';
import type { CommitFacts } from './facts/commitFacts.js';
import type { ChangeType, Insights } from '../domain/analysis.js';
import { buildSummary } from './prose/summary.js';
import { compileRule } from './verdict/userRules.js';
import type { CompiledRule } from './verdict/userRules.js';
import { codeView } from './facts/codeView.js';
import type { CodeView } from './facts/codeView.js';
import type { CodeFacts } from './facts/types.js';
import { breakingItems } from './verdict/breaking.js';
import { decideTypeWithFacts } from './verdict/factTypes.js';
import { factTags } from './verdict/factTags.js';
import { securityVerdict } from './verdict/security.js';
import { codeSentences } from './prose/codeSentence.js';
import { factInsights } from './prose/factInsights.js';
import { collectAllRisks } from './prose/allRisks.js';

export { parseConventionalHeader } from './facts/conventional.js';
export { changeTypeLabel, importanceLabel } from './messages/messages.js';
export { loadRepoRules, REPO_RULES_FILE } from './verdict/userRules.js';
// parseUserRules (zod) lives in ./userRulesSchema.js: import it from there, so the engine never loads zod without rules.
export { IMPORTANCE_THRESHOLDS } from './verdict/importance.js';
export type { DiffRead, ReadDiff } from './facts/signals.js';
export type { CodeFacts, FileInput } from './facts/types.js';

export interface AnalyzeContext {
  language: Language;
  /** User rules: settings first, then the repository's `.daily-digest.json`. */
  rules: UserRule[];
  /**
   * Diff text on demand, for the few checks that need it (CI workflow permissions, changed defaults, manifest
   * bumps). Optional: when absent, those checks fall back to file names and the message.
   */
  readDiff?: ReadDiff;
  /** What the commit's code changed (the facts stage), when it was read: the verdict and the prose use it. */
  code?: CodeFacts;
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
  const prepared = prepare(commit, ctx.rules, undefined, ctx.code);
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
  const prepared = prepare(commit, ctx.rules, plan.files, ctx.code);
  const signals = collectSignalsNow(prepared.facts, ctx.readDiffNow, plan.diffs);
  return signals === undefined ? undefined : finish(prepared, signals, ctx.language);
}

interface Prepared {
  facts: CommitFacts;
  /** The code facts sorted for the verdict and the prose, when the code was read. */
  view?: CodeView;
  changeType: ChangeType;
  matchedRules: UserRule[];
}

function prepare(commit: Commit, rules: readonly UserRule[], files?: ClassifiedFile[], code?: CodeFacts): Prepared {
  const facts = collectFacts(commit, files);
  const view = code ? codeView(code, facts) : undefined;
  const base = decideChangeType(facts);
  // User rules may force the change type; each rule's `types` sees the type the rules before it left.
  let { changeType } = view ? decideTypeWithFacts({ facts, view, base }) : base;
  const tags = rules.length > 0 ? factTags(view, facts.files) : undefined;
  const matchedRules: UserRule[] = [];
  for (const rule of rules) {
    const compiled = compiledRule(rule);
    if (!compiled.matches(commit, changeType, tags)) continue;
    matchedRules.push(compiled.rule);
    if (compiled.rule.changeType) changeType = compiled.rule.changeType;
  }
  return view ? { facts, view, changeType, matchedRules } : { facts, changeType, matchedRules };
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

function finish({ facts, view, changeType, matchedRules }: Prepared, signals: DiffSignals, language: Language): Analysis {
  const breaking = breakingItems({ facts, ...(view ? { view } : {}) });
  const security = securityVerdict({ facts, signals, ...(view ? { view } : {}) });
  const importance = scoreImportance(
    { facts, changeType, signals, language, breaking, security, ...(view ? { view } : {}) }, matchedRules, language,
  );
  const scope = moduleImpacts(facts.commit.files, message(language, 'rootModule'));
  const { risks, recommendations } = collectAllRisks({ facts, changeType, signals, language, breaking, ...(view ? { view } : {}) });

  const summary = buildSummary(facts, scope, language, view ? codeSentences(language, view) : '');
  const insights = view ? mergeInsights(factInsights({ facts, view, changeType, security, language }), collectInsights(facts, changeType, signals, language, true))
    : collectInsights(facts, changeType, signals, language);
  const { importance: level, score, reasons } = importance;
  const isBreaking = breaking.length > 0;
  // Two literals rather than a conditional spread: the same keys in the same order, one hidden class each.
  return facts.header.scope !== undefined && facts.conventionalType
    ? {
      analyzer: 'heuristic', changeType, conventionalScope: facts.header.scope, importance: level, score, reasons,
      breaking: isBreaking, summary, scope, insights, security: security.security, risks, recommendations, notes: [],
    }
    : {
      analyzer: 'heuristic', changeType, importance: level, score, reasons,
      breaking: isBreaking, summary, scope, insights, security: security.security, risks, recommendations, notes: [],
    };
}

/** The facts' insights first, then the structural ones they do not replace, each line once. */
function mergeInsights(fromFacts: Insights, structural: Insights): Insights {
  const merge = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])];
  return {
    architecture: merge(fromFacts.architecture, structural.architecture),
    performance: merge(fromFacts.performance, structural.performance),
    security: merge(fromFacts.security, structural.security),
  };
}
