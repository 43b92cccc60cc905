import { DigestError } from '../errors.js';

export interface FailureContext {
  path: string;
  ref?: string;
}

const MISSING_OBJECTS = [
  /bad object/i, /unable to read/i, /could not read/i, /did not receive expected object/i, /missing (blob|tree|commit) object/i,
  /is corrupt/i, /packfile .* cannot be accessed/i, /could not parse commit/i, /promisor remote/i,
];
const UNKNOWN_REF = [
  /unknown revision/i, /bad revision/i, /ambiguous argument/i, /needed a single revision/i,
  /not a valid object name/i, /invalid object name/i,
];

/** Maps git's stderr to a typed error; anything unrecognised keeps git's first line. */
export function gitFailure(stderr: string, context: FailureContext): DigestError {
  const first = firstLine(stderr);
  if (/not a git repository/i.test(stderr)) return new DigestError('not-a-repo', { path: context.path });
  if (/does not have any commits yet/i.test(stderr)) return new DigestError('empty-repo', { path: context.path });
  if (MISSING_OBJECTS.some((pattern) => pattern.test(stderr))) return new DigestError('missing-objects', { detail: first });
  if (UNKNOWN_REF.some((pattern) => pattern.test(stderr))) {
    return new DigestError('unknown-ref', { ref: context.ref ?? first });
  }
  return new DigestError('git-failed', { detail: first || 'unknown error' });
}

export function firstLine(text: string): string {
  const line = text.split(/\r?\n/).map((l) => l.trim()).find((l) => l.length > 0) ?? '';
  return line.replace(/^(fatal|error):\s*/i, '');
}
