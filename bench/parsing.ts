// The parsing budget (docs/reading.md): grammar load times, and parse and definition-reading time per KB for each
// language, on real files of public repositories at their tip.
//   node --import tsx bench/parsing.ts <repo>... [--files 60]
// Each repository is a git directory or work tree; files are read with the blob reader, never from a work tree.
import { execFileSync } from 'node:child_process';
import { BlobReader, decodeBlobText } from '../src/core/git/blobReader.js';
import { extractSide } from '../src/core/analyze/facts/syntax/extract.js';
import { languageOfFile, parseSource } from '../src/core/analyze/facts/syntax/parse.js';
import { loadTimes } from '../src/core/analyze/facts/syntax/runtime.js';
import { MAX_PARSED_BYTES } from '../src/core/analyze/facts/syntax/screening.js';

/** CPU milliseconds of this process (all threads): the figure that holds when two cores are shared by many. */
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

interface Totals {
  files: number;
  bytes: number;
  parseMs: number;
  extractMs: number;
  definitions: number;
  skipped: number;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const filesIndex = args.indexOf('--files');
  const perLanguage = filesIndex === -1 ? 60 : Number(args[filesIndex + 1]);
  const repos = args.filter((arg, index) => !arg.startsWith('--') && index !== filesIndex + 1);
  const totals = new Map<string, Totals>();
  const skipped = new Map<string, number>();
  for (const repo of repos) {
    const gitDir = execFileSync('git', ['-C', repo, 'rev-parse', '--absolute-git-dir'], { encoding: 'utf8' }).trim();
    const listing = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-z', '--long', 'HEAD'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const reader = new BlobReader({ gitDir, maxBlobBytes: MAX_PARSED_BYTES });
    const taken = new Map<string, number>();
    for (const entry of listing.split('\0')) {
      const match = /^\d+ blob ([0-9a-f]+) +(\d+)\t(.*)$/s.exec(entry);
      if (!match) continue;
      const [, id, size, path] = match;
      if (Number(size) > MAX_PARSED_BYTES || Number(size) < 2048) continue;
      const read = await reader.read(id);
      if (read.status !== 'ok') continue;
      const decoded = decodeBlobText(read.bytes);
      if (!('text' in decoded)) continue;
      const language = languageOfFile(path, decoded.text);
      if (!language || (taken.get(language.id) ?? 0) >= perLanguage) continue;
      taken.set(language.id, (taken.get(language.id) ?? 0) + 1);
      const total = totals.get(language.id) ?? { files: 0, bytes: 0, parseMs: 0, extractMs: 0, definitions: 0, skipped: 0 };
      totals.set(language.id, total);
      // The first file of a language pays the grammar load: parsed once before the timed parse.
      if (!loadTimes.has(language.grammar)) (await parseSource(path, 'x')).tree?.delete();
      const started = cpuMs();
      const parsed = await parseSource(path, decoded.text);
      const parsedAt = cpuMs();
      if (!parsed.tree) {
        total.skipped++;
        skipped.set(`${language.id} ${parsed.reason}`, (skipped.get(`${language.id} ${parsed.reason}`) ?? 0) + 1);
        continue;
      }
      const side = extractSide(parsed.tree, parsed.language, path, decoded.text);
      total.extractMs += cpuMs() - parsedAt;
      parsed.tree.delete();
      total.parseMs += parsedAt - started;
      total.files++;
      total.bytes += read.size;
      total.definitions += side.definitions.length;
    }
    reader.close();
  }
  console.log('grammar load (ms):', Object.fromEntries([...loadTimes].map(([key, ms]) => [key, Math.round(ms)])));
  console.log('language   files     KB  parse ms/KB  read ms/KB  defs/KB  skipped   (CPU time)');
  for (const [id, total] of [...totals].sort()) {
    const kb = total.bytes / 1024;
    console.log(
      `${id.padEnd(10)} ${String(total.files).padStart(5)} ${kb.toFixed(0).padStart(6)} ${(total.parseMs / kb).toFixed(3).padStart(12)}` +
      ` ${(total.extractMs / kb).toFixed(3).padStart(11)} ${(total.definitions / kb).toFixed(2).padStart(8)} ${String(total.skipped).padStart(8)}`,
    );
  }
  console.log('skipped:', Object.fromEntries(skipped));
  console.log(`rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
}

void main();
