import { writeSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

// Apart from output.ts so that writing to stdout does not load node:crypto (output.ts names its temp files with it).

/** Characters encoded at a time by writeTextSync. */
const SLICE_CHARS = 256 * 1024;

/**
 * Writes `text` as UTF-8 to `fd` a slice at a time through one reused buffer: a report of tens of megabytes is
 * never encoded into one buffer of its size (about half of the write's cost, measured on a 46 MB report).
 * A descriptor another process left non-blocking (EAGAIN) is waited for, a millisecond at a time.
 */
export function writeTextSync(fd: number, text: string): void {
  // A UTF-16 code unit is at most 3 UTF-8 bytes (a surrogate pair, two units, is 4).
  const buffer = Buffer.allocUnsafe(Math.min(text.length, SLICE_CHARS) * 3);
  for (let start = 0; start < text.length;) {
    const end = sliceEnd(text, start);
    writeAllSync(fd, buffer, buffer.write(text.slice(start, end), 0, 'utf8'));
    start = end;
  }
}

/**
 * Writes `text` to a stream (stdout) a slice at a time, waiting for 'drain' whenever the stream's buffer is full, so
 * neither the whole text's encoding nor a queue of it is ever held. A pipe's reader that is slower than the writer is
 * waited for by the event loop (epoll), not polled. Stops early, with false, once `stop()` says so.
 */
export async function writeTextToStream(stream: Writable, text: string, stop: () => boolean = () => false): Promise<boolean> {
  for (let start = 0; start < text.length;) {
    if (stop()) return false;
    const end = sliceEnd(text, start);
    if (!stream.write(text.slice(start, end), 'utf8')) await once(stream, 'drain');
    start = end;
  }
  return true;
}

/** The end of the slice starting at `start`: never between the two halves of a surrogate pair. */
function sliceEnd(text: string, start: number): number {
  const end = Math.min(text.length, start + SLICE_CHARS);
  const last = text.charCodeAt(end - 1);
  return end < text.length && last >= 0xd800 && last <= 0xdbff ? end - 1 : end;
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
