import * as z from 'zod/mini';
import type {
  CiFact, ConfigKeyFact, DefaultFact, DefinitionFact, DependencyFact, EnvFact, FlagFact, FormatFact, RouteFact,
  SecurityFact, TestFact, VersionFact,
} from '../domain/facts.js';
import { DEFINITION_KINDS, SECURITY_AREAS } from '../domain/facts.js';

/** Analysis.facts in the JSON report: one object per fact, told apart by `kind`. docs/report-schema.md#facts. */

const location = {
  path: z.string().check(z.describe('The file in the commit (the old path for a removed thing)')),
  line: z.optional(z.int().check(z.positive())),
  side: z.optional(z.enum(['old', 'new'])).check(z.describe('Which version of the file `line` counts in')),
};
const addedRemoved = z.enum(['added', 'removed']);

const definition = z.object({
  kind: z.literal('definition'), ...location,
  change: z.enum(['added', 'removed', 'renamed', 'moved', 'signature', 'body']),
  defKind: z.enum(DEFINITION_KINDS),
  name: z.string(),
  container: z.optional(z.string()),
  public: z.boolean(),
  language: z.string(),
  oldName: z.optional(z.string()),
  oldPath: z.optional(z.string()),
  oldSignature: z.optional(z.string()),
  signature: z.optional(z.string()),
  oldPublic: z.optional(z.boolean()),
  exhaustive: z.optional(z.boolean()),
});
const flag = z.object({ kind: z.literal('flag'), ...location, change: addedRemoved, name: z.string(), framework: z.string() });
const env = z.object({ kind: z.literal('env'), ...location, change: addedRemoved, name: z.string() });
const config = z.object({ kind: z.literal('config'), ...location, change: addedRemoved, key: z.string(), container: z.optional(z.string()) });
const defaults = z.object({ kind: z.literal('default'), ...location, name: z.string(), old: z.string(), new: z.string() });
const route = z.object({ kind: z.literal('route'), ...location, change: addedRemoved, method: z.optional(z.string()), route: z.string() });
const format = z.object({ kind: z.literal('format'), ...location, change: addedRemoved, name: z.string() });
const dependency = z.object({
  kind: z.literal('dependency'), ...location,
  change: z.enum(['added', 'removed', 'bumped']),
  name: z.string(),
  old: z.optional(z.string()),
  new: z.optional(z.string()),
  scope: z.enum(['runtime', 'dev', 'build', 'optional', 'ci']),
  ecosystem: z.string(),
  lockOnly: z.optional(z.boolean()),
});
const ci = z.object({
  kind: z.literal('ci'), ...location, what: z.enum(['trigger', 'permission', 'secret', 'unpinned-action']), change: addedRemoved, detail: z.string(),
});
const security = z.object({
  kind: z.literal('security'), ...location,
  area: z.enum(SECURITY_AREAS),
  change: z.enum(['added', 'removed', 'changed']),
  evidence: z.string(),
  term: z.optional(z.string()),
});
const test = z.object({ kind: z.literal('test'), ...location, change: addedRemoved, name: z.string(), covers: z.array(z.string()) });
const version = z.object({ kind: z.literal('version'), ...location, name: z.string(), old: z.string(), new: z.string() });

export const factSchema = z.discriminatedUnion('kind', [definition, flag, env, config, defaults, route, format, dependency, ci, security, test, version]);

type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
const sameKeys: [
  SameKeys<DefinitionFact, z.infer<typeof definition>>, SameKeys<FlagFact, z.infer<typeof flag>>,
  SameKeys<EnvFact, z.infer<typeof env>>, SameKeys<ConfigKeyFact, z.infer<typeof config>>,
  SameKeys<DefaultFact, z.infer<typeof defaults>>, SameKeys<RouteFact, z.infer<typeof route>>,
  SameKeys<FormatFact, z.infer<typeof format>>, SameKeys<DependencyFact, z.infer<typeof dependency>>,
  SameKeys<CiFact, z.infer<typeof ci>>, SameKeys<SecurityFact, z.infer<typeof security>>,
  SameKeys<TestFact, z.infer<typeof test>>, SameKeys<VersionFact, z.infer<typeof version>>,
] = [true, true, true, true, true, true, true, true, true, true, true, true];
void sameKeys;
