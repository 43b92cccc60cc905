import type { ChangeType } from '../../domain/analysis.js';
import type { CodeView } from '../facts/codeView.js';
import type { CommitFacts } from '../facts/commitFacts.js';
import type { ChangeTypeDecision } from './changeType.js';
import { isApiSurface } from './apiSurface.js';
import { SECURITY_WORDS } from './security.js';
import { REFACTOR_WORDS } from './typeRules.js';

export interface FactTypeInput {
  facts: CommitFacts;
  view: CodeView;
  /** The decision from the message and the file list (changeType.ts). */
  base: ChangeTypeDecision;
}

/**
 * One row of the facts' type table. It applies over a decision from the message when `over` lists the decision's
 * type and source: a Conventional Commits header is the author's word and only a few of its types give way
 * (`chore: bump foo` that only bumps a dependency is deps).
 */
export interface FactTypeRule {
  id: string;
  changeType: ChangeType;
  /** Which earlier decisions this row may replace: by source, and for 'conventional' only these header types. */
  over: { headerTypes: readonly ChangeType[]; keywordTypes: readonly ChangeType[]; untyped: boolean };
  when: (input: FactTypeInput) => boolean;
}

/** File kinds a dependency change may come with: manifests, lock files, version pins, CI files that only move pins. */
const DEPENDENCY_KINDS = new Set(['manifest', 'lockfile']);

/**
 * True when every changed file only carries dependency changes: manifests and lock files, version-pin files
 * (`LLAMA_CPP_VERSION`, `.python-version`, meson wraps), and workflows whose every added line is an action pin
 * (one dependency fact per added line), and the facts hold at least one dependency change.
 */
export function onlyDependencies({ facts, view }: Pick<FactTypeInput, 'facts' | 'view'>): boolean {
  if (view.dependencies.length === 0 || facts.files.length === 0) return false;
  const perPath = new Map<string, number>();
  for (const fact of view.dependencies) perPath.set(fact.path, (perPath.get(fact.path) ?? 0) + 1);
  return facts.files.every(({ file, kind }) => {
    if (kind !== undefined && DEPENDENCY_KINDS.has(kind)) return true;
    if (kind === 'docs') return true;
    const count = perPath.get(file.path) ?? 0;
    return count > 0 && file.additions <= count;
  });
}

/** Flags, routes, config keys, environment variables or formats added: something new a user can reach. */
export function interfaceAdditions(view: CodeView): number {
  const added = (list: readonly { change: string; path: string }[]): number =>
    list.filter((fact) => fact.change === 'added' && view.userFacing(fact.path)).length;
  return added(view.flags) + added(view.routes) + added(view.config) + added(view.env) + added(view.formats);
}

function interfaceRemovals(view: CodeView): number {
  const removed = (list: readonly { change: string; path: string }[]): number =>
    list.filter((fact) => fact.change === 'removed' && view.userFacing(fact.path)).length;
  return removed(view.flags) + removed(view.routes) + removed(view.config) + removed(view.formats);
}

const BEHAVIOUR_KINDS = new Set(['function', 'method', 'class']);

/** New source files (not tests) that define functions or classes: new behaviour, not a moved one. */
function newBehaviourFiles({ facts, view }: Pick<FactTypeInput, 'facts' | 'view'>): number {
  const added = new Set(facts.files.filter(({ file, kind }) => file.status === 'A' && kind === 'source').map(({ file }) => file.path));
  if (added.size === 0) return 0;
  const moved = new Set(view.moved.map((fact) => fact.name));
  return new Set(view.added.filter((fact) => added.has(fact.path) && BEHAVIOUR_KINDS.has(fact.defKind) && !moved.has(fact.name))
    .map((fact) => fact.path)).size;
}

/**
 * Restructuring only: definitions renamed, moved or re-signed, or new types and structs that carry existing data,
 * with nothing added that a user could reach and no public API added.
 */
function restructuresOnly(input: FactTypeInput): boolean {
  const { view, facts } = input;
  const reshaped = view.renamed.length + view.moved.length + view.signature.length;
  if (reshaped === 0) return false;
  if (interfaceAdditions(view) > 0 || interfaceRemovals(view) > 0 || view.defaults.some((fact) => view.userFacing(fact.path))) return false;
  if (view.added.some((fact) => isApiSurface(fact, facts.files))) return false;
  // New functions are fine when they are the targets of renames or outnumbered by the reshaped ones.
  const newFunctions = view.added.filter((fact) => BEHAVIOUR_KINDS.has(fact.defKind)).length;
  return newFunctions <= reshaped && newBehaviourFiles(input) === 0;
}

