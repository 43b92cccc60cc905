import { lineOf } from '../patchLines.js';
import { isRecord, parseYaml } from '../structured.js';
import type { CiFact, CiFactWhat, FileInput, ParseNote } from '../types.js';
import { gitlabObservations } from './gitlab.js';
import { emptyObservations, secretsRead } from './observations.js';
import type { CiObservations } from './observations.js';
import { collectUses, isActionMetadata, isGithubWorkflow, isGitlabCi, isPinned, isThirdParty } from './workflowModel.js';

/** Permission levels that let a job change the repository or its settings. */
const WRITE_LEVELS: ReadonlySet<string> = new Set(['write', 'write-all']);

/** CI facts past this many per file are not listed. */
const MAX_CI_FACTS_PER_FILE = 40;

/**
 * CI facts: each GitHub workflow, action metadata and GitLab CI file is parsed before and after, and triggers,
 * write permissions and secrets read are compared; unpinned third-party actions are reported when this commit
 * adds them.
 */
export function ciFacts(files: readonly FileInput[], notes: ParseNote[]): CiFact[] {
  const facts: CiFact[] = [];
  for (const file of files) {
    const github = isGithubWorkflow(file.path) || isActionMetadata(file.path);
    const gitlab = !github && isGitlabCi(file.path);
    if ((!github && !gitlab) || file.binary) continue;
    try {
      facts.push(...fileCiFacts(file, github, notes));
    } catch {
      notes.push({ path: file.path, reason: 'unreadable' });
    }
  }
  return facts;
}

function fileCiFacts(file: FileInput, github: boolean, notes: ParseNote[]): CiFact[] {
  if ((file.status !== 'A' && file.oldText === undefined) || (file.status !== 'D' && file.newText === undefined)) return [];
  const observe = (text: string | undefined): CiObservations | undefined => {
    const doc = parseYaml(text);
    if (doc === undefined) return undefined;
    return github ? githubObservations(doc) : gitlabObservations(doc);
  };
  const before = file.status === 'A' ? emptyObservations() : observe(file.oldText);
  const after = file.status === 'D' ? emptyObservations() : observe(file.newText);
  if (!before || !after) {
    notes.push({ path: file.path, reason: file.unreadable ?? 'syntax-error' });
    return [];
  }
  return compareObservations(file, before, after).slice(0, MAX_CI_FACTS_PER_FILE);
}

function compareObservations(file: FileInput, before: CiObservations, after: CiObservations): CiFact[] {
  const facts: CiFact[] = [];
  const compare = (what: CiFactWhat, old: Set<string>, next: Set<string>, reportRemoved = true): void => {
    for (const detail of next) if (!old.has(detail)) facts.push(fact(file, what, 'added', detail));
    if (reportRemoved) for (const detail of old) if (!next.has(detail)) facts.push(fact(file, what, 'removed', detail));
  };
  compare('trigger', before.triggers, after.triggers);
  compare('permission', before.permissions, after.permissions);
  compare('secret', before.secrets, after.secrets);
  compare('unpinned-action', before.unpinned, after.unpinned, false);
  return facts;
}

function fact(file: FileInput, what: CiFactWhat, change: 'added' | 'removed', detail: string): CiFact {
  const side = change === 'added' ? 'new' : 'old';
  const text = side === 'new' ? file.newText : file.oldText;
  // The detail as written in YAML: `contents: write (job build)` is found by its first part.
  const needle = detail.replace(/ \((token in )?job [^)]*\)$/, '').replace(/^permissions: /, '');
  const line = lineOf(text, needle) ?? lineOf(text, needle.split(':')[0]!);
  return { kind: 'ci', what, change, detail, path: file.path, ...(line === undefined ? {} : { line, side }) };
}

function githubObservations(doc: unknown): CiObservations {
  const seen = emptyObservations();
  if (!isRecord(doc)) return seen;
  const on = doc['on'] ?? doc['true'];
  if (typeof on === 'string') {
    seen.triggers.add(on);
  } else if (Array.isArray(on)) {
    for (const item of on) if (typeof item === 'string') seen.triggers.add(item);
  } else if (isRecord(on)) {
    for (const trigger of Object.keys(on)) seen.triggers.add(trigger);
  }
  addPermissions(doc['permissions'], undefined, seen.permissions);
  const jobs = doc['jobs'];
  if (isRecord(jobs)) {
    for (const [name, job] of Object.entries(jobs)) {
      if (!isRecord(job)) continue;
      addPermissions(job['permissions'], name, seen.permissions);
      addTokenPermissions(job['steps'], name, seen.permissions);
    }
  }
  secretsRead(doc, seen.secrets);
  for (const use of collectUses(doc)) if (isThirdParty(use) && !isPinned(use)) seen.unpinned.add(use.raw);
  return seen;
}

/**
 * Write permissions of a token a step mints: a `permissions` input (a map, or YAML in a string, as some token
 * actions take it) or `permission-<scope>: write` inputs (actions/create-github-app-token). Such a token can do
 * what a job's `permissions:` would let it do.
 */
function addTokenPermissions(steps: unknown, job: string, into: Set<string>): void {
  if (!Array.isArray(steps)) return;
  for (const step of steps.slice(0, 2_000)) {
    const inputs = isRecord(step) ? step['with'] : undefined;
    if (!isRecord(inputs)) continue;
    const scopes = new Map<string, unknown>();
    const listed = typeof inputs['permissions'] === 'string' ? parseYaml(inputs['permissions']) : inputs['permissions'];
    if (isRecord(listed)) for (const [scope, level] of Object.entries(listed)) scopes.set(scope, level);
    for (const [key, level] of Object.entries(inputs)) if (key.startsWith('permission-')) scopes.set(key.slice('permission-'.length), level);
    for (const [scope, level] of scopes) {
      if (typeof level === 'string' && WRITE_LEVELS.has(level)) into.add(`${scope}: ${level} (token in job ${job})`);
    }
  }
}

/** `permissions: write-all` or a map of scopes; only write levels are kept (read levels narrow, they do not grant). */
function addPermissions(permissions: unknown, job: string | undefined, into: Set<string>): void {
  const where = job === undefined ? '' : ` (job ${job})`;
  if (typeof permissions === 'string') {
    if (WRITE_LEVELS.has(permissions)) into.add(`permissions: ${permissions}${where}`);
  } else if (isRecord(permissions)) {
    for (const [scope, level] of Object.entries(permissions)) {
      if (typeof level === 'string' && WRITE_LEVELS.has(level)) into.add(`${scope}: ${level}${where}`);
    }
  }
}
