// Runs every node:test file of the headless suites (no VS Code needed) with tsx.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const SUITES = ['test/unit', 'test/git', 'test/cli', 'test/llm', 'test/hostile', 'test/quality'];
const files = SUITES.filter((dir) => existsSync(dir)).flatMap((dir) =>
  readdirSync(dir).filter((name) => name.endsWith('.test.ts')).sort().map((name) => join(dir, name)),
);
if (files.length === 0) {
  console.error('run-unit-tests: no test files found');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
