import type { Trailer } from '../model/commit.js';

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
  const text = raw.replace(/\r\n/g, '\n').trimEnd();
  const lines = text.split('\n');
  let index = 0;
  while (index < lines.length && lines[index].trim() === '') index++;
  const subjectLines: string[] = [];
  while (index < lines.length && lines[index].trim() !== '') subjectLines.push(lines[index++].trim());
  while (index < lines.length && lines[index].trim() === '') index++;
  const body = lines.slice(index).join('\n');
  const subject = subjectLines.join(' ');
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
