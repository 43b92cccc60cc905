// The small text helpers that put multi-line or untrusted text on one line, for the core and both adapters.

/** Line breaks, with the spaces around them, become one space; the ends are trimmed. Error messages use it. */
export function joinLines(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** Every run of whitespace (line breaks included) becomes one space; the ends are trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Every run of line breaks becomes one space, other spaces stay; the ends are trimmed. The model's prompt uses it. */
export function lineBreaksToSpaces(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}

/** Control characters and runs of whitespace become one space; the ends are trimmed. Tree labels use it. */
export function printableLine(text: string): string {
  return collapseWhitespace(text.replace(/[\u0000-\u001f\u007f]+/g, ' '));
}

/** `text` when it has at most `max` characters, else its first `max - 1` and an ellipsis. */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** `value` as an absolute http(s) URL without credentials, or undefined (a web link is never anything else). */
export function parseHttpUrl(value: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  return url;
}
