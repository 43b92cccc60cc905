import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractCodeFacts } from '../../src/core/analyze/facts/definitions.js';
import type { DefinitionFact, FileInput } from '../../src/core/analyze/facts/types.js';

/**
 * Per language, one file before and after a change in which: `keep` changes its body, `resign` its parameters,
 * `gone` is removed, `fresh` is added, `before_name` is renamed to `after_name` (same body), and a private helper
 * beside a public one tells the visibility rule. Around them, ~60 unchanged functions make the file a real size
 * and must give no fact.
 */
interface LanguageCase {
  path: string;
  /** Source of the unchanged filler function number i. */
  filler: (i: number) => string;
  old: string;
  new: string;
  /** The definitions' names as written (Go wants capitals for public ones). */
  names?: Partial<Record<'keep' | 'resign' | 'gone' | 'fresh' | 'before' | 'after' | 'pub' | 'priv', string>>;
  /** What the language's file wraps the definitions in (Java: a class). */
  wrap?: (body: string) => string;
}

const N = 60;
const LONG_BODY = (v: string) => `${v} = ${v} * 31 + 7; ${v} = ${v} ^ (${v} >> 3); ${v} = ${v} - 11;`;

const CASES: Record<string, LanguageCase> = {
  typescript: {
    path: 'src/service.ts',
    filler: (i) => `export function filler${i}(value: number): number {\n  let v = value + ${i};\n  ${LONG_BODY('v')}\n  return v;\n}\n`,
    old: `export function keep(a: number): number {\n  return a + 1;\n}\nexport function resign(a: number): number {\n  return a;\n}\nexport function gone(): void {}\nfunction before_name(x: number): number {\n  let v = x;\n  ${LONG_BODY('v')}\n  return v;\n}\nexport function pub(): void {}\nfunction priv(): void {}\n`,
    new: `export function keep(a: number): number {\n  return a + 2;\n}\nexport function resign(a: number, b: string): number {\n  return a;\n}\nexport function fresh(): string { return ''; }\nfunction after_name(x: number): number {\n  let v = x;\n  ${LONG_BODY('v')}\n  return v;\n}\nexport function pub(): void {}\nfunction priv(): void {}\n`,
  },
  tsx: {
    path: 'web/App.tsx',
    filler: (i) => `export const Filler${i} = (props: { n: number }) => {\n  const doubled = props.n * ${i};\n  return (\n    <div className="f${i}">\n      {doubled}\n    </div>\n  );\n};\n\n`,
    old: `export function keep() { return <p>a</p>; }\nexport function resign(a: number) { return <p>{a}</p>; }\nexport function gone() { return null; }\nfunction before_name(x: number) {\n  let v = x;\n  ${LONG_BODY('v')}\n  return <span>{v}</span>;\n}\nexport function pub() {}\nfunction priv() {}\n`,
    new: `export function keep() { return <p>b</p>; }\nexport function resign(a: number, b?: string) { return <p>{a}</p>; }\nexport function fresh() { return <hr />; }\nfunction after_name(x: number) {\n  let v = x;\n  ${LONG_BODY('v')}\n  return <span>{v}</span>;\n}\nexport function pub() {}\nfunction priv() {}\n`,
  },
  javascript: {
    path: 'lib/index.js',
    filler: (i) => `export function filler${i}(value) {\n  let v = value + ${i};\n  ${LONG_BODY('v')}\n  return v;\n}\n`,
    old: `export function keep(a) { return a + 1; }\nexport function resign(a) { return a; }\nexport function gone() {}\nfunction before_name(x) {\n  let v = x;\n  ${LONG_BODY('v')}\n  return v;\n}\nexport function pub() {}\nfunction priv() {}\n`,
    new: `export function keep(a) { return a + 2; }\nexport function resign(a, b = 1) { return a; }\nexport function fresh() {}\nfunction after_name(x) {\n  let v = x;\n  ${LONG_BODY('v')}\n  return v;\n}\nexport function pub() {}\nfunction priv() {}\n`,
  },
  python: {
    path: 'pkg/service.py',
    filler: (i) => `def filler_${i}(value):\n    v = value + ${i}\n    v = v * 31 + 7\n    return v\n\n`,
    old: `def keep(a):\n    return a + 1\n\ndef resign(a):\n    return a\n\ndef gone():\n    pass\n\ndef before_name(x):\n    v = x * 31 + 7\n    v = v ^ (v >> 3)\n    return v - 11\n\ndef pub():\n    pass\n\ndef _priv():\n    pass\n`,
    new: `def keep(a):\n    return a + 2\n\ndef resign(a, *, strict=False):\n    return a\n\ndef fresh():\n    return 1\n\ndef after_name(x):\n    v = x * 31 + 7\n    v = v ^ (v >> 3)\n    return v - 11\n\ndef pub():\n    pass\n\ndef _priv():\n    pass\n`,
    names: { priv: '_priv' },
  },
  rust: {
    path: 'src/engine.rs',
    filler: (i) => `pub fn filler_${i}(value: u64) -> u64 {\n    let mut v = value + ${i};\n    v = v * 31 + 7;\n    v ^ (v >> 3)\n}\n\n`,
    old: `pub fn keep(a: u8) -> u8 {\n    a + 1\n}\npub fn resign(a: u8) -> u8 {\n    a\n}\npub fn gone() {}\nfn before_name(x: u64) -> u64 {\n    let mut v = x * 31 + 7;\n    v = v ^ (v >> 3);\n    v - 11\n}\npub fn pub_fn() {}\nfn priv_fn() {}\n`,
    new: `pub fn keep(a: u8) -> u8 {\n    a + 2\n}\npub fn resign(a: u8, strict: bool) -> u8 {\n    a\n}\npub fn fresh() -> u8 { 1 }\nfn after_name(x: u64) -> u64 {\n    let mut v = x * 31 + 7;\n    v = v ^ (v >> 3);\n    v - 11\n}\npub fn pub_fn() {}\nfn priv_fn() {}\n`,
    names: { pub: 'pub_fn', priv: 'priv_fn' },
  },
  go: {
    path: 'pkg/server/server.go',
    filler: (i) => `func Filler${i}(value int) int {\n\tv := value + ${i}\n\tv = v*31 + 7\n\treturn v ^ (v >> 3)\n}\n\n`,
    old: `func Keep(a int) int {\n\treturn a + 1\n}\nfunc Resign(a int) int {\n\treturn a\n}\nfunc Gone() {}\nfunc beforeName(x int) int {\n\tv := x*31 + 7\n\tv = v ^ (v >> 3)\n\treturn v - 11\n}\nfunc Pub() {}\nfunc priv() {}\n`,
    new: `func Keep(a int) int {\n\treturn a + 2\n}\nfunc Resign(a int, strict bool) int {\n\treturn a\n}\nfunc Fresh() int { return 1 }\nfunc afterName(x int) int {\n\tv := x*31 + 7\n\tv = v ^ (v >> 3)\n\treturn v - 11\n}\nfunc Pub() {}\nfunc priv() {}\n`,
    names: { keep: 'Keep', resign: 'Resign', gone: 'Gone', fresh: 'Fresh', before: 'beforeName', after: 'afterName', pub: 'Pub' },
    wrap: (body) => `package server\n\n${body}`,
  },
  c: {
    path: 'src/pack.c',
    filler: (i) => `int filler_${i}(int value)\n{\n\tint v = value + ${i};\n\tv = v * 31 + 7;\n\treturn v ^ (v >> 3);\n}\n\n`,
    old: `int keep(int a)\n{\n\treturn a + 1;\n}\nint resign(int a)\n{\n\treturn a;\n}\nvoid gone(void) {}\nstatic int before_name(int x)\n{\n\tint v = x * 31 + 7;\n\tv = v ^ (v >> 3);\n\treturn v - 11;\n}\n`,
    new: `int keep(int a)\n{\n\treturn a + 2;\n}\nint resign(int a, const char *why)\n{\n\treturn a;\n}\nint fresh(void) { return 1; }\nstatic int after_name(int x)\n{\n\tint v = x * 31 + 7;\n\tv = v ^ (v >> 3);\n\treturn v - 11;\n}\n`,
  },
  cpp: {
    path: 'src/engine.cpp',
    filler: (i) => `int Engine::filler${i}(int value) {\n  int v = value + ${i};\n  v = v * 31 + 7;\n  return v ^ (v >> 3);\n}\n\n`,
    old: `int keep(int a) {\n  return a + 1;\n}\nint resign(int a) {\n  return a;\n}\nvoid gone() {}\nstatic int before_name(int x) {\n  int v = x * 31 + 7;\n  v = v ^ (v >> 3);\n  return v - 11;\n}\n`,
    new: `int keep(int a) {\n  return a + 2;\n}\nint resign(int a, const std::string& why) {\n  return a;\n}\nint fresh() { return 1; }\nstatic int after_name(int x) {\n  int v = x * 31 + 7;\n  v = v ^ (v >> 3);\n  return v - 11;\n}\n`,
    wrap: (body) => `#include <string>\n\nnamespace engine {\n${body}}  // namespace engine\n`,
  },
  java: {
    path: 'src/main/java/org/example/Service.java',
    filler: (i) => `  public int filler${i}(int value) {\n    int v = value + ${i};\n    v = v * 31 + 7;\n    return v ^ (v >> 3);\n  }\n\n`,
    old: `  public int keep(int a) {\n    return a + 1;\n  }\n  public int resign(int a) {\n    return a;\n  }\n  public void gone() {}\n  private int beforeName(int x) {\n    int v = x * 31 + 7;\n    v = v ^ (v >> 3);\n    return v - 11;\n  }\n  public void pub() {}\n  private void priv() {}\n`,
    new: `  public int keep(int a) {\n    return a + 2;\n  }\n  public int resign(int a, String why) {\n    return a;\n  }\n  public int fresh() { return 1; }\n  private int afterName(int x) {\n    int v = x * 31 + 7;\n    v = v ^ (v >> 3);\n    return v - 11;\n  }\n  public void pub() {}\n  private void priv() {}\n`,
    names: { before: 'beforeName', after: 'afterName' },
    wrap: (body) => `package org.example;\n\nimport java.util.List;\n\npublic class Service {\n${body}}\n`,
  },
};

