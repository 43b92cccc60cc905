import type { Commit, FileChange } from '../../domain/commit.js';
import { decodeBlobText } from '../../git/blobReader.js';
import type { BlobRead } from '../../git/blobReader.js';
import { classifyFile } from './fileClasses.js';
import type { FileKind } from './fileClasses.js';
import { isActionMetadata, isGithubWorkflow, isGitlabCi } from './ci/workflowModel.js';
import { manifestKindOf } from './deps/manifestKinds.js';
import { createParseBudget } from './definitions.js';
import { extractFacts } from './extract.js';
import type { ExtractRun } from './extract.js';
import { SideFactsCache } from './sideCache.js';
import { TreeStore } from './syntax/treeStore.js';
import { unifiedPatch } from './lineDiff.js';
import { isPinFile } from './pins.js';
import { languageOfPath } from './syntax/languages.js';
import { emptyCodeFacts } from './types.js';
import type { CodeFacts, FileInput, ParseNote, ParseNoteReason } from './types.js';

/** Reads one blob by `<rev>:<path>` (BlobReader.read). */
export type ReadBlob = (spec: string) => Promise<BlobRead>;

/**
 * Budgets of the facts stage. Per file and per commit they keep one huge commit from costing more than a day of
 * ordinary ones; per run they keep a one-year report close to the cost of reading it: the run's bytes go to the
 * commits in report order, and a commit past them is analysed from its message and file list (docs/reading.md).
 */
export const FACT_BUDGETS = {
  /** A blob larger than this is not read (`too-large`): the reader asks its size first and never fetches it. */
  blobBytes: 512 * 1024,
  /** Files read per commit at most, the most telling first (the rest get a `budget` note). */
  commitFiles: 48,
  /** Bytes (both sides) read per commit at most. */
  commitBytes: 2 * 1024 * 1024,
  /** Bytes (both sides) read per run; a commit that would go past it is not read at all. */
  readBytes: 16 * 1024 * 1024,
  /**
   * Commits read per run: each costs a round of blob reads and extractor calls (about a millisecond) however small,
   * so a long range is bounded by commits, not only bytes. A busy day fits; a year reads its newest commits.
   */
  commits: 200,
  /** Bytes of source parsed per run (versions already parsed in the run cost nothing); past it, patches only. */
  parseBytes: 16 * 1024 * 1024,
} as const;

/** Per role, a file larger than this (either side) is not read: big tests and configs cost more than they tell. */
const ROLE_BYTES: Record<Role, number> = {
  source: 512 * 1024, lock: 512 * 1024, manifest: 256 * 1024, test: 192 * 1024, ci: 128 * 1024, config: 128 * 1024,
};

/** What a run has left; shared by its commits in report order, so the same range always spends it the same way. */
export interface RunBudget extends ExtractRun {
  /** Bytes the run may still read. */
  remainingBytes: number;
  /** Commits the run may still read. */
  remainingCommits: number;
}

export function createRunBudget(
  parseBytes: number = FACT_BUDGETS.parseBytes, readBytes: number = FACT_BUDGETS.readBytes, commits: number = FACT_BUDGETS.commits,
): RunBudget {
  return { remainingBytes: readBytes, remainingCommits: commits, budget: createParseBudget(parseBytes), cache: new SideFactsCache(), trees: new TreeStore() };
}

/** Files whose blobs are asked for ahead of the one being handled. */
const READ_AHEAD = 8;

/** Kinds never read: their facts would be about nobody's code. */
const SKIPPED_KINDS: ReadonlySet<FileKind> = new Set(['vendored', 'generated', 'docs']);

type Role = 'manifest' | 'ci' | 'source' | 'test' | 'config' | 'lock';
/** Reading order within a commit when its budget cannot cover every file: the most telling first. */
const ROLE_ORDER: Record<Role, number> = { manifest: 0, ci: 1, source: 2, config: 3, test: 4, lock: 5 };

interface Chosen {
  file: FileChange;
  role: Role;
}

/** The role of a changed file for the facts, or undefined when it is not worth reading. */
function roleOf(file: FileChange): Role | undefined {
  if (file.binary) return undefined;
  const { kind } = classifyFile(file);
  if (kind !== undefined && SKIPPED_KINDS.has(kind)) return undefined;
  const manifest = manifestKindOf(file.path);
  if (manifest) return manifest.lock ? 'lock' : 'manifest';
  if (isGithubWorkflow(file.path) || isActionMetadata(file.path) || isGitlabCi(file.path)) return 'ci';
  if (isPinFile(file.path)) return 'manifest';
  if (languageOfPath(file.path) ?? (file.oldPath !== undefined ? languageOfPath(file.oldPath) : undefined)) return kind === 'test' ? 'test' : 'source';
  if (kind === 'config') return 'config';
  return undefined;
}

/** The files of `commit` worth reading, most telling first (by role, then churn, then path), and the rest. */
export function chooseFiles(commit: Commit): { chosen: Chosen[]; skipped: FileChange[] } {
  const chosen: Chosen[] = [];
  for (const file of commit.files) {
    const role = roleOf(file);
    if (role) chosen.push({ file, role });
  }
  chosen.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
    b.file.additions + b.file.deletions - (a.file.additions + a.file.deletions) || (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0));
  return { chosen: chosen.slice(0, FACT_BUDGETS.commitFiles), skipped: chosen.slice(FACT_BUDGETS.commitFiles).map((item) => item.file) };
}

