import { manifestKindOf } from '../deps/manifestKinds.js';
import { lineOf } from '../patchLines.js';
import { flattenScalars, isRecord, parseJson, parseToml, parseYaml, recordAt, scalarText } from '../structured.js';
import type { DataRecord } from '../structured.js';
import type { ConfigKeyFact, DefaultFact, FileInput, ParseNote } from '../types.js';

/** Data files that hold settings a program reads: by file name, or in a folder named for them. */
const CONFIG_NAME = /(^|[._-])(config|configs|configuration|settings|defaults?|options|preferences|conf)([._-]|$)/i;
const CONFIG_FOLDER = /(^|\/)(config|configs|conf|settings|defaults)\//i;
/** …but not tests, fixtures, translations, or tooling that is not the program's own configuration. */
const NOT_CONFIG = /(^|\/)(tests?|__tests__|fixtures?|__fixtures__|testdata|snapshots?|examples?|locales?|l10n|i18n|node_modules|vendor|\.github|\.vscode)\//i;
const TOOLING = /(^|\/)(tsconfig[^/]*|jsconfig[^/]*|\.eslintrc[^/]*|\.prettierrc[^/]*|eslint\.config\.[a-z]+|renovate\.json|dependabot\.ya?ml|\.pre-commit-config\.yaml|codecov\.ya?ml|mkdocs\.ya?ml|docker-compose[^/]*|compose\.ya?ml)$/i;
const SCHEMA = /(^|\/|\.)schema\.json$/i;

/** Facts past this many per file are not listed (a `budget` note says so). */
const MAX_PER_FILE = 12;

type Format = 'json' | 'toml' | 'yaml';

function formatOf(path: string): Format | undefined {
  if (/\.json5?$|\.jsonc$/i.test(path)) return 'json';
  if (/\.toml$/i.test(path)) return 'toml';
  if (/\.ya?ml$/i.test(path)) return 'yaml';
  return undefined;
}

function parse(format: Format, text: string | undefined): unknown {
  return format === 'json' ? parseJson(text) : format === 'toml' ? parseToml(text) : parseYaml(text);
}

/** The settings a file declares: key path → scalar, from a config file, a JSON schema, or a VS Code extension manifest. */
function settingsOf(path: string, doc: unknown): { keys: Set<string>; defaults: Map<string, string> } | undefined {
  if (!isRecord(doc)) return undefined;
  if (SCHEMA.test(path)) return schemaSettings(doc);
  if (/(^|\/)package\.json$/.test(path)) {
    const properties = recordAt(doc, 'contributes', 'configuration', 'properties');
    return properties ? schemaSettings({ properties }) : undefined;
  }
  const leaves = flattenScalars(doc, 5_000);
  const keys = new Set<string>();
  const defaults = new Map<string, string>();
  for (const [key, value] of leaves) {
    if (key.includes('[')) continue; // List items are data, not settings.
    keys.add(key);
    defaults.set(key, value);
  }
  return { keys, defaults };
}

/** A JSON schema's `properties`, nested, as key paths; each property's `default` as its value. */
function schemaSettings(schema: DataRecord): { keys: Set<string>; defaults: Map<string, string> } {
  const keys = new Set<string>();
  const defaults = new Map<string, string>();
  const walk = (node: DataRecord, prefix: string, depth: number): void => {
    const properties = recordAt(node, 'properties');
    if (!properties || depth > 6) return;
    for (const [name, property] of Object.entries(properties)) {
      if (keys.size >= 5_000) return;
      const key = prefix ? `${prefix}.${name}` : name;
      keys.add(key);
      if (!isRecord(property)) continue;
      const value = 'default' in property ? scalarText(property['default']) : undefined;
      if (value !== undefined) defaults.set(key, value);
      walk(property, key, depth + 1);
    }
  };
  walk(schema, '', 0);
  return { keys, defaults };
}

export function isConfigFile(path: string): boolean {
  if (formatOf(path) === undefined || NOT_CONFIG.test(path) || TOOLING.test(path)) return false;
  if (/(^|\/)package\.json$/.test(path)) return true;
  if (manifestKindOf(path) !== undefined) return false;
  const base = path.slice(path.lastIndexOf('/') + 1);
  return SCHEMA.test(path) || CONFIG_NAME.test(base) || CONFIG_FOLDER.test(path);
}