function fileOf(language: LanguageCase, part: string): string {
  const fillers = Array.from({ length: N }, (_, i) => language.filler(i)).join('');
  const half = fillers.length >> 1;
  const cut = fillers.indexOf('\n\n', half) + 2 || half;
  const body = fillers.slice(0, cut) + part + fillers.slice(cut);
  return language.wrap ? language.wrap(body) : body;
}

function find(facts: DefinitionFact[], name: string, change: DefinitionFact['change']): DefinitionFact | undefined {
  return facts.find((fact) => fact.name === name && fact.change === change);
}

for (const [id, language] of Object.entries(CASES)) {
  test(`definitions (${id}): body, signature, removed, added, renamed, public vs private; unchanged fillers give nothing`, async () => {
    const name = (key: keyof NonNullable<LanguageCase['names']>, fallback: string) => language.names?.[key] ?? fallback;
    const oldText = fileOf(language, language.old);
    const newText = fileOf(language, language.new);
    assert.ok(newText.split('\n').length > 250, `${id}: a real-size file (${newText.split('\n').length} lines)`);
    const { definitions, notes } = await extractCodeFacts([{ path: language.path, status: 'M', oldText, newText }]);
    assert.deepEqual(notes, []);
    const summary = definitions.map((fact) => `${fact.change} ${fact.name}`);
    assert.ok(find(definitions, name('keep', 'keep'), 'body'), `${id} body: ${summary.join(', ')}`);
    const resigned = find(definitions, name('resign', 'resign'), 'signature');
    assert.ok(resigned, `${id} signature: ${summary.join(', ')}`);
    assert.notEqual(resigned.oldSignature, resigned.signature);
    const removed = find(definitions, name('gone', 'gone'), 'removed');
    assert.ok(removed && removed.side === 'old', `${id} removed: ${summary.join(', ')}`);
    const added = find(definitions, name('fresh', 'fresh'), 'added');
    assert.ok(added && added.side === 'new' && added.line && newText.split('\n')[added.line - 1].includes(name('fresh', 'fresh')), `${id} added at its line`);
    const renamed = find(definitions, name('after', 'after_name'), 'renamed');
    assert.equal(renamed?.oldName, name('before', 'before_name'), `${id} renamed: ${summary.join(', ')}`);
    assert.equal(definitions.length, 5, `${id}: only the five changes: ${summary.join(', ')}`);
    assert.ok(definitions.every((fact) => fact.path === language.path));

    if (id !== 'c' && id !== 'cpp') {
      // Visibility: the same file with one public and one private helper added.
      const more = await extractCodeFacts([{ path: language.path, status: 'A', newText }]);
      const pub = more.definitions.find((fact) => fact.name === name('pub', 'pub'));
      const priv = more.definitions.find((fact) => fact.name === name('priv', 'priv'));
      assert.equal(pub?.public, true, `${id} public`);
      assert.equal(priv?.public, false, `${id} private`);
      assert.ok(more.definitions.length > N, `${id}: every definition of an added file is added`);
      assert.ok(more.definitions.every((fact) => fact.change === 'added'));
    }
  });
}

