import type { DependencyScope } from '../types.js';
import { isRecord, MAX_LOCK_CHARS, parseToml, recordAt, stringAt } from '../structured.js';
import type { DataRecord } from '../structured.js';
import { EntryList } from './entry.js';
import type { DependencyEntry } from './entry.js';

/** Cargo.toml dependency tables and the scope each declares (the underscore spellings are Cargo's old aliases). */
const CARGO_TABLES: readonly { table: string; scope: DependencyScope }[] = [
  { table: 'dependencies', scope: 'runtime' },
  { table: 'dev-dependencies', scope: 'dev' },
  { table: 'dev_dependencies', scope: 'dev' },
  { table: 'build-dependencies', scope: 'build' },
  { table: 'build_dependencies', scope: 'build' },
];

export function readCargoManifest(text: string | undefined): DependencyEntry[] | undefined {
  const doc = parseToml(text);
  if (!isRecord(doc)) return undefined;
  const list = new EntryList();
  const readTables = (owner: DataRecord | undefined): void => {
    if (!owner) return;
    for (const { table, scope } of CARGO_TABLES) readCargoTable(recordAt(owner, table), scope, list);
  };
  readTables(doc);
  // `[workspace.dependencies]` is where a workspace pins versions its members inherit with `workspace = true`.
  readCargoTable(recordAt(doc, 'workspace', 'dependencies'), 'runtime', list);
  const targets = recordAt(doc, 'target');
  if (targets) for (const target of Object.values(targets)) readTables(isRecord(target) ? target : undefined);
  return list.entries;
}

function readCargoTable(table: DataRecord | undefined, scope: DependencyScope, list: EntryList): void {
  if (!table) return;
  for (const [name, spec] of Object.entries(table)) {
    if (typeof spec === 'string') {
      list.add(name, spec, scope);
    } else if (isRecord(spec)) {
      const optional = spec['optional'] === true && scope === 'runtime';
      list.add(name, cargoVersion(spec), optional ? 'optional' : scope);
    }
  }
}

function cargoVersion(spec: DataRecord): string {
  const version = stringAt(spec, 'version');
  if (version !== undefined) return version;
  const git = stringAt(spec, 'git');
  if (git !== undefined) {
    const ref = stringAt(spec, 'tag') ?? stringAt(spec, 'rev') ?? stringAt(spec, 'branch');
    return ref === undefined ? git : `${git}#${ref}`;
  }
  const path = stringAt(spec, 'path');
  if (path !== undefined) return `path:${path}`;
  if (spec['workspace'] === true) return 'workspace';
  return '*';
}

/** Cargo.lock, uv.lock and poetry.lock share one shape: `[[package]]` tables with a name and a version. */
export function readPackageArrayLock(text: string | undefined): DependencyEntry[] | undefined {
  const doc = parseToml(text, MAX_LOCK_CHARS);
  if (!isRecord(doc)) return undefined;
  const packages = doc['package'];
  if (!Array.isArray(packages)) return [];
  const list = new EntryList();
  for (const item of packages) {
    const name = stringAt(item, 'name');
    const version = stringAt(item, 'version');
    if (name !== undefined && version !== undefined) list.add(name, version, 'runtime');
  }
  return list.entries;
}
