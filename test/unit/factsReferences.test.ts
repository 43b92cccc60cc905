import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeInterfaceFacts } from '../../src/core/analyze/facts/code/codeFacts.js';
import { referenceFacts } from '../../src/core/analyze/facts/references.js';
import type { FileInput, ReferenceFact } from '../../src/core/analyze/facts/types.js';
import { modifiedFile } from '../support/gitPatch.js';

async function references(...files: FileInput[]): Promise<ReferenceFact[]> {
  const { tokens } = await codeInterfaceFacts(files, []);
  return referenceFacts(tokens, []);
}

const named = (facts: readonly ReferenceFact[], change: 'added' | 'removed'): string[] =>
  facts.filter((fact) => fact.change === change).map((fact) => fact.name).sort();

describe('references: what the changed lines start or stop using', () => {
  it('names a call as written, through a type or module, once (not its parts again)', async () => {
    const java = modifiedFile('src/main/java/A.java',
      'class A {\n  void get() {\n    spin();\n  }\n}\n',
      'import java.util.concurrent.locks.LockSupport;\nclass A {\n  void get() {\n    LockSupport.parkNanos(1_000_000L);\n  }\n}\n');
    const rust = modifiedFile('src/hash.rs',
      'fn digest(b: &[u8]) -> String {\n    format_hex(Sha256::digest(b))\n}\n',
      'fn digest(b: &[u8]) -> String {\n    hex::encode(Sha256::digest(b))\n}\n');
    const python = modifiedFile('requests/utils.py',
      'import tempfile\ndef extract(path):\n    return path\n',
      'import tempfile\ndef extract(path):\n    fd, name = tempfile.mkstemp(dir=tempfile.gettempdir())\n    return name\n');
    const c = modifiedFile('builtin/mailsplit.c',
      'static int split(FILE *f)\n{\n\treturn 0;\n}\n',
      'static int split(FILE *f)\n{\n\tif (isatty(fileno(f)))\n\t\twarning("stdin");\n\treturn 0;\n}\n');
    const facts = await references(java, rust, python, c);
    const added = named(facts, 'added');
    for (const name of ['LockSupport.parkNanos', 'hex::encode', 'tempfile.mkstemp', 'tempfile.gettempdir', 'isatty']) assert.ok(added.includes(name), `${name} in ${added.join(', ')}`);
    assert.ok(!added.includes('parkNanos') && !added.includes('LockSupport'), 'the call is named once, as written');
    assert.ok(!added.includes('warning'), 'a common call is left out');
    assert.ok(!added.includes('Sha256::digest'), 'a call on both sides is not a new one');
    assert.ok(!named(facts, 'removed').includes('spin'), 'a short bare call is left out');
    assert.ok(named(facts, 'removed').includes('format_hex'), 'a call the change stops making');
  });

  it('a call removed is named as no longer used', async () => {
    const go = modifiedFile('server/images.go',
      'package server\nfunc pull() error {\n\treturn verifyBlob(digest)\n}\n',
      'package server\nfunc pull() error {\n\treturn nil\n}\n');
    assert.deepEqual(named(await references(go), 'removed'), ['verifyBlob']);
  });

  it('names an everyday call (`to_vec`, `startswith`) only when nothing more telling changed', async () => {
    const copies = modifiedFile('crates/globset/src/lib.rs',
      'fn candidate(path: &[u8]) -> Vec<u8> {\n    path.to_vec()\n}\n',
      'fn candidate(path: &[u8]) -> &[u8] {\n    path\n}\n');
    assert.deepEqual(named(await references(copies), 'removed'), ['path.to_vec']);
    const python = modifiedFile('src/pkg/io.py', 'def f(p):\n    return p\n', 'def f(p):\n    if p.startswith("/"):\n        return tempfile.mkstemp()\n    return p\n');
    assert.deepEqual(named(await references(python), 'added'), ['tempfile.mkstemp']);
  });

  it('ranks the product\'s references before the tests\'', async () => {
    const test = modifiedFile('tests/test_big.py', 'def test_a():\n    pass\n',
      `def test_a():\n${Array.from({ length: 40 }, (_, i) => `    helper_name_${i}()\n`).join('')}`);
    const product = modifiedFile('src/lib.py', 'def f():\n    return 1\n', 'def f():\n    return Decimal(1)\n');
    const facts = await references(test, product);
    assert.equal(facts[0]?.path, 'src/lib.py');
    assert.equal(facts[0]?.name, 'Decimal');
  });
});