test('definitions (C, C++): a declaration in a header is public, a static or .c/.cpp one is not', async () => {
  const header = `#ifndef PACK_H\n#define PACK_H\n#define PACK_MAX 64\nstruct write_pack_opts {\n\tint depth;\n\tconst char *name;\n};\nint write_pack(struct write_pack_opts *opts);\nstatic inline int pack_helper(int a) { return a; }\n#endif\n`;
  const { definitions } = await extractCodeFacts([
    { path: 'pack.h', status: 'A', newText: header },
    { path: 'pack.c', status: 'A', newText: 'int write_pack(struct write_pack_opts *opts) { return 0; }\n' },
    {
      path: 'include/engine.hpp', status: 'A',
      newText: 'namespace e {\nclass Engine {\n public:\n  int run(int n);\n private:\n  int secret_;\n  void hidden();\n};\n}\n',
    },
  ]);
  const by = (path: string, name: string) => definitions.find((fact) => fact.path === path && fact.name === name);
  assert.equal(by('pack.h', 'write_pack')?.public, true);
  assert.equal(by('pack.h', 'write_pack_opts')?.defKind, 'struct');
  assert.equal(by('pack.h', 'depth')?.container, 'write_pack_opts');
  assert.equal(by('pack.h', 'PACK_MAX')?.defKind, 'constant');
  assert.equal(by('pack.h', 'PACK_H'), undefined, 'an include guard is not a constant');
  assert.equal(by('pack.h', 'pack_helper')?.public, false);
  assert.equal(by('pack.c', 'write_pack')?.public, false);
  assert.equal(by('include/engine.hpp', 'run')?.public, true);
  assert.equal(by('include/engine.hpp', 'run')?.container, 'Engine');
  assert.equal(by('include/engine.hpp', 'secret_')?.public, false);
  assert.equal(by('include/engine.hpp', 'hidden')?.public, false);
  assert.equal(by('include/engine.hpp', 'Engine')?.language, 'C++');
});

