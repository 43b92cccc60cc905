import { isDigestError } from '../../errors.js';
import { defaultChanges, majorBumpsInDiff, majorBumpsInMessage, parseUnifiedDiff, workflowFindings } from './diffSignals.js';
import type { DefaultChange, MajorBump, WorkflowFinding } from './diffSignals.js';
import { pathsOf } from './commitFacts.js';
import type { CommitFacts } from './commitFacts.js';
import type { ClassifiedFile } from './fileClasses.js';
import { anyGlob } from './globs.js';

export type ReadDiff = (paths: string[], maxBytes: number) => Promise<{ text: string; truncated: boolean }>;

/** Byte budgets of the diffs read per commit; each is read only when such files changed. */
export const DIFF_BUDGETS = { workflows: 64 * 1024, manifests: 64 * 1024, defaults: 32 * 1024 } as const;
/** Source/config files whose diff is searched for changed defaults: the most churned first. */
const MAX_DEFAULT_FILES = 20;

export const WORKFLOW_GLOBS: readonly string[] = ['.github/workflows/*.{yml,yaml}', '.gitlab-ci.yml', '.gitlab/ci/**/*.{yml,yaml}'];
/** Fallback for changed defaults without a diff: files named after defaults. */
export const DEFAULTS_FILE_GLOBS: readonly string[] = ['**/*default*', '**/*Default*'];
const isWorkflow = anyGlob(WORKFLOW_GLOBS, { dot: true });
const isDefaultsFile = anyGlob(DEFAULTS_FILE_GLOBS, { dot: true });

export interface DiffSignals {
  /** Workflow files changed (not deleted). */
  workflowPaths: string[];
  /** False when the workflow diffs could not be read (no readDiff): only file names were used. */
  workflowsChecked: boolean;
  workflow: WorkflowFinding[];
  defaults: DefaultChange[];
  /** Without a diff: changed files whose names say they hold defaults. */
  defaultFiles: string[];
  majorBumps: MajorBump[];
}

/** One diff read of the analysis: the files it covers and its byte budget. */
export interface DiffRead {
  paths: string[];
  maxBytes: number;
}

/** The files each diff-based check looks at; collectSignals reads exactly these (see diffReads). */
export interface DiffPlan {
  workflowPaths: string[];
  manifestPaths: string[];
  defaultCandidates: ClassifiedFile[];
  defaultPaths: string[];
}

export function planDiffs(facts: Pick<CommitFacts, 'files'>): DiffPlan {
  // One pass over the files (not deleted ones), in path order as facts.files has them.
  const workflowPaths: string[] = [];
  const manifestPaths: string[] = [];
  const candidates: ClassifiedFile[] = [];
  for (const item of facts.files) {
    if (item.file.status === 'D') continue;
    if (isWorkflow(item.file.path)) workflowPaths.push(item.file.path);
    if (item.kind === 'manifest') manifestPaths.push(item.file.path);
    if (item.kind === 'source' || item.kind === 'config') candidates.push(item);
  }
  // The most churned first (a stable sort: equal churn keeps path order).
  if (candidates.length > 1) {
    candidates.sort((a, b) => b.file.additions + b.file.deletions - (a.file.additions + a.file.deletions));
  }
  const defaultCandidates = candidates.length > MAX_DEFAULT_FILES ? candidates.slice(0, MAX_DEFAULT_FILES) : candidates;
  const defaultPaths = pathsOf(defaultCandidates);
  return { workflowPaths, manifestPaths, defaultCandidates, defaultPaths: defaultPaths.length > 1 ? defaultPaths.sort() : defaultPaths };
}

/** The reads collectSignals makes, in order (`paths` never empty), so a batch reader can fetch them up front. */
export function diffReads(facts: Pick<CommitFacts, 'files'>): DiffRead[] {
  return readsOfPlan(planDiffs(facts));
}

