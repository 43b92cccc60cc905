import { parse as parseTomlText } from 'smol-toml';
import { parseDocument } from 'yaml';
import type { Document } from 'yaml';

/**
 * Parsers for data files (JSON, TOML, YAML) that never throw: a file that does not parse, or is over the size
 * budget, reads as undefined and the caller falls back or says nothing.
 */

/** Manifests and configuration files past this size are not parsed. */
export const MAX_DATA_CHARS = 1_000_000;
/** Lock files may be larger; past this size they are not parsed. */
export const MAX_LOCK_CHARS = 12_000_000;

export type DataRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is DataRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function recordAt(value: unknown, ...keys: string[]): DataRecord | undefined {
  let current: unknown = value;
  for (const key of keys) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return isRecord(current) ? current : undefined;
}

export function stringAt(value: unknown, key: string): string | undefined {
  if (!isRecord(value)) return undefined;
  const found = value[key];
  return typeof found === 'string' ? found : undefined;
}

export function parseJson(text: string | undefined, limit = MAX_DATA_CHARS): unknown {
  if (text === undefined || text.length > limit) return undefined;
  try {
    return JSON.parse(stripBom(text)) as unknown;
  } catch {
    return undefined;
  }
}

export function parseToml(text: string | undefined, limit = MAX_DATA_CHARS): unknown {
  if (text === undefined || text.length > limit) return undefined;
  try {
    return parseTomlText(stripBom(text)) as unknown;
  } catch {
    return undefined;
  }
}

export function parseYaml(text: string | undefined, limit = MAX_DATA_CHARS): unknown {
  return yamlValue(parseYamlDocument(text, limit));
}

/** The YAML document (its comments kept), or undefined when it is too big or does not parse. */
export function parseYamlDocument(text: string | undefined, limit = MAX_DATA_CHARS): Document | undefined {
  if (text === undefined || text.length > limit) return undefined;
  try {
    // YAML 1.2 core schema: `on:` stays the string "on" (a workflow's trigger key).
    const doc = parseDocument(stripBom(text), { uniqueKeys: false, prettyErrors: false });
    return doc.errors.length > 0 ? undefined : doc;
  } catch {
    return undefined;
  }
}

/** A parsed document's value, aliases bounded. */
export function yamlValue(doc: Document | undefined): unknown {
  if (doc === undefined) return undefined;
  try {
    return doc.toJS({ maxAliasCount: 200 }) as unknown;
  } catch {
    return undefined;
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A scalar as a short display string, or undefined for objects and arrays. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length > 120 ? `${value.slice(0, 117)}...` : value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null) return 'null';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  // smol-toml dates are Date subclasses; anything else is structure.
  return undefined;
}

/** Every scalar leaf as a dotted path (array items as `[i]`), up to `limit` leaves and `maxDepth` levels. */
export function flattenScalars(value: unknown, limit = 5_000, maxDepth = 12): Map<string, string> {
  const leaves = new Map<string, string>();
  const walk = (node: unknown, path: string, depth: number): void => {
    if (leaves.size >= limit) return;
    const scalar = scalarText(node);
    if (scalar !== undefined) {
      if (path) leaves.set(path, scalar);
      return;
    }
    if (depth >= maxDepth) return;
    if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, `${path}[${index}]`, depth + 1));
    } else if (isRecord(node)) {
      for (const [key, child] of Object.entries(node)) walk(child, path ? `${path}.${key}` : key, depth + 1);
    }
  };
  walk(value, '', 0);
  return leaves;
}
