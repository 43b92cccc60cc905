// Mocha entry that runs INSIDE the VS Code extension host (real `vscode` API).
//
// Loaded by scripts/real-vscode/run-integration.mjs (code-server, `extensionTestsPath`) and by
// test/extension/runTestElectron.ts (@vscode/test-electron). It is compiled by the runner to
// out/test/extension/run-<pid>-<id>/index.js; each suite test/extension/suite/**/*.test.ts is compiled next to it,
// to .../suite/**/*.test.js.
//
// Interface: TDD (`suite`, `test`, `suiteSetup`, `setup`, ...), as in VS Code's own extension template. The BDD
// globals (`describe`, `it`, `before`, ...) are registered too, so either style works.
//
// Environment (set through the payload's extensionEnvironment or the test-electron env):
//   DAILY_DIGEST_FIXTURE     the workspace repository the window opened (see test/ui/fixtureWorkspace.ts)
//   DAILY_DIGEST_TEST_GREP   only run tests whose full title matches this regular expression
//   DAILY_DIGEST_TEST_TIMEOUT per-test timeout in ms (default 30000)
//   DAILY_DIGEST_ONLY_SUITES  comma-separated suite names (file name without .test.js, `trust` for trust.test.js):
//                             run only these; DAILY_DIGEST_SKIP_SUITES: run all but these. The integration runner
//                             uses them to run trust* in a Restricted Mode window and everything else in a trusted one.
import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import Mocha from 'mocha';

function findSuites(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const name of entries.sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) files.push(...findSuites(full));
    else if (name.endsWith('.test.js')) files.push(full);
  }
  return files;
}

/** The suite that runs first (the others in file-name order). */
const FIRST_SUITE = 'extension';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    reporter: 'spec',
    color: false,
    timeout: Number(process.env.DAILY_DIGEST_TEST_TIMEOUT) || 30_000,
    slow: 2_000,
    grep: process.env.DAILY_DIGEST_TEST_GREP || undefined,
  });
  Mocha.interfaces.bdd(mocha.suite);

  const suiteDir = join(__dirname, 'suite');
  const all = findSuites(suiteDir);
  const names = (value: string | undefined): string[] | undefined =>
    value === undefined || value.trim() === '' ? undefined : value.split(',').map((name) => name.trim()).filter(Boolean);
  const only = names(process.env.DAILY_DIGEST_ONLY_SUITES);
  const skip = names(process.env.DAILY_DIGEST_SKIP_SUITES) ?? [];
  const suiteName = (file: string): string => basename(file).replace(/\.test\.js$/, '');
  const files = all.filter((file) => (only === undefined || only.includes(suiteName(file))) && !skip.includes(suiteName(file)))
    // extension.test.js first: it checks the state right after activation, before any other suite generated a report.
    .sort((a, b) => Number(suiteName(b) === FIRST_SUITE) - Number(suiteName(a) === FIRST_SUITE));
  if (files.length === 0) {
    const filter = only !== undefined ? ` named ${only.join(', ')}` : skip.length > 0 ? ` other than ${skip.join(', ')}` : '';
    return Promise.reject(new Error(`no compiled suites (*.test.js)${filter} under ${suiteDir}`));
  }
  console.log(`[daily-digest tests] ${files.length} suite file(s): ${files.map((f) => relative(suiteDir, f)).join(', ')}`);
  for (const file of files) mocha.addFile(file);

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} test(s) failed.`));
        else if ((runner.stats?.tests ?? 0) === 0) {
          // Never report success for a run that tested nothing (an over-narrow grep, suites that register nothing).
          reject(new Error(`no tests ran${process.env.DAILY_DIGEST_TEST_GREP ? ` (grep ${process.env.DAILY_DIGEST_TEST_GREP})` : ''}.`));
        } else resolve();
      });
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
