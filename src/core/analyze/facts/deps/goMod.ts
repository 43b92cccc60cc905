import { EntryList } from './entry.js';
import type { DependencyEntry } from './entry.js';

/**
 * go.mod: `require` lines and blocks (`// indirect` marks a transitive pin), plus the `go` and `toolchain`
 * directives as build requirements. `replace` and `exclude` are not dependencies of their own. go.sum is ignored.
 */
export function readGoMod(text: string | undefined): DependencyEntry[] | undefined {
  if (text === undefined || text.length > 1_000_000) return undefined;
  const list = new EntryList();
  let block: string | undefined;
  for (const raw of text.split('\n')) {
    const comment = raw.indexOf('//');
    const indirect = comment !== -1 && raw.slice(comment + 2).trim().startsWith('indirect');
    const line = (comment === -1 ? raw : raw.slice(0, comment)).trim();
    if (line === '') continue;
    if (block !== undefined) {
      if (line === ')') block = undefined;
      else if (block === 'require') addRequire(line, indirect, list);
      continue;
    }
    const words = line.split(/\s+/);
    const verb = words[0]!;
    if (words[1] === '(') {
      block = verb;
      continue;
    }
    if (verb === 'require') addRequire(words.slice(1).join(' '), indirect, list);
    else if ((verb === 'go' || verb === 'toolchain') && words[1]) list.add(verb, words[1], 'build');
  }
  return list.entries;
}

function addRequire(spec: string, indirect: boolean, list: EntryList): void {
  const [path, version] = spec.split(/\s+/);
  if (path && version) list.add(path.replace(/^"|"$/g, ''), version, 'runtime', indirect);
}
