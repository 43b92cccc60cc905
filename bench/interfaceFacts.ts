// Interface facts on real history: for the last N non-merge commits of a repository, read both blobs of every
// changed file that interfaceFactsWantTexts names (one blob reader) and extract flags, env, config, defaults,
// routes, formats, dependencies, CI and security facts; print the time against raw `git log -p --numstat`, and
// with --show each commit's facts (to read them against the diffs).
//   node --import tsx bench/interfaceFacts.ts <repo> [--commits 60] [--show] [--rev HEAD] [--budget-mb 64]
// One parse budget is shared by the run's commits (as a report run would share it).
import { execFileSync } from 'node:child_process';
import { BlobReader, decodeBlobText } from '../src/core/git/blobReader.js';
import { extractInterfaceFacts, interfaceFactsWantTexts } from '../src/core/analyze/facts/interfaceFacts.js';
import type { FileInput } from '../src/core/analyze/facts/types.js';
import { createParseBudget } from '../src/core/analyze/facts/definitions.js';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : process.argv[index + 1]!;
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** One commit's changed files with their patches (`git show` once per commit, argument arrays, no textconv). */
function changedFiles(gitDir: string, sha: string): { parent?: string; files: FileInput[] } {
  const parents = execFileSync('git', ['--git-dir', gitDir, 'rev-list', '--parents', '-n1', sha], { encoding: 'utf8' }).trim().split(' ');
  const status = execFileSync('git', ['--git-dir', gitDir, 'diff-tree', '-r', '-z', '-M', '--root', '--no-commit-id', '--name-status', sha], { encoding: 'utf8', maxBuffer: 1 << 28 }).split('\0');
  const files: FileInput[] = [];
  for (let index = 0; index < status.length - 1;) {
    const code = status[index++]!;
    if (code.startsWith('R') || code.startsWith('C')) files.push({ status: code[0] as 'R', oldPath: status[index++], path: status[index++]! });
    else files.push({ status: code as FileInput['status'], path: status[index++]! });
  }
  const patch = execFileSync('git', ['--git-dir', gitDir, 'show', '--no-ext-diff', '--no-textconv', '-M', '--format=', '--patch', sha], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const byPath = new Map<string, string>();
  for (const part of patch.split(/^diff --git /m).slice(1)) {
    const header = /^a\/(.*?) b\/(.*)$/m.exec(part);
    if (header) byPath.set(header[2]!, part.slice(part.indexOf('\n@@') + 1));
  }
  for (const file of files) {
    const text = byPath.get(file.path);
    if (text !== undefined) file.patch = text;
  }
  return { parent: parents[1], files };
}

async function main(): Promise<void> {
  const repo = process.argv[2]!;
  const count = Number(option('--commits', '60'));
  const rev = option('--rev', 'HEAD');
  const show = process.argv.includes('--show');
  const budgetBytes = Number(option('--budget-mb', '64')) * 1024 * 1024;
  const budget = createParseBudget(budgetBytes);
  const gitDir = execFileSync('git', ['--git-dir', repo, 'rev-parse', '--absolute-git-dir'], { encoding: 'utf8' }).trim();
  const shas = execFileSync('git', ['--git-dir', gitDir, 'rev-list', '--no-merges', '-n', String(count), rev], { encoding: 'utf8' }).trim().split('\n').reverse();
  let started = performance.now();
  execFileSync('git', ['--git-dir', gitDir, 'log', '-p', '--numstat', '--no-merges', '-n', String(count), rev], { maxBuffer: 1 << 30 });
  const rawMs = performance.now() - started;
  let factsWallMs = 0;
  const reader = new BlobReader({ gitDir, maxBlobBytes: 4 * 1024 * 1024 });
  let factsMs = 0;
  const counts = new Map<string, number>();
  for (const sha of shas) {
    const { parent, files } = changedFiles(gitDir, sha);
    await Promise.all(files.map(async (file) => {
      if (!interfaceFactsWantTexts(file.path)) return;
      const read = async (spec: string): Promise<string | undefined> => {
        const blob = await reader.read(spec);
        if (blob.status !== 'ok') return undefined;
        const decoded = decodeBlobText(blob.bytes);
        return 'text' in decoded ? decoded.text : undefined;
      };
      if (parent && file.status !== 'A') {
        const text = await read(`${parent}:${file.oldPath ?? file.path}`);
        if (text !== undefined) file.oldText = text;
      }
      if (file.status !== 'D') {
        const text = await read(`${sha}:${file.path}`);
        if (text !== undefined) file.newText = text;
      }
    }));
    started = cpuMs();
    const wall = performance.now();
    const facts = await extractInterfaceFacts(files, { budget });
    factsMs += cpuMs() - started;
    factsWallMs += performance.now() - wall;
    for (const [kind, list] of Object.entries(facts)) counts.set(kind, (counts.get(kind) ?? 0) + (Array.isArray(list) ? list.length : 0));
    if (!show) continue;
    const subject = execFileSync('git', ['--git-dir', gitDir, 'log', '-1', '--format=%s', sha], { encoding: 'utf8' }).trim();
    console.log(`\n${sha.slice(0, 9)} ${subject}`);
    for (const [kind, list] of Object.entries(facts)) {
      for (const fact of list as object[]) console.log(`  ${kind}: ${JSON.stringify(fact)}`);
    }
  }
  reader.close();
  const parsedKb = Math.round((budgetBytes - budget.remainingBytes) / 1024);
  console.log(JSON.stringify({
    repo, commits: shas.length, rawGitWallMs: Math.round(rawMs), factsCpuMs: Math.round(factsMs), factsWallMs: Math.round(factsWallMs), parsedKb,
    counts: Object.fromEntries(counts),
  }));
}

void main();
