// The facts of a commit's analysis as links to their place in the diff: "+ `PrometheusExporter` (class)",
// "− `--foo` (flag)". The facts are read from the report when it has them (`analysis.facts`, either a list of facts
// or the facts by kind as the facts stage keeps them); every field is checked, since a report is data, not code.
// Pure: used by the webview bundle (and open to the tree).
import type { AnalyzedCommit } from '../core/domain/report.js';
import type { DefinitionKind } from '../core/analyze/facts/types.js';
import { DEFINITION_KINDS } from '../core/domain/facts.js';

/** The kinds of fact the report links to, in the order they are listed. */
export const LINKED_FACT_KINDS = ['definition', 'flag', 'env', 'config', 'default', 'route', 'format', 'dependency'] as const;
export type LinkedFactKind = (typeof LINKED_FACT_KINDS)[number];

/** What a link calls the thing: a definition's own kind, or the fact's kind. */
export type FactWhat = DefinitionKind | Exclude<LinkedFactKind, 'definition'>;

export interface FactLink {
  kind: LinkedFactKind;
  /** `+` added, `−` removed, `~` changed (renamed, moved, re-signed, a default or version changed). */
  sign: '+' | '−' | '~';
  /** The thing as the code names it: `PrometheusExporter`, `--foo`, `UV_CERT`, `serde`. */
  name: string;
  what: FactWhat;
  /** Old and new, when the fact has them: a default's literal, a dependency's version, a renamed definition's name. */
  from?: string;
  to?: string;
  /** The file's path in the commit, and the 1-based line on `side`. */
  path: string;
  line?: number;
  side: 'old' | 'new';
}

/** Links listed per commit; the rest are counted. */
export const MAX_FACT_LINKS = 12;
/** Facts read per commit at most (a report is data of any size). */
const MAX_FACTS_READ = 2000;
const MAX_TEXT = 200;

type FactRecord = Record<string, unknown>;

function text(record: FactRecord, key: string): string | undefined {
  const value = record[key];
  if (typeof value !== 'string') return undefined;
  const line = value.replace(/[\r\n\t]+/g, ' ').trim();
  return line === '' ? undefined : line.slice(0, MAX_TEXT);
}

/** Every fact record the analysis holds, whatever the container's shape, bounded. */
function factRecords(commit: AnalyzedCommit): FactRecord[] {
  const facts = (commit.analysis as unknown as { facts?: unknown }).facts;
  const lists: unknown[] = Array.isArray(facts)
    ? [facts]
    : typeof facts === 'object' && facts !== null ? Object.values(facts).filter(Array.isArray) : [];
  const records: FactRecord[] = [];
  for (const list of lists as unknown[][]) {
    for (const item of list) {
      if (records.length >= MAX_FACTS_READ) return records;
      if (typeof item === 'object' && item !== null && !Array.isArray(item)) records.push(item as FactRecord);
    }
  }
  return records;
}

function signOf(change: unknown): FactLink['sign'] {
  return change === 'added' ? '+' : change === 'removed' ? '−' : '~';
}

/** One fact as a link, or undefined for a fact of another kind or a malformed one. */
export function factLinkOf(record: FactRecord): FactLink | undefined {
  const kind = record['kind'];
  const path = typeof record['path'] === 'string' ? record['path'] : undefined;
  if (path === undefined || path === '' || path.length > 4096) return undefined;
  const rawLine = record['line'];
  const line = typeof rawLine === 'number' && Number.isSafeInteger(rawLine) && rawLine > 0 ? rawLine : undefined;
  const change = record['change'];
  const side: FactLink['side'] = record['side'] === 'old' || record['side'] === 'new'
    ? record['side']
    : change === 'removed' ? 'old' : 'new';
  const base = { sign: signOf(change), path, side, ...(line === undefined ? {} : { line }) };
  switch (kind) {
    case 'definition': {
      const name = text(record, 'name');
      const defKind = record['defKind'];
      if (name === undefined || !DEFINITION_KINDS.includes(defKind as DefinitionKind)) return undefined;
      const container = text(record, 'container');
      const link: FactLink = { ...base, kind, name: container === undefined ? name : `${container}.${name}`, what: defKind as DefinitionKind };
      const oldName = text(record, 'oldName');
      if (change === 'renamed' && oldName !== undefined) Object.assign(link, { from: oldName, to: name });
      return link;
    }
    case 'flag':
    case 'env':
    case 'format': {
      const name = text(record, 'name');
      return name === undefined ? undefined : { ...base, kind, name, what: kind };
    }
    case 'config': {
      const name = text(record, 'key');
      return name === undefined ? undefined : { ...base, kind, name, what: kind };
    }
    case 'route': {
      const route = text(record, 'route');
      const method = text(record, 'method');
      return route === undefined ? undefined : { ...base, kind, name: method === undefined ? route : `${method} ${route}`, what: kind };
    }
    case 'default':
    case 'dependency': {
      const name = text(record, 'name');
      if (name === undefined) return undefined;
      const from = text(record, 'old');
      const to = text(record, 'new');
      return { ...base, kind, name, what: kind, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
    }
    default:
      return undefined;
  }
}

/** Lower ranks are listed first: interface changes before inner ones, a lock file's bump last. */
function rank(link: FactLink, record: FactRecord): number {
  const kindRank = LINKED_FACT_KINDS.indexOf(link.kind);
  if (link.kind === 'definition') {
    if (record['change'] === 'body') return 40;
    return record['public'] === true ? 0 : 20;
  }
  if (link.kind === 'dependency' && record['lockOnly'] === true) return 30;
  return 10 + kindRank;
}

export interface CommitFactLinks {
  links: FactLink[];
  /** Links left out past the cap. */
  more: number;
}

/** The commit's facts that name something in the code, most telling first, at most `max`. */
export function commitFactLinks(commit: AnalyzedCommit, max = MAX_FACT_LINKS): CommitFactLinks {
  const ranked: { link: FactLink; rank: number; index: number }[] = [];
  const seen = new Set<string>();
  factRecords(commit).forEach((record, index) => {
    const link = factLinkOf(record);
    if (link === undefined) return;
    const key = `${link.kind}\u0000${link.sign}\u0000${link.name}\u0000${link.path}`;
    if (seen.has(key)) return;
    seen.add(key);
    ranked.push({ link, rank: rank(link, record), index });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return { links: ranked.slice(0, max).map((entry) => entry.link), more: Math.max(0, ranked.length - max) };
}
