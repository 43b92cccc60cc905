import type { DefinitionFact, TestFact } from './types.js';
import type { SideTest } from './syntax/extract.js';

/** Tests added and removed in a commit, each with the changed definitions its text names. */

export interface FileTests {
  path: string;
  oldPath?: string;
  old?: SideTest[];
  new?: SideTest[];
}

/** At most this many names in a test's `covers`. */
const MAX_COVERS = 12;
const IDENTIFIER = /[A-Za-z_$][\w$]*/g;

function identifiers(text: string): Set<string> {
  return new Set(text.match(IDENTIFIER) ?? []);
}

/** The definitions a test names: changed in this commit and written in the test's text. */
function covers(test: SideTest, changedNames: ReadonlySet<string>): string[] {
  if (changedNames.size === 0) return [];
  const named: string[] = [];
  for (const word of identifiers(test.text)) {
    if (changedNames.has(word)) named.push(word);
  }
  return named.sort().slice(0, MAX_COVERS);
}

export function diffTests(files: FileTests[], definitions: DefinitionFact[]): TestFact[] {
  const changedNames = new Set(definitions.map((fact) => fact.name).filter((name) => name.length >= 2));
  const facts: TestFact[] = [];
  for (const file of files) {
    const oldNames = new Set((file.old ?? []).map((test) => test.name));
    const newNames = new Set((file.new ?? []).map((test) => test.name));
    for (const test of file.new ?? []) {
      if (oldNames.has(test.name)) continue;
      facts.push({ kind: 'test', change: 'added', name: test.name, covers: covers(test, changedNames), path: file.path, line: test.line, side: 'new' });
    }
    for (const test of file.old ?? []) {
      if (newNames.has(test.name)) continue;
      const path = file.oldPath ?? file.path;
      facts.push({ kind: 'test', change: 'removed', name: test.name, covers: covers(test, changedNames), path, line: test.line, side: 'old' });
    }
  }
  return facts.sort((a, b) => {
    if (a.path !== b.path) return a.path < b.path ? -1 : 1;
    return (a.line ?? 0) - (b.line ?? 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  });
}
