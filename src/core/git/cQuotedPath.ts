// git's C-style quoting of paths with special bytes (core.quotePath), as in `diff --git "a/caf\303\251" ...`.

const ESCAPES: Readonly<Record<string, number>> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 0x22, '\\': 0x5c };

/** git's C-style quoting (`"a/caf\303\251"`), starting at the opening quote; `end` is just after the closing one. */
export function unquoteCPath(data: Buffer, start: number): { bytes: Buffer; end: number } | undefined {
  const out: number[] = [];
  for (let i = start + 1; i < data.length; i++) {
    const byte = data[i]!;
    if (byte === 0x22) return { bytes: Buffer.from(out), end: i + 1 };
    if (byte !== 0x5c) {
      out.push(byte);
      continue;
    }
    const next = String.fromCharCode(data[i + 1] ?? 0);
    if (/[0-3]/.test(next) && /^[0-7]{3}$/.test(data.toString('latin1', i + 1, i + 4))) {
      out.push(Number.parseInt(data.toString('latin1', i + 1, i + 4), 8));
      i += 3;
    } else if (ESCAPES[next] !== undefined) {
      out.push(ESCAPES[next]);
      i += 1;
    } else {
      return undefined;
    }
  }
  return undefined;
}
