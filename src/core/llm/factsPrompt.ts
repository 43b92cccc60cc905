import type { CodeFacts, DefinitionFact, DependencyFact, FactLocation } from '../analyze/facts/types.js';

/**
 * The code facts the offline analysis read, as the prompt shows them: one line a fact, the most telling first
 * (public definitions, then the rest of the definitions, flags, environment variables, config keys, defaults,
 * routes, formats, dependencies, security and CI facts, tests), bounded.
 */
export const FACTS_LIMITS = {
  /** Fact lines in the prompt; the rest are counted in one line. */
  lines: 60,
  /** Characters of one fact line. */
  lineChars: 200,
  /** Characters of every fact line together. */
  chars: 6000,
} as const;

/** The fact lines, bounded by FACTS_LIMITS, and how many facts were left out. */
export function factLines(facts: CodeFacts): { lines: string[]; omitted: number } {
  const all = allFactLines(facts);
  const lines: string[] = [];
  let used = 0;
  for (const line of all) {
    const bounded = shorten(line, FACTS_LIMITS.lineChars);
    if (lines.length >= FACTS_LIMITS.lines || used + bounded.length > FACTS_LIMITS.chars) break;
    lines.push(bounded);
    used += bounded.length + 1;
  }
  return { lines, omitted: all.length - lines.length };
}

function allFactLines(facts: CodeFacts): string[] {
  const definitions = [...facts.definitions].sort((a, b) => Number(b.public) - Number(a.public));
  return [
    ...definitions.map(definitionLine),
    ...facts.flags.map((f) => `flag ${f.change}: ${f.name} (${f.framework})${at(f)}`),
    ...facts.env.map((f) => `environment variable ${f.change}: ${f.name}${at(f)}`),
    ...facts.config.map((f) => `config key ${f.change}: ${f.key}${at(f)}`),
    ...facts.defaults.map((f) => `default changed: ${f.name} from ${f.old} to ${f.new}${at(f)}`),
    ...facts.routes.map((f) => `route ${f.change}: ${f.method ? `${f.method} ` : ''}${f.route}${at(f)}`),
    ...facts.formats.map((f) => `format ${f.change}: ${f.name}${at(f)}`),
    ...[...facts.dependencies].sort((a, b) => Number(a.lockOnly ?? false) - Number(b.lockOnly ?? false)).map(dependencyLine),
    ...facts.security.map((f) => `security (${f.area}) ${f.change}: ${f.evidence}${at(f)}`),
    ...facts.ci.map((f) => `CI ${f.what} ${f.change}: ${f.detail}${at(f)}`),
    ...facts.tests.map((f) => `test ${f.change}: ${f.name}${f.covers.length ? ` (covers ${f.covers.join(', ')})` : ''}${at(f)}`),
  ].map(oneLine);
}

function definitionLine(fact: DefinitionFact): string {
  const name = fact.container ? `${fact.container}::${fact.name}` : fact.name;
  const visibility = fact.public ? 'public ' : '';
  let what = `${fact.change}: ${visibility}${fact.defKind} ${name}`;
  if (fact.change === 'renamed' && fact.oldName) what += ` (was ${fact.oldName})`;
  if (fact.change === 'moved' && fact.oldPath) what += ` (from ${fact.oldPath})`;
  if (fact.change === 'signature' && fact.signature) what += `: ${fact.oldSignature ?? '?'} -> ${fact.signature}`;
  return `definition ${what}${at(fact)}`;
}

function dependencyLine(fact: DependencyFact): string {
  const versions = fact.change === 'bumped' ? ` ${fact.old ?? '?'} -> ${fact.new ?? '?'}` : fact.new ? ` ${fact.new}` : fact.old ? ` ${fact.old}` : '';
  return `dependency ${fact.change}: ${fact.name}${versions} (${fact.scope}, ${fact.ecosystem}${fact.lockOnly ? ', lock file only' : ''})${at(fact)}`;
}

function at(location: FactLocation): string {
  return ` at ${location.path}${location.line !== undefined ? `:${location.line}` : ''}`;
}

/** Paths whose definitions changed: their diff goes first in the budget. */
export function definitionPaths(facts: CodeFacts | undefined): Set<string> {
  return new Set((facts?.definitions ?? []).map((fact) => fact.path));
}

/** Every name the facts saw, for the grounding check: definitions, flags, variables, keys, dependencies, evidence. */
export function factNames(facts: CodeFacts): string[] {
  const names: string[] = [];
  for (const fact of facts.definitions) {
    names.push(fact.name);
    if (fact.container) names.push(fact.container);
    if (fact.oldName) names.push(fact.oldName);
    if (fact.signature) names.push(fact.signature);
    if (fact.oldSignature) names.push(fact.oldSignature);
  }
  for (const fact of facts.flags) names.push(fact.name);
  for (const fact of facts.env) names.push(fact.name);
  for (const fact of facts.config) names.push(fact.key);
  for (const fact of facts.defaults) names.push(fact.name, fact.old, fact.new);
  for (const fact of facts.routes) names.push(fact.route);
  for (const fact of facts.formats) names.push(fact.name);
  for (const fact of facts.dependencies) names.push(fact.name, fact.old ?? '', fact.new ?? '');
  for (const fact of facts.security) names.push(fact.evidence);
  for (const fact of facts.ci) names.push(fact.detail);
  for (const fact of facts.tests) names.push(fact.name, ...fact.covers);
  return names.filter((name) => name !== '').map((name) => shorten(name, FACTS_LIMITS.lineChars));
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
