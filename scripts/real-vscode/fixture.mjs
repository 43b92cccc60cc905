#!/usr/bin/env node
// Builds the fixture workspace (test/ui/fixtureWorkspace.ts) and prints its path and commits as JSON.
// Usage: node scripts/real-vscode/fixture.mjs
import { tsImport } from 'tsx/esm/api';

export async function createFixtureWorkspace() {
  const mod = await tsImport('../../test/ui/fixtureWorkspace.ts', import.meta.url);
  return (mod.createFixtureWorkspace ?? mod.default.createFixtureWorkspace)();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const ws = await createFixtureWorkspace();
  console.log(JSON.stringify({ dir: ws.dir, commits: ws.commits }, null, 2));
}
