/** A file touched by a commit, as `git log --raw --numstat` reports it against the first parent. */
export type FileStatus = 'A' | 'M' | 'D' | 'R' | 'C' | 'T';

export interface FileChange {
  path: string;
  /** Set for renames (R) and copies (C). */
  oldPath?: string;
  status: FileStatus;
  additions: number;
  deletions: number;
  binary: boolean;
}

export interface Person {
  name: string;
  email: string;
  /** ISO 8601 with the commit's own offset, e.g. `2026-01-22T20:43:37+08:00`. */
  date: string;
}

export interface Trailer {
  key: string;
  value: string;
}

export interface Commit {
  sha: string;
  shortSha: string;
  parents: string[];
  author: Person;
  committer: Person;
  subject: string;
  body: string;
  trailers: Trailer[];
  /** From "(#1234)" in the subject or a "Merge pull request #1234" message. */
  prNumber?: number;
  files: FileChange[];
  /** Web URL of the commit; only set for known hosts. */
  url?: string;
  /** Set when the file list was cut short (e.g. a commit with tens of thousands of files). */
  filesTruncated?: boolean;
  /** Whole-commit totals, set with `filesTruncated`: `files` sums only the kept entries, these count every file. */
  filesTotal?: { files: number; additions: number; deletions: number };
  /**
   * Set when the commit object was read but its file list could not be (a blob or tree is missing: a partial or
   * broken clone): git's one-line reason, naming the missing object, e.g. `unable to read 0cfbf08…`. `files` is
   * then empty; the renderers word it with the fix (git fetch) in the report's language.
   */
  unreadable?: string;
}
