// The figures of the quality eval, computed from labelled commits and the analyzer's output. Pure functions.
import { brokenSummaryReasons } from './brokenSummary.js';
import type { LabelledCommit, Split } from './labels.js';
import type { ReportedAnalysis } from './reportRun.js';

export interface EvaluatedCommit {
  repo: string;
  split: Split;
  label: LabelledCommit;
  analysis: ReportedAnalysis;
}

/** Sentences that recur in this many commits or more count as templates. */
export const TEMPLATE_MIN_COMMITS = 3;

/** `analysis.security` when the analyzer sets it; before that, a security type or a security insight. */
export function predictedSecurity(analysis: ReportedAnalysis): boolean {
  const field = analysis.security;
  if (field !== undefined && field !== null) {
    if (typeof field === 'boolean') return field;
    if (Array.isArray(field)) return field.length > 0;
    return typeof field === 'object' ? Object.keys(field).length > 0 : Boolean(field);
  }
  return analysis.changeType === 'security' || analysis.insights.security.length > 0;
}

/** The risk, insight and recommendation sentences of a commit, each entry as written. */
export function adviceSentences(analysis: ReportedAnalysis): string[] {
  const { architecture, performance, security } = analysis.insights;
  return [...architecture, ...performance, ...security, ...analysis.risks, ...analysis.recommendations];
}

/** Sentences whose exact text appears in TEMPLATE_MIN_COMMITS commits or more of the whole evaluated set. */
export function recurringSentences(commits: EvaluatedCommit[]): Set<string> {
  const commitsPerSentence = new Map<string, number>();
  for (const commit of commits) {
    for (const sentence of new Set(adviceSentences(commit.analysis))) {
      commitsPerSentence.set(sentence, (commitsPerSentence.get(sentence) ?? 0) + 1);
    }
  }
  return new Set([...commitsPerSentence].filter(([, count]) => count >= TEMPLATE_MIN_COMMITS).map(([sentence]) => sentence));
}

/** Everything a labelled identifier may be named in. */
function analysisText(analysis: ReportedAnalysis): string {
  return [analysis.summary, ...analysis.reasons, ...adviceSentences(analysis)].join('\n');
}

export function missingIdentifiers(commit: EvaluatedCommit): string[] {
  const text = analysisText(commit.analysis);
  return commit.label.identifiers.filter((identifier) => !text.includes(identifier));
}

export interface Figures {
  commits: number;
  typeCorrect: number;
  importanceCorrect: number;
  breakingLabelled: number;
  breakingFound: number;
  falseBreaking: number;
  securityLabelled: number;
  securityFound: number;
  falseSecurity: number;
  identifiersLabelled: number;
  identifiersNamed: number;
  adviceSentences: number;
  templateSentences: number;
  brokenSummaries: number;
}

export function computeFigures(commits: EvaluatedCommit[], recurring: Set<string>): Figures {
  const figures: Figures = {
    commits: commits.length, typeCorrect: 0, importanceCorrect: 0, breakingLabelled: 0, breakingFound: 0, falseBreaking: 0,
    securityLabelled: 0, securityFound: 0, falseSecurity: 0, identifiersLabelled: 0, identifiersNamed: 0,
    adviceSentences: 0, templateSentences: 0, brokenSummaries: 0,
  };
  for (const commit of commits) {
    const { label, analysis } = commit;
    if (analysis.changeType === label.type) figures.typeCorrect += 1;
    if (analysis.importance === label.importance) figures.importanceCorrect += 1;
    if (label.breaking) figures.breakingLabelled += 1;
    if (label.breaking && analysis.breaking) figures.breakingFound += 1;
    if (!label.breaking && analysis.breaking) figures.falseBreaking += 1;
    const security = predictedSecurity(analysis);
    if (label.security) figures.securityLabelled += 1;
    if (label.security && security) figures.securityFound += 1;
    if (!label.security && security) figures.falseSecurity += 1;
    figures.identifiersLabelled += label.identifiers.length;
    figures.identifiersNamed += label.identifiers.length - missingIdentifiers(commit).length;
    const sentences = adviceSentences(analysis);
    figures.adviceSentences += sentences.length;
    figures.templateSentences += sentences.filter((sentence) => recurring.has(sentence)).length;
    if (brokenSummaryReasons(analysis.summary, label.subject).length > 0) figures.brokenSummaries += 1;
  }
  return figures;
}

