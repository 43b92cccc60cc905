import type { MessageParams } from '../messages/messages.js';
import { sourceChurn } from '../facts/commitFacts.js';
import { CALLABLE_KINDS, definitionLabel } from '../facts/codeView.js';
import type { CodeView } from '../facts/codeView.js';
import type { DefinitionFact } from '../facts/types.js';
import { code, factMessage, phraseList } from '../messages/factMessages.js';
import type { ImportanceInput, ImportanceRule } from './importanceTypes.js';
import { definitionItem, interfaceItems, rankedDefinitions, uniqueDependencies, bumpItems } from '../prose/items.js';
import { isApiSurface } from './apiSurface.js';
import { interfaceAdditions } from './factTypes.js';
import { isRiskyCi } from './security.js';
import { isReordering } from '../facts/movedLines.js';

/** Names listed in one reason at most. */
const REASON_NAMES = 3;

const names = (input: ImportanceInput, facts: readonly DefinitionFact[]): string =>
  phraseList(input.language, rankedDefinitions(facts).map((fact) => code(definitionLabel(fact))), REASON_NAMES);

const when = (condition: boolean, params: () => MessageParams): MessageParams | undefined => (condition ? params() : undefined);

/** What a feature adds that a user can reach: public API, flags, routes, settings, environment variables. */
function featureItems(input: ImportanceInput, view: CodeView): string[] {
  const api = rankedDefinitions(view.added.filter((fact) => fact.public && isApiSurface(fact, input.facts.files)));
  return [...api.map((fact) => definitionItem(input.language, fact)), ...interfaceItems(input.language, view, 'added', view.userFacing),
    ...rankedDefinitions(view.added.filter((fact) => fact.public && !isApiSurface(fact, input.facts.files))).map((fact) => definitionItem(input.language, fact))];
}

/** Source lines a fix changes at most to count as a small one (a guard, a NULL check), when it brings no test. */
export const SMALL_FIX_LINES = 10;

/** Source lines a change needs to weigh as a feature (a one-line table entry is a small addition). */
export const SMALL_CHANGE_LINES = 10;

/** Fewer than SMALL_CHANGE_LINES source lines changed. */
export function smallChange(input: ImportanceInput): boolean {
  return sourceChurn(input.facts).lines < SMALL_CHANGE_LINES;
}

/** A fix of a few source lines without a test: a local correction, low unless something else raises it. */
export function smallFix(input: ImportanceInput): boolean {
  if (input.facts.files.some((item) => item.kind === 'test')) return false;
  return sourceChurn(input.facts).lines <= SMALL_FIX_LINES;
}

/**
 * The importance rows that read the code facts. Each sits in the group of the message-based row it refines and comes
 * before it, so a commit whose code was read gets the reason that names things; without facts the old row applies.
 */