test('definitions: moved between files, visibility change is a signature change, types and members', async () => {
  const files: FileInput[] = [
    { path: 'src/old.rs', status: 'M', oldText: 'pub fn shared(a: u8) -> u8 { a }\npub struct Opts { pub depth: u8 }\n', newText: 'pub struct Opts { pub depth: u8, pub name: String }\n' },
    { path: 'src/new.rs', status: 'A', newText: 'pub fn shared(a: u8) -> u8 { a }\n' },
    { path: 'api.ts', status: 'M', oldText: 'export function open(): void {}\nexport interface Msg { id: string }\n', newText: 'function open(): void {}\nexport interface Msg { id: string; tool_call_id?: string }\n' },
    { path: 'model.go', status: 'M', oldText: 'package m\ntype Message struct {\n\tRole string\n}\n', newText: 'package m\ntype Message struct {\n\tRole string\n\tToolCallID string `json:"tool_call_id"`\n}\n' },
  ];
  const { definitions } = await extractCodeFacts(files);
  const moved = definitions.find((fact) => fact.name === 'shared');
  assert.equal(moved?.change, 'moved');
  assert.equal(moved?.oldPath, 'src/old.rs');
  assert.equal(moved?.path, 'src/new.rs');
  const field = definitions.find((fact) => fact.name === 'name');
  assert.deepEqual([field?.change, field?.defKind, field?.container, field?.public], ['added', 'field', 'Opts', true]);
  const open = definitions.find((fact) => fact.name === 'open');
  assert.deepEqual([open?.change, open?.public, open?.oldPublic], ['signature', false, true]);
  assert.deepEqual(definitions.filter((fact) => fact.path === 'api.ts').map((fact) => `${fact.change} ${fact.container ?? ''}.${fact.name}`),
    ['signature .open', 'added Msg.tool_call_id']);
  const goField = definitions.find((fact) => fact.name === 'ToolCallID');
  assert.deepEqual([goField?.change, goField?.container, goField?.public, goField?.language], ['added', 'Message', true, 'Go']);
});

