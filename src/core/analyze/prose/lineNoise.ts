// Lines of a commit message that are not its gist: trailers and sign-offs, issue references, lone links, footnotes,
// tool banners, and the leftovers of squashed commits (`* review comments`). Each test is bounded: a line longer
// than MAX_NOISE_LINE is prose whatever it holds.

const MAX_NOISE_LINE = 400;

/** `Key: value` trailers with a one-word key; keys with a hyphen (`Signed-off-by`, `Change-Id`) are trailers anyway. */
const ONE_WORD_TRAILER_KEYS = new Set(['cc', 'bug', 'link', 'links', 'issue', 'issues', 'jira', 'ticket', 'pr', 'upstream', 'backport', 'reviewers', 'reviewer', 'refs', 'ref']);
const TRAILER = /^([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+){0,5})[ \t]*:[ \t]*(\S.*)$/;

/** Words that introduce issue or PR references (`Fixes #12`, `Related to #3 and #4`, `Follow up to #17850`). */
const REFERENCE_LEADS = new Set([
  'fix', 'fixes', 'fixed', 'close', 'closes', 'closed', 'resolve', 'resolves', 'resolved', 'ref', 'refs', 'reference',
  'references', 'related', 'relates', 'see', 'also', 'part', 'of', 'to', 'follow-up', 'followup', 'follow', 'up', 'for',
  'supersedes', 'superseded', 'by', 'replaces', 'depends', 'on', 'addresses', 'address', 'towards', 'toward',
  'backport', 'backports', 'cherry-pick', 'from', 'issue', 'issues', 'pr', 'prs', 'cc', 're', 'implements', 'contributes',
  'split', 'continuation', 'blocked', 'requires', 'needs', 'upstream', 'original', 'this', 'is', 'a', 'the', 'and',
  'partially', 'partly', 'closing', 'fixing', 'resolving', 'in', 'with', 'after', 'discussion', 'discussed', 'context',
  'tracking', 'jira', 'bug', 'ticket', 'linear', 'github', 'gitlab', 'thread', 'link', 'links', 'pull', 'request',
]);

/** An issue or PR reference, a commit id after `commit`, a link, or a mention, as one token (punctuation trimmed). */
function isReference(token: string): boolean {
  if (token === '') return true;
  if (token.startsWith('http://') || token.startsWith('https://') || token.startsWith('www.')) return true;
  return /^(?:[\w.-]{1,100}\/[\w.-]{1,100})?#\d{1,9}$/.test(token) || /^(?:gh|GH)-\d{1,9}$/.test(token)
    || /^@[\w-]{1,60}$/.test(token) || /^[A-Z][A-Z0-9]{1,15}-\d{1,9}$/.test(token);
}

