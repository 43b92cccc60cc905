// Finds the git work tree a folder belongs to by looking for `.git` on disk. Never runs git, so it is safe at any
// time, including before the workspace is trusted (the extension finds its workspace repositories with it).
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

function isBareRepository(dir: string): boolean {
  try {
    return statSync(join(dir, 'objects')).isDirectory() && statSync(join(dir, 'refs')).isDirectory() &&
      statSync(join(dir, 'HEAD')).isFile();
  } catch {
    return false;
  }
}

/** The folder holding `.git` (a directory, or a file for worktrees and submodules) at or above `folder`. */
export function findGitRoot(folder: string): string | undefined {
  let dir = resolve(folder);
  if (isBareRepository(dir)) return dir;
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
