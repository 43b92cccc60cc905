import { isRecord } from '../structured.js';

/** What one side of a CI file shows: each set holds the `detail` strings that facts name. */
export interface CiObservations {
  triggers: Set<string>;
  permissions: Set<string>;
  secrets: Set<string>;
  /** Third-party references not pinned to a full commit SHA, as written. */
  unpinned: Set<string>;
}

export function emptyObservations(): CiObservations {
  return { triggers: new Set(), permissions: new Set(), secrets: new Set(), unpinned: new Set() };
}

const SECRET_REFERENCE = /\bsecrets\.([A-Za-z_][A-Za-z0-9_]{0,99})|\bsecrets\[\s*'([^'\]]{1,100})'\s*\]/g;

/** Every `secrets.NAME` an expression in the document reads, and `secrets: inherit`. */
export function secretsRead(doc: unknown, into: Set<string>): void {
  let visited = 0;
  const walk = (node: unknown, key: string | undefined, depth: number): void => {
    if (visited++ > 50_000 || depth > 40) return;
    if (typeof node === 'string') {
      if (key === 'secrets' && node === 'inherit') into.add('secrets: inherit');
      if (!node.includes('secrets')) return;
      for (const match of node.slice(0, 20_000).matchAll(SECRET_REFERENCE)) into.add(`secrets.${match[1] ?? match[2]}`);
    } else if (Array.isArray(node)) {
      for (const item of node) walk(item, undefined, depth + 1);
    } else if (isRecord(node)) {
      for (const [childKey, child] of Object.entries(node)) walk(child, childKey, depth + 1);
    }
  };
  walk(doc, undefined, 0);
}

