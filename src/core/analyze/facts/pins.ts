import type { DependencyFact, FileInput } from './types.js';

/**
 * Version-pin files: a file whose whole content is one version, commit or tag of something the build fetches
 * (`LLAMA_CPP_VERSION`, `MLX_VERSION`, `.python-version`, `.nvmrc`, `rust-toolchain`, `.go-version`). Moving the
 * pin is a dependency bump; the manifest extractors do not see these files.
 */
export const PIN_FILE = /(^|\/)(?:[A-Z0-9_.-]*_VERSION|VERSION_[A-Z0-9_.-]+|\.python-version|\.nvmrc|\.node-version|\.go-version|\.ruby-version|rust-toolchain|\.tool-versions)$/;

/** A pin's text: one short line (a trailing newline allowed). */
const PIN_TEXT = /^\s*([\w.+@/:-]{1,100})\s*$/;

export function isPinFile(path: string): boolean {
  return PIN_FILE.test(path);
}

/** The bump a pin file's change makes, or none when either side is not one short token. */
export function pinFacts(files: readonly FileInput[]): DependencyFact[] {
  const facts: DependencyFact[] = [];
  for (const file of files) {
    if (!isPinFile(file.path) || file.oldText === undefined || file.newText === undefined) continue;
    const old = PIN_TEXT.exec(file.oldText)?.[1];
    const now = PIN_TEXT.exec(file.newText)?.[1];
    if (old === undefined || now === undefined || old === now) continue;
    facts.push({ kind: 'dependency', change: 'bumped', name: pinName(file.path), old, new: now, scope: 'build', ecosystem: 'pin', path: file.path, line: 1 });
  }
  return facts;
}

/** `LLAMA_CPP_VERSION` → `llama.cpp`? No guess: the file name without `_VERSION`, as written (`LLAMA_CPP`). */
function pinName(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const stripped = base.replace(/_VERSION$/, '').replace(/^VERSION_/, '').replace(/^\./, '').replace(/-version$/, '');
  return stripped === '' ? base : stripped;
}
