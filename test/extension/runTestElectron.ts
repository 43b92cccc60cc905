// Runs the extension-host suites in a desktop VS Code through @vscode/test-electron, for contributors whose machines
// can reach the VS Code download servers, or who already have VS Code installed.
//
//   npx tsx test/extension/runTestElectron.ts
//   VSCODE_EXECUTABLE_PATH=/usr/share/code/code npx tsx test/extension/runTestElectron.ts   (no download)
//
// Same suites, same mocha entry (test/extension/index.ts) and same fixture workspace as the code-server runner
// (scripts/real-vscode/run-integration.mjs, used here and in CI because that network cannot download VS Code).
import { resolve, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { createFixtureWorkspace } from '../ui/fixtureWorkspace.js';

async function main(): Promise<number> {
  const root = resolve(__dirname, '..', '..');
  // The compile step lives in the harness (.mjs); load it by URL so TypeScript does not need its types.
  const prepareUrl = pathToFileURL(join(root, 'scripts', 'real-vscode', 'prepare.mjs')).href;
  const prepare = (await import(prepareUrl)) as {
    buildExtension(dir?: string): unknown;
    compileSuites(): Promise<string>;
    removeCompiled(indexJs: string): void;
  };
  prepare.buildExtension(root);
  const extensionTestsPath = await prepare.compileSuites();

  const fixture = createFixtureWorkspace();
  try {
    await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH || undefined,
      version: process.env.VSCODE_VERSION || undefined,
      extensionDevelopmentPath: root,
      extensionTestsPath,
      launchArgs: [fixture.dir, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome',
        '--skip-release-notes'],
      extensionTestsEnv: {
        DAILY_DIGEST_FIXTURE: fixture.dir,
        DAILY_DIGEST_FIXTURE_COMMITS: JSON.stringify(fixture.commits),
        ...(process.env.DAILY_DIGEST_TEST_GREP ? { DAILY_DIGEST_TEST_GREP: process.env.DAILY_DIGEST_TEST_GREP } : {}),
      },
    });
    return 0;
  } catch (err) {
    console.error(`[test-electron] FAILED: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    fixture.cleanup();
    prepare.removeCompiled(extensionTestsPath);
  }
}

main().then((code) => process.exit(code), (err) => {
  console.error(`[test-electron] FAILED: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
