import type { DependencyScope } from '../types.js';

/** One dependency as a manifest or lock file declares it: the fact extractors compare these, old against new. */
export interface DependencyEntry {
  name: string;
  /** The version, requirement, tag or revision as written (`^1.2`, `>=2,<3`, `v1.4.0`, a commit). */
  version: string;
  scope: DependencyScope;
  /** A pin that only locks a transitive dependency (go.mod `// indirect`), read as a lock entry. */
  indirect?: boolean;
}

/** Entries past this many per file are not read: bounded work on a hostile manifest. */
export const MAX_ENTRIES = 20_000;

/** Versions longer than this are cut: a URL or a hash stays readable in a sentence. */
const MAX_VERSION_CHARS = 80;

export function shortVersion(version: string): string {
  const trimmed = version.trim();
  return trimmed.length > MAX_VERSION_CHARS ? `${trimmed.slice(0, MAX_VERSION_CHARS - 3)}...` : trimmed;
}

/** Collects entries up to MAX_ENTRIES. */
export class EntryList {
  readonly entries: DependencyEntry[] = [];

  add(name: string, version: string, scope: DependencyScope, indirect = false): void {
    if (this.entries.length >= MAX_ENTRIES || name === '') return;
    this.entries.push({ name, version: shortVersion(version), scope, ...(indirect ? { indirect } : {}) });
  }
}
