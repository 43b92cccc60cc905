import { EntryList } from './entry.js';
import type { DependencyEntry } from './entry.js';

const VERSION_IN_NAME = /\d{1,6}(?:\.\d{1,6}){1,4}(?:-[A-Za-z0-9]{1,12})?/;
const COMMIT_HASH = /\b[0-9a-f]{40}\b/;

/** The version a download URL or file name carries (`…/v1.2.3.tar.gz` → `1.2.3`), or its last segment. */
export function versionFromUrl(url: string): string {
  const bounded = url.slice(0, 500);
  const hash = COMMIT_HASH.exec(bounded);
  if (hash) return hash[0];
  const segment = bounded.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const last = segment.slice(segment.lastIndexOf('/') + 1);
  return VERSION_IN_NAME.exec(last)?.[0] ?? VERSION_IN_NAME.exec(segment)?.[0] ?? last;
}

/** A meson subproject wrap (`subprojects/zlib.wrap`): an INI file with `[wrap-file]` or `[wrap-git]`. */
export function readMesonWrap(text: string | undefined, path: string): DependencyEntry[] | undefined {
  if (text === undefined || text.length > 200_000) return undefined;
  const values = new Map<string, string>();
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[') && line.endsWith(']')) {
      section = line.slice(1, -1).trim();
      continue;
    }
    if (!section.startsWith('wrap-')) continue;
    const equals = line.indexOf('=');
    if (equals > 0) values.set(line.slice(0, equals).trim(), line.slice(equals + 1).trim());
  }
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.wrap$/, '');
  const version =
    values.get('wrapdb_version') ??
    values.get('revision') ??
    firstDefined([values.get('source_filename'), values.get('source_url'), values.get('directory'), values.get('url')], versionFromUrl);
  const list = new EntryList();
  if (version !== undefined) list.add(base, version, 'build');
  return list.entries;
}

function firstDefined(items: (string | undefined)[], map: (item: string) => string): string | undefined {
  for (const item of items) if (item !== undefined) return map(item);
  return undefined;
}

/** CMake commands that declare a fetched dependency, and whether the first argument is its name. */
const CMAKE_FETCH_COMMANDS: ReadonlyMap<string, boolean> = new Map([
  ['fetchcontent_declare', true],
  ['externalproject_add', true],
  ['cpmaddpackage', false],
]);

const MAX_CMAKE_ARGS_CHARS = 8_000;

/** FetchContent_Declare / ExternalProject_Add / CPMAddPackage calls in a CMake file: name and GIT_TAG, VERSION or URL. */
export function readCmakeFetches(text: string | undefined): DependencyEntry[] | undefined {
  if (text === undefined || text.length > 2_000_000) return undefined;
  const list = new EntryList();
  const lower = text.toLowerCase();
  for (const [command, named] of CMAKE_FETCH_COMMANDS) {
    for (let at = lower.indexOf(command); at !== -1; at = lower.indexOf(command, at + command.length)) {
      if (at > 0 && /[A-Za-z0-9_]/.test(text[at - 1]!)) continue;
      let open = at + command.length;
      while (open < text.length && (text[open] === ' ' || text[open] === '\t')) open += 1;
      if (text[open] !== '(') continue;
      const args = cmakeArguments(text, open + 1);
      const entry = named ? namedFetch(args) : cpmFetch(args);
      if (entry) list.add(entry.name, entry.version, 'build');
    }
  }
  return list.entries;
}

function namedFetch(args: string[]): { name: string; version: string } | undefined {
  const name = args[0];
  if (!name) return undefined;
  const value = (key: string): string | undefined => {
    const index = args.indexOf(key, 1);
    return index === -1 ? undefined : args[index + 1];
  };
  const url = value('URL');
  const version = value('GIT_TAG') ?? value('VERSION') ?? (url === undefined ? undefined : versionFromUrl(url)) ?? value('GIT_REPOSITORY');
  return version === undefined ? undefined : { name, version };
}

function cpmFetch(args: string[]): { name: string; version: string } | undefined {
  if (args.length === 1) {
    // Shorthand: `gh:fmtlib/fmt#7.1.3` or `gh:owner/repo@1.2.3`.
    const spec = args[0]!;
    const split = spec.search(/[#@]/);
    if (split === -1) return undefined;
    const path = spec.slice(0, split);
    return { name: path.slice(path.lastIndexOf('/') + 1), version: spec.slice(split + 1) };
  }
  const value = (key: string): string | undefined => {
    const index = args.indexOf(key);
    return index === -1 ? undefined : args[index + 1];
  };
  const name = value('NAME') ?? value('GITHUB_REPOSITORY')?.split('/').pop();
  const url = value('URL');
  const version = value('VERSION') ?? value('GIT_TAG') ?? (url === undefined ? undefined : versionFromUrl(url));
  return name && version ? { name, version } : undefined;
}

/**
 * The arguments of one CMake command from just after its `(`: unquoted, "quoted" and [[bracket]] arguments,
 * `#` comments skipped, nested parentheses kept inside; stops at the closing `)` or a character budget.
 */
export function cmakeArguments(text: string, start: number): string[] {
  const args: string[] = [];
  const end = Math.min(text.length, start + MAX_CMAKE_ARGS_CHARS);
  let depth = 0;
  let current = '';
  const flush = (): void => {
    if (current !== '') args.push(current);
    current = '';
  };
  for (let at = start; at < end; at += 1) {
    const char = text[at]!;
    if (char === '"') {
      flush();
      let value = '';
      for (at += 1; at < end && text[at] !== '"'; at += 1) value += text[at] === '\\' && at + 1 < end ? text[++at] : text[at];
      args.push(value);
    } else if (char === '[' && current === '' && /^\[=*\[/.test(text.slice(at, at + 10))) {
      const equals = text.slice(at + 1, at + 10).indexOf('[');
      const close = `]${'='.repeat(equals)}]`;
      const closeAt = text.indexOf(close, at);
      const stop = closeAt === -1 || closeAt > end ? end : closeAt;
      args.push(text.slice(at + equals + 2, stop));
      at = stop + close.length - 1;
    } else if (char === '#') {
      flush();
      const newline = text.indexOf('\n', at);
      at = newline === -1 ? end : newline;
    } else if (char === '(') {
      depth += 1;
      current += char;
    } else if (char === ')') {
      if (depth === 0) break;
      depth -= 1;
      current += char;
    } else if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      flush();
    } else {
      current += char;
    }
  }
  flush();
  return args;
}
