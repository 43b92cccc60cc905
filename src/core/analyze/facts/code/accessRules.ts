import type { LanguageId } from '../syntax/languages.js';
import type { ArgValue, CallSite } from './model.js';

/**
 * Environment variables and configuration keys a program reads, and the HTTP routes it serves: one row per API,
 * each reading a call site the tree walk (or the patch lexer) recorded.
 */

const last = (call: CallSite): string => call.callee[call.callee.length - 1] ?? '';
const tail = (call: CallSite, count: number): string => call.callee.slice(-count).join('.');
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,80}$/;

/** How an environment read names its variable; which argument holds it. */
export interface EnvRule {
  languages: readonly LanguageId[];
  matches: (call: CallSite) => boolean;
  argument: number;
}

export const ENV_RULES: readonly EnvRule[] = [
  { languages: ['rust'], matches: (call) => !call.macro && ['env.var', 'env.var_os'].includes(tail(call, 2)), argument: 0 },
  { languages: ['rust'], matches: (call) => call.macro === true && !call.decorator && ['env', 'option_env'].includes(last(call)), argument: 0 },
  // clap's builder `Arg::env("X")` takes one argument; `Command::env(k, v)` sets a child's variable and takes two.
  { languages: ['rust'], matches: (call) => !call.macro && last(call) === 'env' && call.callee.length > 1 && call.args.length === 1, argument: 0 },
  { languages: ['python'], matches: (call) => ['os.getenv', 'environ.get', 'environ.setdefault', 'environ.pop'].includes(tail(call, 2)) || (call.callee.length === 1 && last(call) === 'getenv'), argument: 0 },
  { languages: ['javascript', 'typescript', 'tsx'], matches: (call) => tail(call, 3) === 'Deno.env.get', argument: 0 },
  { languages: ['go'], matches: (call) => ['os.Getenv', 'os.LookupEnv', 'syscall.Getenv'].includes(tail(call, 2)), argument: 0 },
  { languages: ['c', 'cpp'], matches: (call) => ['getenv', 'secure_getenv', 'git_env_bool', 'git_env_ulong', 'std.getenv'].includes(call.callee.join('.')), argument: 0 },
  { languages: ['java'], matches: (call) => tail(call, 2) === 'System.getenv' && call.args.length === 1, argument: 0 },
];

/**
 * The variable an argument names: a string literal, a constant of this file that holds one, or an ALL_CAPS
 * identifier or path (`EnvVars::UV_CERT`) taken by its name.
 */
export function envName(arg: ArgValue | undefined, constants: ReadonlyMap<string, string>): string | undefined {
  if (!arg) return undefined;
  if (arg.kind === 'string') return ENV_NAME.test(arg.text) ? arg.text : undefined;
  if (arg.kind !== 'ident' && arg.kind !== 'other') return undefined;
  const path = arg.text.replace(/^&/, '');
  const resolved = constants.get(path) ?? constants.get(path.replace(/^.*(::|\.)/, ''));
  if (resolved !== undefined) return ENV_NAME.test(resolved) ? resolved : undefined;
  const name = path.replace(/^.*(::|\.)/, '');
  return /^[A-Z][A-Z0-9_]{2,80}$/.test(name) && name.includes('_') ? name : undefined;
}

/** A configuration key as a user writes it: `core.bare`, `pack.writeBitmaps`, `server.port`. */
const DOTTED_KEY = /^[A-Za-z][A-Za-z0-9_-]{0,40}(?:\.[A-Za-z0-9_*<>-]{1,60}){1,4}$/;
const CONFIG_GETTER = /^(?:get|get_[a-z_]{1,20}|getString|getInt|getInteger|getBoolean|getBool|getFloat|getDuration|getList|GetString|GetInt|GetBool|GetFloat64|GetDuration|GetStringSlice|Get|IsSet|isSet)$/;
const CONFIG_RECEIVER = /(?:^|[._])(?:config|cfg|conf|settings|viper|configuration|prefs)$/i;

/** A config key a call reads, or undefined. */
export function configKeyOfCall(call: CallSite, language: LanguageId): string | undefined {
  const name = last(call);
  const firstString = call.args.find((arg) => arg.kind === 'string' && arg.keyword === undefined)?.text;
  if (language === 'c' || language === 'cpp') {
    if (call.callee.length !== 1) return undefined;
    // git: repo_config_get_bool(r, "core.x", &v), git_config_get_string("a.b", &v), and `!strcmp(var, "a.b")` in callbacks.
    if (/^(?:repo_|git_)?config_get(?:_[a-z_]{1,30})?$/.test(name) || /^git_config_get(?:_[a-z_]{1,30})?$/.test(name)) {
      return firstString !== undefined && DOTTED_KEY.test(firstString) ? firstString : undefined;
    }
    // A per-name key built before it is read: `strbuf_addf(&key, "branch.%s.deletemerged", name)`.
    if ((name === 'strbuf_addf' || name === 'xstrfmt') && firstString !== undefined && /^[a-z][a-z0-9-]{0,30}\.%s\.[A-Za-z0-9-]{1,60}$/.test(firstString)) {
      return firstString.replace('%s', '<name>');
    }
    if (name === 'strcmp' && call.args[0]?.kind === 'ident' && /^(var|k|key)$/.test(call.args[0].text)) {
      const key = call.args[1];
      return key?.kind === 'string' && DOTTED_KEY.test(key.text) && key.text === key.text.toLowerCase() ? key.text : undefined;
    }
    return undefined;
  }
  if (call.decorator && language === 'java' && name === 'Value') {
    const match = /^\$\{([^:}]{1,100})/.exec(firstString ?? '');
    return match?.[1];
  }
  if (call.decorator || !CONFIG_GETTER.test(name) || call.callee.length < 2) return undefined;
  const owner = call.callee[call.callee.length - 2]!.replace(/\(\)$/, '');
  if (!CONFIG_RECEIVER.test(owner) || firstString === undefined || firstString.length > 100 || !/^[A-Za-z][\w.-]*$/.test(firstString)) return undefined;
  return firstString;
}

