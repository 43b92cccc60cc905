import { writeSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

// Apart from writeFileAtomic.ts so that writing to stdout does not load node:crypto (writeFileAtomic.ts names its
// temp files with it).

/**
 * A text to write: one string, or parts whose concatenation is the text (renderJsonParts, possibly made as they are
 * written), so that a report of tens of megabytes never has to exist as one string.
 */
export type Text = string | Iterable<string>;

/** Characters encoded at a time. */
const SLICE_CHARS = 256 * 1024;

/**
 * Writes `text` as UTF-8 to `fd` a slice at a time through one reused buffer: a report of tens of megabytes is
 * never encoded into one buffer of its size (about half of the write's cost, measured on a 46 MB report).
 * A descriptor another process left non-blocking (EAGAIN) is waited for, a millisecond at a time.
 */
export function writeTextSync(fd: number, text: Text): void {
  // A UTF-16 code unit is at most 3 UTF-8 bytes (a surrogate pair, two units, is 4).
  let buffer: Buffer | undefined;
  for (const slice of slices(text)) {
    buffer ??= Buffer.allocUnsafe((SLICE_CHARS + 1) * 3);
    writeAllSync(fd, buffer, buffer.write(slice, 0, 'utf8'));
  }
}

/**
 * Writes `text` to a stream (stdout) a slice at a time, waiting for 'drain' whenever the stream's buffer is full, so
 * neither the whole text's encoding nor a queue of it is ever held. A pipe's reader that is slower than the writer is
 * waited for by the event loop (epoll), not polled. Stops early, with false, once `stop()` says so.
 */
export async function writeTextToStream(stream: Writable, text: Text, stop: () => boolean = () => false): Promise<boolean> {
  for (const slice of slices(text)) {
    if (stop()) return false;
    if (!stream.write(slice, 'utf8')) await once(stream, 'drain');
  }
  return true;
}

export function writeAllSync(fd: number, buffer: Buffer, length: number): void {
  for (let offset = 0; offset < length;) {
    try {
      offset += writeSync(fd, buffer, offset, length - offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(PAUSE, 0, 0, 1);
    }
  }
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * The text in slices of about SLICE_CHARS characters (at most one more): small parts joined, large ones cut, and a
 * surrogate pair never split between two slices, even one split between two parts.
 */
function* slices(text: Text): Generator<string> {
  let batch: string[] = [];
  let size = 0;
  for (const part of typeof text === 'string' ? [text] : text) {
    for (let start = 0; start < part.length;) {
      const end = part.length - start <= SLICE_CHARS ? part.length : sliceEnd(part, start);
      const piece = start === 0 && end === part.length ? part : part.slice(start, end);
      start = end;
      if (size > 0 && size + piece.length > SLICE_CHARS) {
        let joined = batch.join('');
        batch = [];
        size = 0;
        const last = joined.charCodeAt(joined.length - 1);
        if (last >= 0xd800 && last <= 0xdbff) {
          batch.push(joined.slice(-1));
          size = 1;
          joined = joined.slice(0, -1);
        }
        if (joined.length > 0) yield joined;
      }
      batch.push(piece);
      size += piece.length;
    }
  }
  if (size > 0) yield batch.join('');
}

/** The end of the slice of `text` starting at `start`: never between the two halves of a surrogate pair. */
function sliceEnd(text: string, start: number): number {
  const end = Math.min(text.length, start + SLICE_CHARS);
  const last = text.charCodeAt(end - 1);
  return end < text.length && last >= 0xd800 && last <= 0xdbff ? end - 1 : end;
}
