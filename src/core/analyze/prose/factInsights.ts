import type { Language } from '../../domain/language.js';
import type { ChangeType, Insights } from '../../domain/analysis.js';
import type { CodeView } from '../facts/codeView.js';
import { CALLABLE_KINDS, definitionLabel } from '../facts/codeView.js';
import type { SecurityArea } from '../facts/types.js';
import type { CommitFacts } from '../facts/commitFacts.js';
import { code, factMessage, phraseList } from '../messages/factMessages.js';
import { AREA_WORDS_EN } from '../messages/factMessages.en.js';
import { AREA_WORDS_ZH } from '../messages/factMessages.zh.js';
import { PERFORMANCE_WORDS } from './insights.js';
import { isApiSurface } from '../verdict/apiSurface.js';
import { HARDENING, isRiskyCi } from '../verdict/security.js';
import type { SecurityVerdict } from '../verdict/security.js';
import { movesByPath } from './codeSentence.js';
import { definitionItem, dependencyVersion, interfaceItem, rankedDefinitions, shortVersion, uniqueDependencies } from './items.js';

/** Lines each lens holds at most. */
const MAX_LINES = 4;

export interface FactInsightInput {
  facts: CommitFacts;
  view: CodeView;
  changeType: ChangeType;
  security: SecurityVerdict;
  language: Language;
}

/** Insights from the facts, each naming a file, a definition, a flag or a dependency of this commit. */
export function factInsights(input: FactInsightInput): Insights {
  return {
    architecture: architecture(input).slice(0, MAX_LINES),
    performance: performance(input).slice(0, MAX_LINES),
    security: security(input).slice(0, MAX_LINES),
  };
}

function architecture({ facts, view, language }: FactInsightInput): string[] {
  const lines: string[] = [];
  // The public API by file: what a file of the API surface gains and loses.
  const byPath = new Map<string, string[]>();
  for (const fact of [...view.added, ...view.removed, ...view.signature]) {
    if (!isApiSurface(fact, facts.files)) continue;
    const verb = fact.change === 'added' ? '+' : fact.change === 'removed' ? '−' : '±';
    byPath.set(fact.path, [...(byPath.get(fact.path) ?? []), `${verb}${code(definitionLabel(fact))}`]);
  }
  for (const [path, items] of byPath) lines.push(factMessage(language, 'insApiChanged', { path, items: phraseList(language, items, 5) }));
  // New files and what they define.
  const newFiles = new Set(facts.files.filter(({ file, kind }) => file.status === 'A' && kind === 'source').map(({ file }) => file.path));
  for (const path of newFiles) {
    const defined = rankedDefinitions(view.added.filter((fact) => fact.path === path));
    if (defined.length === 0 || byPath.has(path)) continue;
    lines.push(factMessage(language, 'insNewFile', { path, items: phraseList(language, defined.map((fact) => definitionItem(language, fact)), 3) }));
  }
  if (view.moved.length > 0) {
    lines.push(factMessage(language, 'insMoved', { items: phraseList(language, movesByPath(language, view.moved), 3) }));
  }
  for (const fact of uniqueDependencies(view.dependencies)) {
    if (fact.lockOnly || fact.scope === 'ci' || fact.change === 'bumped') continue;
    const key = fact.change === 'added' ? 'insDependencyAdded' : 'insDependencyRemoved';
    lines.push(factMessage(language, key, {
      scope: scopeWord(language, fact.scope), name: code(fact.name), version: shortVersion(dependencyVersion(fact)), ecosystem: fact.ecosystem, path: fact.path,
    }));
  }
  // Where the new interface is read: the file and line, which the summary does not say.
  const located = [...view.flags, ...view.env, ...view.config, ...view.routes].filter((fact) => fact.change === 'added');
  for (const fact of located.slice(0, 2)) {
    lines.push(factMessage(language, 'insInterfaceAdded', { item: interfaceItem(language, fact), path: fact.path, line: fact.line ?? '' }));
  }
  return lines;
}

function performance({ facts, view, changeType, language }: FactInsightInput): string[] {
  const lines: string[] = [];
  const changed = rankedDefinitions([...view.body, ...view.signature, ...view.added]).filter((fact) => fact.defKind === 'function' || fact.defKind === 'method');
  const word = PERFORMANCE_WORDS.exec(facts.message)?.[0] ?? (changeType === 'perf' ? facts.header.type ?? '' : undefined);
  if (word !== undefined && word !== '' && changed.length > 0) {
    lines.push(factMessage(language, 'insPerfIn', { word, items: phraseList(language, changed.map((fact) => code(definitionLabel(fact))), 3) }));
  }
  const hot = new Set(facts.files.filter((item) => item.kind === 'source' && item.traits.has('hot-path')).map((item) => item.file.path));
  for (const path of hot) {
    const inFile = changed.filter((fact) => fact.path === path);
    if (inFile.length === 0) continue;
    lines.push(factMessage(language, 'insHotPath', { items: phraseList(language, inFile.map((fact) => code(definitionLabel(fact))), 3), path }));
    break;
  }
  const runtime = uniqueDependencies(view.dependencies).filter((fact) => fact.scope === 'runtime' && fact.change === 'bumped' && fact.old && fact.new);
  if (runtime.length > 0) {
    const items = runtime.map((fact) => `${code(fact.name)} ${shortVersion(fact.old!)} → ${shortVersion(fact.new!)}`);
    lines.push(factMessage(language, 'insRuntimeDeps', { items: phraseList(language, items, 3) }));
  }
  return lines;
}

function security({ view, security: verdict, language }: FactInsightInput): string[] {
  const lines: string[] = [];
  // Hardening the code facts do not show by vocabulary: the definitions it adds or changes are where the checks are.
  const hardening = verdict.evidence.find((evidence) => evidence.source === 'message' && HARDENING.test(evidence.word));
  const checks = rankedDefinitions([...view.added, ...view.signature, ...view.body].filter((fact) => CALLABLE_KINDS.has(fact.defKind)));
  if (hardening && !verdict.evidence.some((evidence) => evidence.source === 'code') && checks.length > 0) {
    lines.push(factMessage(language, 'insHardening', { items: phraseList(language, checks.map((fact) => code(definitionLabel(fact))), 4) }));
  }
  for (const evidence of verdict.evidence) {
    if (evidence.source !== 'code') continue;
    const byArea = new Map<SecurityArea, string[]>();
    for (const fact of evidence.facts) {
      const what = `${code(fact.evidence)} (${fact.path}${fact.line ? `:${fact.line}` : ''})`;
      const list = byArea.get(fact.area) ?? [];
      if (!list.includes(what)) byArea.set(fact.area, [...list, what]);
    }
    for (const [area, items] of byArea) {
      lines.push(factMessage(language, 'insSecurityFacts', { area: areaWord(language, area), items: phraseList(language, items, 3) }));
    }
  }
  for (const fact of view.ci) {
    if (!isRiskyCi(fact) && !(fact.change === 'added' && fact.what === 'unpinned-action')) continue;
    const key = fact.what === 'unpinned-action' ? 'insCiUnpinned' : 'insCiGains';
    lines.push(factMessage(language, key, { path: fact.path, detail: code(fact.detail) }));
  }
  return lines;
}

export function areaWord(language: Language, area: SecurityArea): string {
  return (language === 'en' ? AREA_WORDS_EN : AREA_WORDS_ZH)[area];
}

function scopeWord(language: Language, scope: string): string {
  if (language !== 'en') return scope;
  return scope === 'runtime' ? 'runtime' : scope === 'dev' ? 'development' : scope;
}
