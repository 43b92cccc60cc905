/** Lines a unified diff adds and removes, per file, hunk by hunk. */
export interface FileDiffLines {
  path: string;
  hunks: { added: string[]; removed: string[] }[];
}

const FILE_HEADER = /^diff --git a\/(.*?) b\/(.*)$/;

/** Splits `git show --patch` output into files and hunks; `+++`/`---` headers are not content. */
export function parseUnifiedDiff(text: string): FileDiffLines[] {
  const files: FileDiffLines[] = [];
  let current: FileDiffLines | undefined;
  let hunk: { added: string[]; removed: string[] } | undefined;
  // Line by line as text.split('\n') gives them, without making a string of lines nothing reads.
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const first = text.charCodeAt(start);
    const lineStart = start;
    start = end + 1;
    if (first === 0x64 && text.startsWith('diff --git a/', lineStart)) {
      const header = FILE_HEADER.exec(text.slice(lineStart, end));
      if (header) {
        current = { path: header[2]!, hunks: [] };
        files.push(current);
        hunk = undefined;
        continue;
      }
    }
    if (!current) continue;
    if (first === 0x40 && text.charCodeAt(lineStart + 1) === 0x40) {
      hunk = { added: [], removed: [] };
      current.hunks.push(hunk);
      continue;
    }
    if (!hunk) continue;
    if (first === 0x2b) hunk.added.push(text.slice(lineStart + 1, end));
    else if (first === 0x2d) hunk.removed.push(text.slice(lineStart + 1, end));
  }
  return files;
}

/** What a CI workflow gains, read from its added lines only. */
export type WorkflowSignal = 'pull_request_target' | 'permissions' | 'secrets';

