// Shared helpers for test/hostile: the report of real fixture repositories, the CLI as a child process, hostile
// payloads, and structural/safety checks of the rendered Markdown and HTML (parsed with a real HTML5 parser).
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'parse5';
import { generateReport } from '../../src/core/engine/generateReport.js';
import type { DigestOptions } from '../../src/core/domain/options.js';
import type { Report, RepositoryReport } from '../../src/core/domain/report.js';
import { FixtureRepo, isolatedGitEnv } from './gitFixture.js';
import { findStructuralProblems } from './markdownChecks.js';

export const DAY = '2026-01-22';
/** `HH:MM` on DAY, in UTC. */
export const at = (time: string): string => `${DAY}T${time}:00Z`;
export const BEFORE_DAY = '2026-01-20T12:00:00Z';

export const CLI = resolve('src/cli/program.ts');

/** generateReport for DAY in UTC, English, with optional overrides. */
export function reportOf(repos: string[], overrides: Partial<DigestOptions> = {}): Promise<Report> {
  return generateReport({
    repos, period: { kind: 'day', day: DAY }, timeZone: 'UTC', language: 'en', ...overrides,
  });
}

/** A small healthy repository with two commits on DAY: the "rest of the report" that must stay intact. */
export function healthyRepo(prefix = 'dd-healthy-'): FixtureRepo {
  const repo = FixtureRepo.create({ prefix });
  repo.write('README.md', '# healthy\n').commit('docs: healthy one', { date: at('08:00') });
  repo.write('src/a.ts', 'export const a = 1;\n').commit('feat: healthy two', { date: at('09:00') });
  return repo;
}

export const HEALTHY_SUBJECTS = ['feat: healthy two', 'docs: healthy one'];

/** The healthy repository of healthyRepo() was reported in full. */
export function assertHealthy(repo: RepositoryReport | undefined): void {
  assert.equal(repo?.error, undefined, `healthy repository failed: ${repo?.error ?? ''}`);
  assert.deepEqual(repo?.commits.map((c) => c.subject), HEALTHY_SUBJECTS, 'healthy repository commits');
  assert.equal(repo?.stats.commits, 2, 'healthy repository stats');
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Environment for the CLI: isolated from the machine's git config; PATH and extras overridable. */
export function cliEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env, INIT_CWD: '', LANG: 'C', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...extra,
  };
}

/**
 * Runs the CLI from source (node --import tsx src/cli/program.ts) and waits for it. With --quiet: the tests check
 * stderr line by line, and a run slowed past a second by a busy machine would add progress lines (startCli shows them).
 */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args, '--quiet'], {
    encoding: 'utf8', env: cliEnv(env), cwd: resolve('.'), maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** Starts the CLI without waiting; `lines` collects stderr as it arrives. */
export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): {
  child: ReturnType<typeof spawn>;
  done: Promise<CliResult>;
  stderrSoFar: () => string;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { env: cliEnv(env), cwd: resolve('.') });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
  child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
  const done = new Promise<CliResult>((resolvePromise) => {
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
  });
  return { child, done, stderrSoFar: () => stderr };
}

/** Commits with the message read from a file (exact bytes: CRLF, legacy encodings), with fixed dates. */
export function commitFromFile(repo: FixtureRepo, message: Buffer | string, date: string, extraArgs: string[] = [],
  author = { name: 'Ada Lovelace', email: 'ada@example.com' }): string {
  const file = join(tmpdir(), `dd-msg-${process.pid}-${Date.now()}-${Math.random().toString(16).slice(2)}.txt`);
  writeFileSync(file, message);
  try {
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-verify', '-F', file, ...extraArgs], {
      GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email, GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: author.name, GIT_COMMITTER_EMAIL: author.email, GIT_COMMITTER_DATE: date,
    });
  } finally {
    rmSync(file, { force: true });
  }
  return repo.head();
}

/**
 * Writes a commit object byte for byte (as an old or foreign client would: legacy encodings, odd headers) on top of
 * HEAD with the staged tree, and moves the branch to it.
 */
