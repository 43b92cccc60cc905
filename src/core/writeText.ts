import { writeSync } from 'node:fs';

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
    let end = Math.min(text.length, start + SLICE_CHARS);
    // Never split a surrogate pair between two slices.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    writeAllSync(fd, buffer, buffer.write(text.slice(start, end), 0, 'utf8'));
    start = end;
  }
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
