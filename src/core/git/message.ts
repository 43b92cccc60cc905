import type { Trailer } from '../domain/commit.js';

export interface ParsedMessage {
  subject: string;
  body: string;
  trailers: Trailer[];
  prNumber?: number;
}

const TRAILER_LINE = /^(BREAKING CHANGE|[A-Za-z0-9][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*)$/;
const CONTINUATION = /^[ \t]+\S/;

/**
 * Splits a raw message (`%B`) like git does: the subject is the first paragraph joined into one line,
 * the body is everything after it, as written (trailers included). Trailers are read from the last paragraph
 * when every line of it is a `Key: value` line or a continuation.
 */
export function parseMessage(raw: string): ParsedMessage {
  // trimEnd, not replace(/\s+$/): that regex is quadratic in a long run of whitespace inside hostile text.
  const text = (raw.includes('\r') ? raw.replace(/\r\n/g, '\n') : raw).trimEnd();
  // Line by line with indexOf: the body is sliced from the text as it is, never split into lines and joined back.
  let start = 0;
  const lineEnd = (from: number): number => {
    const newline = text.indexOf('\n', from);
    return newline === -1 ? text.length : newline;
  };
  while (start < text.length && text.slice(start, lineEnd(start)).trim() === '') start = lineEnd(start) + 1;
  let subject = '';
  while (start < text.length) {
    const end = lineEnd(start);
    const line = text.slice(start, end).trim();
    if (line === '') break;
    subject = subject === '' ? line : `${subject} ${line}`;
    start = end + 1;
  }
  while (start < text.length && text.slice(start, lineEnd(start)).trim() === '') start = lineEnd(start) + 1;
  const body = start < text.length ? text.slice(start) : '';
  const trailers = parseTrailers(body);
  const prNumber = findPrNumber(subject, body);
  return prNumber === undefined ? { subject, body, trailers } : { subject, body, trailers, prNumber };
}

function parseTrailers(body: string): Trailer[] {
  if (body === '') return [];
  const paragraphs = body.split(/\n[ \t]*\n/);
  const last = paragraphs[paragraphs.length - 1].split('\n');
  const trailers: Trailer[] = [];
  for (const line of last) {
    const match = TRAILER_LINE.exec(line);
    if (match) {
      trailers.push({ key: match[1], value: match[2].trim() });
    } else if (CONTINUATION.test(line) && trailers.length > 0) {
      const previous = trailers[trailers.length - 1];
      previous.value = `${previous.value} ${line.trim()}`.trim();
    } else {
      return [];
    }
  }
  return trailers;
}

const PR_IN_SUBJECT = /\(#(\d+)\)/g;
const PR_MERGE_LINES = [/^Merge pull request #(\d+)/, /^Merged PR (\d+)/];

function findPrNumber(subject: string, body: string): number | undefined {
  let last: string | undefined;
  if (subject.includes('(#')) for (const match of subject.matchAll(PR_IN_SUBJECT)) last = match[1];
  if (last !== undefined) return Number(last);
  for (const pattern of PR_MERGE_LINES) {
    const match = pattern.exec(subject) ?? pattern.exec(body);
    if (match) return Number(match[1]);
  }
  return undefined;
}
