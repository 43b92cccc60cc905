import type { ParseBudget } from '../definitions.js';
import type { PatchLines } from '../patchLines.js';
import { utf8Length } from '../syntax/screening.js';
import type { FileInput, ParseNoteReason } from '../types.js';
import { isFormatWord } from './formatTable.js';
import { emptyModel } from './model.js';
import type { CodeModel } from './model.js';
import { editsFromPatch, parseNewIncrementally, parseWhole } from './sideTrees.js';
import type { SideTree } from './sideTrees.js';
import { buildModel } from './queryModel.js';
import { TreeStore } from '../syntax/treeStore.js';

function lineSet(lines: PatchLines['added']): Set<number> {
  return new Set(lines.map((line) => line.line));
}

function charge(budget: ParseBudget, bytes: number): boolean {
  if (bytes > budget.remainingBytes) return false;
  budget.remainingBytes -= bytes;
  return true;
}

/** A side's tree from the store (borrowed: not deleted, not edited), when the blob was parsed already in the run. */
function storedSide(trees: TreeStore | undefined, blobId: string | undefined, path: string): SideTree | undefined {
  const stored = blobId && trees ? trees.get(TreeStore.key(blobId, path)) : undefined;
  return stored ? { tree: stored.tree, language: stored.language } : undefined;
}

/**
 * The models of a changed file's two sides from their syntax trees: the old side parsed whole and read, then its
 * tree edited by the patch and re-parsed with the new text (sideTrees.ts), the new side read. A side whose blob the
 * run parsed already (the definitions reader, or the commit before) is taken from `trees` instead. The budget is
 * charged as if every side were parsed here: the old text and, for an incremental parse, the patch (else the new
 * text), so a run spends it alike whatever was shared. Trees parsed here are deleted before returning.
 */
export async function treeModels(
  file: FileInput, lines: PatchLines, touched: { old: Set<number>; new: Set<number> }, budget: ParseBudget, trees?: TreeStore,
): Promise<{ old: CodeModel; new: CodeModel } | { reason: ParseNoteReason }> {
  const owned: SideTree[] = [];
  try {
    let old = emptyModel();
    let oldTree: SideTree | undefined;
    let oldBorrowed = false;
    if (file.status !== 'A') {
      if (file.oldText === undefined) return { reason: 'unreadable' };
      if (!charge(budget, utf8Length(file.oldText))) return { reason: 'budget' };
      const oldPath = file.oldPath ?? file.path;
      oldTree = storedSide(trees, file.oldId, oldPath);
      oldBorrowed = oldTree !== undefined;
      if (!oldTree) {
        oldTree = await parseWhole(oldPath, file.oldText);
        owned.push(oldTree);
      }
      if ('reason' in oldTree) return oldTree;
      old = await buildModel(oldTree.tree, oldTree.language, { changedLines: lineSet(lines.removed), touchedLines: touched.old, allChanged: file.status === 'D', wantWord: isFormatWord });
    }
    if (file.status === 'D') return { old, new: emptyModel() };
    if (file.newText === undefined) return { reason: 'unreadable' };
    const edits = oldTree && 'tree' in oldTree && file.oldText !== undefined ? editsFromPatch(file.patch, file.oldText, file.newText) : undefined;
    let newTree = storedSide(trees, file.newId, file.path);
    if (newTree) {
      if (!charge(budget, edits && oldTree && 'tree' in oldTree ? Math.min(file.patch?.length ?? 0, utf8Length(file.newText)) : utf8Length(file.newText))) return { reason: 'budget' };
    } else {
      if (edits && oldTree && 'tree' in oldTree && charge(budget, Math.min(file.patch?.length ?? 0, utf8Length(file.newText)))) {
        // A borrowed tree is shared: the edits go to a copy.
        const base = oldBorrowed ? oldTree.tree.copy() : oldTree.tree;
        if (oldBorrowed) owned.push({ tree: base, language: oldTree.language });
        newTree = await parseNewIncrementally(file.path, file.newText, base, oldTree.language, edits);
        // A tree the edits left broken is parsed again whole before the file is called unparsable.
        if (newTree && 'reason' in newTree && newTree.reason === 'syntax-error') newTree = undefined;
      }
      if (!newTree) {
        if (!charge(budget, utf8Length(file.newText))) return { reason: 'budget' };
        newTree = await parseWhole(file.path, file.newText);
      }
      owned.push(newTree);
    }
    if ('reason' in newTree) return newTree;
    const next = await buildModel(newTree.tree, newTree.language, { changedLines: lineSet(lines.added), touchedLines: touched.new, allChanged: file.status === 'A', wantWord: isFormatWord });
    return { old, new: next };
  } finally {
    for (const side of owned) if ('tree' in side) side.tree.delete();
  }
}
