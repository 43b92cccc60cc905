import { isRecord } from '../structured.js';
import { emptyObservations, secretsRead } from './observations.js';
import type { CiObservations } from './observations.js';

/** GitLab's top-level keys that are not jobs. */
const GLOBAL_KEYS: ReadonlySet<string> = new Set(['workflow', 'include', 'stages', 'variables', 'default', 'image', 'services', 'cache', 'before_script', 'after_script']);

const PIPELINE_SOURCE = /\$CI_PIPELINE_SOURCE\s*==\s*["']([a-z_]{1,40})["']/g;
/** Variables whose names say they hold a secret, as a script or rule reads them (`$DEPLOY_TOKEN`, `${NPM_TOKEN}`). */
const SECRET_VARIABLE = /\$\{?([A-Z][A-Z0-9_]{0,60}(?:TOKEN|SECRET|PASSWORD|PASSWD|_KEY|CREDENTIALS?)[A-Z0-9_]{0,20})\}?/g;

/** A GitLab CI file's triggers (pipeline sources, `only`/`except` refs), secrets and unpinned includes. */
export function gitlabObservations(doc: unknown): CiObservations {
  const seen = emptyObservations();
  if (!isRecord(doc)) return seen;
  const workflow = doc['workflow'];
  if (isRecord(workflow)) addRuleTriggers(workflow['rules'], seen.triggers);
  for (const [name, job] of Object.entries(doc).slice(0, 2_000)) {
    if (GLOBAL_KEYS.has(name) || !isRecord(job)) continue;
    addRuleTriggers(job['rules'], seen.triggers);
    for (const key of ['only', 'except']) addRefs(job[key], key, seen.triggers);
    const secrets = job['secrets'];
    if (isRecord(secrets)) for (const secret of Object.keys(secrets)) seen.secrets.add(`secrets: ${secret}`);
  }
  secretsRead(doc, seen.secrets);
  addSecretVariables(doc, seen.secrets);
  addIncludes(doc['include'], seen.unpinned);
  return seen;
}

function addRuleTriggers(rules: unknown, into: Set<string>): void {
  if (!Array.isArray(rules)) return;
  for (const rule of rules.slice(0, 500)) {
    const condition = isRecord(rule) ? rule['if'] : undefined;
    if (typeof condition !== 'string') continue;
    for (const match of condition.slice(0, 2_000).matchAll(PIPELINE_SOURCE)) into.add(match[1]!);
  }
}

function addRefs(value: unknown, key: string, into: Set<string>): void {
  const refs = isRecord(value) ? value['refs'] : value;
  const list = typeof refs === 'string' ? [refs] : Array.isArray(refs) ? refs : [];
  for (const ref of list.slice(0, 100)) if (typeof ref === 'string') into.add(`${key}: ${ref}`);
}

function addSecretVariables(doc: unknown, into: Set<string>): void {
  let visited = 0;
  const walk = (node: unknown, depth: number): void => {
    if (visited++ > 50_000 || depth > 40) return;
    if (typeof node === 'string') {
      if (!node.includes('$')) return;
      for (const match of node.slice(0, 20_000).matchAll(SECRET_VARIABLE)) into.add(`$${match[1]}`);
    } else if (Array.isArray(node)) {
      for (const item of node) walk(item, depth + 1);
    } else if (isRecord(node)) {
      for (const child of Object.values(node)) walk(child, depth + 1);
    }
  };
  walk(doc, 0);
}

/** Includes from other projects or URLs that do not name a commit: what they run can change under this file. */
function addIncludes(include: unknown, into: Set<string>): void {
  const items = Array.isArray(include) ? include : include === undefined ? [] : [include];
  for (const item of items.slice(0, 200)) {
    if (typeof item === 'string') {
      if (/^https?:\/\//.test(item)) into.add(item);
    } else if (isRecord(item)) {
      const { project, ref, remote, component } = item;
      if (typeof project === 'string' && !(typeof ref === 'string' && /^[0-9a-f]{40}$/.test(ref))) into.add(`${project}@${typeof ref === 'string' ? ref : 'HEAD'}`);
      if (typeof remote === 'string') into.add(remote);
      if (typeof component === 'string' && !/@[0-9a-f]{40}$/.test(component)) into.add(component);
    }
  }
}
