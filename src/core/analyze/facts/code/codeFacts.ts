import { patchLines, touchedLines } from '../patchLines.js';
import { languageOfPath } from '../syntax/languages.js';
import type { LanguageId } from '../syntax/languages.js';
import { createParseBudget } from '../definitions.js';
import type { ParseBudget } from '../definitions.js';
import type {
  ConfigKeyFact, DefaultFact, EnvFact, FileInput, FlagFact, FormatFact, ParseNote, ParseNoteReason, RouteFact, SecurityFact,
} from '../types.js';
import { isActionMetadata, isGithubWorkflow, isGitlabCi } from '../ci/workflowModel.js';
import { manifestKindOf } from '../deps/manifestKinds.js';
import { commitFormatFacts, fileFormatChanges } from './formatFacts.js';
import { isTestPath } from '../testPaths.js';
import type { ChangedToken, CodeModel } from './model.js';
import { emptySide, observeModel } from './observe.js';
import type { SideObservations, Sighting } from './observe.js';
import { patchModel } from './patchModel.js';
import { treeModels } from './sideModels.js';
import type { TreeStore } from '../syntax/treeStore.js';

/** The tokens a file's changed lines hold on each side, for the security vocabulary. */
export interface ChangedTokens {
  path: string;
  oldPath?: string;
  old: ChangedToken[];
  new: ChangedToken[];
  /** The callees of calls on each side's changed lines (syntax trees only). */
  oldCalls?: ChangedToken[];
  newCalls?: ChangedToken[];
}

export interface CodeInterfaceResult {
  flags: FlagFact[];
  env: EnvFact[];
  config: ConfigKeyFact[];
  defaults: DefaultFact[];
  routes: RouteFact[];
  formats: FormatFact[];
  /** `unsafe` blocks, functions and impls added or removed (from the trees). */
  unsafe: SecurityFact[];
  tokens: ChangedTokens[];
}

/** File endings of source languages without a grammar here: read from their patch, with an `unknown-language` note. */
const UNPARSED_CODE = /\.(rb|php|kt|kts|swift|cs|scala|sh|bash|zsh|fish|lua|pl|pm|r|dart|ex|exs|erl|hs|ml|clj|groovy|gradle|m|mm|vue|svelte|zig|nim|jl|ps1|fs|vb|cu|cuh|proto|sql|cmake|mk|bzl|star|nix|tf|hcl)$/i;
/** Data and configuration files: their patch lines are read for formats and security words, without a note. */
const DATA_FILE = /\.(json|jsonc|json5|ya?ml|toml|ini|cfg|conf|properties|env|xml|plist|wrap)$|(^|\/)(Dockerfile|Makefile|CMakeLists\.txt|meson\.build|BUILD|BUILD\.bazel|WORKSPACE|\.env[^/]*)$/i;

interface FileModels {
  old: CodeModel;
  new: CodeModel;
  language?: LanguageId;
  note?: ParseNoteReason;
}

/** CI files give CI facts; their words are not read again as code. */
function isCiFile(path: string): boolean {
  return isGithubWorkflow(path) || isActionMetadata(path) || isGitlabCi(path);
}

/** The models of a file's two sides: from its trees when both sides parse, else from its patch. */
async function fileModels(file: FileInput, budget: ParseBudget, trees: TreeStore | undefined): Promise<FileModels | undefined> {
  const row = languageOfPath(file.path);
  const lines = patchLines(file.patch);
  const touched = touchedLines(file.patch);
  const fromPatch = (note?: ParseNoteReason, language?: LanguageId): FileModels => ({
    old: patchModel(lines.removed), new: patchModel(lines.added), ...(language ? { language } : {}), ...(note ? { note } : {}),
  });
  if (!row) {
    if (UNPARSED_CODE.test(file.path)) return fromPatch('unknown-language');
    return DATA_FILE.test(file.path) ? fromPatch() : undefined;
  }
  if (file.unreadable) return fromPatch(file.unreadable, row.id);
  // Nothing changed inside (a pure rename or mode change): nothing to read.
  if (lines.added.length === 0 && lines.removed.length === 0 && file.status !== 'A' && file.status !== 'D') return undefined;
  const models = await treeModels(file, lines, touched, budget, trees);
  if ('reason' in models) return fromPatch(models.reason, row.id);
  return { ...models, language: row.id };
}

/**
 * Interface facts from code: each changed source file's old and new sides are read (trees while `budget` lasts,
 * else the patch, with a `budget` note), their flags, environment reads, config keys, defaults, routes and formats gathered per side over the
 * whole commit, and the sides compared, so code that moves between files is not reported as added and removed.
 */
