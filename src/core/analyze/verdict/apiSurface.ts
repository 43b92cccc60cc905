import { anyGlob } from '../facts/globs.js';
import type { CodeView } from '../facts/codeView.js';
export { isUserFacingPath } from '../facts/codeView.js';
import { isNeverApi } from '../facts/codeView.js';
import type { DefinitionFact } from '../facts/types.js';
import type { ClassifiedFile } from '../facts/fileClasses.js';

/**
 * Where a public definition is part of what users of the project program against, so removing or changing it
 * breaks them. `public` in the facts only says the language exports it: a `pub fn` of an application's internal
 * crate, a C function declared in a project header of an application like git, or a test helper are public to the
 * compiler and private to the world. Only these paths count (besides files with the `public-api` trait).
 */
export const API_SURFACE_GLOBS: readonly string[] = [
  '**/include/**', '**/*.d.ts', '**/api/**', '**/apis/**', '**/sdk/**',
  'index.{ts,js,mjs,cjs}', 'src/index.{ts,js,mjs,cjs}', 'packages/*/src/index.{ts,js,mjs,cjs}', '**/src/lib.rs',
  '**/__init__.py', '**/src/main/java/**',
];


const isSurfacePath = anyGlob(API_SURFACE_GLOBS, { dot: true, nocase: true });

/** Python's src layout (`src/<package>/<module>.py`, the module not `_private`): a library's importable modules. */
const PYTHON_SRC_MODULE = /^src\/[A-Za-z_]\w*\/(?:[A-Za-z]\w*\/)*[A-Za-z]\w*\.py$/;


/** Definition kinds that form an interface; a changed local constant or a macro in a header is not one. */
const INTERFACE_KINDS: ReadonlySet<DefinitionFact['defKind']> = new Set([
  'function', 'method', 'class', 'struct', 'enum', 'interface', 'trait', 'type', 'field', 'variant', 'module',
]);

export function isApiSurface(fact: DefinitionFact, files: readonly ClassifiedFile[]): boolean {
  if (!fact.public || !INTERFACE_KINDS.has(fact.defKind) || fact.name.startsWith('_')) return false;
  // `name: str` in a Python class body only annotates an attribute instances get elsewhere (`self.name = …`).
  if (fact.language === 'Python' && fact.defKind === 'field' && annotationOnly(fact)) return false;
  const path = fact.change === 'removed' && fact.oldPath !== undefined ? fact.oldPath : fact.path;
  if (isNeverApi(path)) return false;
  const file = files.find((item) => item.file.path === path || item.file.oldPath === path);
  return (file?.traits.has('public-api') ?? false) || isSurfacePath(path) || (fact.language === 'Python' && PYTHON_SRC_MODULE.test(path));
}

function annotationOnly(fact: DefinitionFact): boolean {
  const signature = fact.signature ?? fact.oldSignature;
  return signature !== undefined && signature.includes(':') && !signature.includes('=');
}

/**
 * The removed public definitions whose name does not live on in this commit: not added back elsewhere (a move),
 * not the old name of a rename that keeps it (an alias), not a rename's target.
 */
export function goneDefinitions(view: CodeView): DefinitionFact[] {
  const stillThere = new Set<string>();
  for (const fact of [...view.added, ...view.moved, ...view.signature, ...view.body, ...view.renamed]) stillThere.add(fact.name);
  return view.removed.filter((fact) => !stillThere.has(fact.name));
}

/** Renames whose old name is not kept (no definition of the old name added or left in the commit). */
export function breakingRenames(view: CodeView): DefinitionFact[] {
  const names = new Set([...view.added, ...view.moved, ...view.signature, ...view.body].map((fact) => fact.name));
  return view.renamed.filter((fact) => fact.oldName !== undefined && !names.has(fact.oldName));
}

/**
 * A signature change that can break callers: parameters dropped, reordered or changed, or new ones without a
 * default. Adding optional parameters at the end (`x?: T`, `x = 1`, `Option<T>` is not optional in Rust, so only
 * defaults count there) keeps old calls working. Unknown signatures count as compatible: a missing fact is no
 * evidence.
 */
export function breaksCallers(fact: DefinitionFact): boolean {
  if (fact.oldSignature === undefined || fact.signature === undefined) return false;
  // A Python class's parentheses hold its bases, not parameters: a base added is no new argument.
  if (fact.language === 'Python' && fact.defKind === 'class') return false;
  const before = parameters(fact.oldSignature, fact.name);
  const after = parameters(fact.signature, fact.name);
  if (before === undefined || after === undefined) return false;
  const typed = !UNTYPED_CALLS.has(fact.language);
  // In a typed language the result type binds callers too: `fn f() -> A` to `-> B`, `int f()` to `long f()`.
  if (typed && resultType(fact.oldSignature, fact.name) !== resultType(fact.signature, fact.name)) return true;
  for (let index = 0; index < before.length; index++) {
    if (normalize(before[index]!, typed) !== normalize(after[index] ?? '', typed)) return true;
  }
  return after.slice(before.length).some((parameter) => !/[?=]|\.\.\.|^\s*\*/.test(parameter));
}

/** What a one-line signature says besides its parameters: the text before the name and after the closing parenthesis. */
function resultType(signature: string, name: string): string {
  const at = signature.indexOf(`${name}(`);
  if (at < 0) return '';
  let depth = 0;
  let close = -1;
  for (let index = at + name.length; index < signature.length && index < at + 4000; index++) {
    const char = signature[index];
    if (char === '(') depth++;
    else if (char === ')' && --depth === 0) {
      close = index;
      break;
    }
  }
  const before = signature.slice(0, at).replace(/\b(pub(\([^)]*\))?|public|export|static|inline|extern|async|const|unsafe|virtual|override|final|func|fn|def|function)\b/g, '');
  const after = close < 0 ? '' : signature.slice(close + 1).replace(/[{;]\s*$/, '').replace(/\bwhere\b.*$/, '');
  return `${before}|${after}`.replace(/\s+/g, ' ').trim();
}

/** Languages whose annotations do not bind callers at run time: a changed annotation breaks no call. */
const UNTYPED_CALLS: ReadonlySet<string> = new Set(['Python', 'JavaScript', 'TypeScript']);

/** The parameter list of a one-line signature, split on top-level commas; undefined without parentheses. */
function parameters(signature: string, name?: string): string[] | undefined {
  // After the name when it is there: a decorator's own call (`@lru_cache(1)`) comes before it.
  const named = name === undefined ? -1 : signature.indexOf(`${name}(`);
  const open = named >= 0 ? named + name!.length : signature.indexOf('(');
  if (open < 0) return undefined;
  const list: string[] = [];
  let depth = 0;
  let current = '';
  for (let index = open + 1; index < signature.length && index < open + 2000; index++) {
    const char = signature[index]!;
    if (char === '(' || char === '[' || char === '<' || char === '{') depth++;
    if (char === ')' || char === ']' || char === '>' || char === '}') {
      if (depth === 0) {
        if (current.trim() !== '') list.push(current.trim());
        return list;
      }
      depth--;
    }
    if (char === ',' && depth === 0) {
      list.push(current.trim());
      current = '';
    } else current += char;
  }
  return undefined;
}

/** A parameter as callers see it: with its type when the language checks calls by type, else name and default only. */
function normalize(parameter: string, typed: boolean): string {
  const flat = parameter.replace(/\s+/g, ' ').trim();
  if (typed) return flat;
  const name = /^[*.]*[\w$]+\??/.exec(flat)?.[0] ?? flat;
  return /=/.test(flat) ? `${name}=` : name;
}