/**
 * Fields moved into a new struct the old ones now hold (`ProjectDependencyGroupsArgs`, flattened into five argument
 * structs): every public definition added is a relocated field, the struct that takes them, or the field that holds
 * it where they left; nothing a user reaches is added or removed.
 */
function extractsStruct({ view, facts }: Pick<FactTypeInput, 'facts' | 'view'>): boolean {
  const removedFields = view.removed.filter((fact) => fact.defKind === 'field');
  const gone = new Set(removedFields.map((fact) => fact.name));
  const relocated = view.added.filter((fact) => fact.defKind === 'field' && gone.has(fact.name));
  if (relocated.length < 2 || interfaceAdditions(view) > 0 || interfaceRemovals(view) > 0) return false;
  const holders = new Set(relocated.map((fact) => fact.container));
  const left = new Set(removedFields.map((fact) => fact.container));
  return view.added.filter((fact) => isApiSurface(fact, facts.files)).every((fact) =>
    relocated.includes(fact) || holders.has(fact.name) || fact.defKind === 'type' || (fact.defKind === 'field' && left.has(fact.container)));
}

const ANY: readonly ChangeType[] = [
  'feature', 'fix', 'perf', 'refactor', 'docs', 'test', 'ci', 'build', 'deps', 'chore', 'style', 'revert', 'security', 'other',
];

const NOT_STRONG = ANY.filter((type) => type !== 'revert' && type !== 'security');

/** Manifests and lock files (and docs) changed, and not one dependency with them: a version or metadata change. */
function versionOnly({ facts, view }: Pick<FactTypeInput, 'facts' | 'view'>): boolean {
  if (view.dependencies.length > 0 || view.versions.length === 0) return false;
  let manifests = 0;
  for (const { kind } of facts.files) {
    if (kind === 'docs') continue;
    if (kind !== 'manifest' && kind !== 'lockfile') return false;
    manifests++;
  }
  return manifests > 0;
}