export function writeRawCommit(repo: FixtureRepo, headers: Buffer[], message: Buffer): string {
  repo.git(['add', '-A']);
  const tree = repo.git(['write-tree']);
  const parent = repo.git(['rev-parse', '--verify', '-q', 'HEAD']);
  const body = Buffer.concat([
    Buffer.from(`tree ${tree}\nparent ${parent}\n`), ...headers.map((h) => Buffer.concat([h, Buffer.from('\n')])),
    Buffer.from('\n'), message,
  ]);
  const sha = execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin'], {
    cwd: repo.dir, input: body, env: isolatedGitEnv(), encoding: 'utf8',
  }).trim();
  repo.git(['update-ref', 'HEAD', sha]);
  return sha;
}

/** `author`/`committer` header line bytes: raw name bytes, an email and a fixed UTC time. */
export function personHeader(kind: 'author' | 'committer', name: Buffer, date: string): Buffer {
  const seconds = Math.floor(Date.parse(date) / 1000);
  return Buffer.concat([Buffer.from(`${kind} `), name, Buffer.from(` <x@example.com> ${seconds} +0000`)]);
}

/** A temp folder removed by the returned cleanup. */
export function tempDir(prefix: string): string {
  return realpathSync(mkdtempSync(join(tmpdir(), prefix)));
}

/** A folder holding executable scripts (`name` → body), for fake programs and markers on PATH. */
export function scriptDir(prefix: string, scripts: Record<string, string>): string {
  const dir = tempDir(prefix);
  for (const [name, body] of Object.entries(scripts)) {
    const path = join(dir, name);
    writeFileSync(path, `#!/bin/sh\n${body}\n`);
    chmodSync(path, 0o755);
  }
  return dir;
}

/** Deletes one loose object (blob, tree or commit) of a fixture repository. */
export function deleteLooseObject(repo: FixtureRepo, oid: string): void {
  unlinkSync(join(repo.dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2)));
}

/** Files left behind in a folder whose names look like temp or partial output. */
export function strayFiles(dir: string, keep: string[] = []): string[] {
  return readdirSync(dir).filter((name) => !keep.includes(name));
}

export function removeAll(...paths: string[]): void {
  for (const path of paths) rmSync(path, { recursive: true, force: true });
}

export function ensureDir(path: string): string {
  mkdirSync(path, { recursive: true });
  return path;
}

/** Payloads that set a flag if they ever run; the browser tests watch `window.__pwned` and the title. */
export const SCRIPT_PAYLOADS = [
  '<img src=x onerror="window.__pwned=1;document.title=\'PWNED\'">',
  '<script>window.__pwned=1;document.title="PWNED"</script>',
  '[click me](javascript:window.__pwned=1)',
  '<svg onload="window.__pwned=1"><script>window.__pwned=1</script></svg>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<a href="javascript:window.__pwned=1">a</a>',
  '[data](data:text/html,<script>window.__pwned=1</script>)',
  '<object data="javascript:window.__pwned=1"></object><embed src="javascript:window.__pwned=1">',
  '<details open ontoggle="window.__pwned=1">x</details>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1">',
  '`<img src=x onerror=window.__pwned=1>` | pipe | `back`tick',
  '\u202eevil\u202c <form><button formaction="javascript:window.__pwned=1">go</button></form>',
] as const;

// ---------------------------------------------------------------------------------------------------------------
// HTML checks (parse5: the HTML5 parsing algorithm browsers use).

interface HtmlNode {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  content?: HtmlNode;
  value?: string;
}

function walk(node: HtmlNode, visit: (element: HtmlNode, inHead: boolean) => void, inHead = false): void {
  if (node.tagName !== undefined) visit(node, inHead);
  const nowInHead = inHead || node.tagName === 'head';
  for (const child of node.childNodes ?? []) walk(child, visit, nowInHead);
  if (node.content !== undefined) walk(node.content, visit, nowInHead);
}

const DANGEROUS_TAGS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'img', 'image', 'video', 'audio',
  'source', 'track', 'form', 'input', 'button', 'textarea', 'select', 'base', 'link', 'meta', 'style', 'template',
  'portal', 'noscript', 'marquee', 'dialog',
]);
/** Elements the report itself writes, bare: a folded group is `<details>` with a `<summary>`, never with attributes. */
const BARE_ONLY_TAGS = new Set(['details', 'summary']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'background', 'cite', 'ping']);