/** What every reference has: `#`, `://`, `@`, `www.` or a `KEY-12` id. */
const MAY_HOLD_REFERENCE = /[#@]|:\/\/|www\.|[A-Z]-\d/;

/** The token without the punctuation around it: `(#12),` → `#12`. */
function bareToken(token: string): string {
  let start = 0;
  let end = token.length;
  while (start < end && '([<'.includes(token[start]!)) start++;
  while (end > start && '.,;:)]>'.includes(token[end - 1]!)) end--;
  return token.slice(start, end);
}

/**
 * A line that only points elsewhere: `Fixes #123`, `Closes https://…/issues/834.`, `Related to #1 and #2`,
 * `cc @alice`, a lone URL. At least one reference, and nothing but reference words around it.
 */
export function isReferenceLine(line: string): boolean {
  if (line.length > MAX_NOISE_LINE || !MAY_HOLD_REFERENCE.test(line)) return false;
  if (onlyReferences(line)) return true;
  // `Jenkins: https://…`, `GitHub Actions (AWS EFA): https://…`: a short label, then only references.
  const colon = line.indexOf(': ');
  return colon > 0 && colon <= 60 && line.slice(0, colon).split(' ').length <= 5 && onlyReferences(line.slice(colon + 2));
}

/** At least one reference, and nothing but reference words around them. */
function onlyReferences(text: string): boolean {
  let references = 0;
  for (const raw of text.split(/[\s,]+/)) {
    const token = bareToken(raw);
    if (token === '' || token === '&' || token === '-' || token === '+') continue;
    if (isReference(token)) references++;
    else if (!REFERENCE_LEADS.has(token.toLowerCase())) return false;
  }
  return references > 0;
}

/** A trailer (`Signed-off-by: …`, `Co-authored-by: …`, `Change-Id: …`, `Cc: …`); `Note: …` is prose. */
export function isTrailerLine(line: string): boolean {
  if (line.length > MAX_NOISE_LINE) return false;
  // The breaking-change footer is shown as the breaking flag and its risk, not quoted in the gist.
  if (line.startsWith('BREAKING CHANGE:') || line.startsWith('BREAKING-CHANGE:')) return true;
  const match = TRAILER.exec(line);
  if (!match) return false;
  const key = match[1]!;
  return key.includes('-') || ONE_WORD_TRAILER_KEYS.has(key.toLowerCase()) || (key === 'Fixes' && /^[0-9a-f]{7,40}\b/.test(match[2]!));
}

/** Footnote and link definitions: `[1]: https://…`, `[1] https://…`, `† 1: …`. */
export function isFootnoteLine(line: string): boolean {
  return /^\[\^?[\w-]{1,40}\]:\s/.test(line) || /^\[\d{1,3}\]\s/.test(line) || /^†\s?\d{0,3}/.test(line);
}

/** Tool banners and git's own boilerplate lines. */
const BOILERPLATE_STARTS = [
  '🤖 generated with', 'generated with [claude', 'generated with claude', '(cherry picked from commit', 'this reverts commit',
  'reverts commit', 'this is a reland of', 'original change', 'change-id', 'differential revision', 'pull request resolved',
  'ghstack-source-id', 'made with cursor', '[skip ci]', '[ci skip]', 'auto-generated by', 'this pr was automatically created',
];

const BOILERPLATE_FIRST = new Set(BOILERPLATE_STARTS.map((start) => start[0]!));

/** A tool banner or a git boilerplate line (`(cherry picked from commit …)`, `This reverts commit …`). */
export function isBoilerplateLine(line: string): boolean {
  if (line.length > MAX_NOISE_LINE || !BOILERPLATE_FIRST.has(line[0]!.toLowerCase())) return false;
  const lower = line.toLowerCase();
  return BOILERPLATE_STARTS.some((start) => lower.startsWith(start));
}

/** The subjects of fixup commits that a squash merge lists (`* review comments`), normalised. */
const SQUASHED_NOISE = new Set([
  'review', 'review comments', 'review feedback', 'address review', 'address review comments', 'address comments',
  'address feedback', 'addressed review comments', 'addressed comments', 'feedback', 'pr feedback', 'comments',
  'fix lint', 'lint', 'linting', 'fix linting', 'lint fixes', 'lint fix', 'fmt', 'cargo fmt', 'format', 'formatting',
  'fix format', 'fix formatting', 'run formatter', 'wip', 'typo', 'typos', 'fix typo', 'fix typos', 'nit', 'nits',
  'fixup', 'fix up', 'cleanup', 'clean up', 'tidy', 'update', 'updates', 'updated', 'fix', 'fixes', 'fix tests',
  'fix test', 'fix ci', 'ci', 'tests', 'test', 'more', 'oops', 'done', 'revert', 'rebase', 'changes', 'minor',
  'minor fixes', 'minor changes', 'small fixes', 'suggestions', 'apply suggestions', 'update snapshots', 'snapshots',
  'fix build', 'fix clippy', 'clippy', 'merge', 'add test', 'add tests', 'pre-commit', 'precommit', 'ruff', 'rename',
  'remove', 'simplify', 'refactor', 'docs', 'fix docs', 'update docs', 'changelog', 'update changelog', 'bump',
]);
const SQUASHED_NOISE_STARTS = ['merge branch', 'merge remote-tracking branch', 'apply suggestion', 'address review', 'update branch', 'fixup!', 'squash!'];

/** A squashed fixup commit's subject or another content-free line (`review comments`, `Merge branch 'main'`). */
export function isSquashNoise(text: string): boolean {
  if (text.length > 60 || text.split(' ', 7).length > 6) return false;
  const normal = text.toLowerCase().replace(/[^\p{L}\p{N}!' -]+/gu, ' ').replace(/\s+/g, ' ').trim();
  return SQUASHED_NOISE.has(normal) || SQUASHED_NOISE_STARTS.some((start) => normal.startsWith(start));
}

/** A line that is only a Markdown link or image (`[Release notes](…)`, `![screenshot](…)`): navigation. */
export function isLinkOnlyLine(line: string): boolean {
  if (line.length > MAX_NOISE_LINE || !line.endsWith(')')) return false;
  return /^!?\[[^\]]{0,200}\]\([^)\s]{1,300}\)$/.test(line);
}

/** Any line a gist drops, list markers already removed. */
export function isNoiseLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === '' || isTrailerLine(trimmed) || isReferenceLine(trimmed) || isBoilerplateLine(trimmed)
    || isLinkOnlyLine(trimmed);
}
