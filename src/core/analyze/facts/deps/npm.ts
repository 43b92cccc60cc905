import type { DependencyScope } from '../types.js';
import { isRecord, MAX_LOCK_CHARS, parseJson, parseYaml, recordAt, stringAt } from '../structured.js';
import { EntryList } from './entry.js';
import type { DependencyEntry } from './entry.js';

const PACKAGE_JSON_TABLES: readonly { table: string; scope: DependencyScope }[] = [
  { table: 'dependencies', scope: 'runtime' },
  { table: 'devDependencies', scope: 'dev' },
  { table: 'peerDependencies', scope: 'runtime' },
  { table: 'optionalDependencies', scope: 'optional' },
];

export function readPackageJson(text: string | undefined): DependencyEntry[] | undefined {
  const doc = parseJson(text);
  if (!isRecord(doc)) return undefined;
  const list = new EntryList();
  for (const { table, scope } of PACKAGE_JSON_TABLES) {
    const deps = recordAt(doc, table);
    if (!deps) continue;
    for (const [name, version] of Object.entries(deps)) if (typeof version === 'string') list.add(name, version, scope);
  }
  return list.entries;
}

/** package-lock.json v2/v3 (`packages` keyed by `node_modules/…` paths) and v1 (nested `dependencies`). */
export function readPackageLock(text: string | undefined): DependencyEntry[] | undefined {
  const doc = parseJson(text, MAX_LOCK_CHARS);
  if (!isRecord(doc)) return undefined;
  const list = new EntryList();
  const packages = recordAt(doc, 'packages');
  if (packages) {
    for (const [path, info] of Object.entries(packages)) {
      const at = path.lastIndexOf('node_modules/');
      const version = stringAt(info, 'version');
      if (at === -1 || version === undefined) continue;
      list.add(path.slice(at + 'node_modules/'.length), version, 'runtime');
    }
    return list.entries;
  }
  const walk = (deps: unknown, depth: number): void => {
    if (!isRecord(deps) || depth > 16) return;
    for (const [name, info] of Object.entries(deps)) {
      const version = stringAt(info, 'version');
      if (version !== undefined) list.add(name, version, 'runtime');
      walk(recordAt(info, 'dependencies'), depth + 1);
    }
  };
  walk(recordAt(doc, 'dependencies'), 0);
  return list.entries;
}

/**
 * pnpm-lock.yaml: the `packages` keys name every resolved package (`/a/1.0.0` in v5, `/a@1.0.0` in v6, `a@1.0.0`
 * in v9). pnpm writes the file in one fixed layout, so the keys are read line by line (a YAML parse of a large
 * lock costs seconds); a file whose layout is not that one is parsed as YAML.
 */
export function readPnpmLock(text: string | undefined): DependencyEntry[] | undefined {
  if (text === undefined || text.length > MAX_LOCK_CHARS) return undefined;
  const version = /^lockfileVersion: ['"]?([\d.]+)/m.exec(text.slice(0, 2_000))?.[1];
  const keys = pnpmPackageKeysByLine(text);
  if (keys === undefined) return readPnpmLockYaml(text);
  return pnpmEntries(keys, version);
}

function pnpmPackageKeysByLine(text: string): string[] | undefined {
  const keys: string[] = [];
  let inPackages = false;
  let sawPackages = false;
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '' || line.startsWith('#')) continue;
    if (!line.startsWith(' ')) {
      inPackages = line === 'packages:';
      sawPackages ||= inPackages;
      continue;
    }
    if (!inPackages || line.startsWith('   ') || !line.endsWith(':')) continue;
    keys.push(line.slice(2, -1).replace(/^(['"])(.*)\1$/, '$2'));
  }
  return sawPackages ? keys : text.includes('packages:') ? undefined : [];
}

function readPnpmLockYaml(text: string): DependencyEntry[] | undefined {
  const doc = parseYaml(text, MAX_LOCK_CHARS);
  if (!isRecord(doc)) return undefined;
  return pnpmEntries(Object.keys(recordAt(doc, 'packages') ?? {}), String(doc['lockfileVersion'] ?? '9'));
}

function pnpmEntries(keys: readonly string[], lockfileVersion: string | undefined): DependencyEntry[] {
  const lockVersion = Number.parseFloat(lockfileVersion ?? '9');
  const slashForm = Number.isFinite(lockVersion) && lockVersion < 6;
  const list = new EntryList();
  for (const key of keys) {
    const parsed = slashForm ? splitSlashKey(key) : splitAtKey(key);
    if (parsed) list.add(parsed.name, parsed.version, 'runtime');
  }
  return list.entries;
}

function splitAtKey(key: string): { name: string; version: string } | undefined {
  let spec = key.startsWith('/') ? key.slice(1) : key;
  const peers = spec.indexOf('(');
  if (peers !== -1) spec = spec.slice(0, peers);
  return splitNameAtVersion(spec);
}

function splitSlashKey(key: string): { name: string; version: string } | undefined {
  const spec = key.startsWith('/') ? key.slice(1) : key;
  const slash = spec.lastIndexOf('/');
  if (slash <= 0) return undefined;
  const version = spec.slice(slash + 1);
  const peers = version.indexOf('_');
  return { name: spec.slice(0, slash), version: peers === -1 ? version : version.slice(0, peers) };
}

/** `name@range` or `@scope/name@range` into its name and what follows the `@`. */
export function splitNameAtVersion(spec: string): { name: string; version: string } | undefined {
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0);
  if (at <= 0) return undefined;
  return { name: spec.slice(0, at), version: spec.slice(at + 1) };
}

/**
 * yarn.lock, classic (`"a@^1", a@^1.2:` then `  version "1.2.3"`) and berry (YAML, `  version: 1.2.3`). Read line
 * by line: the classic format is not YAML, and both keep each entry's key on an unindented line.
 */
export function readYarnLock(text: string | undefined): DependencyEntry[] | undefined {
  if (text === undefined || text.length > MAX_LOCK_CHARS) return undefined;
  const list = new EntryList();
  let names: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line === '' || line.startsWith('#')) continue;
    if (!line.startsWith(' ')) {
      names = line.endsWith(':') ? yarnKeyNames(line.slice(0, -1)) : [];
      continue;
    }
    const match = /^ {2}version:? "?([^"\s]{1,100})"?\s*$/.exec(line);
    if (match && names.length > 0) {
      for (const name of names) list.add(name, match[1]!, 'runtime');
      names = [];
    }
  }
  return list.entries;
}

function yarnKeyNames(key: string): string[] {
  if (key === '__metadata') return [];
  const names = new Set<string>();
  for (const part of key.split(',').slice(0, 64)) {
    const spec = part.trim().replace(/^"|"$/g, '');
    const parsed = splitNameAtVersion(spec);
    // Workspace and link entries are this repository's own packages, not dependencies.
    if (parsed && !/^(workspace|link|portal|file):/.test(parsed.version)) names.add(parsed.name);
  }
  return [...names];
}
