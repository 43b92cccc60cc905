// The layout rules of `npm run check:layout` (scripts/check-layout.mjs runs dependency-cruiser with them).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-without-vscode',
      comment: 'src/core is the engine the CLI and the extension share: it never imports vscode.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^vscode$' },
    },
    {
      name: 'webview-imports-shared-and-core-only',
      comment: 'The webview app (a browser bundle) imports only src/shared and src/core from the project.',
      severity: 'error',
      from: { path: '^webview/' },
      to: { path: '^(src|test|scripts|bench)/', pathNot: '^src/(shared|core)/' },
    },
    {
      name: 'core-imports-core-only',
      comment: 'src/core stands alone: it imports nothing from the adapters (src/cli, src/extension) or src/shared.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^(src|webview)/', pathNot: '^src/core/' },
    },
    {
      name: 'shared-imports-core-only',
      comment: 'src/shared goes into both the extension and the webview bundle: it imports only src/core.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^(src|webview)/', pathNot: '^src/(core|shared)/' },
    },
    {
      name: 'time-is-core-time',
      comment: 'Dates have one owner: luxon is imported by src/core/time/luxon.ts, and the rest imports src/core/time.',
      severity: 'error',
      from: { path: '^(src|webview)/', pathNot: '^src/core/time/luxon\\.ts$' },
      to: { path: 'node_modules/luxon/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycle, type-only imports included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      comment: 'Every import resolves, so that the rules above see every arrow.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // `vscode` exists only inside the editor (@types/vscode has no code): it is a core module for the rules.
    builtInModules: { add: ['vscode'] },
  },
};
