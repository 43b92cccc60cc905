import type { FileInput, FormatFact } from '../types.js';
import { formatOfSighting, textNamesFormat } from './formatTable.js';
import type { CodeModel } from './model.js';

/** Texts past this size are not searched whole: the format counts as changed on the strength of its lines. */
const MAX_SEARCHED_CHARS = 4_000_000;

function formatsOf(model: CodeModel): Map<string, number> {
  const found = new Map<string, number>();
  for (const sighting of model.words) {
    const format = formatOfSighting(sighting.word, sighting.inString, sighting.capitalised);
    if (format && !found.has(format)) found.set(format, sighting.line);
  }
  return found;
}

function stillNamed(text: string | undefined, format: string, lower: { value?: string }): boolean {
  if (text === undefined || text.length > MAX_SEARCHED_CHARS) return false;
  lower.value ??= text.toLowerCase();
  return textNamesFormat(text, lower.value, format);
}

/**
 * The formats one file stops or starts naming: seen on its removed lines and named nowhere in its new text
 * (removed), or seen on its added lines and named nowhere in its old text (added). `bz2` dropped from ZIP handling
 * is removed from the file that handled it even when another file keeps a legacy `bz2` name.
 */
export function fileFormatChanges(file: FileInput, old: CodeModel, next: CodeModel): FormatFact[] {
  const before = formatsOf(old);
  const after = formatsOf(next);
  const facts: FormatFact[] = [];
  const lowerOld: { value?: string } = {};
  const lowerNew: { value?: string } = {};
  for (const [name, line] of before) {
    if (after.has(name) || stillNamed(file.status === 'D' ? undefined : file.newText, name, lowerNew)) continue;
    facts.push({ kind: 'format', change: 'removed', name, path: file.oldPath ?? file.path, line, side: 'old' });
  }
  // A new file that only mentions a format (a model file reading `gguf`) adds no support for it; one named for it does.
  const named = file.status === 'A' || file.status === 'C' ? file.path.toLowerCase() : undefined;
  for (const [name, line] of after) {
    if (before.has(name) || stillNamed(file.status === 'A' ? undefined : file.oldText, name, lowerOld)) continue;
    if (named !== undefined && !named.includes(name.toLowerCase())) continue;
    facts.push({ kind: 'format', change: 'added', name, path: file.path, line, side: 'new' });
  }
  return facts;
}

/** One fact per format and change over the commit; a format one file drops and another gains has moved, not changed. */
export function commitFormatFacts(perFile: readonly FormatFact[]): FormatFact[] {
  const added = new Set(perFile.filter((fact) => fact.change === 'added').map((fact) => fact.name));
  const removed = new Set(perFile.filter((fact) => fact.change === 'removed').map((fact) => fact.name));
  const seen = new Set<string>();
  return perFile.filter((fact) => {
    if (added.has(fact.name) && removed.has(fact.name)) return false;
    const key = `${fact.change}\0${fact.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