export const FACT_IMPORTANCE_RULES: readonly ImportanceRule[] = [
  {
    // Sorted imports, a reformat, code moved within its files: the size says nothing of what changed (no size row).
    id: 'reordered', group: 'size', delta: 0, reason: 'reasonReordered',
    when: (input) => {
      const moves = input.view?.code.moves;
      return when(isReordering(moves), () => ({ moved: moves!.moved, removed: moves!.removed }));
    },
  },
  {
    id: 'breaking-code', group: 'breaking', delta: 10, reason: 'reasonBreakingItems',
    when: (input) => {
      const items = input.breaking.filter((item) => item.id !== 'declared');
      return when(items.length > 0, () => ({
        items: phraseList(input.language, items.map((item) => factMessage(input.language, item.key, item.params)), REASON_NAMES),
      }));
    },
  },
  {
    id: 'feature-adds', group: 'type', delta: 4, reason: 'reasonFeatureAdds',
    when: (input) => {
      const items = input.view && input.changeType === 'feature' && !smallChange(input) ? featureItems(input, input.view) : [];
      return when(items.length > 0, () => ({ items: phraseList(input.language, items, REASON_NAMES) }));
    },
  },
  {
    id: 'fix-in', group: 'type', delta: 3, reason: 'reasonFixIn',
    when: (input) => {
      const changed = input.view && input.changeType === 'fix' && !smallFix(input)
        ? [...input.view.body, ...input.view.signature, ...input.view.added].filter((fact) => CALLABLE_KINDS.has(fact.defKind)) : [];
      return when(changed.length > 0, () => ({ items: names(input, changed) }));
    },
  },
  {
    id: 'small-fix-in', group: 'type', delta: 1, reason: 'reasonFixIn',
    when: (input) => {
      const changed = input.view && input.changeType === 'fix' && smallFix(input)
        ? [...input.view.body, ...input.view.signature, ...input.view.added].filter((fact) => CALLABLE_KINDS.has(fact.defKind)) : [];
      return when(changed.length > 0, () => ({ items: names(input, changed) }));
    },
  },
  {
    id: 'perf-in', group: 'type', delta: 3, reason: 'reasonPerfIn',
    when: (input) => {
      const changed = input.view && input.changeType === 'perf' ? [...input.view.body, ...input.view.signature].filter((fact) => CALLABLE_KINDS.has(fact.defKind)) : [];
      return when(changed.length > 0, () => ({ items: names(input, changed) }));
    },
  },
  {
    id: 'refactor-of', group: 'type', delta: 1, reason: 'reasonRefactorOf',
    when: (input) => {
      const changed = input.view && input.changeType === 'refactor' ? [...input.view.renamed, ...input.view.moved, ...input.view.signature] : [];
      return when(changed.length > 0, () => ({ items: names(input, changed) }));
    },
  },
  {
    id: 'dependencies', group: 'type', delta: 0, reason: 'reasonDependencies',
    when: (input) => {
      const bumps = input.view && input.changeType === 'deps' ? uniqueDependencies(input.view.dependencies) : [];
      return when(bumps.length > 0, () => ({ items: phraseList(input.language, bumpItems(input.language, bumps), REASON_NAMES) }));
    },
  },
  {
    id: 'security-code', group: 'security', delta: 2, reason: 'reasonSecurityCode',
    when: (input) => {
      const evidence = input.security.evidence.find((item) => item.source === 'code');
      if (evidence?.source !== 'code' || input.changeType === 'security') return undefined;
      const items = [...new Set(evidence.facts.map((fact) => `${code(fact.evidence)} (${fact.path})`))];
      return { items: phraseList(input.language, items, REASON_NAMES) };
    },
  },
  {
    id: 'api-code', group: 'api', delta: 1, reason: 'reasonApi',
    when: (input) => {
      const view = input.view;
      if (!view) return undefined;
      // What the API gains is the feature's own reason; what it loses or changes weighs on its users.
      const changed = [...view.removed, ...view.signature].filter((fact) => isApiSurface(fact, input.facts.files));
      return when(changed.length > 0, () => ({ items: names(input, changed) }));
    },
  },
  {
    id: 'ci-gains', group: 'ci', delta: 3, reason: 'reasonCiGains',
    when: (input) => {
      const fact = input.view?.ci.find(isRiskyCi);
      return fact ? { path: fact.path, detail: code(fact.detail) } : undefined;
    },
  },
  {
    id: 'interface-added', delta: 1, reason: 'reasonAdds',
    when: (input) => {
      const view = input.view;
      if (!view || interfaceAdditions(view) === 0 || input.changeType === 'feature') return undefined;
      return { items: phraseList(input.language, interfaceItems(input.language, view, 'added', view.userFacing), REASON_NAMES) };
    },
  },
  {
    id: 'default-code', group: 'default', delta: 2, reason: 'reasonDefault',
    when: (input) => {
      const fact = input.view?.defaults.find((item) => input.view!.userFacing(item.path));
      return fact ? { name: code(fact.name), old: code(fact.old), new: code(fact.new) } : undefined;
    },
  },
];