test('definitions: deterministic order (path, line) whatever the input order', async () => {
  const files: FileInput[] = [
    { path: 'b.py', status: 'A', newText: 'def b1():\n    pass\n\ndef b2():\n    pass\n' },
    { path: 'a.go', status: 'A', newText: 'package a\nfunc A2() {}\nfunc A1() {}\n' },
  ];
  const first = await extractCodeFacts(files);
  const second = await extractCodeFacts([...files].reverse());
  assert.deepEqual(first, second);
  assert.deepEqual(first.definitions.map((fact) => fact.name), ['A2', 'A1', 'b1', 'b2']);
});

test('definitions: a Rust variant is marked exhaustive unless its enum is #[non_exhaustive]', async () => {
  const oldText = '#[derive(Debug)]\npub enum NixlError {\n    Backend,\n}\n\n#[non_exhaustive]\n#[derive(Debug)]\npub enum Status {\n    Ok,\n}\n';
  const newText = '#[derive(Debug)]\npub enum NixlError {\n    Backend,\n    NotFound,\n}\n\n#[non_exhaustive]\n#[derive(Debug)]\npub enum Status {\n    Ok,\n    Busy,\n}\n';
  const { definitions } = await extractCodeFacts([{ path: 'src/lib.rs', status: 'M', oldText, newText }]);
  const added = definitions.filter((fact) => fact.change === 'added').map((fact) => `${fact.container}::${fact.name} ${fact.exhaustive === true}`);
  assert.deepEqual(added, ['NixlError::NotFound true', 'Status::Busy false']);
  const cli = '#[derive(Subcommand)]\npub enum Commands {\n    Add(AddArgs),\n}\n';
  const commands = await extractCodeFacts([{ path: 'src/lib.rs', status: 'M', oldText: cli, newText: cli.replace('    Add(AddArgs),\n', '    Add(AddArgs),\n    Workspace(WorkspaceArgs),\n') }]);
  assert.equal(commands.definitions.find((fact) => fact.name === 'Workspace')?.exhaustive, undefined, 'a clap subcommand enum is a command list, not a matched API');
});
