import type { BlobRead } from '../../git/blobReader.js';
import { decodeBlobText } from '../../git/blobReader.js';
import type { FileInput, ParseNoteReason } from './types.js';
import { languageOfPath } from './syntax/languages.js';

/** What the diff says of one changed file, before its blobs are read. */
export interface ChangedPath {
  path: string;
  oldPath?: string;
  status: FileInput['status'];
  binary?: boolean;
  patch?: string;
}

/** The part of BlobReader this needs (tests may pass another reader). */
export interface BlobSource {
  read(spec: string): Promise<BlobRead>;
}

type Side = { text?: string; reason?: ParseNoteReason; binary?: boolean; id?: string };

async function readSide(reader: BlobSource, spec: string): Promise<Side> {
  let read: BlobRead;
  try {
    read = await reader.read(spec);
  } catch {
    return { reason: 'unreadable' };
  }
  if (read.status === 'too-large') return { reason: 'too-large' };
  if (read.status !== 'ok') return { reason: 'unreadable' };
  const decoded = decodeBlobText(read.bytes);
  if ('text' in decoded) return { text: decoded.text, id: read.id };
  return decoded.reason === 'binary' ? { binary: true } : { reason: decoded.reason };
}

/**
 * The FileInputs of one commit: for files in a parsed language, the whole blob before (at `parent`) and after (at
 * `commit`), read through one blob reader, all asked at once so that git answers them in one stream. Other files
 * come without texts. A blob that cannot be read sets `unreadable` (or `binary`) instead of throwing.
 */
export async function readFileInputs(
  reader: BlobSource,
  parent: string | undefined,
  commit: string,
  changes: ChangedPath[],
): Promise<FileInput[]> {
  return Promise.all(changes.map(async (change): Promise<FileInput> => {
    const input: FileInput = { path: change.path, status: change.status };
    if (change.oldPath !== undefined) input.oldPath = change.oldPath;
    if (change.patch !== undefined) input.patch = change.patch;
    if (change.binary) input.binary = true;
    if (change.binary || !languageOfPath(change.path)) return input;
    const wantsOld = parent !== undefined && change.status !== 'A' && change.status !== 'C';
    const [old, now] = await Promise.all([
      wantsOld ? readSide(reader, `${parent}:${change.oldPath ?? change.path}`) : Promise.resolve<Side>({}),
      change.status === 'D' ? Promise.resolve<Side>({}) : readSide(reader, `${commit}:${change.path}`),
    ]);
    if (old.text !== undefined) input.oldText = old.text;
    if (now.text !== undefined) input.newText = now.text;
    if (old.id) input.oldId = old.id;
    if (now.id) input.newId = now.id;
    if (old.binary || now.binary) input.binary = true;
    const reason = old.reason ?? now.reason;
    if (reason) input.unreadable = reason;
    return input;
  }));
}
