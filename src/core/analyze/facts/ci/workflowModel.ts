import { isRecord } from '../structured.js';

/** GitHub Actions paths: workflows, and action metadata files (composite actions use steps too). */
export function isGithubWorkflow(path: string): boolean {
  return /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path);
}

export function isActionMetadata(path: string): boolean {
  return /(^|\/)action\.ya?ml$/.test(path);
}

export function isGitlabCi(path: string): boolean {
  return /(^|\/)\.gitlab-ci\.ya?ml$/.test(path) || /^\.gitlab\/ci\/.+\.ya?ml$/.test(path);
}

/** One `uses:` reference: `owner/repo[/path]@ref`, `docker://image:tag`, or `./local`. */
export interface ActionUse {
  /** As written. */
  raw: string;
  /** `owner/repo[/path]` or `docker://image`; undefined for a local action. */
  name?: string;
  ref?: string;
}

export function parseUses(raw: string): ActionUse {
  const spec = raw.trim().slice(0, 300);
  if (spec.startsWith('./') || spec.startsWith('../')) return { raw: spec };
  if (spec.startsWith('docker://')) {
    const image = spec.slice('docker://'.length);
    const digest = image.indexOf('@');
    const tag = digest === -1 ? image.lastIndexOf(':') : digest;
    return tag > 0 && !image.slice(tag).includes('/')
      ? { raw: spec, name: `docker://${image.slice(0, tag)}`, ref: image.slice(tag + 1) }
      : { raw: spec, name: `docker://${image}` };
  }
  const at = spec.lastIndexOf('@');
  return at > 0 ? { raw: spec, name: spec.slice(0, at), ref: spec.slice(at + 1) } : { raw: spec, name: spec };
}

/** Every `uses:` of a workflow (job steps and reusable-workflow jobs) or composite action (`runs.steps`). */
export function collectUses(doc: unknown): ActionUse[] {
  const uses: ActionUse[] = [];
  const fromSteps = (steps: unknown): void => {
    if (!Array.isArray(steps)) return;
    for (const step of steps.slice(0, 2_000)) {
      if (isRecord(step) && typeof step['uses'] === 'string') uses.push(parseUses(step['uses']));
    }
  };
  if (!isRecord(doc)) return uses;
  const jobs = doc['jobs'];
  if (isRecord(jobs)) {
    for (const job of Object.values(jobs).slice(0, 2_000)) {
      if (!isRecord(job)) continue;
      if (typeof job['uses'] === 'string') uses.push(parseUses(job['uses']));
      fromSteps(job['steps']);
    }
  }
  const runs = doc['runs'];
  if (isRecord(runs)) fromSteps(runs['steps']);
  return uses;
}

/** Pinned: a full 40-hex commit SHA, or a docker image by digest. */
export function isPinned(use: ActionUse): boolean {
  if (use.ref === undefined) return false;
  if (use.name?.startsWith('docker://')) return use.ref.startsWith('sha256:');
  return /^[0-9a-f]{40}$/i.test(use.ref);
}

/** Actions owned by GitHub itself are first-party: not "third-party unpinned". */
const FIRST_PARTY_OWNERS: ReadonlySet<string> = new Set(['actions', 'github']);

export function isThirdParty(use: ActionUse): boolean {
  if (use.name === undefined) return false;
  if (use.name.startsWith('docker://')) return true;
  const owner = use.name.slice(0, use.name.indexOf('/')).toLowerCase();
  return !FIRST_PARTY_OWNERS.has(owner);
}
