import type { DependencyScope } from '../types.js';
import { isRecord, parseToml, recordAt, stringAt } from '../structured.js';
import type { DataRecord } from '../structured.js';
import { EntryList } from './entry.js';
import type { DependencyEntry } from './entry.js';

/** PEP 503 name normalisation: `Foo_Bar.baz` and `foo-bar-baz` are one project. */
export function normalizePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

const NAME_CHAR = /[A-Za-z0-9._-]/;

/**
 * A PEP 508 requirement (`requests[socks]>=2.31,<3; python_version >= "3.8"`, `pkg @ https://…`) as a name and
 * its version specifier, scanned character by character (no backtracking on hostile text).
 */
export function parseRequirement(text: string): { name: string; version: string } | undefined {
  const spec = text.trim();
  let end = 0;
  while (end < spec.length && end < 200 && NAME_CHAR.test(spec[end]!)) end += 1;
  if (end === 0 || !/[A-Za-z0-9]/.test(spec[0]!)) return undefined;
  const name = normalizePythonName(spec.slice(0, end));
  let rest = spec.slice(end, end + 400).trimStart();
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    rest = close === -1 ? '' : rest.slice(close + 1).trimStart();
  }
  const marker = rest.indexOf(';');
  if (marker !== -1) rest = rest.slice(0, marker);
  rest = rest.trim();
  if (rest.startsWith('@')) rest = rest.slice(1).trim();
  if (rest.startsWith('(') && rest.endsWith(')')) rest = rest.slice(1, -1).trim();
  return { name, version: rest === '' ? '*' : rest.replace(/\s+/g, '') };
}

function addRequirements(items: unknown, scope: DependencyScope, list: EntryList): void {
  if (!Array.isArray(items)) return;
  for (const item of items) {
    if (typeof item !== 'string') continue; // `{ include-group = "x" }` entries name groups, not packages.
    const requirement = parseRequirement(item);
    if (requirement) list.add(requirement.name, requirement.version, scope);
  }
}

/** Poetry's table form: `name = "^1.2"` or `name = { version = "^1.2", optional = true }`. */
function addPoetryTable(table: DataRecord | undefined, scope: DependencyScope, list: EntryList): void {
  if (!table) return;
  for (const [rawName, spec] of Object.entries(table)) {
    if (rawName === 'python') continue;
    const name = normalizePythonName(rawName);
    if (typeof spec === 'string') list.add(name, spec, scope);
    else if (isRecord(spec)) {
      const version = stringAt(spec, 'version') ?? stringAt(spec, 'git') ?? stringAt(spec, 'path') ?? '*';
      list.add(name, version, spec['optional'] === true && scope === 'runtime' ? 'optional' : scope);
    }
  }
}

/** pyproject.toml: PEP 621 `[project]`, PEP 735 `[dependency-groups]`, `[build-system]`, Poetry and uv tables. */
export function readPyproject(text: string | undefined): DependencyEntry[] | undefined {
  const doc = parseToml(text);
  if (!isRecord(doc)) return undefined;
  const list = new EntryList();
  const project = recordAt(doc, 'project');
  addRequirements(project?.['dependencies'], 'runtime', list);
  for (const items of Object.values(recordAt(project, 'optional-dependencies') ?? {})) addRequirements(items, 'optional', list);
  for (const items of Object.values(recordAt(doc, 'dependency-groups') ?? {})) addRequirements(items, 'dev', list);
  addRequirements(recordAt(doc, 'build-system')?.['requires'], 'build', list);
  addRequirements(recordAt(doc, 'tool', 'uv')?.['dev-dependencies'], 'dev', list);
  const poetry = recordAt(doc, 'tool', 'poetry');
  addPoetryTable(recordAt(poetry, 'dependencies'), 'runtime', list);
  addPoetryTable(recordAt(poetry, 'dev-dependencies'), 'dev', list);
  for (const group of Object.values(recordAt(poetry, 'group') ?? {})) addPoetryTable(recordAt(group, 'dependencies'), 'dev', list);
  return list.entries;
}

/** Requirement files whose name says they are for development only. */
const DEV_REQUIREMENTS = /(^|[^a-z])(dev|test|tests|testing|lint|docs?|ci|typing)([^a-z]|$)/i;

/** requirements*.txt / *.in: one requirement a line, `\` continuations, `#` comments, `-r`/`--hash` options skipped. */
export function readRequirementsFile(text: string | undefined, path: string): DependencyEntry[] | undefined {
  if (text === undefined || text.length > 1_000_000) return undefined;
  const base = path.slice(path.lastIndexOf('/') + 1);
  const scope: DependencyScope = DEV_REQUIREMENTS.test(base) ? 'dev' : 'runtime';
  const list = new EntryList();
  const logical = text.replace(/\\\r?\n/g, ' ').split('\n');
  for (const raw of logical) {
    const hash = raw.search(/(^|\s)#/);
    const line = (hash === -1 ? raw : raw.slice(0, hash)).trim();
    if (line === '') continue;
    if (line.startsWith('-e ') || line.startsWith('--editable')) {
      const egg = /#egg=([A-Za-z0-9._-]{1,100})/.exec(raw);
      if (egg) list.add(normalizePythonName(egg[1]!), line.replace(/^(-e|--editable)\s*/, ''), scope);
      continue;
    }
    if (line.startsWith('-')) continue;
    const options = line.indexOf(' --');
    const requirement = parseRequirement(options === -1 ? line : line.slice(0, options));
    if (requirement) list.add(requirement.name, requirement.version, scope);
  }
  return list.entries;
}
