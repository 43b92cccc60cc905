// Bundles the CLI, the extension and the webview with esbuild. `--only cli|extension|webview` limits the work.
import { build } from 'esbuild';
import { existsSync, chmodSync } from 'node:fs';

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const production = process.argv.includes('--production');

const targets = {
  cli: {
    entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
  extension: {
    entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs',
    target: 'node20', external: ['vscode'],
  },
  webview: {
    entryPoints: ['webview/main.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife',
    target: 'es2022',
  },
};

for (const [name, options] of Object.entries(targets)) {
  if (only && only !== name) continue;
  if (!existsSync(options.entryPoints[0])) continue;
  await build({
    bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', legalComments: 'none',
    ...options,
  });
  if (name === 'cli') chmodSync(options.outfile, 0o755);
}
