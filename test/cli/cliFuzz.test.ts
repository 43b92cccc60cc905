import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { main } from '../../src/cli/program.js';
import { FixtureRepo } from '../support/gitFixture.js';

const FLAGS = ['--repo', '--date', '--since', '--until', '--tz', '--ref', '--date-field', '--merges', '--author', '--path', '--lang', '--format', '--out', '--force', '--quiet', '--analyzer', '--concurrency', '--bogus', '-x', '--'];
const VALUES = ['today', 'yesterday', '2026-02-30', '7d', '-1d', 'UTC', 'Mars/Phobos', 'HEAD', '--output=/tmp/x', '-n', 'md', 'xml', 'zh-CN', '', ' ', '../..', '\u202e', 'a|b`c', '0', '99999'];

test('random command lines never crash: every run ends with exit 0, 1 or 2 and no stack trace', async () => {
  const repo = FixtureRepo.create({ prefix: 'dd-fuzz-' });
  repo.write('a.txt', 'a\n');
  repo.commit('feat: a', { date: '2026-01-22T09:00:00Z' });
  const savedInitCwd = process.env.INIT_CWD;
  process.env.INIT_CWD = repo.dir;
  const write = process.stderr.write.bind(process.stderr);
  const writeOut = process.stdout.write.bind(process.stdout);
  try {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constantFrom(...FLAGS), fc.constantFrom(...VALUES), fc.string()), { maxLength: 6 }), async (argv) => {
        // --out would write files; the fuzz only checks that parsing and errors are clean.
        const safe = argv.filter((arg, i) => arg !== '--out' && argv[i - 1] !== '--out' && !arg.startsWith('--out='));
        let stderr = '';
        process.stderr.write = ((chunk: string | Uint8Array) => {
          stderr += String(chunk);
          return true;
        }) as typeof process.stderr.write;
        process.stdout.write = (() => true) as typeof process.stdout.write;
        let code: number;
        try {
          code = await main(['--analyzer', 'heuristic', ...safe]);
        } finally {
          process.stderr.write = write;
          process.stdout.write = writeOut;
        }
        assert.ok([0, 1, 2].includes(code), `exit ${code} for ${JSON.stringify(safe)}: ${stderr}`);
        assert.doesNotMatch(stderr, /\n\s+at /, `stack trace for ${JSON.stringify(safe)}`);
        if (code !== 0) assert.ok(stderr.trim().length > 0, `exit ${code} without a message for ${JSON.stringify(safe)}`);
      }),
      { numRuns: 60, seed: 20261123 },
    );
  } finally {
    if (savedInitCwd === undefined) delete process.env.INIT_CWD;
    else process.env.INIT_CWD = savedInitCwd;
    repo.cleanup();
  }
});
