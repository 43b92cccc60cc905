/**
 * File formats, compressions and URL schemes a change can add or drop, one row per format: the words that name it
 * (matched whole against identifier and string words) and whether a word is too common alone to count outside
 * strings and capitalised names (`zip()` the function is not `Zip` the format).
 */
export interface FormatRow {
  name: string;
  words: readonly string[];
  ambiguous?: boolean;
}

export const FORMAT_ROWS: readonly FormatRow[] = [
  { name: 'gzip', words: ['gzip', 'gz', 'gunzip', 'gzipped'] },
  { name: 'bzip2', words: ['bz2', 'bzip2', 'bzip', 'tbz', 'tbz2'] },
  { name: 'xz', words: ['xz', 'txz'] },
  { name: 'lzma', words: ['lzma', 'lzma2'] },
  { name: 'zstd', words: ['zstd', 'zst', 'zstandard'] },
  { name: 'brotli', words: ['brotli'] },
  { name: 'lz4', words: ['lz4'] },
  { name: 'snappy', words: ['snappy'] },
  { name: 'deflate', words: ['deflate', 'deflate64', 'deflated'] },
  { name: 'zlib', words: ['zlib'] },
  { name: 'zip', words: ['zip', 'zipfile', 'zip64'], ambiguous: true },
  { name: 'tar', words: ['tar', 'tarball', 'tarfile', 'tgz'] },
  { name: '7z', words: ['7z', 'sevenz'] },
  { name: 'rar', words: ['rar'] },
  { name: 'wheel', words: ['wheel', 'whl'], ambiguous: true },
  { name: 'sdist', words: ['sdist'] },
  { name: 'jar', words: ['jar'], ambiguous: true },
  { name: 'parquet', words: ['parquet'] },
  { name: 'avro', words: ['avro'] },
  { name: 'msgpack', words: ['msgpack', 'messagepack', 'rmp'] },
  { name: 'cbor', words: ['cbor'] },
  { name: 'bson', words: ['bson'] },
  { name: 'protobuf', words: ['protobuf', 'prost'] },
  { name: 'ndjson', words: ['ndjson', 'jsonl', 'jsonlines'] },
  { name: 'csv', words: ['csv', 'tsv'] },
  { name: 'webp', words: ['webp'] },
  { name: 'avif', words: ['avif'] },
  { name: 'heic', words: ['heic', 'heif'] },
  { name: 'gguf', words: ['gguf', 'ggml'] },
  { name: 'safetensors', words: ['safetensors'] },
  { name: 'onnx', words: ['onnx'] },
];

/** URL schemes worth naming when a string gains or loses them (`s3://bucket/key`). */
export const SCHEMES: ReadonlySet<string> = new Set([
  's3', 'gs', 'gcs', 'az', 'abfs', 'abfss', 'wasb', 'hdfs', 'file', 'http', 'https', 'ftp', 'ftps', 'sftp', 'ssh',
  'git', 'git+ssh', 'git+https', 'hf', 'oci', 'docker', 'unix', 'ws', 'wss', 'grpc', 'grpcs', 'redis', 'rediss',
  'postgres', 'postgresql', 'mysql', 'sqlite', 'mongodb', 'amqp', 'mqtt', 'kafka', 'nats', 'ipfs', 'data',
]);

const BY_WORD = new Map<string, FormatRow>();
for (const row of FORMAT_ROWS) for (const word of row.words) BY_WORD.set(word, row);

export function formatOfWord(word: string): FormatRow | undefined {
  return BY_WORD.get(word);
}

/** Whether the walk should keep a word: a format word, or a scheme marker (`s3://`). */
export function isFormatWord(word: string): boolean {
  return BY_WORD.has(word) || (word.endsWith('://') && SCHEMES.has(word.slice(0, -3)));
}

const SCHEME_IN_TEXT = /([a-z][a-z0-9+.-]{0,15}):\/\//g;

/** The `scheme://` markers in a string (bounded). */
export function schemesIn(text: string): string[] {
  if (!text.includes('://')) return [];
  const found: string[] = [];
  for (const match of text.slice(0, 2_000).matchAll(SCHEME_IN_TEXT)) if (SCHEMES.has(match[1]!)) found.push(`${match[1]}://`);
  return found;
}

/** The format a sighting names, or undefined when the word does not count where it was seen. */
export function formatOfSighting(word: string, inString: boolean, capitalised: boolean): string | undefined {
  if (word.endsWith('://')) return word;
  const row = BY_WORD.get(word);
  if (!row) return undefined;
  if (row.ambiguous && !inString && !capitalised) return undefined;
  return row.name;
}

function isAlnum(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}
function isUpperCode(code: number): boolean {
  return code >= 0x41 && code <= 0x5a;
}

/**
 * Whether a text names a format anywhere, as a whole word (`Bzip2Decoder` and `"x.tar.bz2"` name bzip2, `bz2x`
 * does not). Used to confirm that a format the changed lines drop is gone from the whole file, and one they add
 * was not there before. `lower` is the text lower-cased (computed once by the caller).
 */
export function textNamesFormat(text: string, lower: string, format: string): boolean {
  if (format.endsWith('://')) return lower.includes(format);
  const row = FORMAT_ROWS.find((candidate) => candidate.name === format);
  for (const word of row?.words ?? [format]) {
    let tries = 0;
    for (let at = lower.indexOf(word); at !== -1 && tries < 2_000; at = lower.indexOf(word, at + 1), tries += 1) {
      const end = at + word.length;
      const before = at === 0 ? 0 : text.charCodeAt(at - 1);
      const after = end >= text.length ? 0 : text.charCodeAt(end);
      const startsWord = !isAlnum(before) || (isUpperCode(text.charCodeAt(at)) && !isUpperCode(before));
      const endsWord = !isAlnum(after) || (isUpperCode(after) && !isUpperCode(text.charCodeAt(end - 1)));
      if (startsWord && endsWord) return true;
    }
  }
  return false;
}
