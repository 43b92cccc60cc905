import { execFileSync } from 'node:child_process';
import { parseSource } from '../../src/core/analyze/facts/syntax/parse.js';
import { extractSide } from '../../src/core/analyze/facts/syntax/extract.js';
async function main(): Promise<void> {
  const repo = '/work/.mirror/astral-sh+uv/repo';
  for (const path of ['crates/uv/src/settings.rs', 'crates/uv-cli/src/lib.rs', 'crates/uv-resolver/src/lock/mod.rs']) {
    const text = execFileSync('git', ['-C', repo, 'show', `HEAD:${path}`], { encoding: 'utf8', maxBuffer: 1e8 });
    await parseSource(path, 'fn a() {}');
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const parsed = await parseSource(path, text);
      const t1 = performance.now();
      const side = parsed.tree ? extractSide(parsed.tree, parsed.language!, path, text) : undefined;
      const t2 = performance.now();
      parsed.tree?.delete();
      console.log(path, text.length, 'parse', (t1 - t0).toFixed(1), 'extract', (t2 - t1).toFixed(1), side?.definitions.length, parsed.reason);
    }
  }
}
void main();
