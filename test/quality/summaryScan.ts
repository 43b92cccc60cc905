// Counts broken summaries on real commit messages. For each bare mirror, the last N non-merge commits are read,
// the message part of the summary is built (buildSummary on a commit without files, the stats sentence cut off),
// and brokenSummaryReasons names what is wrong with it.
//
//   node --import tsx test/quality/summaryScan.ts [--count 3000] [--examples 3] [--mirrors DIR] [--only a+b,c+d]
//                                                 [--all] [--json FILE]
//
// Prints one line per reason with its count, per mirror and overall, and a few examples of each. By default the six
// mirrors of issue 14 are read; --all reads every mirror in DIR. A commit without a message is not counted.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectFacts } from '../../src/core/analyze/facts/commitFacts.js';
import { buildSummary } from '../../src/core/analyze/prose/summary.js';
import { parseMessage } from '../../src/core/git/message.js';
import type { Commit } from '../../src/core/domain/commit.js';
import { brokenSummaryReasons } from './brokenSummary.js';

const NO_FILES = ' No file changes.';

/** The mirrors the before/after figures of issue 14 were taken on. */
const DEFAULT_MIRRORS = ['ai-dynamo+nixl', 'astral-sh+uv', 'git+git', 'ollama+ollama', 'pallets+click', 'vitejs+vite'];

interface Options {
  count: number;
  only?: string[];
  examples: number;
  mirrors: string;
  json?: string;
}

function options(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const json = value('--json');
  const only = argv.includes('--all') ? undefined : (value('--only')?.split(',') ?? DEFAULT_MIRRORS);
  return {
    ...(only ? { only } : {}),
    count: Number(value('--count') ?? 3000),
    examples: Number(value('--examples') ?? 3),
    mirrors: value('--mirrors') ?? '/work/.mirror',
    ...(json ? { json } : {}),
  };
}

/** sha and raw message of the last `count` non-merge commits, read with one `git log`. */
function readMessages(gitDir: string, count: number): Array<{ sha: string; raw: string }> {
  const out = execFileSync('git', ['--git-dir', gitDir, 'log', '--no-merges', `-n${count}`, '--format=%H%x00%B%x1e'], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const messages: Array<{ sha: string; raw: string }> = [];
  for (const record of out.split('\x1e')) {
    const text = record.startsWith('\n') ? record.slice(1) : record;
    const nul = text.indexOf('\0');
    if (nul < 0) continue;
    messages.push({ sha: text.slice(0, nul), raw: text.slice(nul + 1) });
  }
  return messages;
}

/** The summary without the stats sentence: what the message alone gives. */
export function messageSummary(raw: string, sha = '0'.repeat(40)): { subject: string; summary: string } {
  const parsed = parseMessage(raw);
  const person = { name: 'A', email: 'a@example.com', date: '2026-01-22T10:00:00+08:00' };
  const commit: Commit = {
    sha, shortSha: sha.slice(0, 7), parents: [], author: person, committer: person,
    subject: parsed.subject, body: parsed.body, trailers: parsed.trailers, files: [],
  };
  const full = buildSummary(collectFacts(commit), [], 'en');
  const summary = full.endsWith(NO_FILES) ? full.slice(0, -NO_FILES.length) : full === NO_FILES.trim() ? '' : full;
  return { subject: parsed.subject, summary };
}

interface Tally {
  commits: number;
  broken: number;
  reasons: Map<string, number>;
  examples: Map<string, string[]>;
}

/** A reason without its quoted excerpt, so that reasons of one kind are counted together. */
function reasonKind(reason: string): string {
  const quote = reason.indexOf(' ("');
  return quote >= 0 ? reason.slice(0, quote) : reason;
}

function scan(gitDir: string, count: number, examples: number): Tally {
  const tally: Tally = { commits: 0, broken: 0, reasons: new Map(), examples: new Map() };
  for (const { sha, raw } of readMessages(gitDir, count)) {
    if (raw.trim() === '') continue;
    const { subject, summary } = messageSummary(raw, sha);
    tally.commits += 1;
    const reasons = brokenSummaryReasons(summary, subject);
    if (reasons.length === 0) continue;
    tally.broken += 1;
    for (const kind of new Set(reasons.map(reasonKind))) {
      tally.reasons.set(kind, (tally.reasons.get(kind) ?? 0) + 1);
      const list = tally.examples.get(kind) ?? [];
      if (list.length < examples) list.push(`${sha.slice(0, 10)}  ${summary.replace(/\n/g, '⏎')}`);
      tally.examples.set(kind, list);
    }
  }
  return tally;
}

function main(): void {
  const opts = options(process.argv.slice(2));
  const mirrors = readdirSync(opts.mirrors)
    .filter((name) => existsSync(join(opts.mirrors, name, 'repo')) && (!opts.only || opts.only.includes(name)))
    .sort();
  const total: Tally = { commits: 0, broken: 0, reasons: new Map(), examples: new Map() };
  const report: Record<string, { commits: number; broken: number; reasons: Record<string, number>; examples: Record<string, string[]> }> = {};
  for (const name of mirrors) {
    const started = performance.now();
    const tally = scan(join(opts.mirrors, name, 'repo'), opts.count, opts.examples);
    const ms = Math.round(performance.now() - started);
    console.log(`${name}: ${tally.broken} broken of ${tally.commits} (${ms} ms)`);
    for (const [kind, n] of [...tally.reasons].sort((a, b) => b[1] - a[1])) {
      console.log(`  ${String(n).padStart(5)}  ${kind}`);
      for (const example of tally.examples.get(kind) ?? []) console.log(`           ${example.slice(0, 300)}`);
      total.reasons.set(kind, (total.reasons.get(kind) ?? 0) + n);
    }
    total.commits += tally.commits;
    total.broken += tally.broken;
    report[name] = {
      commits: tally.commits, broken: tally.broken,
      reasons: Object.fromEntries(tally.reasons), examples: Object.fromEntries(tally.examples),
    };
  }
  console.log(`all: ${total.broken} broken of ${total.commits}`);
  for (const [kind, n] of [...total.reasons].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)}  ${kind}`);
  if (opts.json) writeFileSync(opts.json, `${JSON.stringify(report, null, 2)}\n`);
}

if (require.main === module) main();
