import type { Language } from '../../domain/language.js';
import type { ChangeType, Insights } from '../../domain/analysis.js';
import { filesOfKind, filesWithTrait, pathsOf } from '../facts/commitFacts.js';
import type { CommitFacts } from '../facts/commitFacts.js';
import { formatList, message } from '../messages/messages.js';
import type { MessageKey } from '../messages/messages.js';
import type { DiffSignals } from '../facts/signals.js';
import type { WorkflowSignal } from '../facts/diffSignals.js';
import { newModules } from '../facts/structure.js';
import { KEYWORD_RULES } from '../verdict/typeRules.js';

/** Words in a message that make it about performance; the matched word is quoted in the insight. */
export const PERFORMANCE_WORDS =
  /\b(performance|faster|slower|latency|throughput|speed ?ups?|optimi[sz](?:e|es|ed|ation|ations)|allocations?|memory (?:usage|footprint)|hot ?path|cache (?:hits?|miss(?:es)?)|benchmarks?|O\(n(?:\^2| log n)?\))/i;
const SECURITY_WORDS = KEYWORD_RULES.find((rule) => rule.changeType === 'security')!.pattern;

export const SIGNAL_LABELS: Record<WorkflowSignal, MessageKey> = {
  pull_request_target: 'signalPullRequestTarget',
  permissions: 'signalPermissions',
  secrets: 'signalSecrets',
};

/**
 * Insights from the message, the file list and the diff checks. `codeRead` when the code facts speak for the
 * files: then the lines they replace (public API files, hot paths, dependencies, security-sensitive paths, CI
 * workflows) are left to them, and only structure the facts do not see stays (modules, migrations, configuration,
 * moved files, the breaking footer, security words of the message).
 */
export function collectInsights(facts: CommitFacts, changeType: ChangeType, signals: DiffSignals, language: Language, codeRead = false): Insights {
  return {
    architecture: architecture(facts, language, codeRead),
    performance: codeRead ? [] : performance(facts, changeType, language),
    security: security(facts, signals, language, codeRead),
  };
}

function architecture(facts: CommitFacts, language: Language, codeRead: boolean): string[] {
  const lines: string[] = [];
  const modules = newModules(facts);
  for (const module of modules.added) lines.push(message(language, 'archNewModule', { module }));
  for (const module of modules.removed) lines.push(message(language, 'archDeletedModule', { module }));
  const publicApi = codeRead ? [] : pathsOf(filesWithTrait(facts, 'public-api'));
  if (publicApi.length > 0) lines.push(message(language, 'archPublicApi', { paths: formatList(language, publicApi) }));
  const config = pathsOf(filesOfKind(facts, 'config'));
  if (config.length > 0) lines.push(message(language, 'archConfig', { paths: formatList(language, config) }));
  const migrations = pathsOf(filesWithTrait(facts, 'migration'));
  if (migrations.length > 0) lines.push(message(language, 'archMigration', { paths: formatList(language, migrations) }));
  const moves = facts.files
    .filter(({ file }) => file.status === 'R' && file.oldPath !== undefined && folderOf(file.oldPath) !== folderOf(file.path))
    .map(({ file }) => `${file.oldPath} → ${file.path}`);
  if (moves.length > 0) lines.push(message(language, 'archRenames', { paths: formatList(language, moves) }));
  if (facts.breakingText) lines.push(message(language, 'archBreaking', { text: oneLine(facts.breakingText) }));
  else if (facts.breaking) lines.push(message(language, 'archBreakingHeader'));
  return lines;
}

function performance(facts: CommitFacts, changeType: ChangeType, language: Language): string[] {
  const lines: string[] = [];
  // The type alone says nothing the report does not show already: only a quoted word is worth a line.
  const word = changeType === 'perf' || PERFORMANCE_WORDS.test(facts.message) ? PERFORMANCE_WORDS.exec(facts.message)?.[0] : undefined;
  if (word) lines.push(message(language, 'perfKeyword', { word }));
  const hot = pathsOf(filesOfKind(facts, 'source').filter((item) => item.traits.has('hot-path')));
  if (hot.length > 0) lines.push(message(language, 'perfHotPath', { paths: formatList(language, hot) }));
  const dependencies = pathsOf(facts.files.filter((item) => item.kind === 'manifest' || item.kind === 'lockfile'));
  if (dependencies.length > 0) lines.push(message(language, 'perfDependencies', { paths: formatList(language, dependencies) }));
  return lines;
}

function security(facts: CommitFacts, signals: DiffSignals, language: Language, codeRead: boolean): string[] {
  const lines: string[] = [];
  const sensitive = codeRead ? [] : pathsOf(filesWithTrait(facts, 'security-sensitive'));
  if (sensitive.length > 0) lines.push(message(language, 'secPaths', { paths: formatList(language, sensitive) }));
  const word = SECURITY_WORDS.exec(facts.message)?.[0];
  if (word) lines.push(message(language, 'secKeyword', { word }));
  if (codeRead) return lines;
  for (const finding of signals.workflow) {
    lines.push(message(language, 'secWorkflow', { path: finding.path, what: message(language, SIGNAL_LABELS[finding.signal]) }));
  }
  if (!signals.workflowsChecked && signals.workflowPaths.length > 0) {
    lines.push(message(language, 'secWorkflowUnchecked', { paths: formatList(language, signals.workflowPaths) }));
  }
  return lines;
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
