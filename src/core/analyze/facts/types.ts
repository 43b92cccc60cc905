/**
 * The facts stage of the offline analysis: what a commit's diff changed, each fact with the file and line where it
 * is. Facts are observations, never guesses: every one names what was seen. The verdict (type, importance,
 * breaking, security) and the prose are made from them.
 */

import type {
  CiFact, ConfigKeyFact, DefaultFact, DefinitionFact, DependencyFact, EnvFact, FlagFact, FormatFact, ReferenceFact,
  RouteFact, SecurityFact, StoredFact, TestFact, VersionFact,
} from '../../domain/facts.js';

export type * from '../../domain/facts.js';

export type ParseNoteReason =
  | 'unknown-language'
  | 'syntax-error'
  | 'generated'
  | 'minified'
  | 'binary'
  | 'too-large'
  | 'not-utf8'
  | 'unreadable'
  | 'budget';

/** Lines a commit's read files removed, and those of them its added lines hold again (moved, not deleted). */
export interface MovedLines {
  removed: number;
  moved: number;
}

/** A file whose facts came from the patch only, and why. */
export interface ParseNote {
  path: string;
  reason: ParseNoteReason;
}

/** A fact an extractor reports (the project's versions and references come from the facts runner). */
export type Fact = Exclude<StoredFact, VersionFact>;

/** Every fact of one commit, by kind, each list in path then line order. */
export interface CodeFacts {
  definitions: DefinitionFact[];
  flags: FlagFact[];
  env: EnvFact[];
  config: ConfigKeyFact[];
  defaults: DefaultFact[];
  routes: RouteFact[];
  formats: FormatFact[];
  dependencies: DependencyFact[];
  ci: CiFact[];
  security: SecurityFact[];
  tests: TestFact[];
  notes: ParseNote[];
  /** The project's own versions that moved (set by the facts runner; absent when none). */
  versions?: VersionFact[];
  /** Names the changed lines start or stop referring to (set by the facts runner; absent when none). */
  references?: ReferenceFact[];
  /** Removed lines of the files read, and how many come back in the same file (set by the facts runner). */
  moves?: MovedLines;
}

export function emptyCodeFacts(): CodeFacts {
  return {
    definitions: [], flags: [], env: [], config: [], defaults: [], routes: [], formats: [], dependencies: [],
    ci: [], security: [], tests: [], notes: [],
  };
}

/**
 * One changed file as the fact extractors see it. Texts are the whole blobs before and after (undefined when the
 * file did not exist on that side, or could not be read: then `unreadable` says why), and `patch` is the file's
 * unified diff (hunks only, may be cut short at a byte budget).
 */
export interface FileInput {
  path: string;
  oldPath?: string;
  status: 'A' | 'M' | 'D' | 'R' | 'C' | 'T';
  oldText?: string;
  newText?: string;
  patch?: string;
  binary?: boolean;
  unreadable?: ParseNoteReason;
  /** The blob ids of the two sides, when known: they key the parse cache shared by a run's commits. */
  oldId?: string;
  newId?: string;
}
