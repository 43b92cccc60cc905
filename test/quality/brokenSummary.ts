// Checks that a commit summary written by the analyzer reads as finished prose. Used by the quality eval and by
// tests of the summary writer. Every check is linear in the summary's length: summaries come from hostile text.

/** Sentence-ending punctuation, English and Chinese, optionally followed by closing quotes or brackets. */
const CLOSED_END = /[.!?。！？](?:["'”’)）」』\]]*)$/u;
/** `…` or `...` at the very end: the text was cut, not finished. */
const CUT_END = /(?:…|\.\.\.)["'”’)）」』\]]*$/u;
/** A list introduction whose list is gone: `two things:`, `two things:.`, `They include:.`, `the following.` */
const LIST_INTRO_END = /(?:[:：][.。]?|\bfollowing[.。:：]?)$/iu;
/** A colon directly followed by a full stop anywhere (`…two things:. Changes 3 files.`). */
const COLON_STOP = /[:：]\s*[.。]/u;
const LIST_ITEM = /^\s*(?:[-*+•]|\d{1,3}[.)])\s+/u;
const HEADING = /^\s{0,3}#{1,6}\s/mu;

/** PR-template leftovers, each with the words a reason gives. Matched on the text with code spans removed. */
const TEMPLATE_RESIDUE: ReadonlyArray<{ pattern: RegExp; name: string }> = [
  { pattern: /(?:^|[.!?。！？]\s+|\n)(?:Summary|Description|Motivation|Changes)\s*[.:：。]/u, name: 'a "Summary." heading' },
  { pattern: HEADING, name: 'a Markdown heading' },
  { pattern: /\btest(?:ing)? plan\b/iu, name: '"Test plan"' },
  { pattern: /\bTesting\s*[:：]/u, name: '"Testing:"' },
  { pattern: /\[[ xX]\]/u, name: 'a checklist box' },
  { pattern: /<!--/u, name: 'an HTML comment' },
];

/** Text outside `code spans`, so that `a:.b` or `[x]` in code is not mistaken for prose. */
function withoutCodeSpans(text: string): string {
  return text.replace(/`[^`\n]*`/gu, 'CODE');
}

/** Lower-case, whitespace collapsed, final punctuation dropped: the form two sentences are compared in. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/gu, ' ').replace(/[\s.!?。！？…]+$/u, '').trim();
}

/** The subject as a summary would quote it: no Conventional Commits prefix, no `(#123)`, no final stop. */
function subjectGist(subject: string): string {
  const withoutPrefix = subject.replace(/^[a-z]{2,12}(?:\([^)\n]{0,60}\))?!?:\s*/iu, '');
  return normalise(withoutPrefix.replace(/\s*\((?:#\d{1,9}[, ]*)+\)\s*$/u, ''));
}

function countOccurrences(haystack: string, needle: string, atMost: number): number {
  let count = 0;
  for (let index = haystack.indexOf(needle); index !== -1 && count < atMost; index = haystack.indexOf(needle, index + needle.length)) {
    count += 1;
  }
  return count;
}

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?。！？])\s+|(?<=[。！？])|\n+/u)
    .map(normalise)
    .filter((sentence) => sentence.length > 0);
}

function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/u)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
}

function isList(paragraph: string): boolean {
  return paragraph.split('\n').every((line) => LIST_ITEM.test(line) || /^\s+\S/u.test(line));
}

function endingReasons(prose: string): string[] {
  const reasons: string[] = [];
  const paragraphs = paragraphsOf(prose);
  paragraphs.forEach((paragraph, index) => {
    const lines = paragraph.split('\n');
    const lastLine = (lines[lines.length - 1] ?? '').trim();
    if (isList(paragraph) || LIST_ITEM.test(lastLine)) return;
    const nextIsList = index + 1 < paragraphs.length && isList(paragraphs[index + 1] ?? '');
    if (LIST_INTRO_END.test(lastLine)) {
      if (!nextIsList || /[.。]$/u.test(lastLine)) reasons.push(`ends in a list introduction without its list ("${lastLine.slice(-24)}")`);
      return;
    }
    if (CUT_END.test(lastLine)) reasons.push(`cut off: ends in an ellipsis ("${lastLine.slice(-24)}")`);
    else if (!CLOSED_END.test(lastLine)) reasons.push(`cut off mid-sentence: no closing punctuation ("${lastLine.slice(-24)}")`);
  });
  return reasons;
}

function repetitionReasons(summary: string, subject: string): string[] {
  const gist = subjectGist(subject);
  const subjectTwice = gist.length >= 8 && countOccurrences(normalise(summary), gist, 2) >= 2;
  const reasons = subjectTwice ? ['repeats the subject'] : [];
  const seen = new Set<string>();
  for (const sentence of sentencesOf(summary)) {
    if (sentence.length < 8) continue;
    if (seen.has(sentence)) {
      if (sentence !== gist || !subjectTwice) reasons.push(`repeats a sentence ("${sentence.slice(0, 40)}")`);
      break;
    }
    seen.add(sentence);
  }
  return reasons;
}

/**
 * Why a summary is broken, one short reason per defect; empty when it reads as finished prose. `subject` is the
 * commit's subject line, for the "repeats the subject" check.
 */
export function brokenSummaryReasons(summary: string, subject: string): string[] {
  if (summary.trim().length === 0) return ['empty'];
  const prose = withoutCodeSpans(summary.trim());
  const reasons = [...endingReasons(prose)];
  if (COLON_STOP.test(prose) && !reasons.some((reason) => reason.startsWith('ends in a list introduction'))) {
    reasons.push('a list introduction without its list (":.")');
  }
  reasons.push(...repetitionReasons(summary, subject));
  for (const { pattern, name } of TEMPLATE_RESIDUE) {
    if (pattern.test(prose)) reasons.push(`PR template residue: ${name}`);
  }
  const backticks = countOccurrences(summary, '`', Number.MAX_SAFE_INTEGER);
  if (backticks % 2 === 1) reasons.push('unbalanced backticks');
  return reasons;
}
