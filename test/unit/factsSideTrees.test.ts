import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editsFromPatch, parseNewIncrementally, parseWhole } from '../../src/core/analyze/facts/code/sideTrees.js';
import { gitPatch } from '../support/gitPatch.js';

const OLD = 'fn a() -> u32 {\n    1\n}\n\nfn b() {}\n\nfn c() {\n    let x = 2;\n}\n';
const NEW = 'fn a() -> u32 {\n    10\n}\n\nfn b() {}\nfn b2() {}\n\nfn c() {\n}\n';

describe('incremental parse of the new side', () => {
  it('gives the tree a whole parse gives', async () => {
    const patch = gitPatch(OLD, NEW);
    const edits = editsFromPatch(patch, OLD, NEW);
    assert.ok(edits && edits.length > 0);
    const old = await parseWhole('a.rs', OLD);
    const whole = await parseWhole('a.rs', NEW);
    assert.ok('tree' in old && 'tree' in whole);
    const incremental = await parseNewIncrementally('a.rs', NEW, old.tree, old.language, edits);
    assert.ok(incremental && 'tree' in incremental);
    assert.equal(incremental.tree.rootNode.toString(), whole.tree.rootNode.toString());
    for (const side of [old, whole, incremental]) side.tree.delete();
  });

  it('refuses hunks that do not account for the texts (a patch cut short or made up)', () => {
    const patch = gitPatch(OLD, NEW);
    const cut = patch.slice(0, patch.lastIndexOf('@@ -'));
    assert.equal(editsFromPatch(cut, OLD, NEW), undefined);
    assert.equal(editsFromPatch('@@ -1,1 +0,0 @@\n-x\n', OLD, NEW), undefined);
    assert.equal(editsFromPatch(undefined, OLD, NEW), undefined);
  });
});
