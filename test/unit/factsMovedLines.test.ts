import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isReordering, movedLines } from '../../src/core/analyze/facts/movedLines.js';
import { analyzeCommit } from '../../src/core/analyze/index.js';
import { emptyCodeFacts } from '../../src/core/analyze/facts/types.js';
import type { FileInput } from '../../src/core/analyze/facts/types.js';
import type { Commit } from '../../src/core/domain/commit.js';
import { gitPatch } from '../support/gitPatch.js';

const imports = (names: string[]): string => names.map((name) => `import { ${name} } from './${name}.js';`).join('\n') + '\nexport const x = 1;\n';

test('moved lines: sorted imports come back, deleted ones do not; blank lines and file headers do not count', () => {
  const names = Array.from({ length: 60 }, (_, index) => `m${String(index).padStart(2, '0')}`);
  const sorted: FileInput = { path: 'src/a.ts', status: 'M', patch: gitPatch(imports([...names].reverse()), imports(names)) };
  const moves = movedLines([sorted]);
  assert.ok(moves !== undefined && moves.removed >= 59 && moves.moved === moves.removed, JSON.stringify(moves));
  assert.equal(isReordering(moves), true);

  const deleted: FileInput = { path: 'src/b.ts', status: 'M', patch: gitPatch(imports(names), imports(names.slice(0, 5))) };
  assert.deepEqual(movedLines([deleted]), { removed: 55, moved: 0 });
  assert.equal(isReordering(movedLines([sorted, deleted])), false, 'half of the removed lines are gone for good');
  assert.equal(isReordering({ removed: 20, moved: 20 }), false, 'a few lines moved say nothing');
  assert.equal(movedLines([{ path: 'c.ts', status: 'A', patch: gitPatch('', 'a\n') }]), undefined, 'nothing removed');
  const sql: FileInput = { path: 'db/q.sql', status: 'M', patch: gitPatch('-- header\nSELECT 1;\n', 'SELECT 1;\n-- header\n') };
  assert.deepEqual(movedLines([sql]), { removed: 1, moved: 1 }, 'a line whose text starts with `--` is a line, not a file header');
});

test('a commit that only reorders lines is low, says so, and warns of no deletion', async () => {
  const person = { name: 'Ada', email: 'ada@example.com', date: '2026-01-22T10:00:00Z' };
  const files = Array.from({ length: 40 }, (_, index) => ({ path: `packages/vite/src/f${index}.ts`, status: 'M' as const, additions: 12, deletions: 12, binary: false }));
  const commit: Commit = { sha: 'c'.repeat(40), shortSha: 'ccccccc', parents: ['d'.repeat(40)], author: person, committer: person, subject: 'chore: sort imports', body: '', trailers: [], files };
  const code = { ...emptyCodeFacts(), moves: { removed: 480, moved: 470 } };
  for (const language of ['en', 'zh-CN'] as const) {
    const analysis = await analyzeCommit(commit, { language, rules: [], code });
    assert.equal(analysis.importance, 'low', analysis.reasons.join(' | '));
    assert.deepEqual(analysis.risks, [], 'no "large deletion" risk');
    if (language === 'en') {
      assert.match(analysis.summary, /Most lines only move: of the 480 lines removed from the files read, 470 come back in the same file/);
      assert.equal(analysis.reasons[0], 'moves lines rather than changing them: 470 of 480 removed lines come back (in the files read)');
    } else {
      assert.match(analysis.summary, /大部分改动只是移动代码行/);
    }
  }
  const deleting = await analyzeCommit(commit, { language: 'en', rules: [], code: { ...emptyCodeFacts(), moves: { removed: 480, moved: 10 } } });
  assert.doesNotMatch(deleting.summary, /only move/);
  assert.ok(!deleting.reasons.some((reason) => reason.startsWith('moves lines')));
});
