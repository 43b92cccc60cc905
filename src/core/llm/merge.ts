import type { Language } from '../domain/language.js';
import type { Analysis, AnalyzerId, Grounding, ModuleImpact, TokenUsage } from '../domain/analysis.js';
import type { Commit } from '../domain/commit.js';
import { buildGroundingContext, groundList, groundText } from './grounding.js';
import { note } from '../i18n/llmNotes.js';
import type { ModelOutput } from './schema.js';

export interface MergeContext {
  id: AnalyzerId;
  model: string;
  language: Language;
  notes: string[];
  usage?: TokenUsage;
  /** The texts sent to the model (the user prompt): what its sentences may quote. */
  inputTexts: string[];
  /** Names from the code facts, also quotable. */
  factNames?: string[];
}

/** The model's fields over the offline analysis, each text grounded. Model text stays plain data. */
export function mergeAnalysis(commit: Commit, offline: Analysis, output: ModelOutput, ctx: MergeContext): Analysis {
  const grounding: Grounding = { dropped: 0, reasons: [] };
  const context = buildGroundingContext(commit, ctx.inputTexts, ctx.factNames);
  const notes = [...ctx.notes];

  const summary = groundText(output.summary, context, ctx.language);
  grounding.dropped += summary.dropped;
  grounding.reasons.push(...summary.reasons);
  let summaryText = summary.text;
  if (!summaryText) {
    summaryText = offline.summary;
    notes.push(note(ctx.language, 'summaryKept'));
  }
  const reasons = groundList(output.reasons, context, ctx.language, grounding);

  const { fallback: _fallback, ...base } = offline;
  const analysis: Analysis = {
    ...base,
    analyzer: ctx.id,
    model: ctx.model,
    changeType: output.changeType,
    importance: output.importance,
    breaking: offline.breaking || output.breaking === true,
    reasons: reasons.length ? reasons : offline.reasons,
    summary: summaryText,
    scope: orderScope(offline.scope, output.modules ?? []),
    insights: {
      architecture: groundList(output.insights.architecture, context, ctx.language, grounding),
      performance: groundList(output.insights.performance, context, ctx.language, grounding),
      security: groundList(output.insights.security, context, ctx.language, grounding),
    },
    risks: groundList(output.risks, context, ctx.language, grounding),
    recommendations: groundList(output.recommendations, context, ctx.language, grounding),
    notes,
    grounding,
  };
  if (ctx.usage) analysis.usage = ctx.usage;
  else delete analysis.usage;
  return analysis;
}

/** The offline scope (real counts), with the modules the model named first, in its order. Unknown names are ignored. */
function orderScope(scope: ModuleImpact[], named: string[]): ModuleImpact[] {
  const rank = new Map<string, number>();
  named.forEach((name, index) => {
    const key = name.trim().replace(/\/+$/, '');
    if (!rank.has(key)) rank.set(key, index);
  });
  return scope
    .map((impact, index) => ({ impact, index, rank: rankOf(impact.module, rank) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.impact);
}

/** The model may name `src` for the module `src/core`, or `core` for it: the best (lowest) matching rank. */
function rankOf(module: string, rank: Map<string, number>): number {
  let best = rank.get(module) ?? Number.POSITIVE_INFINITY;
  for (const [name, index] of rank) {
    if (index < best && (module.startsWith(`${name}/`) || module.endsWith(`/${name}`))) best = index;
  }
  return best;
}