/** The commit's code facts and the files they were read from; undefined when the run's budget is spent. */
export interface CollectedFacts {
  code: CodeFacts;
  inputs: FileInput[];
}

/**
 * Reads a commit's chosen files before (`<parent>:<oldPath>`) and after (`<sha>:<path>`) through `readBlob`, makes
 * each a FileInput with a patch computed here, and runs the extractors. A root commit has no old side. Nothing
 * throws for a file: an unreadable one gets a note; a failing reader (git died) rejects, and the caller stops.
 */
export async function collectCommitFacts(commit: Commit, readBlob: ReadBlob, budget: RunBudget): Promise<CollectedFacts | undefined> {
  if (budget.remainingBytes <= 0 || budget.remainingCommits <= 0) return undefined;
  budget.remainingCommits -= 1;
  const { chosen, skipped } = chooseFiles(commit);
  const notes: ParseNote[] = skipped.map((file) => ({ path: file.path, reason: 'budget' }));
  if (chosen.length === 0) return { code: { ...emptyCodeFacts(), notes }, inputs: [] };
  const parent = commit.parents[0];
  // Reads go out READ_AHEAD files ahead of the one being handled: git answers them in order through one pipe, and
  // a commit whose budget runs out early has asked for few blobs it will not use.
  const reads: { old?: Promise<BlobRead>; new?: Promise<BlobRead> }[] = [];
  // A read asked for ahead may fail (cancellation, git died) before it is awaited: it is handled when awaited, and
  // until then must not count as an unhandled rejection, which would end the process.
  const ask = (spec: string): Promise<BlobRead> => {
    const read = readBlob(spec);
    read.catch(() => undefined);
    return read;
  };
  const send = (index: number): void => {
    const item = chosen[index];
    if (item === undefined || reads[index] !== undefined) return;
    const { file } = item;
    reads[index] = {
      ...(parent !== undefined && file.status !== 'A' ? { old: ask(`${parent}:${file.oldPath ?? file.path}`) } : {}),
      ...(file.status !== 'D' ? { new: ask(`${commit.sha}:${file.path}`) } : {}),
    };
  };
  for (let index = 0; index < READ_AHEAD; index++) send(index);
  let commitBytes = 0;
  const inputs: FileInput[] = [];
  for (const [index, { file, role }] of chosen.entries()) {
    if (commitBytes < FACT_BUDGETS.commitBytes && budget.remainingBytes > 0) send(index + READ_AHEAD);
    const [oldRead, newRead] = await Promise.all([reads[index]!.old, reads[index]!.new]);
    const cap = ROLE_BYTES[role];
    const size = (oldRead?.status === 'ok' ? oldRead.size : 0) + (newRead?.status === 'ok' ? newRead.size : 0);
    if ((oldRead?.status === 'ok' && oldRead.size > cap) || (newRead?.status === 'ok' && newRead.size > cap)) {
      notes.push({ path: file.path, reason: 'too-large' });
      continue;
    }
    if (commitBytes + size > FACT_BUDGETS.commitBytes || size > budget.remainingBytes) {
      notes.push({ path: file.path, reason: 'budget' });
      continue;
    }
    commitBytes += size;
    budget.remainingBytes -= size;
    inputs.push(fileInput(file, oldRead, newRead, cap, role !== 'lock'));
  }
  const code = await extractFacts(inputs, budget);
  code.notes.push(...notes);
  return { code, inputs };
}

function fileInput(file: FileChange, oldRead: BlobRead | undefined, newRead: BlobRead | undefined, cap: number, withPatch: boolean): FileInput {
  const input: FileInput = { path: file.path, status: file.status };
  if (file.oldPath !== undefined) input.oldPath = file.oldPath;
  const old = sideText(oldRead, cap);
  const now = sideText(newRead, cap);
  const problem = old.problem ?? now.problem;
  if (problem === 'binary') input.binary = true;
  else if (problem) input.unreadable = problem;
  if (old.text !== undefined) input.oldText = old.text;
  if (now.text !== undefined) input.newText = now.text;
  if (oldRead?.status === 'ok') input.oldId = oldRead.id;
  if (newRead?.status === 'ok') input.newId = newRead.id;
  if (withPatch && !problem) input.patch = unifiedPatch(old.text, now.text);
  return input;
}

function sideText(read: BlobRead | undefined, cap: number): { text?: string; problem?: ParseNoteReason } {
  if (read === undefined) return {};
  switch (read.status) {
    case 'missing': return { problem: 'unreadable' };
    case 'not-blob': return { problem: 'unreadable' };
    case 'too-large': return { problem: 'too-large' };
    case 'ok': {
      if (read.size > cap) return { problem: 'too-large' };
      if (read.binary) return { problem: 'binary' };
      const decoded = decodeBlobText(read.bytes);
      return 'text' in decoded ? { text: decoded.text } : { problem: decoded.reason };
    }
  }
}