const UPGRADE_VERB = /^(bumps?|upgrades?|updates?|pins?|moves?)\b/i;
const squash = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** `Upgrade sha2 to …`, `Bump MD5 …`: the subject upgrades a dependency this commit bumps (the code may adapt to it). */
function namedUpgrade({ facts, view }: Pick<FactTypeInput, 'facts' | 'view'>): boolean {
  if (!UPGRADE_VERB.test(facts.description)) return false;
  const words = new Set(facts.description.split(/[\s`'"(),:]+/).map(squash).filter((word) => word.length >= 2));
  return view.dependencies.some((fact) => fact.change === 'bumped' && words.has(squash(fact.name)));
}

/**
 * Manifests changed (no lock file, nothing else but docs) with no dependency and no version moving: packaging
 * metadata (extras, classifiers, entry points, build settings), a build change.
 */
function packagingOnly({ facts, view }: Pick<FactTypeInput, 'facts' | 'view'>): boolean {
  if (view.dependencies.length > 0 || view.versions.length > 0) return false;
  let manifests = 0;
  for (const { kind } of facts.files) {
    if (kind === 'docs') continue;
    if (kind !== 'manifest') return false;
    manifests++;
  }
  return manifests > 0;
}

/** A subject that removes or merges, as the weak `chore` keyword reads it: for code, that is restructuring. */
const CLEANUP_VERB = /^(remove[sd]?|delete[sd]?|drop(s|ped)?|merge[sd]?)\b/i;

/** Removals and body changes in code, with nothing users reach removed or added: `drop redundant env`, `remove dead code`. */
function codeCleanup({ facts, view }: Pick<FactTypeInput, 'facts' | 'view'>): boolean {
  if (!CLEANUP_VERB.test(facts.description)) return false;
  const code = view.removed.length + view.body.length + view.signature.length + view.renamed.length + view.moved.length;
  return code > 0 && interfaceAdditions(view) === 0 && interfaceRemovals(view) === 0 && view.dependencies.length === 0 && view.added.every((fact) => !BEHAVIOUR_KINDS.has(fact.defKind));
}

/** Ordered: the first row that applies (and may replace the earlier decision) gives the type. */
export const FACT_TYPE_RULES: readonly FactTypeRule[] = [
  {
    // The message names a vulnerability (`SSRF`, `CVE-…`) anywhere, and the code touches security: a security fix.
    id: 'security-fix', changeType: 'security',
    over: { headerTypes: ['fix', 'chore'], keywordTypes: ['fix', 'chore', 'other', 'refactor'], untyped: true },
    when: ({ facts, view }) => SECURITY_WORDS.test(facts.message) && view.security.length > 0,
  },
  {
    id: 'dependencies-only', changeType: 'deps',
    over: { headerTypes: ['chore', 'build', 'ci', 'fix', 'feature', 'other'], keywordTypes: NOT_STRONG, untyped: true },
    when: onlyDependencies,
  },
  {
    id: 'version-only', changeType: 'chore',
    over: { headerTypes: ['deps', 'build', 'fix'], keywordTypes: NOT_STRONG, untyped: true },
    when: versionOnly,
  },
  {
    id: 'packaging-only', changeType: 'build',
    over: { headerTypes: ['deps', 'chore', 'fix'], keywordTypes: NOT_STRONG, untyped: true },
    when: packagingOnly,
  },
  {
    id: 'named-upgrade', changeType: 'deps',
    over: { headerTypes: ['chore', 'build'], keywordTypes: ['chore', 'feature', 'fix', 'other', 'perf'], untyped: true },
    when: namedUpgrade,
  },
  {
    id: 'refactor-words', changeType: 'refactor',
    over: { headerTypes: ['chore'], keywordTypes: ['feature', 'chore', 'other'], untyped: true },
    when: ({ facts, view }) => REFACTOR_WORDS.test(facts.message) && interfaceAdditions(view) === 0 && !view.added.some((fact) => isApiSurface(fact, facts.files)),
  },
  {
    id: 'restructure', changeType: 'refactor',
    // Not for a subject without a verb: a bug title (`X bypasses Y`) over re-signed code is still a fix (untyped-code).
    over: { headerTypes: ['chore'], keywordTypes: ['feature', 'chore', 'other'], untyped: false },
    when: restructuresOnly,
  },
  {
    id: 'extract-struct', changeType: 'refactor',
    over: { headerTypes: ['chore'], keywordTypes: ['feature', 'chore', 'other'], untyped: true },
    when: extractsStruct,
  },
  {
    id: 'code-cleanup', changeType: 'refactor',
    over: { headerTypes: [], keywordTypes: ['chore'], untyped: false },
    when: codeCleanup,
  },
  {
    // Flags, settings, routes or formats users had are gone: whatever the verb, the product's interface changed.
    id: 'interface-removal', changeType: 'feature',
    over: { headerTypes: ['chore'], keywordTypes: ['chore', 'refactor', 'other'], untyped: true },
    when: ({ view }) => interfaceRemovals(view) > 0,
  },
  {
    id: 'performance-words', changeType: 'perf',
    over: { headerTypes: [], keywordTypes: ['refactor', 'chore', 'other'], untyped: true },
    when: ({ facts, view }) => PERFORMANCE_CLAIM.test(facts.message) && interfaceAdditions(view) === 0,
  },
  {
    id: 'user-facing-additions', changeType: 'feature',
    over: { headerTypes: ['chore'], keywordTypes: ['chore', 'other'], untyped: true },
    when: ({ view, facts }) => interfaceAdditions(view) > 0 || view.added.some((fact) => isApiSurface(fact, facts.files)) || newBehaviourFiles({ view, facts }) > 0,
  },
  {
    // A subject without a verb the tables know, over code that changes existing definitions: most such commits
    // correct behaviour (restructuring has its verbs: rename, move, extract, embed, split, …).
    id: 'untyped-code', changeType: 'fix',
    over: { headerTypes: [], keywordTypes: [], untyped: true },
    when: ({ view }) => view.body.length + view.signature.length + view.moved.length + view.renamed.length + view.removed.length > 0,
  },
];

/** A message that claims a speed-up: a measured gain, or the words for one. */
const PERFORMANCE_CLAIM =
  /\b(\d+(\.\d+)?\s*(x|×|%)\s*(faster|speed-?up|fewer|less|reduction|improvement)|faster|speed-?ups?|speeds? up|hardware acceleration|accelerat(e|es|ed|ion)|hot ?path|throughput|latency)\b/i;

/** The type decided from the facts, or the message's decision when no row applies. */
export function decideTypeWithFacts(input: FactTypeInput): ChangeTypeDecision & { rule?: string } {
  const { base } = input;
  for (const rule of FACT_TYPE_RULES) {
    if (!mayReplace(rule, base)) continue;
    if (rule.when(input)) return { changeType: rule.changeType, source: base.source, rule: rule.id };
  }
  return base;
}

function mayReplace(rule: FactTypeRule, base: ChangeTypeDecision): boolean {
  if (base.changeType === rule.changeType) return false;
  switch (base.source) {
    case 'conventional': return rule.over.headerTypes.includes(base.changeType);
    case 'keyword': return rule.over.keywordTypes.includes(base.changeType);
    case 'files': return rule.over.keywordTypes.includes(base.changeType);
    case 'none': return rule.over.untyped;
  }
}
