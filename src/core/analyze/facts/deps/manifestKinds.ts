import { collectUses, isActionMetadata, isGithubWorkflow } from '../ci/workflowModel.js';
import { isPair, isScalar, visit } from 'yaml';
import type { Document } from 'yaml';
import { MAX_LOCK_CHARS, parseYamlDocument, yamlValue } from '../structured.js';
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
  const yaml = parseYamlDocument(text);
  const doc = yamlValue(yaml);
  if (doc === undefined || yaml === undefined) return undefined;
  const list = new EntryList();
  const tags = commentedTags(yaml);
  for (const use of collectUses(doc)) {
    if (use.name === undefined) continue;
    const ref = use.ref ?? '';
    const tag = tags.get(`${use.name}@${ref}`);
    // An action pinned by commit with its release in a comment (`@7211b7c… # v4.36.0`) reads as the release.
    list.add(use.name, tag === undefined ? ref : `${tag} (${ref})`, 'ci');
  }
  return list.entries;
}

/** The release named in the comment after each commit pin: `uses: a/b@<40 hex> # v4.36.0` maps `a/b@<40 hex>` to `v4.36.0`. */
function commentedTags(yaml: Document): Map<string, string> {
  const tags = new Map<string, string>();
  visit(yaml, {
    Pair(_key, pair) {
      if (tags.size >= MAX_TAGS) return visit.BREAK;
      if (!isPair(pair) || !isScalar(pair.key) || pair.key.value !== 'uses' || !isScalar(pair.value)) return undefined;
      const uses = pair.value.value;
      const tag = RELEASE_COMMENT.exec(pair.value.comment ?? '')?.[1];
      if (typeof uses === 'string' && tag !== undefined && /@[0-9a-f]{40}$/.test(uses)) tags.set(uses, tag);
      return undefined;
    },
  });
  return tags;
}
const MAX_TAGS = 2_000;
/** `v4.36.0`, `4.1.7`, `tag=v2`: a release as a comment names it. */
const RELEASE_COMMENT = /^\s*(?:tag[:=]\s*)?(v?\d[\w.+-]{0,30})\s*$/;

export function manifestKindOf(path: string): ManifestKind | undefined {
  const fileBase = path.slice(path.lastIndexOf('/') + 1);
  return MANIFEST_KINDS.find((kind) => kind.matches(path, fileBase));
}
