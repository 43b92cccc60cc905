import type { Language } from '../../domain/language.js';
import type { CodeView } from '../facts/codeView.js';
import { definitionLabel } from '../facts/codeView.js';
import type { ConfigKeyFact, DefinitionFact, DependencyFact, EnvFact, FlagFact, FormatFact, RouteFact } from '../facts/types.js';
import { isDowngrade } from '../facts/deps/versions.js';
import { code, factMessage, phraseList } from '../messages/factMessages.js';

/**
 * Definitions worth naming, most important first: public before private, types and functions before fields and
 * constants, and a member left out when its container is in the list too (a new class is named, not its ten
 * methods). Each label once.
 */
export function rankedDefinitions(facts: readonly DefinitionFact[]): DefinitionFact[] {
  // Types stand for their members; a module or namespace does not (its functions are what it adds).
  const containers = new Set(facts.filter((fact) => TYPE_KINDS.has(fact.defKind)).map((fact) => fact.name));
  const kept = facts.filter((fact) => fact.container === undefined || !containers.has(fact.container));
  const rank = (fact: DefinitionFact): number => (fact.public ? 0 : 10) + KIND_RANK[fact.defKind];
  const seen = new Set<string>();
  return kept
    .map((fact, index) => ({ fact, index }))
    .sort((a, b) => rank(a.fact) - rank(b.fact) || a.index - b.index)
    .map(({ fact }) => fact)
    .filter((fact) => {
      const label = definitionLabel(fact);
      if (seen.has(label)) return false;
      seen.add(label);
      return true;
    });
}

const TYPE_KINDS: ReadonlySet<DefinitionFact['defKind']> = new Set(['class', 'struct', 'interface', 'trait', 'enum']);

const KIND_RANK: Record<DefinitionFact['defKind'], number> = {
  class: 0, struct: 0, interface: 0, trait: 0, enum: 1, type: 1, function: 2, method: 2, module: 3, macro: 4,
  constant: 5, field: 6, variant: 6,
};

/** `public PrometheusExporter (class)` / `公共类 PrometheusExporter`. */
export function definitionItem(language: Language, fact: DefinitionFact, withPublic = true): string {
  return factMessage(language, 'itemDefinition', { public: withPublic && fact.public, kind: fact.defKind, name: code(definitionLabel(fact)) });
}

/** The version a dependency is added at; empty when it is no version (`workspace`, `*`, a path). */
export function dependencyVersion(fact: DependencyFact): string {
  const version = fact.new ?? fact.old ?? '';
  return /\d/.test(version) ? version : '';
}

export function bumpItem(language: Language, fact: DependencyFact): string {
  return fact.old !== undefined && fact.new !== undefined ? versionMove(language, code(fact.name), fact.old, fact.new) : code(fact.name);
}

/** `name` moved from `old` to `new`: a bump, or a move back. */
function versionMove(language: Language, name: string, old: string, next: string): string {
  return factMessage(language, isDowngrade(old, next) ? 'itemDowngrade' : 'itemBump', { name, old: shortVersion(old), new: shortVersion(next) });
}

const SCOPE_ORDER: readonly DependencyFact['scope'][] = ['runtime', 'optional', 'build', 'dev', 'ci'];

/**
 * Bumps as shown, the ones that move the same way together: "`a/init`, `a/analyze` and `a/upload-sarif` v4.35.2 → v4.36.0"
 * (one action's steps, a workspace's crates), in the order of their first fact.
 */
export function bumpItems(language: Language, facts: readonly DependencyFact[]): string[] {
  const groups = new Map<string, DependencyFact[]>();
  // What ships first: runtime, then optional, build, development, CI.
  const byScope = [...facts].sort((a, b) => SCOPE_ORDER.indexOf(a.scope) - SCOPE_ORDER.indexOf(b.scope));
  for (const fact of byScope) {
    const key = fact.old !== undefined && fact.new !== undefined ? `${fact.old}\0${fact.new}` : `\0${fact.name}`;
    groups.set(key, [...(groups.get(key) ?? []), fact]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    if (group.length === 1 || first.old === undefined || first.new === undefined) return bumpItem(language, first);
    return versionMove(language, phraseList(language, group.map((fact) => code(fact.name)), 3), first.old, first.new);
  });
}

/** A version as shown: as it is (a commit hash whole, so it can be searched for), bounded. */
export function shortVersion(version: string): string {
  const trimmed = version.trim();
  return trimmed.length > 64 ? `${trimmed.slice(0, 63)}…` : trimmed;
}

/** Dependency facts without duplicates (a manifest and its lock file name the same bump): the manifest's first. */
export function uniqueDependencies(facts: readonly DependencyFact[]): DependencyFact[] {
  const sorted = [...facts].sort((a, b) => Number(a.lockOnly === true) - Number(b.lockOnly === true));
  const seen = new Set<string>();
  return sorted.filter((fact) => {
    const key = `${fact.change}\0${fact.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A flag fact without dashes is a subcommand (`update-shell`); a flag is typed with them (`--cert`). */
export function isCommand(name: string): boolean {
  return !name.startsWith('-');
}

/** Subcommands before flags: a command added or gone brings or takes its flags. */
export function commandsFirst<T extends { name: string }>(flags: readonly T[]): T[] {
  return [...flags].sort((a, b) => Number(isCommand(b.name)) - Number(isCommand(a.name)));
}

export function flagKey(name: string): 'itemFlag' | 'itemCommand' {
  return isCommand(name) ? 'itemCommand' : 'itemFlag';
}

/** One interface fact as an item: `the --cert flag`, `the route GET /x`, `the setting x`, `the environment variable X`. */
export function interfaceItem(language: Language, fact: FlagFact | RouteFact | ConfigKeyFact | EnvFact | FormatFact): string {
  switch (fact.kind) {
    case 'flag': return factMessage(language, flagKey(fact.name), { name: code(fact.name) });
    case 'route': return factMessage(language, 'itemRoute', { name: code(fact.method ? `${fact.method} ${fact.route}` : fact.route) });
    case 'config': return factMessage(language, 'itemConfig', { name: code(fact.key) });
    case 'env': return factMessage(language, 'itemEnv', { name: code(fact.name) });
    case 'format': return factMessage(language, 'itemFormat', { name: code(fact.name) });
  }
}

/** The interface items a commit adds or removes (flags, routes, settings, environment variables, formats). */
export function interfaceItems(language: Language, view: CodeView, change: 'added' | 'removed', where: (path: string) => boolean = () => true): string[] {
  const items: string[] = [];
  const seen = new Set<string>();
  const push = (text: string): void => {
    if (!seen.has(text)) {
      seen.add(text);
      items.push(text);
    }
  };
  for (const fact of [...commandsFirst(view.flags), ...view.routes, ...view.config, ...view.env, ...view.formats]) {
    if (fact.change === change && where(fact.path)) push(interfaceItem(language, fact));
  }
  return items;
}
