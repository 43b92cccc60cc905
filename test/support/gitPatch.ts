import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileInput } from '../../src/core/analyze/facts/types.js';

/** The unified diff real git makes between two texts (`git diff --no-index`, three lines of context). */
export function gitPatch(oldText: string, newText: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'facts-patch-'));
  try {
    writeFileSync(join(dir, 'a'), oldText);
    writeFileSync(join(dir, 'b'), newText);
    const result = spawnSync('git', ['diff', '--no-index', '--no-ext-diff', '--no-textconv', '--no-color', 'a', 'b'], { cwd: dir, encoding: 'utf8' });
    const out = result.stdout;
    const hunk = out.indexOf('\n@@');
    return hunk === -1 ? '' : out.slice(hunk + 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A modified file with the patch git makes from its two texts. */
export function modifiedFile(path: string, oldText: string, newText: string): FileInput {
  return { path, status: 'M', oldText, newText, patch: gitPatch(oldText, newText) };
}
