import type { CodeView } from '../facts/codeView.js';
import type { ClassifiedFile } from '../facts/fileClasses.js';
import { isApiSurface } from './apiSurface.js';
import { isMajor } from '../facts/deps/versions.js';

/**
 * The tags of a commit's code facts, as user rules match them (`"match": {"facts": ["flag.removed"]}`): each kind
 * alone (`flag`), kind and change (`flag.removed`), and a few refinements: `definition.removed.public`,
 * `definition.removed.api` (on the API surface), `dependency.major`, `ci.permission.added`, `security.tls`.
 * docs/rules.md lists them all.
 */
export function factTags(view: CodeView | undefined, files: readonly ClassifiedFile[]): ReadonlySet<string> {
  const tags = new Set<string>();
  if (!view) return tags;
  for (const fact of [...view.added, ...view.removed, ...view.renamed, ...view.moved, ...view.signature, ...view.body]) {
    tags.add('definition');
    tags.add(`definition.${fact.change}`);
    if (fact.public) tags.add(`definition.${fact.change}.public`);
    if (isApiSurface(fact, files)) tags.add(`definition.${fact.change}.api`);
  }
  for (const fact of [...view.flags, ...view.env, ...view.config, ...view.routes, ...view.formats, ...view.tests]) {
    tags.add(fact.kind);
    tags.add(`${fact.kind}.${fact.change}`);
  }
  if (view.defaults.length > 0) tags.add('default').add('default.changed');
  for (const fact of view.dependencies) {
    tags.add('dependency').add(`dependency.${fact.change}`);
    if (fact.change === 'bumped' && fact.old !== undefined && fact.new !== undefined && isMajor(fact.old, fact.new)) tags.add('dependency.major');
  }
  for (const fact of view.ci) tags.add('ci').add(`ci.${fact.what}`).add(`ci.${fact.what}.${fact.change}`);
  for (const fact of view.security) tags.add('security').add(`security.${fact.area}`).add(`security.${fact.area}.${fact.change}`);
  return tags;
}

/** Every tag factTags can give, for the rules schema and the docs: a pattern per family. */
export const FACT_TAG_PATTERN =
  /^(definition(\.(added|removed|renamed|moved|signature|body)(\.(public|api))?)?|(flag|env|config|route|format|test)(\.(added|removed))?|default(\.changed)?|dependency(\.(added|removed|bumped|major))?|ci(\.(trigger|permission|secret|unpinned-action)(\.(added|removed))?)?|security(\.(tls|auth|crypto|secret|permission|sandbox|path|exec|deserialize|unsafe|input)(\.(added|removed|changed))?)?)$/;
