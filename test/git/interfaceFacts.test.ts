import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BlobReader } from '../../src/core/git/blobReader.js';
import { readFileInputs } from '../../src/core/analyze/facts/fileInputs.js';
import type { ChangedPath } from '../../src/core/analyze/facts/fileInputs.js';
import { extractInterfaceFacts } from '../../src/core/analyze/facts/interfaceFacts.js';
import { addInterfaceTexts } from '../../src/core/analyze/facts/interfaceInputs.js';
import { FixtureRepo } from '../support/gitFixture.js';

/** The changed files of a commit with their patches, as git gives them (argument arrays, no external diff or textconv). */
function changedPaths(repo: FixtureRepo, parent: string, commit: string): ChangedPath[] {
  const fields = repo.git(['diff-tree', '-r', '-z', '-M', '--no-ext-diff', '--no-textconv', '--name-status', parent, commit]).split('\0');
  const changes: ChangedPath[] = [];
  for (let index = 0; index < fields.length - 1;) {
    const status = fields[index++]!;
    if (status.startsWith('R') || status.startsWith('C')) changes.push({ status: status[0] as 'R' | 'C', oldPath: fields[index++], path: fields[index++]! });
    else changes.push({ status: status as ChangedPath['status'], path: fields[index++]! });
  }
  const patch = repo.git(['diff', '-M', '--no-ext-diff', '--no-textconv', '--no-color', parent, commit]);
  for (const part of patch.split(/^diff --git /m).slice(1)) {
    const path = /^a\/.*? b\/(.*)$/m.exec(part)?.[1];
    const change = changes.find((candidate) => candidate.path === path);
    const hunks = part.indexOf('\n@@');
    if (change && hunks !== -1) change.patch = part.slice(hunks + 1);
  }
  return changes;
}

const cli = (fields: string) => `use clap::Parser;\n\n#[derive(Parser)]\npub struct InstallArgs {\n${fields}}\n`;
const workflow = (extra: string) => `name: release\non:\n  push:\n    branches: [main]\n${extra}`;

test('interface facts of a real commit: manifests, workflow, flags, env, routes and defaults', async (t) => {
  const repo = FixtureRepo.create({ prefix: 'dd-ifacts-' });
  t.after(() => repo.cleanup());
  repo
    .write('Cargo.toml', '[package]\nname = "tool"\nversion = "0.1.0"\n\n[dependencies]\nserde = "1.0.200"\n')
    .write('.github/workflows/release.yml', workflow('permissions:\n  contents: read\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n'))
    .write('src/cli.rs', cli('    #[arg(long)]\n    no_verify: bool,\n    #[arg(long, default_value_t = 4)]\n    jobs: usize,\n'))
    .write('app/server.py', 'import os\nfrom flask import Flask\napp = Flask(__name__)\n\n@app.get("/health")\ndef health():\n    return os.getenv("APP_MODE", "prod")\n')
    .write('api/types.go', 'package api\n\ntype Options struct {\n\tRepeatPenalty float32 `json:"repeat_penalty"`\n}\n\nfunc DefaultOptions() Options {\n\treturn Options{\n\t\tRepeatPenalty: 1.1,\n\t}\n}\n')
    .write('README.md', 'A tool. Use a token.\n');
  const parent = repo.commit('base', { date: '2026-01-22T09:00:00+08:00' });
  repo
    .write('Cargo.toml', '[package]\nname = "tool"\nversion = "0.1.0"\n\n[dependencies]\nserde = "1.0.201"\n\n[dev-dependencies]\ninsta = "1.39"\n')
    .write('.github/workflows/release.yml', workflow('  pull_request_target:\npermissions:\n  contents: write\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: softprops/action-gh-release@v2\n        env:\n          TOKEN: ${{ secrets.RELEASE_TOKEN }}\n'))
    .write('src/cli.rs', cli('    #[arg(long, default_value_t = 8)]\n    jobs: usize,\n    /// A CA bundle.\n    #[arg(long, env = "TOOL_CERT")]\n    cert: Option<String>,\n'))
    .write('app/server.py', 'import os\nfrom flask import Flask\napp = Flask(__name__)\n\n@app.get("/health")\ndef health():\n    return os.getenv("APP_MODE", "prod")\n\n@app.post("/api/items")\ndef create():\n    return os.environ["ITEMS_DB"]\n')
    .write('api/types.go', 'package api\n\ntype Options struct {\n\tRepeatPenalty float32 `json:"repeat_penalty"`\n}\n\nfunc DefaultOptions() Options {\n\treturn Options{\n\t\tRepeatPenalty: 1.0,\n\t}\n}\n')
    .write('README.md', 'A tool. Use a token and a password.\n');
  const commit = repo.commit('cert, items route, release workflow', { date: '2026-01-22T10:00:00+08:00' });

  const reader = await BlobReader.open(repo.dir);
  t.after(() => reader.close());
  const inputs = await readFileInputs(reader, parent, commit, changedPaths(repo, parent, commit));
  await addInterfaceTexts(reader, parent, commit, inputs);
  assert.ok(inputs.find((input) => input.path === 'Cargo.toml')?.oldText?.includes('1.0.200'), 'manifests are read whole');
  assert.equal(inputs.find((input) => input.path === 'README.md')?.newText, undefined, 'docs are not read');
  const facts = await extractInterfaceFacts(inputs);

  assert.deepEqual(facts.flags.map((fact) => `${fact.change} ${fact.name} ${fact.path}:${fact.line}`), ['removed --no-verify src/cli.rs:6', 'added --cert src/cli.rs:9']);
  assert.deepEqual(facts.env.map((fact) => `${fact.change} ${fact.name}`), ['added ITEMS_DB', 'added TOOL_CERT']);
  assert.deepEqual(facts.routes.map((fact) => `${fact.change} ${fact.method} ${fact.route}`), ['added POST /api/items']);
  assert.deepEqual(facts.defaults.map((fact) => `${fact.name}: ${fact.old} -> ${fact.new}`), ['Options.RepeatPenalty: 1.1 -> 1.0', '--jobs: 4 -> 8']);
  assert.deepEqual(facts.dependencies.map((fact) => `${fact.change} ${fact.scope} ${fact.name} ${fact.old ?? ''}->${fact.new ?? ''}`), [
    'added ci softprops/action-gh-release ->v2',
    'bumped runtime serde 1.0.200->1.0.201',
    'added dev insta ->1.39',
  ]);
  assert.deepEqual(facts.ci.map((fact) => `${fact.change} ${fact.what} ${fact.detail}`), [
    'added trigger pull_request_target',
    'added permission contents: write',
    'added unpinned-action softprops/action-gh-release@v2',
    'added secret secrets.RELEASE_TOKEN',
  ]);
  // The certificate option touches TLS; the README's "token" and "password" are prose and say nothing.
  assert.deepEqual(facts.security.map((fact) => `${fact.change} ${fact.area} ${fact.evidence} ${fact.path}:${fact.line}`), ['added tls "TOOL_CERT" src/cli.rs:8']);
  assert.deepEqual(facts.notes, []);
});
