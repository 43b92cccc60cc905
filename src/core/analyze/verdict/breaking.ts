import type { CodeView } from '../facts/codeView.js';
import { definitionLabel } from '../facts/codeView.js';
import type { CommitFacts } from '../facts/commitFacts.js';
import type { DefinitionFact } from '../facts/types.js';
import type { FactMessageKey, FactParams } from '../messages/factMessages.js';
import { code } from '../messages/factMessages.js';
import { commandsFirst, isCommand } from '../prose/items.js';
import { breakingRenames, breaksCallers, goneDefinitions, isApiSurface, isUserFacingPath } from './apiSurface.js';

/** One thing a commit breaks, named: the reason's message and its parameters, and the fact tag it came from. */
export interface BreakingItem {
  id: string;
  key: FactMessageKey;
  params: FactParams;
  /** The path and line of the fact, when it came from the code. */
  path?: string;
  line?: number;
}

export interface BreakingInput {
  facts: CommitFacts;
  view?: CodeView;
}

/**
 * One row of the breaking table: the items it finds (empty when it does not apply). Every row names what breaks;
 * the table is ordered, and the items are listed in its order.
 */
export interface BreakingRule {
  id: string;
  items: (input: BreakingInput) => BreakingItem[];
}

/** Items a row lists at most (the rest are left to the facts). */
const MAX_ITEMS_PER_RULE = 4;

export const BREAKING_RULES: readonly BreakingRule[] = [
  {
    id: 'declared',
    items: ({ facts }) => (facts.breaking ? [{ id: 'declared', key: facts.breakingText ? 'brkDeclaredText' : 'brkDeclared', params: { text: oneLine(facts.breakingText ?? '') } }] : []),
  },
  {
    id: 'flag.removed',
    items: ({ view }) => commandsFirst((view?.flags ?? []).filter((fact) => fact.change === 'removed' && !readded(view!.flags, fact.name)))
      .map((fact) => ({
        id: 'flag.removed', key: isCommand(fact.name) ? 'brkCommandRemoved' : 'brkFlagRemoved', params: { name: code(fact.name) }, path: fact.path, line: fact.line,
      })),
  },
  {
    id: 'config.removed',
    items: ({ view }) => (view?.config ?? []).filter((fact) => fact.change === 'removed' && !view!.config.some((other) => other.change === 'added' && other.key === fact.key))
      .map((fact) => ({ id: 'config.removed', key: 'brkConfigRemoved', params: { name: code(fact.key) }, path: fact.path, line: fact.line })),
  },
  {
    id: 'route.removed',
    items: ({ view }) => (view?.routes ?? []).filter((fact) => fact.change === 'removed' && !view!.routes.some((other) => other.change === 'added' && other.route === fact.route))
      .map((fact) => ({
        id: 'route.removed', key: 'brkRouteRemoved', params: { name: code(fact.method ? `${fact.method} ${fact.route}` : fact.route) }, path: fact.path, line: fact.line,
      })),
  },
  {
    id: 'format.removed',
    items: ({ view }) => (view?.formats ?? []).filter((fact) => fact.change === 'removed' && !view!.formats.some((other) => other.change === 'added' && other.name === fact.name))
      .map((fact) => ({ id: 'format.removed', key: 'brkFormatRemoved', params: { name: code(fact.name) }, path: fact.path, line: fact.line })),
  },
  {
    id: 'default.changed',
    items: ({ view }) => (view?.defaults ?? []).map((fact) => ({
      id: 'default.changed', key: 'brkDefaultChanged', params: { name: code(fact.name), old: code(fact.old), new: code(fact.new) }, path: fact.path, line: fact.line,
    })),
  },
  {
    id: 'definition.removed',
    items: ({ facts, view }) => (view ? goneDefinitions(view) : []).filter((fact) => isApiSurface(fact, facts.files))
      .map((fact) => ({ id: 'definition.removed', key: 'brkPublicRemoved', params: { name: code(definitionLabel(fact)) }, path: fact.oldPath ?? fact.path, line: fact.line })),
  },
  {
    id: 'definition.renamed',
    items: ({ facts, view }) => (view ? breakingRenames(view) : []).filter((fact) => isApiSurface(fact, facts.files))
      .map((fact) => ({
        id: 'definition.renamed', key: 'brkPublicRenamed',
        params: { old: code(definitionLabel({ ...fact, name: fact.oldName ?? fact.name })), name: code(definitionLabel(fact)) }, path: fact.path, line: fact.line,
      })),
  },
  {
    id: 'variant.added',
    items: ({ facts, view }) => (view ? exhaustiveVariantsAdded(view) : []).filter((fact) => isApiSurface(fact, facts.files))
      .map((fact) => ({
        id: 'variant.added', key: 'brkVariantAdded', params: { name: code(fact.name), owner: code(fact.container ?? '') }, path: fact.path, line: fact.line,
      })),
  },
  {
    id: 'definition.abstract',
    items: ({ facts, view }) => (view?.signature ?? []).filter((fact) => isApiSurface(fact, facts.files) && becomesAbstract(fact))
      .map((fact) => ({ id: 'definition.abstract', key: 'brkPublicAbstract', params: { name: code(definitionLabel(fact)) }, path: fact.path, line: fact.line })),
  },
  {
    id: 'definition.signature',
    items: ({ facts, view }) => (view?.signature ?? []).filter((fact) => isApiSurface(fact, facts.files) && breaksCallers(fact) && !becomesAbstract(fact))
      .map((fact) => ({ id: 'definition.signature', key: 'brkPublicSignature', params: { name: code(definitionLabel(fact)) }, path: fact.path, line: fact.line })),
  },
];

/** Variants added to an enum that existed before and that code outside may match exhaustively (not a new enum's). */
function exhaustiveVariantsAdded(view: CodeView): DefinitionFact[] {
  const newEnums = new Set(view.added.filter((fact) => fact.defKind === 'enum').map((fact) => fact.name));
  return view.added.filter((fact) => fact.defKind === 'variant' && fact.exhaustive === true && fact.container !== undefined && !newEnums.has(fact.container));
}

/** Written abstract: Python's `ABC` base or `ABCMeta` metaclass, the `abstract` modifier of Java, TypeScript, C#. */
const ABSTRACT = /\bABC\b|\bABCMeta\b|\babstract\b/;

/** A public class (or method) made abstract: code that creates it, or subclasses it without the new abstract methods, breaks. */
function becomesAbstract(fact: DefinitionFact): boolean {
  if (fact.oldSignature === undefined || fact.signature === undefined) return false;
  return ABSTRACT.test(fact.signature) && !ABSTRACT.test(fact.oldSignature);
}

function readded(flags: CodeView['flags'], name: string): boolean {
  return flags.some((other) => other.change === 'added' && other.name === name);
}

/** What the commit breaks, by the table; empty when nothing does. Items found outside user-facing files are dropped. */
export function breakingItems(input: BreakingInput): BreakingItem[] {
  const items: BreakingItem[] = [];
  for (const rule of BREAKING_RULES) {
    const found = rule.items(input).filter((item) => item.path === undefined || isUserFacingPath(item.path, input.facts.files));
    const seen = new Set<string>();
    for (const item of found) {
      const key = JSON.stringify(item.params);
      if (seen.has(key) || seen.size >= MAX_ITEMS_PER_RULE) continue;
      seen.add(key);
      items.push(item);
    }
  }
  return items;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}