export type Status = 'PASS' | 'MISS' | 'n/a';

export interface TargetRow {
  metric: string;
  /** The measured share (0..1) or count; undefined when there is nothing to measure (no labelled positives). */
  value: number | undefined;
  shown: string;
  target: string;
  status: Status;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)} % (${part}/${whole})`;
}

function atLeast(metric: string, part: number, whole: number, target: number): TargetRow {
  const value = whole === 0 ? undefined : part / whole;
  const status: Status = value === undefined ? 'n/a' : value >= target ? 'PASS' : 'MISS';
  return { metric, value, shown: percent(part, whole), target: `>= ${Math.round(target * 100)} %`, status };
}

/** One false breaking flag is allowed per 40 commits, and at least one whatever the size of the set. */
export function falseBreakingAllowed(commits: number): number {
  return Math.max(1, Math.floor(commits / 40));
}

/** The targets, each measured and judged. */
export function judge(figures: Figures): TargetRow[] {
  const allowed = falseBreakingAllowed(figures.commits);
  const templateShare = figures.adviceSentences === 0 ? 0 : figures.templateSentences / figures.adviceSentences;
  return [
    atLeast('type accuracy', figures.typeCorrect, figures.commits, 0.85),
    atLeast('importance accuracy', figures.importanceCorrect, figures.commits, 0.8),
    atLeast('breaking recall', figures.breakingFound, figures.breakingLabelled, 0.8),
    {
      metric: 'false breaking flags', value: figures.falseBreaking, shown: String(figures.falseBreaking),
      target: `<= ${allowed}`, status: figures.falseBreaking <= allowed ? 'PASS' : 'MISS',
    },
    atLeast('security recall', figures.securityFound, figures.securityLabelled, 0.8),
    { metric: 'false security flags', value: figures.falseSecurity, shown: String(figures.falseSecurity), target: '(no target)', status: 'n/a' },
    atLeast('identifier recall', figures.identifiersNamed, figures.identifiersLabelled, 0.7),
    {
      metric: 'template share', value: templateShare, shown: percent(figures.templateSentences, figures.adviceSentences),
      target: '<= 15 %', status: templateShare <= 0.15 ? 'PASS' : 'MISS',
    },
    {
      metric: 'broken summaries', value: figures.brokenSummaries, shown: String(figures.brokenSummaries),
      target: '0', status: figures.brokenSummaries === 0 ? 'PASS' : 'MISS',
    },
  ];
}

/** What the analyzer got wrong on one commit, one line per miss (for --verbose). */
export function describeMisses(commit: EvaluatedCommit, recurring: Set<string>): string[] {
  const { label, analysis } = commit;
  const misses: string[] = [];
  if (analysis.changeType !== label.type) misses.push(`type: expected ${label.type}, got ${analysis.changeType}`);
  if (analysis.importance !== label.importance) misses.push(`importance: expected ${label.importance}, got ${analysis.importance}`);
  if (label.breaking !== analysis.breaking) misses.push(label.breaking ? 'breaking: not flagged' : 'breaking: false flag');
  const security = predictedSecurity(analysis);
  if (label.security !== security) misses.push(label.security ? 'security: not flagged' : 'security: false flag');
  const missing = missingIdentifiers(commit);
  if (missing.length > 0) misses.push(`identifiers not named: ${missing.join(', ')}`);
  const templates = adviceSentences(analysis).filter((sentence) => recurring.has(sentence));
  if (templates.length > 0) misses.push(`template sentences: ${templates.map((sentence) => JSON.stringify(sentence)).join(', ')}`);
  const broken = brokenSummaryReasons(analysis.summary, label.subject);
  if (broken.length > 0) misses.push(`broken summary (${broken.join('; ')}): ${JSON.stringify(analysis.summary.slice(0, 160))}`);
  return misses;
}
