/**
 * Grounding of code identifiers: a model sentence may name a function, type, variable or flag only when the input
 * (commit message, file list, diff text sent, code facts) contains it. What counts as an identifier is decided by
 * its shape, so plain words are never checked:
 *
 * - anything in `backticks` (each word of it);
 * - snake_case (`write_pack`, `MAX_SIZE`, `__init__`), camelCase or PascalCase with an inner capital (`writePack`,
 *   `PackWriter`), a call (`flush()`), a path of names (`Pack::write`, `self.write_pack`, `obj->next`);
 * - a long flag (`--timeout`).
 *
 * Well-known product names of that shape (`JavaScript`, `GitHub`, `macOS`) are words, not identifiers.
 */

/** Product and technology names with an inner capital: not code of the commit. */
export const KNOWN_CAMEL_WORDS: ReadonlySet<string> = new Set(
  (
    'JavaScript TypeScript CoffeeScript ActionScript GitHub GitLab BitBucket Bitbucket macOS iOS iPadOS watchOS tvOS visionOS ' +
    'iPhone iPad iCloud PyTorch NumPy SciPy PyPI PostgreSQL MySQL SQLite MongoDB MariaDB CockroachDB DynamoDB ClickHouse ' +
    'OpenAI OpenAPI GraphQL WebSocket WebSockets WebAssembly WebGPU WebGL WebRTC WebKit DevOps YouTube LinkedIn PayPal ' +
    'DeepSeek LLaMA vLLM TensorFlow TensorRT ChatGPT OAuth gRPC eBPF FreeBSD OpenBSD NetBSD OpenSSL LibreSSL BoringSSL ' +
    'OpenSSH VSCode IntelliJ PyCharm XCode Xcode NodeJS DotNet ASP.NET CMake QEMU VirtualBox OpenTelemetry OpenMetrics ' +
    'RabbitMQ ZeroMQ NixOS CentOS RedHat OpenShift CloudFlare Cloudflare DigitalOcean HuggingFace LangChain MacBook ' +
    'PowerShell SharePoint OneDrive FastAPI NestJS NextJS WordPress JetBrains SonarQube StackOverflow'
  ).split(' '),
);

const WORD = /[A-Za-z_$][\w$]*/g;
const FLAG = /(?<![\w-])--[A-Za-z][\w-]*/g;
/** A name, possibly a path of names, possibly called: `a`, `a::b`, `a.b`, `a->b`, `a()`. */
const NAME_PATH = /(?<![\w$-])[A-Za-z_$][\w$]*(?:(?:::|->|\.)[A-Za-z_$][\w$]*)*(?:\(\))?/g;

export interface IdentifierSets {
  /** Every word of the input (`[A-Za-z_$][\w$]*`). */
  words: Set<string>;
  /** Every long flag of the input (`--name`). */
  flags: Set<string>;
}

export function emptyIdentifierSets(): IdentifierSets {
  return { words: new Set(), flags: new Set() };
}

/** Adds the words and flags of one input text. Linear in its length. */
export function collectIdentifiers(text: string, into: IdentifierSets): void {
  for (const match of text.matchAll(WORD)) into.words.add(match[0]);
  for (const match of text.matchAll(FLAG)) into.flags.add(match[0]);
}

function identifierShaped(word: string): boolean {
  if (/[A-Za-z0-9]_[A-Za-z0-9]|^__|__$/.test(word)) return true;
  return /[a-z0-9][A-Z]/.test(word) && !KNOWN_CAMEL_WORDS.has(word);
}

/** The first identifier of the sentence that the input does not contain, or undefined. */
export function inventedIdentifier(sentence: string, known: IdentifierSets): string | undefined {
  let rest = '';
  let from = 0;
  for (let open = sentence.indexOf('`'); open >= 0; open = sentence.indexOf('`', from)) {
    const close = sentence.indexOf('`', open + 1);
    if (close < 0) break;
    rest += `${sentence.slice(from, open)} `;
    from = close + 1;
    const span = sentence.slice(open + 1, close);
    const unknown = unknownInSpan(span, known);
    if (unknown !== undefined) return unknown;
  }
  rest += sentence.slice(from);

  for (const match of rest.matchAll(FLAG)) if (!known.flags.has(match[0])) return match[0];
  for (const match of rest.matchAll(NAME_PATH)) {
    const token = match[0];
    const called = token.endsWith('()');
    const parts = (called ? token.slice(0, -2) : token).split(/::|->|\./);
    const path = parts.length > 1 && /::|->/.test(token);
    for (const part of parts) {
      const checked = identifierShaped(part) || ((called || path) && part.length > 1 && !KNOWN_CAMEL_WORDS.has(part));
      if (checked && !known.words.has(part)) return token;
    }
  }
  return undefined;
}

/** Code in backticks: each word must be known. Paths are left to the path check. */
function unknownInSpan(span: string, known: IdentifierSets): string | undefined {
  if (span.length > 200 || span.includes('/')) return undefined;
  for (const match of span.matchAll(FLAG)) if (!known.flags.has(match[0])) return `\`${span}\``;
  for (const match of span.replace(FLAG, ' ').matchAll(WORD)) {
    const word = match[0];
    if (word.length < 2 || known.words.has(word)) continue;
    // A file name in backticks (`prompt.ts`) is the path check's: its extension is not a word of the code.
    if (match.index > 0 && span[match.index - 1] === '.' && /^[a-z0-9]{1,6}$/.test(word)) continue;
    return `\`${span}\``;
  }
  return undefined;
}