/** diffReads of a plan already made. */
export function readsOfPlan(plan: DiffPlan): DiffRead[] {
  return planReads(plan).filter((read) => read.paths.length > 0);
}

export async function collectSignals(facts: CommitFacts, readDiff: ReadDiff | undefined): Promise<DiffSignals> {
  const plan = planDiffs(facts);
  const texts: (string | undefined)[] = [];
  for (const { paths, maxBytes } of planReads(plan)) {
    let text: string | undefined;
    if (readDiff && paths.length > 0) {
      try {
        text = (await readDiff(paths, maxBytes)).text;
      } catch (error) {
        // Cancellation must stop the report; any other failure only loses this signal.
        if (isDigestError(error) && error.code === 'cancelled') throw error;
      }
    }
    texts.push(text);
  }
  return signalsFrom(facts, plan, texts);
}

/** A diff read answered at once, or undefined when it cannot be (the caller then goes the asynchronous way). */
export type ReadDiffNow = (paths: string[], maxBytes: number) => { text: string; truncated: boolean } | undefined;

/**
 * collectSignals with diffs that are already at hand: the same reads in the same order and the same signals, or
 * undefined as soon as one read cannot be answered at once. Spares a batch of promises per commit. `plan` is
 * planDiffs(facts) when the caller made it already.
 */
export function collectSignalsNow(
  facts: CommitFacts,
  readNow: ReadDiffNow,
  plan: DiffPlan = planDiffs(facts),
): DiffSignals | undefined {
  const texts: (string | undefined)[] = [];
  for (const { paths, maxBytes } of planReads(plan)) {
    let text: string | undefined;
    if (paths.length > 0) {
      try {
        const answer = readNow(paths, maxBytes);
        if (answer === undefined) return undefined;
        text = answer.text;
      } catch (error) {
        if (isDigestError(error) && error.code === 'cancelled') throw error;
      }
    }
    texts.push(text);
  }
  return signalsFrom(facts, plan, texts);
}

/** The three reads of a plan in order (workflows, manifests, defaults), empty ones included. */
function planReads(plan: DiffPlan): DiffRead[] {
  return [
    { paths: plan.workflowPaths, maxBytes: DIFF_BUDGETS.workflows },
    { paths: plan.manifestPaths, maxBytes: DIFF_BUDGETS.manifests },
    { paths: plan.defaultPaths, maxBytes: DIFF_BUDGETS.defaults },
  ];
}

function signalsFrom(facts: CommitFacts, plan: DiffPlan, texts: readonly (string | undefined)[]): DiffSignals {
  const [workflowDiff, manifestDiff, defaultsDiff] = texts;
  const { workflowPaths, defaultCandidates } = plan;
  const fromMessage = majorBumpsInMessage(facts.message);
  const fromManifests = manifestDiff === undefined ? [] : majorBumpsInDiff(parseUnifiedDiff(manifestDiff));
  const seen = fromManifests.length > 0 ? new Set(fromMessage.map((bump) => bump.name)) : undefined;
  return {
    workflowPaths,
    workflowsChecked: workflowDiff !== undefined,
    workflow: workflowDiff === undefined ? [] : workflowFindings(parseUnifiedDiff(workflowDiff)),
    // A changed default needs a line with `default`, `Default` or `DEFAULT` (see defaultChanges): most diffs have none.
    defaults: defaultsDiff === undefined || !mayHoldDefaults(defaultsDiff) ? [] : defaultChanges(parseUnifiedDiff(defaultsDiff)),
    defaultFiles: defaultsDiff === undefined ? pathsOf(defaultCandidates.filter((item) => isDefaultsFile(item.file.path))).sort() : [],
    majorBumps: seen ? [...fromMessage, ...fromManifests.filter((bump) => !seen.has(bump.name))] : fromMessage,
  };
}

function mayHoldDefaults(diff: string): boolean {
  return diff.includes('efault') || diff.includes('EFAULT');
}
