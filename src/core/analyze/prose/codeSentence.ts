import type { Language } from '../../domain/language.js';
import { isReordering } from '../facts/movedLines.js';
import type { CodeView } from '../facts/codeView.js';
import { definitionLabel } from '../facts/codeView.js';
import type { DefinitionFact } from '../facts/types.js';
import { code, factMessage, phraseList } from '../messages/factMessages.js';
import type { FactMessageKey } from '../messages/factMessages.js';
import { goneDefinitions } from '../verdict/apiSurface.js';
import { isDowngrade } from '../facts/deps/versions.js';
import { bumpItems, definitionItem, dependencyVersion, interfaceItems, rankedDefinitions, shortVersion, uniqueDependencies } from './items.js';

/** Identifiers the code sentences name at most, and per clause. */
export const MAX_NAMED = 14;
const MAX_PER_CLAUSE = 5;
/** Names the references clauses (what the code now uses) add on top, at most. */
export const MAX_REFERENCES_NAMED = 6;

interface Clause {
  key: FactMessageKey;
  items: string[];
  /** How many more there are than `items` shows. */
  more: number;
}

/**
 * What changed in code terms, in one or two sentences naming the most important identifiers: public before
 * private, added and removed before changed. "Adds public `PrometheusExporter` (class) and the `--metrics` flag;
 * removes `legacy_init()`. Bumps `prometheus-cpp` 1.1 → 1.2." Empty when the facts hold nothing to name.
 */
export function codeSentences(language: Language, view: CodeView): string {
  let budget = MAX_NAMED;
  const take = (key: FactMessageKey, all: string[]): Clause | undefined => {
    if (all.length === 0 || budget <= 0) return undefined;
    const count = Math.min(all.length, MAX_PER_CLAUSE, budget);
    budget -= count;
    return { key, items: all.slice(0, count), more: all.length - count };
  };
  const definitions = (facts: readonly DefinitionFact[], withPublic = true): string[] =>
    rankedDefinitions(facts).map((fact) => definitionItem(language, fact, withPublic));

  const added = rankedDefinitions(view.added);
  const adds = [
    ...definitions(added.filter((fact) => fact.public)),
    ...interfaceItems(language, view, 'added'),
    ...uniqueDependencies(view.dependencies).filter((fact) => fact.change === 'added' && !fact.lockOnly && fact.scope !== 'ci')
      .map((fact) => factMessage(language, 'itemDependency', { scope: fact.scope, name: code(fact.name), version: shortVersion(dependencyVersion(fact)) })),
    ...definitions(added.filter((fact) => !fact.public)),
  ];
  const removes = [
    ...definitions(goneDefinitions(view)),
    ...interfaceItems(language, view, 'removed'),
    ...uniqueDependencies(view.dependencies).filter((fact) => fact.change === 'removed' && !fact.lockOnly && fact.scope !== 'ci')
      .map((fact) => factMessage(language, 'itemDependency', { scope: fact.scope, name: code(fact.name), version: '' })),
  ];
  const renames = view.renamed.map((fact) => factMessage(language, 'itemRename', {
    old: code(definitionLabel({ ...fact, name: fact.oldName ?? fact.name })), name: code(definitionLabel(fact)),
  }));
  const moves = movesByPath(language, view.moved);
  const signatures = rankedDefinitions(view.signature).map((fact) => code(definitionLabel(fact)));
  const defaults = view.defaults.map((fact) => factMessage(language, 'itemDefault', { name: code(fact.name), old: code(fact.old), new: code(fact.new) }));
  const versioned = uniqueDependencies(view.dependencies).filter((fact) => fact.change === 'bumped');
  const back = (fact: (typeof versioned)[number]): boolean => fact.old !== undefined && fact.new !== undefined && isDowngrade(fact.old, fact.new);
  const bumps = bumpItems(language, versioned.filter((fact) => !back(fact)));
  const downgrades = bumpItems(language, versioned.filter(back));
  // A constant whose default is already told (`TTL` 3600 → 900) is not named again as changed.
  const told = new Set(view.defaults.map((fact) => fact.name));
  const changed = rankedDefinitions(view.body.filter((fact) => !told.has(fact.name))).map((fact) => code(definitionLabel(fact)));
  const versions = view.versions.map((fact) => factMessage(language, 'itemVersion', { name: code(fact.name), old: fact.old, new: fact.new }));
  const testsAdded = unique(view.tests.filter((fact) => fact.change === 'added').map((fact) => code(fact.name)));
  const testsRemoved = unique(view.tests.filter((fact) => fact.change === 'removed').map((fact) => code(fact.name)));

  const uses = unique(view.references.filter((fact) => fact.change === 'added').map((fact) => code(fact.name)));
  const stopsUsing = unique(view.references.filter((fact) => fact.change === 'removed').map((fact) => code(fact.name)));
  const first = [
    take('clauseVersion', versions), take('clauseAdds', unique(adds)), take('clauseRemoves', unique(removes)), take('clauseRenames', renames),
    take('clauseMoves', moves), take('clauseSignature', signatures), take('clauseDefaults', defaults),
  ];
  const second = [
    take('clauseBumps', unique(bumps)), take('clauseDowngrades', unique(downgrades)), take('clauseChanges', unique(changed)),
    take('clauseTestsAdded', testsAdded), take('clauseTestsRemoved', testsRemoved),
  ];
  budget = MAX_REFERENCES_NAMED;
  const third = [take('clauseUses', uses), take('clauseStopsUsing', stopsUsing)];
  const moved = view.code.moves;
  const reordered = isReordering(moved) ? factMessage(language, 'sentenceReordered', { moved: moved!.moved, removed: moved!.removed }) : '';
  return [reordered, sentenceOf(language, first), sentenceOf(language, second), sentenceOf(language, third)]
    .filter((text) => text !== '').join(language === 'en' ? ' ' : '');
}

function sentenceOf(language: Language, clauses: readonly (Clause | undefined)[]): string {
  const texts = clauses
    .filter((clause): clause is Clause => clause !== undefined)
    .map((clause) => factMessage(language, clause.key, { items: listWithMore(language, clause), count: clause.items.length + clause.more }));
  if (texts.length === 0) return '';
  return factMessage(language, 'sentence', { text: texts.join(factMessage(language, 'clauseSeparator')) });
}

function listWithMore(language: Language, clause: Clause): string {
  if (clause.more === 0) return phraseList(language, clause.items, clause.items.length);
  const more = language === 'en' ? `${clause.more} more` : `另外 ${clause.more} 项`;
  return phraseList(language, [...clause.items, more], clause.items.length + 1);
}

/** Moves grouped by where they go: "`a()` and `b()` to x.go" rather than the path once per name. */
export function movesByPath(language: Language, moved: readonly DefinitionFact[]): string[] {
  const byPath = new Map<string, string[]>();
  for (const fact of rankedDefinitions(moved)) byPath.set(fact.path, [...(byPath.get(fact.path) ?? []), code(definitionLabel(fact))]);
  return [...byPath].map(([path, names]) => factMessage(language, 'itemMove', { name: phraseList(language, names, 4), path }));
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