/** Ordered table: each pattern is tested on added lines, comments stripped. */
export const WORKFLOW_SIGNAL_RULES: readonly { signal: WorkflowSignal; pattern: RegExp }[] = [
  { signal: 'pull_request_target', pattern: /\bpull_request_target\b/ },
  { signal: 'permissions', pattern: /^\s*permissions\s*:|\b(write-all|contents|packages|id-token|actions|deployments|pull-requests|issues|security-events|statuses|checks)\s*:\s*write\b/ },
  { signal: 'secrets', pattern: /\bsecrets\s*[.:[]|\bsecrets\s*:\s*inherit\b/ },
];

export interface WorkflowFinding {
  path: string;
  signal: WorkflowSignal;
}

export function workflowFindings(files: readonly FileDiffLines[]): WorkflowFinding[] {
  const findings: WorkflowFinding[] = [];
  for (const file of files) {
    const added = file.hunks.flatMap((hunk) => hunk.added).map(stripYamlComment);
    for (const rule of WORKFLOW_SIGNAL_RULES) {
      if (added.some((line) => rule.pattern.test(line))) findings.push({ path: file.path, signal: rule.signal });
    }
  }
  return findings;
}

function stripYamlComment(line: string): string {
  return line.replace(/(^|\s)#.*$/, '');
}

/** A default value or DEFAULT_ constant whose value the diff changes. */
export interface DefaultChange {
  path: string;
  name: string;
}

// `DEFAULT_TIMEOUT = 30`, `"default": 5`, `default: "x"`, `defaultTimeout = 5`, `timeout: int = field(default=30)`.
const DEFAULT_LINE =
  /\b(DEFAULT_[A-Z0-9_]+|default(?:[A-Z_][A-Za-z0-9_]*)?|[A-Za-z0-9]+_default|[a-z][A-Za-z0-9]*Default)["']?\s*(?::|=(?![=>])|=>)\s*("[^"]*"|'[^']*'|`[^`$]*`|[^\s,;)}\]]+)/;
/** Only literal values count: `defaults = merge(a, b)` is code, not a default. */
const LITERAL_VALUE =
  /^(?:[-+]?\d[\w.]*|"[^"]*"|'[^']*'|`[^`$]*`|true|false|True|False|null|None|nil|undefined|[A-Z][A-Za-z0-9]*\.[A-Z_][A-Za-z0-9_]*|[A-Z][A-Z0-9_]+)$/;
const KEYED_LINE = /^\s*["']?([A-Za-z_$][\w$.-]*)["']?\s*[:=]/;

function defaultKey(line: string): { key: string; value: string } | undefined {
  // DEFAULT_LINE needs `DEFAULT`, `default` or `Default`: a line with neither `EFAULT` nor `efault` cannot match.
  if (!line.includes('efault') && !line.includes('EFAULT')) return undefined;
  const match = DEFAULT_LINE.exec(line);
  if (!match || !LITERAL_VALUE.test(match[2]!)) return undefined;
  const keyed = KEYED_LINE.exec(line);
  // `timeout: int = field(default=30)`: the line's own key names the default better than `default` alone.
  const key = keyed && keyed[1] !== match[1] ? `${keyed[1]}.${match[1]}` : match[1]!;
  return { key, value: match[2]! };
}

/** Pairs removed and added lines of one hunk that set the same default to different values. */
export function defaultChanges(files: readonly FileDiffLines[]): DefaultChange[] {
  const changes: DefaultChange[] = [];
  for (const file of files) {
    let names: Set<string> | undefined;
    for (const hunk of file.hunks) {
      let removed: Map<string, string> | undefined;
      for (const line of hunk.removed) {
        const found = defaultKey(line);
        if (found) (removed ??= new Map()).set(found.key, found.value);
      }
      if (!removed) continue;
      for (const line of hunk.added) {
        const found = defaultKey(line);
        if (found && removed.has(found.key) && removed.get(found.key) !== found.value) (names ??= new Set()).add(found.key);
      }
    }
    if (names) for (const name of [...names].sort()) changes.push({ path: file.path, name });
  }
  return changes;
}

export interface MajorBump {
  name: string;
  from: string;
  to: string;
}

// "Bump foo from 1.2.3 to 2.0.0", "Updates `foo` from 1.2 to 2.0", "upgrade foo from v1 to v2".
const BUMP_IN_MESSAGE =
  /\b(?:bumps?|updates?|upgrades?)\s+(?:the\s+)?(?:dependency\s+)?`?([@\w][\w@./-]*)`?\s+from\s+`?v?(\d+(?:\.[\w-]+)*)`?\s+to\s+`?v?(\d+(?:\.[\w-]+)*)`?/gi;

/** Major bumps (`x.y.z` → `(x+1)…` or more) that the commit message announces. */
export function majorBumpsInMessage(message: string): MajorBump[] {
  const bumps: MajorBump[] = [];
  // An exec loop rather than matchAll, which copies the regular expression on every call.
  BUMP_IN_MESSAGE.lastIndex = 0;
  for (let match = BUMP_IN_MESSAGE.exec(message); match; match = BUMP_IN_MESSAGE.exec(message)) {
    const [, name, from, to] = match;
    if (isMajorBump(from!, to!)) bumps.push({ name: name!, from: from!, to: to! });
  }
  return uniqueBumps(bumps);
}

// `"react": "^17.0.2"`, `serde = "1.0"`, `serde = { version = "1.0", … }`, `requests==2.31.0`, `foo>=1.2`.
const MANIFEST_DEPENDENCY =
  /^\s*["']?([@A-Za-z0-9_][\w@./-]*)["']?\s*(?::|==|>=|~=|\^=|=)\s*(?:\{[^}]*?\bversion\s*=\s*)?["']?[\^~>=<v\s]*(\d+(?:\.[\w-]+)*)/;
/** Manifest keys whose value is not a dependency. */
const NOT_DEPENDENCIES = new Set(['version', 'name', 'python', 'python_requires', 'requires-python', 'edition', 'rust-version']);

/** Major bumps read from manifest diffs: a removed and an added line of one hunk naming the same package. */
export function majorBumpsInDiff(files: readonly FileDiffLines[]): MajorBump[] {
  const bumps: MajorBump[] = [];
  for (const file of files) {
    for (const hunk of file.hunks) {
      const removed = new Map<string, string>();
      for (const line of hunk.removed) {
        const match = MANIFEST_DEPENDENCY.exec(line);
        if (match && !NOT_DEPENDENCIES.has(match[1]!.toLowerCase())) removed.set(match[1]!, match[2]!);
      }
      for (const line of hunk.added) {
        const match = MANIFEST_DEPENDENCY.exec(line);
        const from = match ? removed.get(match[1]!) : undefined;
        if (match && from !== undefined && isMajorBump(from, match[2]!)) bumps.push({ name: match[1]!, from, to: match[2]! });
      }
    }
  }
  return uniqueBumps(bumps);
}

function isMajorBump(from: string, to: string): boolean {
  return Number.parseInt(to, 10) > Number.parseInt(from, 10);
}

function uniqueBumps(bumps: MajorBump[]): MajorBump[] {
  if (bumps.length < 2) return bumps;
  const seen = new Set<string>();
  return bumps.filter((bump) => {
    const key = `${bump.name}\0${bump.from}\0${bump.to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