export async function codeInterfaceFacts(files: readonly FileInput[], notes: ParseNote[], budget: ParseBudget = createParseBudget(), trees?: TreeStore,
): Promise<CodeInterfaceResult> {
  const before = emptySide();
  const after = emptySide();
  const unsafe: SecurityFact[] = [];
  const formats: FormatFact[] = [];
  const tokens: ChangedTokens[] = [];
  // Smaller files first: when the budget runs out, the most files have been parsed.
  const bySize = [...files].sort((a, b) => (a.oldText?.length ?? 0) + (a.newText?.length ?? 0) - (b.oldText?.length ?? 0) - (b.newText?.length ?? 0));
  for (const file of bySize) {
    if (file.binary || manifestKindOf(file.path)?.lock || isCiFile(file.path)) continue;
    let models: FileModels | undefined;
    try {
      models = await fileModels(file, budget, trees);
    } catch {
      notes.push({ path: file.path, reason: 'unreadable' });
      continue;
    }
    if (!models) continue;
    if (models.note) notes.push({ path: file.path, reason: models.note });
    if (!isTestPath(file.path)) {
      observeModel(models.old, models.language, file.oldPath ?? file.path, before, file.status === 'D');
      observeModel(models.new, models.language, file.path, after, file.status === 'A');
    }
    unsafe.push(...unsafeChanges(file, models));
    if (!isTestPath(file.path)) formats.push(...fileFormatChanges(file, models.old, models.new));
    tokens.push({ path: file.path, ...(file.oldPath ? { oldPath: file.oldPath } : {}), old: models.old.changed, new: models.new.changed,
      oldCalls: models.old.calledNames, newCalls: models.new.calledNames });
  }
  const compared = compareSides(before, after);
  const sorted = <T extends { path: string; line?: number }>(facts: T[]): T[] =>
    facts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  return {
    flags: sorted(compared.flags), env: sorted(compared.env), config: sorted(compared.config), defaults: sorted(compared.defaults),
    routes: sorted(compared.routes), formats: sorted(commitFormatFacts(formats)), unsafe: sorted(unsafe), tokens,
  };
}

function located(at: Sighting, side: 'old' | 'new'): { path: string; line: number; side: 'old' | 'new' } {
  return { path: at.path, line: at.line, side };
}

function compareSides(before: SideObservations, after: SideObservations): Omit<CodeInterfaceResult, 'unsafe' | 'tokens' | 'formats'> {
  const diff = <T extends Sighting, F>(old: Map<string, T>, next: Map<string, T>, make: (key: string, at: T, change: 'added' | 'removed') => F): F[] => {
    const facts: F[] = [];
    for (const [key, at] of next) if (!old.has(key)) facts.push(make(key, at, 'added'));
    for (const [key, at] of old) if (!next.has(key)) facts.push(make(key, at, 'removed'));
    return facts;
  };
  const sideOf = (change: 'added' | 'removed'): 'old' | 'new' => (change === 'added' ? 'new' : 'old');
  const defaults: DefaultFact[] = [];
  for (const [name, at] of after.defaults) {
    const old = before.defaults.get(name);
    if (!old || old.values.size !== 1 || at.values.size !== 1) continue;
    const [oldValue] = old.values;
    const [newValue] = at.values;
    // A constant holding a sentence is a message or a label, not a setting (unless its name says default).
    if (/\s/.test(`${oldValue}${newValue}`) && !/default/i.test(name)) continue;
    if (oldValue !== newValue) defaults.push({ kind: 'default', name, old: oldValue!, new: newValue!, ...located(at, 'new') });
  }
  return {
    flags: diff(before.flags, after.flags, (name, at, change): FlagFact => ({ kind: 'flag', change, name, framework: at.framework, ...located(at, sideOf(change)) })),
    env: diff(before.env, after.env, (name, at, change): EnvFact => ({ kind: 'env', change, name, ...located(at, sideOf(change)) })),
    config: diff(before.config, after.config, (key, at, change): ConfigKeyFact => ({
      kind: 'config', change, key, ...(at.container ? { container: at.container } : {}), ...located(at, sideOf(change)),
    })),
    defaults,
    routes: diff(before.routes, after.routes, (_key, at, change): RouteFact => ({
      kind: 'route', change, route: at.route, ...(at.method ? { method: at.method } : {}), ...located(at, sideOf(change)),
    })),
  };
}

/** Rust `unsafe` sites of a file, counted by what they are in: more after than before is added, fewer is removed. */
function unsafeChanges(file: FileInput, models: FileModels): SecurityFact[] {
  if (models.old.unsafe.length === 0 && models.new.unsafe.length === 0) return [];
  const count = (sites: CodeModel['unsafe']): Map<string, { count: number; line: number }> => {
    const counts = new Map<string, { count: number; line: number }>();
    for (const site of sites) {
      const entry = counts.get(site.what);
      if (entry) entry.count += 1;
      else counts.set(site.what, { count: 1, line: site.line });
    }
    return counts;
  };
  const old = count(models.old.unsafe);
  const next = count(models.new.unsafe);
  const facts: SecurityFact[] = [];
  for (const [what, entry] of next) {
    if (entry.count > (old.get(what)?.count ?? 0)) facts.push({ kind: 'security', area: 'unsafe', change: 'added', evidence: what, term: 'unsafe', path: file.path, line: entry.line, side: 'new' });
  }
  for (const [what, entry] of old) {
    if (entry.count > (next.get(what)?.count ?? 0)) facts.push({ kind: 'security', area: 'unsafe', change: 'removed', evidence: what, term: 'unsafe', path: file.oldPath ?? file.path, line: entry.line, side: 'old' });
  }
  return facts.slice(0, 10);
}
