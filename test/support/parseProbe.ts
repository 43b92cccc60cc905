// Bundled by test/cli/grammarsBundle.test.ts the way scripts/build.mjs bundles the CLI, and run from a folder with no
// node_modules: the parser must find tree-sitter.wasm and the grammars in grammars/ beside the bundle.
import { parseSource } from '../../src/core/analyze/facts/syntax/parse.js';
import { loadedGrammars, locateGrammarFile } from '../../src/core/analyze/facts/syntax/runtime.js';

const SAMPLES: Array<[string, string]> = [
  ['a.ts', 'export const x: number = 1;'], ['a.tsx', 'export const C = () => <div />;'], ['a.js', 'function f() {}'],
  ['a.py', 'def f():\n    pass\n'], ['a.rs', 'fn main() {}'], ['a.go', 'package a\nfunc F() {}\n'],
  ['a.c', 'int main(void) { return 0; }'], ['a.cpp', 'namespace a { class B {}; }'], ['A.java', 'class A {}'],
];

async function main(): Promise<void> {
  const roots: Record<string, string> = {};
  for (const [path, text] of SAMPLES) {
    const parsed = await parseSource(path, text);
    roots[path] = parsed.tree ? parsed.tree.rootNode.type : `no tree: ${parsed.reason}`;
    parsed.tree?.delete();
  }
  const runtime = locateGrammarFile({ package: '@vscode/tree-sitter-wasm', file: 'wasm/tree-sitter.wasm' });
  process.stdout.write(JSON.stringify({ roots, loaded: loadedGrammars(), runtime }));
}

void main();
