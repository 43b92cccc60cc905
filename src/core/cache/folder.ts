import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

// Apart from the cache itself: the CLI needs the folder on every run, and the cache module loads node:crypto.

/** `$XDG_CACHE_HOME/daily-digest`, else `~/.cache/daily-digest` (XDG: a relative XDG_CACHE_HOME is ignored). */
export function defaultCliCacheDir(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(home, '.cache');
  return join(base, 'daily-digest');
}