/**
 * Problems in a rendered report page: any element or attribute that could run script, load something or leave
 * the page, in the body; `<meta>`/`<style>`/`<title>` only in the head; every in-page link resolves to one id.
 */
export function findHtmlProblems(html: string): string[] {
  const problems: string[] = [];
  const ids = new Map<string, number>();
  const inPage: string[] = [];
  const document = parse(html) as unknown as HtmlNode;
  walk(document, (element, inHead) => {
    const tag = element.tagName ?? '';
    const attrs = element.attrs ?? [];
    if (inHead) {
      if (!['meta', 'title', 'style'].includes(tag)) problems.push(`<${tag}> in head`);
      const equiv = attrs.find((a) => a.name === 'http-equiv')?.value.toLowerCase();
      if (equiv !== undefined && equiv !== 'content-security-policy') problems.push(`meta http-equiv=${equiv}`);
      return;
    }
    if (DANGEROUS_TAGS.has(tag)) problems.push(`dangerous element <${tag}>`);
    if (BARE_ONLY_TAGS.has(tag) && attrs.length > 0) problems.push(`<${tag}> with attributes`);
    for (const { name, value } of attrs) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on')) problems.push(`event handler ${name} on <${tag}>`);
      if (lower === 'srcdoc' || lower === 'style') problems.push(`${name} attribute on <${tag}>`);
      if (lower === 'id') ids.set(value, (ids.get(value) ?? 0) + 1);
      if (URL_ATTRIBUTES.has(lower)) {
        // Browsers strip ASCII whitespace and controls before reading the scheme.
        const normalized = value.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
        if (/^(javascript|data|vbscript|file|command|vscode):/.test(normalized)) problems.push(`${name}="${value}" on <${tag}>`);
        else if (!/^(https?:\/\/|#)/.test(normalized)) problems.push(`non-http(s) ${name}="${value}" on <${tag}>`);
        if (lower === 'href' && value.startsWith('#')) inPage.push(value.slice(1));
      }
    }
  });
  for (const [id, count] of ids) if (count > 1) problems.push(`id "${id}" appears ${count} times`);
  for (const target of inPage) if (!ids.has(target)) problems.push(`in-page link to missing id "#${target}"`);
  problems.push(...findTableProblems(document));
  return problems;
}

/** Every row of a table has as many cells as its header row. */
function findTableProblems(document: HtmlNode): string[] {
  const problems: string[] = [];
  walk(document, (element) => {
    if (element.tagName !== 'table') return;
    const widths: number[] = [];
    walk(element, (inner) => {
      if (inner.tagName !== 'tr') return;
      widths.push((inner.childNodes ?? []).filter((c) => c.tagName === 'td' || c.tagName === 'th').length);
    });
    if (new Set(widths).size > 1) problems.push(`table rows with differing cell counts: ${widths.join(',')}`);
  });
  return problems;
}

/** The visible text of an HTML page's body (for "the user sees this message" assertions). */
export function htmlText(html: string): string {
  const parts: string[] = [];
  const document = parse(html) as unknown as HtmlNode;
  const visit = (node: HtmlNode, inBody: boolean): void => {
    if (node.nodeName === '#text' && inBody) parts.push(node.value ?? '');
    for (const child of node.childNodes ?? []) visit(child, inBody || node.tagName === 'body');
  };
  visit(document, false);
  return parts.join('');
}

/** Markdown structure problems (heading jumps, dangling in-page links, malformed tables) plus raw HTML that is not an anchor. */
export function findMarkdownProblems(markdown: string): string[] {
  const problems = findStructuralProblems(markdown);
  for (const match of markdown.matchAll(/(?<!\\)<([a-zA-Z][\w-]*)/g)) {
    const line = markdown.slice(0, match.index).split('\n').length;
    const text = markdown.split('\n')[line - 1] ?? '';
    if (!/^<a id="[a-z0-9-]+"><\/a>$/.test(text) && !/`[^`]*<[^`]*`/.test(text)) problems.push(`line ${line}: raw <${match[1]}`);
  }
  return problems;
}

export { FixtureRepo };
