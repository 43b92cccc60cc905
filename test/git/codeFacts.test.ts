import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BlobReader } from '../../src/core/git/blobReader.js';
import { createParseBudget, extractCodeFacts } from '../../src/core/analyze/facts/definitions.js';
import { SideFactsCache } from '../../src/core/analyze/facts/sideCache.js';
import { readFileInputs } from '../../src/core/analyze/facts/fileInputs.js';
import type { ChangedPath } from '../../src/core/analyze/facts/fileInputs.js';
import { FixtureRepo } from '../support/gitFixture.js';

/** The changed files of a commit as `git diff-tree` names them (renames found). */
function changedPaths(repo: FixtureRepo, parent: string, commit: string): ChangedPath[] {
  const fields = repo.git(['diff-tree', '-r', '-z', '-M', '--no-ext-diff', '--no-textconv', '--name-status', parent, commit]).split('\0');
  const changes: ChangedPath[] = [];
  for (let index = 0; index < fields.length - 1;) {
    const status = fields[index++];
    if (status.startsWith('R') || status.startsWith('C')) {
      changes.push({ status: status[0] as 'R' | 'C', oldPath: fields[index++], path: fields[index++] });
    } else {
      changes.push({ status: status as ChangedPath['status'], path: fields[index++] });
    }
  }
  return changes;
}

test('code facts from a real repository: blobs read by one cat-file, definitions and tests of a commit', async (t) => {
  const repo = FixtureRepo.create({ prefix: 'dd-codefacts-' });
  t.after(() => repo.cleanup());
  const goServer = (extra: string) => `package api\n\ntype Message struct {\n\tRole    string\n\tContent string\n${extra}}\n\nfunc Handle(m Message) error {\n\treturn nil\n}\n`;
  repo
    .write('api/types.go', goServer(''))
    .write('src/util.ts', 'export function slugify(s: string): string {\n  return s.toLowerCase().replace(/\\s+/g, "-").trim();\n}\n')
    .write('lib/old_name.py', 'def load(path):\n    with open(path) as f:\n        return f.read()\n')
    .write('pack.h', 'int write_pack(int fd);\n')
    .write('logo.png', Buffer.from([0x89, 0x50, 0, 0, 1]));
  const parent = repo.commit('base', { date: '2026-01-22T09:00:00+08:00' });
  repo
    .write('api/types.go', goServer('\tToolCallID string `json:"tool_call_id"`\n'))
    .write('api/types_test.go', 'package api\n\nimport "testing"\n\nfunc TestHandle(t *testing.T) {\n\t_ = Handle(Message{ToolCallID: "x"})\n}\n')
    .write('src/util.ts', 'export function slugify(s: string, sep = "-"): string {\n  return s.toLowerCase().replace(/\\s+/g, sep).trim();\n}\n')
    .remove('lib/old_name.py')
    .write('lib/new_name.py', 'def load(path):\n    with open(path) as f:\n        return f.read()\n')
    .write('pack.h', 'struct write_pack_opts { int fd; };\nint write_pack(struct write_pack_opts *opts);\n')
    .write('logo.png', Buffer.from([0x89, 0x50, 0, 0, 2]));
  const commit = repo.commit('tool calls', { date: '2026-01-22T10:00:00+08:00' });

  const reader = await BlobReader.open(repo.dir);
  t.after(() => reader.close());
  const changes = changedPaths(repo, parent, commit);
  assert.ok(changes.some((change) => change.status === 'R' && change.oldPath === 'lib/old_name.py'));
  const inputs = await readFileInputs(reader, parent, commit, changes);
  assert.equal(inputs.find((input) => input.path === 'logo.png')?.oldText, undefined, 'no blob read for a file no grammar parses');
  const facts = await extractCodeFacts(inputs);
  assert.deepEqual(facts.notes, []);
  assert.deepEqual(
    facts.definitions.map((fact) => `${fact.change} ${fact.path}:${fact.line} ${fact.container ? `${fact.container}.` : ''}${fact.name}${fact.public ? ' (public)' : ''}`),
    [
      'added api/types.go:6 Message.ToolCallID (public)',
      'added pack.h:1 write_pack_opts (public)',
      'added pack.h:1 write_pack_opts.fd (public)',
      'signature pack.h:2 write_pack (public)',
      'signature src/util.ts:1 slugify (public)',
    ],
  );
  assert.equal(facts.definitions.find((fact) => fact.name === 'write_pack')?.oldSignature, 'int write_pack(int fd);');
  assert.deepEqual(facts.tests.map((fact) => `${fact.change} ${fact.name} [${fact.covers.join(',')}]`), ['added TestHandle [ToolCallID]']);

  // The next commit's old side is this commit's new side: with a shared cache it is not parsed again.
  repo.write('src/util.ts', 'export function slugify(s: string, sep = "_"): string {\n  return s.toLowerCase().replace(/\\s+/g, sep).trim();\n}\n');
  const third = repo.commit('underscore', { date: '2026-01-22T11:00:00+08:00' });
  const cache = new SideFactsCache();
  const budget = createParseBudget();
  await extractCodeFacts(inputs, { cache, budget });
  const spentBefore = budget.remainingBytes;
  const next = await readFileInputs(reader, commit, third, changedPaths(repo, commit, third));
  assert.ok(next[0]?.oldId && next[0]?.newId && next[0].oldId !== next[0].newId);
  const cached = await extractCodeFacts(next, { cache, budget });
  assert.equal(cache.hits, 1);
  assert.ok(spentBefore - budget.remainingBytes < Buffer.byteLength(next[0]?.oldText ?? '') * 2, 'only the new side was parsed');
  assert.deepEqual(cached, await extractCodeFacts(next));
  assert.deepEqual(cached.definitions.map((fact) => `${fact.change} ${fact.name}`), ['signature slugify']);
});