/**
 * Config keys added or removed and defaults changed in configuration data files (JSON, TOML, YAML), JSON schemas
 * of settings, and a VS Code extension's contributed settings, comparing the parsed old and new texts.
 */
export function configFileFacts(files: readonly FileInput[], notes: ParseNote[]): { config: ConfigKeyFact[]; defaults: DefaultFact[] } {
  const config: ConfigKeyFact[] = [];
  const defaults: DefaultFact[] = [];
  for (const file of files) {
    const format = formatOf(file.path);
    if (!format || file.binary || !isConfigFile(file.path)) continue;
    try {
      readConfigFile(file, format, notes, config, defaults);
    } catch {
      notes.push({ path: file.path, reason: 'unreadable' });
    }
  }
  return { config, defaults };
}

function readConfigFile(file: FileInput, format: Format, notes: ParseNote[], config: ConfigKeyFact[], defaults: DefaultFact[]): void {
  const oldDoc = file.status === 'A' ? {} : parse(format, file.oldText);
  const newDoc = file.status === 'D' ? {} : parse(format, file.newText);
  const before = settingsOf(file.path, oldDoc);
  const after = settingsOf(file.path, newDoc);
  if (!before || !after) {
    if ((oldDoc === undefined && file.oldText !== undefined) || (newDoc === undefined && file.newText !== undefined)) notes.push({ path: file.path, reason: 'syntax-error' });
    return;
  }
  // A new or deleted file is a new or dropped configuration, not one key at a time.
  if (file.status === 'A' || file.status === 'D') return;
  const where = (key: string, side: 'old' | 'new'): { line?: number; side?: 'old' | 'new' } => {
    const text = side === 'new' ? file.newText : file.oldText;
    const name = key.slice(key.lastIndexOf('.') + 1);
    const line = lineOf(text, format === 'json' ? `"${name}"` : name);
    return line === undefined ? {} : { line, side };
  };
  const facts: (ConfigKeyFact | DefaultFact)[] = [];
  for (const key of after.keys) if (!before.keys.has(key)) facts.push({ kind: 'config', change: 'added', key, path: file.path, ...where(key, 'new') });
  for (const key of before.keys) if (!after.keys.has(key)) facts.push({ kind: 'config', change: 'removed', key, path: file.path, ...where(key, 'old') });
  for (const [key, value] of after.defaults) {
    const old = before.defaults.get(key);
    if (old === undefined || old === value) continue;
    const at = where(key, 'new');
    // Numbers as written (`1.0`, not the parsed 1): a reader compares the literals.
    const oldLine = where(key, 'old').line;
    const written = (text: string | undefined, line: number | undefined, parsed: string): string => writtenNumber(text, line, key, parsed) ?? parsed;
    facts.push({ kind: 'default', name: key, old: written(file.oldText, oldLine, old), new: written(file.newText, at.line, value), path: file.path, ...at });
  }
  if (facts.length > MAX_PER_FILE) notes.push({ path: file.path, reason: 'budget' });
  for (const fact of facts.slice(0, MAX_PER_FILE)) {
    if (fact.kind === 'config') config.push(fact);
    else defaults.push(fact);
  }
}

/** The number literal on a key's line as the file writes it, when it parses to the same value. */
function writtenNumber(text: string | undefined, line: number | undefined, key: string, parsed: string): string | undefined {
  if (text === undefined || line === undefined || !/^-?[\d.e+]+$/i.test(parsed)) return undefined;
  let start = 0;
  for (let current = 1; current < line && start !== -1; current += 1) start = text.indexOf('\n', start) + 1 || -1;
  if (start === -1) return undefined;
  const end = text.indexOf('\n', start);
  const lineText = text.slice(start, end === -1 ? Math.min(text.length, start + 500) : Math.min(end, start + 500));
  const name = key.slice(key.lastIndexOf('.') + 1);
  const after = lineText.slice(lineText.indexOf(name) + name.length);
  const literal = /^["']?\s*[:=]\s*(-?[\d][\d_.eE+-]*)/.exec(after)?.[1];
  return literal !== undefined && Number(literal.replace(/_/g, '')) === Number(parsed) ? literal : undefined;
}
