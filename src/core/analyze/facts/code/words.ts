/** Identifiers and strings past this many characters are split on their first part only. */
const MAX_SPLIT_CHARS = 256;

function isLower(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}
function isUpper(code: number): boolean {
  return code >= 0x41 && code <= 0x5a;
}
function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * The lower-case words of an identifier or a string, split at anything not a letter or digit and at camelCase
 * humps (`getAuthToken` → get, auth, token; `HTTPSConnection` → https, connection). Letters and digits stay together
 * (`sha256`, `x509`), so a word is matched whole: `tokenizer` is not `token`, `author` is not `auth`.
 */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  const end = Math.min(text.length, MAX_SPLIT_CHARS);
  let start = -1;
  for (let index = 0; index <= end; index += 1) {
    const code = index < end ? text.charCodeAt(index) : 0;
    const alnum = isLower(code) || isUpper(code) || isDigit(code);
    if (!alnum) {
      if (start !== -1) words.push(text.slice(start, index).toLowerCase());
      start = -1;
      continue;
    }
    if (start === -1) {
      start = index;
      continue;
    }
    const previous = text.charCodeAt(index - 1);
    const next = index + 1 < end ? text.charCodeAt(index + 1) : 0;
    // A hump: `aB`, `1B` after a lower-case run, or the last capital of a run before a lower case (`HTTPServer`).
    const hump = isUpper(code) && ((isLower(previous) || (isDigit(previous) && index - start > 1)) || (isUpper(previous) && isLower(next)));
    if (hump) {
      words.push(text.slice(start, index).toLowerCase());
      start = index;
    }
  }
  return words;
}

/** `fooBar`/`foo_bar` → `foo-bar` (clap's long-flag naming of a field). */
export function kebabCase(name: string): string {
  return splitWords(name.replace(/^r#/, '')).join('-');
}

/** serde's `rename_all` spellings of a Rust field name. */
export function serdeRename(field: string, rule: string | undefined): string {
  const words = splitWords(field.replace(/^r#/, ''));
  switch (rule) {
    case 'kebab-case':
      return words.join('-');
    case 'SCREAMING-KEBAB-CASE':
      return words.join('-').toUpperCase();
    case 'SCREAMING_SNAKE_CASE':
      return words.join('_').toUpperCase();
    case 'camelCase':
      return words.map((word, index) => (index === 0 ? word : capitalise(word))).join('');
    case 'PascalCase':
      return words.map(capitalise).join('');
    case 'lowercase':
      return words.join('');
    case 'UPPERCASE':
      return words.join('').toUpperCase();
    default:
      return field.replace(/^r#/, '');
  }
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
