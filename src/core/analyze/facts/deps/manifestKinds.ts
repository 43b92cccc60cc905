import { collectUses, isActionMetadata, isGithubWorkflow } from '../ci/workflowModel.js';
import { MAX_LOCK_CHARS, parseYaml } from '../structured.js';
import { readCargoManifest, readPackageArrayLock } from './cargo.js';
import { EntryList } from './entry.js';
import type { DependencyEntry } from './entry.js';
import { readGoMod } from './goMod.js';
import { readCmakeFetches, readMesonWrap } from './nativeBuild.js';
import { readPackageJson, readPackageLock, readPnpmLock, readYarnLock } from './npm.js';
import { readPyproject, readRequirementsFile } from './python.js';

/** A file that declares dependencies: which files, which ecosystem, lock or manifest, and how to read one side. */
export interface ManifestKind {
  ecosystem: string;
  /** Lock files only pin: their changes are bumps (`lockOnly`), never features. */
  lock: boolean;
  matches: (path: string, base: string) => boolean;
  /** The entries of one side's text; undefined when the text does not parse. */
  read: (text: string, path: string) => DependencyEntry[] | undefined;
  /** Texts longer than this are not read (a `too-large` note). */
  limit: number;
}

const MANIFEST = 1_000_000;

const base = (name: string) => (_path: string, fileBase: string) => fileBase === name;

/** One row a kind of file; the first row that matches a path reads it. */
export const MANIFEST_KINDS: readonly ManifestKind[] = [
  { ecosystem: 'cargo', lock: false, matches: base('Cargo.toml'), read: readCargoManifest, limit: MANIFEST },
  { ecosystem: 'cargo', lock: true, matches: base('Cargo.lock'), read: readPackageArrayLock, limit: MAX_LOCK_CHARS },
  { ecosystem: 'npm', lock: false, matches: base('package.json'), read: readPackageJson, limit: MANIFEST },
  { ecosystem: 'npm', lock: true, matches: (_p, b) => b === 'package-lock.json' || b === 'npm-shrinkwrap.json', read: readPackageLock, limit: MAX_LOCK_CHARS },
  { ecosystem: 'npm', lock: true, matches: base('pnpm-lock.yaml'), read: readPnpmLock, limit: MAX_LOCK_CHARS },
  { ecosystem: 'npm', lock: true, matches: base('yarn.lock'), read: readYarnLock, limit: MAX_LOCK_CHARS },
  { ecosystem: 'go', lock: false, matches: base('go.mod'), read: readGoMod, limit: MANIFEST },
  { ecosystem: 'pip', lock: false, matches: base('pyproject.toml'), read: readPyproject, limit: MANIFEST },
  {
    ecosystem: 'pip',
    lock: false,
    matches: (path, b) => /^requirements.*\.(txt|in)$/i.test(b) || /(^|\/)requirements\/[^/]+\.(txt|in)$/i.test(path),
    read: readRequirementsFile,
    limit: MANIFEST,
  },
  { ecosystem: 'pip', lock: true, matches: (_p, b) => b === 'uv.lock' || b === 'poetry.lock', read: readPackageArrayLock, limit: MAX_LOCK_CHARS },
  { ecosystem: 'meson', lock: false, matches: (path) => /(^|\/)subprojects\/[^/]+\.wrap$/.test(path), read: readMesonWrap, limit: 200_000 },
  {
    ecosystem: 'cmake',
    lock: false,
    matches: (_p, b) => b === 'CMakeLists.txt' || b.endsWith('.cmake'),
    read: (text) => readCmakeFetches(text),
    limit: 2_000_000,
  },
  {
    ecosystem: 'actions',
    lock: false,
    matches: (path) => isGithubWorkflow(path) || isActionMetadata(path),
    read: readActionUses,
    limit: MANIFEST,
  },
];

function readActionUses(text: string): DependencyEntry[] | undefined {
  const doc = parseYaml(text);
  if (doc === undefined) return undefined;
  const list = new EntryList();
  for (const use of collectUses(doc)) if (use.name !== undefined) list.add(use.name, use.ref ?? '', 'ci');
  return list.entries;
}

export function manifestKindOf(path: string): ManifestKind | undefined {
  const fileBase = path.slice(path.lastIndexOf('/') + 1);
  return MANIFEST_KINDS.find((kind) => kind.matches(path, fileBase));
}