export interface RouteSighting {
  method?: string;
  route: string;
}

const HTTP_METHODS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'delete', 'patch', 'head', 'options', 'all', 'any']);
/** Receivers that are HTTP clients, not servers: `axios.get("/x")` fetches a route, it does not serve one. */
const CLIENT_RECEIVERS: ReadonlySet<string> = new Set([
  'axios', 'http', 'https', 'client', 'request', 'requests', 'session', 'fetch', 'superagent', 'got', 'ky', 'httpx',
  '$http', 'agent', 'api_client', 'apiClient', 'httpClient', 'test_client', 'testClient', 'cy', 'page', 'wrapper',
]);
const SPRING_MAPPINGS: ReadonlyMap<string, string | undefined> = new Map([
  ['GetMapping', 'GET'], ['PostMapping', 'POST'], ['PutMapping', 'PUT'], ['DeleteMapping', 'DELETE'], ['PatchMapping', 'PATCH'],
  ['RequestMapping', undefined], ['Path', undefined],
]);

const isPath = (text: string | undefined): text is string => text !== undefined && text.startsWith('/') && text.length <= 200 && !/\s/.test(text);

/** The routes one call, decorator, annotation or attribute declares. */
export function routesOfCall(call: CallSite, language: LanguageId): RouteSighting[] {
  const name = last(call);
  const first = call.args[0];
  const firstPath = first?.kind === 'string' && first.keyword === undefined ? first.text : undefined;
  const lower = name.toLowerCase();
  if (call.decorator) {
    if (language === 'java') {
      if (!SPRING_MAPPINGS.has(name)) return [];
      const path = firstPath ?? call.args.find((arg) => arg.keyword === 'value' || arg.keyword === 'path')?.text.replace(/^\{?\s*"?|"?\s*\}?$/g, '');
      const method = SPRING_MAPPINGS.get(name);
      return isPath(path) ? [{ route: path, ...(method ? { method } : {}) }] : [];
    }
    if (!isPath(firstPath)) return [];
    if (HTTP_METHODS.has(lower) || lower === 'websocket') return [{ route: firstPath, method: lower.toUpperCase() }];
    if (name === 'route' || name === 'api_route') {
      const methods = call.args.find((arg) => arg.keyword === 'methods')?.text ?? '';
      const listed = [...methods.matchAll(/["']([A-Za-z]{3,7})["']/g)].map((match) => match[1]!.toUpperCase());
      return listed.length > 0 ? listed.map((method) => ({ route: firstPath, method })) : [{ route: firstPath }];
    }
    return [];
  }
  if (call.callee.length < 2 && !(language === 'go' && /^Handle(Func)?$/.test(name))) return [];
  const owner = (call.callee[call.callee.length - 2] ?? '').replace(/\(\)$/, '');
  if (/^Handle(Func)?$/.test(name) || name === 'add_url_rule') {
    // Go 1.22 patterns carry the method: `mux.HandleFunc("GET /items/{id}", h)`.
    const pattern = /^([A-Z]{3,7}) (\/\S*)$/.exec(first?.text ?? '');
    if (pattern) return [{ method: pattern[1]!, route: pattern[2]! }];
    return isPath(firstPath) ? [{ route: firstPath }] : [];
  }
  if (name === 'route' && isPath(firstPath) && call.args.length >= 2) {
    // axum: `.route("/x", get(list).post(create))`.
    const handlers = call.args[1]!.text.slice(0, 200);
    const methods = [...handlers.matchAll(/(?:^|[.:])(get|post|put|delete|patch|head|options|any)\(/g)].map((match) => match[1]!.toUpperCase());
    return methods.length > 0 ? [...new Set(methods)].map((method) => ({ route: firstPath, method })) : [{ route: firstPath }];
  }
  if (HTTP_METHODS.has(lower) && isPath(firstPath) && call.args.length >= 2 && !CLIENT_RECEIVERS.has(owner)) {
    return [{ route: firstPath, method: lower === 'all' || lower === 'any' ? 'ANY' : lower.toUpperCase() }];
  }
  return [];
}
