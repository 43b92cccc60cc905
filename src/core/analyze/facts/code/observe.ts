import type { LanguageId } from '../syntax/languages.js';
import { configKeyOfCall, ENV_RULES, envName, routesOfCall } from './accessRules.js';
import { clapFieldFlag, COMMAND_NAME, FLAG_RULES } from './flagRules.js';
import type { CodeModel } from './model.js';

/** Where a thing was seen: the first sighting on a side wins. */
export interface Sighting {
  path: string;
  line: number;
}

/** What one side of the commit (all changed files, before or after) declares and reads, keyed for comparison. */
export interface SideObservations {
  flags: Map<string, Sighting & { framework: string }>;
  env: Map<string, Sighting>;
  config: Map<string, Sighting & { container?: string }>;
  routes: Map<string, Sighting & { method?: string; route: string }>;
  /** Setting name → the literal values it is given on this side (more than one makes it ambiguous). */
  defaults: Map<string, Sighting & { values: Set<string> }>;
}

export function emptySide(): SideObservations {
  return { flags: new Map(), env: new Map(), config: new Map(), routes: new Map(), defaults: new Map() };
}

/** Config keys read from struct fields, per file side. */
const MAX_FIELD_KEYS_PER_FILE = 6;

/** Keys per map past this many are not added: the comparison stays bounded on a hostile commit. */
const MAX_KEYS = 20_000;

function put<T extends Sighting>(map: Map<string, T>, key: string, value: T): void {
  if (!map.has(key) && map.size < MAX_KEYS) map.set(key, value);
}

function putDefault(side: SideObservations, name: string, value: string, at: Sighting): void {
  const existing = side.defaults.get(name);
  if (existing) existing.values.add(value);
  else if (side.defaults.size < MAX_KEYS) side.defaults.set(name, { ...at, values: new Set([value]) });
}

/**
 * Adds one file side's model to the side's observations. `language` undefined means the model came from a patch
 * of a file without a grammar: every language's rules are tried.
 */
export function observeModel(model: CodeModel, language: LanguageId | undefined, path: string, side: SideObservations, wholeFile = false): void {
  const applies = (languages: readonly LanguageId[]): boolean => language === undefined || languages.includes(language);
  const flagRules = FLAG_RULES.filter((rule) => applies(rule.languages));
  const envRules = ENV_RULES.filter((rule) => applies(rule.languages));
  const constants = new Map<string, string>();
  for (const binding of model.literals) if (!constants.has(binding.name)) constants.set(binding.name, binding.value);
  for (const call of model.calls) {
    const at = { path, line: call.line };
    for (const rule of flagRules) {
      for (const flag of rule.read(call)) {
        put(side.flags, flag.name, { ...at, framework: flag.framework });
        if (flag.default !== undefined) putDefault(side, flag.name, flag.default, at);
      }
    }
    for (const rule of envRules) {
      if (!rule.matches(call)) continue;
      const name = envName(call.args[rule.argument], constants);
      if (name) put(side.env, name, at);
    }
    for (const lang of language === undefined ? (['c', 'java', 'python'] as const) : [language]) {
      const key = configKeyOfCall(call, lang);
      if (key) put(side.config, key, at);
    }
    for (const route of routesOfCall(call, language ?? 'python')) {
      put(side.routes, `${route.method ?? '*'} ${route.route}`, { ...at, ...route });
    }
  }
  for (const command of model.commands) {
    if (COMMAND_NAME.test(command.name)) put(side.flags, command.name, { path, line: command.line, framework: command.framework });
  }
  for (const read of model.members) {
    if (isEnvironmentRead(read)) put(side.env, read.key, { path, line: read.line });
  }
  for (const field of model.fields) {
    const flag = clapFieldFlag(field);
    if (!flag) continue;
    const at = { path, line: field.line };
    if (flag.name !== '') put(side.flags, flag.name, { ...at, framework: flag.framework });
    if (flag.env !== undefined) put(side.env, flag.env, at);
    if (flag.default !== undefined) putDefault(side, flag.name || `${field.container}.${field.name}`, flag.default, at);
  }
  // The fields of an options struct are config keys; a file added or deleted whole brings or drops its structs
  // (definition facts say so), and a few keys per file say what a struct holds without listing it all.
  if (!wholeFile) {
    for (const field of model.configFields.slice(0, MAX_FIELD_KEYS_PER_FILE)) put(side.config, field.key, { path, line: field.line, container: field.container });
  }
  for (const binding of model.literals) putDefault(side, binding.name, binding.value, { path, line: binding.line });
}

/** Environment variable names as programs spell them: `HOME`, `UV_CERT`, `NODE_ENV`. */
const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;

/**
 * A member read of an environment object. Through a qualified one (`process.env.X`, `import.meta.env.X`,
 * `os.environ["x"]`) any key; through a bare `env` variable (a parameter, a local, as often an `Environment` object
 * as `process.env`) only a key spelled as an environment variable: `env.HOME`, not `env.config`.
 */
function isEnvironmentRead(read: { object: readonly string[]; key: string }): boolean {
  return read.object.length > 1 || ENV_NAME.test(read.key);
}
