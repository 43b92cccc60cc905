// Writing reports: the sliced UTF-8 writer and the atomic file write.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DigestError } from '../../src/core/errors.js';
import { writeFileAtomic } from '../../src/cli/writeFileAtomic.js';
import { writeTextSync, writeTextToStream } from '../../src/cli/writeText.js';
import { Writable } from 'node:stream';

function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'dd-output-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('writeTextSync writes the exact UTF-8 of any text, surrogate pairs across its slices included', (t) => {
  const dir = tempDir(t);
  const slice = 256 * 1024;
  // An emoji (a surrogate pair) straddling every slice boundary, CJK, a lone surrogate, and text shorter than a slice.
  const pair = '😀';
  const texts = [
    '',
    'short',
    `${'a'.repeat(slice - 1)}${pair}${'b'.repeat(slice - 1)}${pair}tail`,
    `${'中文'.repeat(slice)}${pair.repeat(1000)}\ud800end`,
    'x'.repeat(3 * slice),
  ];
  for (const [index, text] of texts.entries()) {
    const path = join(dir, `t${index}.txt`);
    const fd = openSync(path, 'w');
    writeTextSync(fd, text);
    closeSync(fd);
    assert.ok(readFileSync(path).equals(Buffer.from(text, 'utf8')), `text ${index}`);
  }
});

test('text in parts is written as its concatenation: small parts joined, large ones cut, pairs split between parts kept whole', async (t) => {
  const dir = tempDir(t);
  const slice = 256 * 1024;
  const pair = '😀';
  // Parts of every size around a slice, a surrogate pair split between two parts at a slice boundary and elsewhere,
  // empty parts, CJK.
  const parts = [
    'a'.repeat(slice - 1), pair[0]!, pair[1]!, '',
    'b'.repeat(100), `${'中'.repeat(slice)}${pair[0]!}`, `${pair[1]!}tail`,
    ...Array.from({ length: 5000 }, (_, index) => `{"n":${index},"s":"é${pair}"},\n`),
    'c'.repeat(3 * slice + 7), pair,
  ];
  const expected = Buffer.from(parts.join(''), 'utf8');
  const path = join(dir, 'parts.txt');
  const fd = openSync(path, 'w');
  writeTextSync(fd, parts);
  closeSync(fd);
  assert.ok(readFileSync(path).equals(expected));
  const received: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      received.push(chunk);
      done();
    },
  });
  assert.equal(await writeTextToStream(sink, parts), true);
  assert.ok(Buffer.concat(received).equals(expected));
  assert.ok(received.every((chunk) => chunk.length <= (slice + 1) * 3), 'no slice above its size');
});

test('writeTextSync waits on a non-blocking pipe whose reader is slow, and loses nothing', (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'out.txt');
  // The child makes its stdout pipe non-blocking (O_NONBLOCK, as a parent sharing the pipe may leave it), says so from
  // /proc, then writes 8 MB with writeTextSync into a pipe whose reader starts only after a pause.
  const child = join(dir, 'child.ts');
  writeFileSync(child, `
    import { readFileSync } from 'node:fs';
    import { writeTextSync } from ${JSON.stringify(join(process.cwd(), 'src/cli/writeText.ts'))};
    (process.stdout as unknown as { _handle: { setBlocking(on: boolean): void } })._handle.setBlocking(false);
    const flags = /flags:\\s+(\\d+)/.exec(readFileSync('/proc/self/fdinfo/1', 'utf8'))![1]!;
    process.stderr.write((Number.parseInt(flags, 8) & 0o4000) !== 0 ? 'nonblocking' : 'blocking');
    writeTextSync(1, 'é'.repeat(4 * 1024 * 1024));
  `);
  const command = `"${process.execPath}" --import tsx "${child}" | (sleep 0.3; cat > "${out}")`;
  const result = spawnSync('bash', ['-c', command], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stderr, 'nonblocking');
  assert.ok(readFileSync(out).equals(Buffer.from('é'.repeat(4 * 1024 * 1024))));
});

test('writeTextToStream waits for a stream that pushes back, writes the exact UTF-8, and stops when told', async () => {
  const slice = 256 * 1024;
  const text = `${'中'.repeat(slice - 1)}😀${'a'.repeat(slice)}${'é'.repeat(slice / 2)}`;
  // A sink that takes a chunk only every other turn of the event loop, with a small buffer: write() says "full"
  // after each slice, and the writer has to wait for 'drain' to lose nothing.
  const received: Buffer[] = [];
  let drains = 0;
  const slowSink = (): Writable => new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, done) {
      received.push(chunk);
      setImmediate(() => setImmediate(done));
    },
  }).on('drain', () => drains++);
  assert.equal(await writeTextToStream(slowSink(), text), true);
  assert.ok(Buffer.concat(received).equals(Buffer.from(text, 'utf8')));
  assert.ok(drains >= 2, `waited for ${drains} drains`);
  received.length = 0;
  let slices = 0;
  assert.equal(await writeTextToStream(slowSink(), text, () => slices++ >= 1), false);
  // The emoji's pair is never split: the first slice ends before it.
  assert.equal(Buffer.concat(received).toString('utf8'), '中'.repeat(slice - 1));
});

test('writeFileAtomic writes a new file, refuses an existing one without force, and leaves no temp file', (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'report.md');
  writeFileAtomic(path, '# one 😀\n', { force: false });
  assert.equal(readFileSync(path, 'utf8'), '# one 😀\n');
  assert.throws(() => writeFileAtomic(path, '# two\n', { force: false }), (error: unknown) => error instanceof DigestError && error.code === 'output-exists');
  assert.equal(readFileSync(path, 'utf8'), '# one 😀\n');
  writeFileAtomic(path, Buffer.from('# three\n'), { force: true });
  assert.equal(readFileSync(path, 'utf8'), '# three\n');
  writeFileSync(join(dir, 'other'), 'x');
  assert.deepEqual(readdirSync(dir).sort(), ['other', 'report.md']);
});

test('a write that fails half-way (the file size limit) throws and leaves neither the report nor a temp file', (t) => {
  const dir = tempDir(t);
  const child = join(dir, 'child.ts');
  writeFileSync(child, `
    import { writeFileAtomic } from ${JSON.stringify(join(process.cwd(), 'src/cli/writeFileAtomic.ts'))};
    process.on('SIGXFSZ', () => undefined);
    try {
      writeFileAtomic(${JSON.stringify(join(dir, 'out', 'report.md'))}, 'x'.repeat(4 * 1024 * 1024), { force: false });
    } catch (error) {
      process.stderr.write((error as NodeJS.ErrnoException).code ?? 'no code');
      process.exit(3);
    }
  `);
  mkdirSync(join(dir, 'out'));
  // ulimit -f counts 1024-byte blocks: writes stop at 1 MB.
  const result = spawnSync('bash', ['-c', `ulimit -f 1024; "${process.execPath}" --import tsx "${child}"`], { encoding: 'utf8' });
  assert.equal(result.status, 3, result.stderr);
  assert.equal(result.stderr, 'EFBIG');
  assert.deepEqual(readdirSync(join(dir, 'out')), []);
});
