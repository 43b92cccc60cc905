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

function lineSet(lines: PatchLines['added']): Set<number> {
  return new Set(lines.map((line) => line.line));
}

function charge(budget: ParseBudget, bytes: number): boolean {
  if (bytes > budget.remainingBytes) return false;
  budget.remainingBytes -= bytes;
  return true;
}

/**
 * The models of a changed file's two sides from their syntax trees: the old side parsed whole and read, then its
 * tree edited by the patch and re-parsed with the new text (sideTrees.ts), the new side read. The budget is charged
 * the old text and, for an incremental parse, the patch (else the new text). Trees are deleted before returning.
 */
export async function treeModels(
  file: FileInput, lines: PatchLines, touched: { old: Set<number>; new: Set<number> }, budget: ParseBudget,
): Promise<{ old: CodeModel; new: CodeModel } | { reason: ParseNoteReason }> {
  const trees: SideTree[] = [];
  try {
    let old = emptyModel();
    let oldTree: SideTree | undefined;
    if (file.status !== 'A') {
      if (file.oldText === undefined) return { reason: 'unreadable' };
      if (!charge(budget, utf8Length(file.oldText))) return { reason: 'budget' };
      oldTree = await parseWhole(file.oldPath ?? file.path, file.oldText);
      trees.push(oldTree);
      if ('reason' in oldTree) return oldTree;
      old = await buildModel(oldTree.tree, oldTree.language, { changedLines: lineSet(lines.removed), touchedLines: touched.old, allChanged: file.status === 'D', wantWord: isFormatWord });
    }
    if (file.status === 'D') return { old, new: emptyModel() };
    if (file.newText === undefined) return { reason: 'unreadable' };
    let newTree: SideTree | undefined;
    const edits = oldTree && 'tree' in oldTree && file.oldText !== undefined ? editsFromPatch(file.patch, file.oldText, file.newText) : undefined;
    if (edits && oldTree && 'tree' in oldTree && charge(budget, Math.min(file.patch?.length ?? 0, utf8Length(file.newText)))) {
      newTree = await parseNewIncrementally(file.path, file.newText, oldTree.tree, oldTree.language, edits);
      // A tree the edits left broken is parsed again whole before the file is called unparsable.
      if (newTree && 'reason' in newTree && newTree.reason === 'syntax-error') newTree = undefined;
    }
    if (!newTree) {
      if (!charge(budget, utf8Length(file.newText))) return { reason: 'budget' };
      newTree = await parseWhole(file.path, file.newText);
    }
    trees.push(newTree);
    if ('reason' in newTree) return newTree;
    const next = await buildModel(newTree.tree, newTree.language, { changedLines: lineSet(lines.added), touchedLines: touched.new, allChanged: file.status === 'A', wantWord: isFormatWord });
    return { old, new: next };
  } finally {
    for (const side of trees) if ('tree' in side) side.tree.delete();
  }
}
