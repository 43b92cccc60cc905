// What reading the code costs on real history: for the last N non-merge commits of a repository, the time of
// `git log -p --numstat` over them (raw git), against reading both blobs of each changed source file (one blob
// reader) and extracting definitions and tests (one shared cache and budget), as a report run would.
//   node --import tsx bench/codeFactsDay.ts <repo> [--commits 60] [--budget-mb 8]
import { execFileSync } from 'node:child_process';
import { BlobReader } from '../src/core/git/blobReader.js';
import { createParseBudget, extractCodeFacts } from '../src/core/analyze/facts/definitions.js';
import { readFileInputs } from '../src/core/analyze/facts/fileInputs.js';
import type { ChangedPath } from '../src/core/analyze/facts/fileInputs.js';
import { SideFactsCache } from '../src/core/analyze/facts/sideCache.js';
import { loadTimes } from '../src/core/analyze/facts/syntax/runtime.js';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

function changedPaths(gitDir: string, sha: string): { parent?: string; changes: ChangedPath[] } {
  const fields = execFileSync('git', ['--git-dir', gitDir, 'diff-tree', '-r', '-z', '-M', '--root', '--no-commit-id', '--name-status', sha], { encoding: 'utf8', maxBuffer: 1 << 28 }).split('\0');
  const changes: ChangedPath[] = [];
  for (let index = 0; index < fields.length - 1;) {
    const status = fields[index++];
    if (status.startsWith('R') || status.startsWith('C')) changes.push({ status: status[0] as 'R', oldPath: fields[index++], path: fields[index++] });
    else changes.push({ status: status as ChangedPath['status'], path: fields[index++] });
  }
  const parents = execFileSync('git', ['--git-dir', gitDir, 'rev-list', '--parents', '-n1', sha], { encoding: 'utf8' }).trim().split(' ');
  return { parent: parents[1], changes };
}

async function main(): Promise<void> {
  const repo = process.argv[2];
  const count = option('--commits', 60);
  const budgetBytes = option('--budget-mb', 8) * 1024 * 1024;
  const gitDir = execFileSync('git', ['-C', repo, 'rev-parse', '--absolute-git-dir'], { encoding: 'utf8' }).trim();
  const shas = execFileSync('git', ['--git-dir', gitDir, 'rev-list', '--no-merges', '-n', String(count), 'HEAD'], { encoding: 'utf8' }).trim().split('\n').reverse();

  let started = performance.now();
  const raw = execFileSync('git', ['--git-dir', gitDir, 'log', '-p', '--numstat', '--no-merges', '-n', String(count), 'HEAD'], { maxBuffer: 1 << 30 });
  const rawMs = performance.now() - started;

  const reader = new BlobReader({ gitDir, maxBlobBytes: 512 * 1024 });
  const cache = new SideFactsCache();
  const budget = createParseBudget(budgetBytes);
  let listMs = 0;
  let readMs = 0;
  let factsMs = 0;
  let factsCpuMs = 0;
  let definitions = 0;
  let notes = 0;
  let sourceBytes = 0;
  for (const sha of shas) {
    started = performance.now();
    const { parent, changes } = changedPaths(gitDir, sha);
    listMs += performance.now() - started;
    started = performance.now();
    const inputs = await readFileInputs(reader, parent, sha, changes);
    readMs += performance.now() - started;
    for (const input of inputs) sourceBytes += (input.oldText?.length ?? 0) + (input.newText?.length ?? 0);
    started = performance.now();
    const cpu = process.cpuUsage();
    const facts = await extractCodeFacts(inputs, { cache, budget });
    factsMs += performance.now() - started;
    const used = process.cpuUsage(cpu);
    factsCpuMs += (used.user + used.system) / 1000;
    definitions += facts.definitions.length;
    notes += facts.notes.length;
  }
  reader.close();
  const parsedKb = (budgetBytes - budget.remainingBytes) / 1024;
  console.log(JSON.stringify({
    repo, commits: shas.length, rawGitMs: Math.round(rawMs), rawPatchKb: Math.round(raw.length / 1024), diffTreeMs: Math.round(listMs), blobReadMs: Math.round(readMs),
    factsMs: Math.round(factsMs), factsCpuMs: Math.round(factsCpuMs), sourceKb: Math.round(sourceBytes / 1024), parsedKb: Math.round(parsedKb), cacheHits: cache.hits,
    definitions, notes, grammarLoadMs: Object.fromEntries([...loadTimes].map(([key, ms]) => [key, Math.round(ms)])),
  }));
}

void main();
