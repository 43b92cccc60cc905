import type { Commit, FileChange } from '../domain/commit.js';
import { DETAIL_FIELDS } from './logFormat.js';
import { parseMessage } from './message.js';

// A commit of the detailed log as LogParser gathers it (header fields, then file entries), and the Commit made of it.

/** A parsed commit plus the epoch seconds of both dates, for window checks and sorting. */
export interface ParsedCommit {
  commit: Commit;
  authorTime: number;
  committerTime: number;
}

/** A commit whose header fields are read and whose file entries are being read. */
export interface PendingCommit {
  fields: string[];
  files: FileChange[];
  rawCount: number;
  numstatCount: number;
  additions: number;
  deletions: number;
  /** A raw entry is a rename or a copy (also among the files beyond MAX_FILES_PER_COMMIT). */
  paired: boolean;
}

/** Each DETAIL_FIELDS name's position in a commit's header fields. */
const FIELD = Object.fromEntries(DETAIL_FIELDS.map((name, index) => [name, index])) as Record<(typeof DETAIL_FIELDS)[number], number>;

/** The Commit of a gathered commit, with its dates as epoch seconds. */
export function buildParsedCommit(pending: PendingCommit): ParsedCommit {
  const fields = pending.fields;
  const field = (index: number): string => fields[index] ?? '';
  const sha = field(FIELD.sha);
  const message = parseMessage(field(FIELD.message));
  const parentList = field(FIELD.parents);
  const split = parentList === '' ? [] : parentList.split(' ');
  const parents = split.includes('') ? split.filter((parent) => parent !== '') : split;
  const author = { name: field(FIELD.authorName), email: field(FIELD.authorEmail), date: field(FIELD.authorDate) };
  const committer = { name: field(FIELD.committerName), email: field(FIELD.committerEmail), date: field(FIELD.committerDate) };
  // Keys in the report's order (prNumber before files), so the JSON renderer prints the object as it is; two
  // literals rather than a conditional spread, so every commit of either form shares one hidden class.
  const commit: Commit = message.prNumber === undefined
    ? {
      sha, shortSha: sha.slice(0, 7), parents, author, committer,
      subject: message.subject, body: message.body, trailers: message.trailers, files: pending.files,
    }
    : {
      sha, shortSha: sha.slice(0, 7), parents, author, committer,
      subject: message.subject, body: message.body, trailers: message.trailers, prNumber: message.prNumber, files: pending.files,
    };
  const fileCount = Math.max(pending.rawCount, pending.numstatCount);
  if (fileCount > pending.files.length) {
    commit.filesTruncated = true;
    commit.filesTotal = { files: fileCount, additions: pending.additions, deletions: pending.deletions };
  }
  return { commit, authorTime: Number(field(FIELD.authorTime)), committerTime: Number(field(FIELD.committerTime)) };
}
