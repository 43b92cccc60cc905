import { closeSync, linkSync, openSync, renameSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DigestError } from '../core/errors.js';
import { writeAllSync, writeTextSync } from './writeText.js';
import type { Text } from './writeText.js';

/**
 * Writes `content` to `path` atomically: a temp file in the same folder, then a hard link (which fails if the
 * target exists, so nothing is overwritten without `force`) or a rename (with `force`).
 * A crash or cancellation leaves either the old file or the new one, never half of one.
 */
export function writeFileAtomic(path: string, content: Text | Buffer, options: { force: boolean }): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx');
  try {
    // A failed write (a full disk) removes the temp file too, below.
    try {
      if (Buffer.isBuffer(content)) writeAllSync(fd, content, content.length);
      else writeTextSync(fd, content);
    } finally {
      closeSync(fd);
    }
    if (options.force) {
      renameSync(temp, path);
      return;
    }
    try {
      linkSync(temp, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new DigestError('output-exists', { path });
      throw error;
    }
    unlinkSync(temp);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // already renamed or removed
    }
    throw error;
  }
}
