// The report webview outside VS Code: the real bundle (webview/main.ts, built with esbuild) in a page that mimics
// reportPanel.ts's host page (toolbar, content, codicons, report.css and report-sections.css), with acquireVsCodeApi
// stubbed to record the posted messages in window.__posted, and a light or dark set of VS Code theme variables. Used
// by the hostile browser test and by test/support/webviewPreview.ts (screenshots without a VS Code).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export type Theme = 'dark' | 'light';

/** The theme variables the report's stylesheet and vscode-elements read, as VS Code's default themes set them. */
const THEMES: Record<Theme, Record<string, string>> = {
  dark: {
    foreground: '#cccccc', 'editor-background': '#1f1f1f', descriptionForeground: '#9d9d9d',
    'textLink-foreground': '#4daafc', 'textLink-activeForeground': '#4daafc', 'panel-border': '#2b2b2b',
    focusBorder: '#0078d4', 'textPreformat-foreground': '#d0d0d0', 'textPreformat-background': '#3c3c3c',
    'textBlockQuote-background': '#2b2b2b', 'textBlockQuote-border': '#616161', 'editorWidget-background': '#202020',
    'editorWidget-border': '#313131', 'button-background': '#0078d4', 'button-foreground': '#ffffff',
    'button-hoverBackground': '#026ec1', 'button-secondaryBackground': '#313131', 'button-secondaryForeground': '#cccccc',
    'button-secondaryHoverBackground': '#3c3c3c', 'button-border': '#ffffff12', 'badge-background': '#616161',
    'badge-foreground': '#f8f8f8', 'checkbox-background': '#313131', 'checkbox-border': '#3c3c3c',
    'checkbox-foreground': '#cccccc', 'settings-checkboxBackground': '#313131', 'settings-checkboxBorder': '#3c3c3c',
    'settings-dropdownBackground': '#313131', 'settings-dropdownBorder': '#3c3c3c', 'settings-dropdownForeground': '#cccccc',
    'settings-dropdownListBorder': '#454545', 'dropdown-background': '#313131', 'dropdown-border': '#3c3c3c',
    'dropdown-foreground': '#cccccc', 'list-activeSelectionBackground': '#04395e', 'list-activeSelectionForeground': '#ffffff',
    'list-hoverBackground': '#2a2d2e', 'list-focusOutline': '#0078d4', 'charts-red': '#f14c4c', 'charts-green': '#89d185',
    'charts-yellow': '#cca700', 'gitDecoration-addedResourceForeground': '#81b88b',
    'gitDecoration-deletedResourceForeground': '#c74e39', 'gitDecoration-modifiedResourceForeground': '#e2c08d',
    'editor-findMatchHighlightBackground': '#ea5c0055', 'progressBar-background': '#0078d4', 'icon-foreground': '#cccccc',
  },
  light: {
    foreground: '#3b3b3b', 'editor-background': '#ffffff', descriptionForeground: '#3b3b3b',
    'textLink-foreground': '#005fb8', 'textLink-activeForeground': '#005fb8', 'panel-border': '#e5e5e5',
    focusBorder: '#005fb8', 'textPreformat-foreground': '#3b3b3b', 'textPreformat-background': '#0000001f',
    'textBlockQuote-background': '#f8f8f8', 'textBlockQuote-border': '#e5e5e5', 'editorWidget-background': '#f8f8f8',
    'editorWidget-border': '#c8c8c8', 'button-background': '#005fb8', 'button-foreground': '#ffffff',
    'button-hoverBackground': '#0258a8', 'button-secondaryBackground': '#e5e5e5', 'button-secondaryForeground': '#3b3b3b',
    'button-secondaryHoverBackground': '#cccccc', 'button-border': '#0000001a', 'badge-background': '#cccccc',
    'badge-foreground': '#3b3b3b', 'checkbox-background': '#f8f8f8', 'checkbox-border': '#cecece',
    'checkbox-foreground': '#3b3b3b', 'settings-checkboxBackground': '#f8f8f8', 'settings-checkboxBorder': '#cecece',
    'settings-dropdownBackground': '#ffffff', 'settings-dropdownBorder': '#cecece', 'settings-dropdownForeground': '#3b3b3b',
    'settings-dropdownListBorder': '#c8c8c8', 'dropdown-background': '#ffffff', 'dropdown-border': '#cecece',
    'dropdown-foreground': '#3b3b3b', 'list-activeSelectionBackground': '#e8e8e8', 'list-activeSelectionForeground': '#000000',
    'list-hoverBackground': '#f2f2f2', 'list-focusOutline': '#005fb8', 'charts-red': '#e51400', 'charts-green': '#388a34',
    'charts-yellow': '#bf8803', 'gitDecoration-addedResourceForeground': '#587c0c',
    'gitDecoration-deletedResourceForeground': '#ad0707', 'gitDecoration-modifiedResourceForeground': '#895503',
    'editor-findMatchHighlightBackground': '#ea5c0055', 'progressBar-background': '#005fb8', 'icon-foreground': '#424242',
  },
};

function themeStyle(theme: Theme): string {
  const variables = Object.entries(THEMES[theme]).map(([name, value]) => `--vscode-${name}: ${value};`);
  variables.push("--vscode-font-family: system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK SC', sans-serif;",
    '--vscode-font-size: 13px;', '--vscode-font-weight: normal;',
    "--vscode-editor-font-family: 'DejaVu Sans Mono', monospace;");
  return `html { ${variables.join(' ')} }`;
}

/** Builds the webview bundle into `dir` (as scripts/build.mjs does) and returns its path. */
export async function buildWebviewBundle(dir: string): Promise<string> {
  const bundle = join(dir, 'webview.js');
  await build({
    entryPoints: [resolve('webview/main.ts')], outfile: bundle, bundle: true, platform: 'browser', format: 'iife',
    target: 'es2022', logLevel: 'silent',
  });
  return bundle;
}

/**
 * Writes the host page beside the bundle and returns its file URL. No CSP (the sanitizer alone must hold); the
 * stub keeps setState in window.__state and answers getState with `state`.
 */
export function writeWebviewHostPage(dir: string, bundle: string, theme: Theme = 'dark', state?: unknown): string {
  const require = createRequire(join(process.cwd(), 'package.json'));
  const codicons = join(dirname(require.resolve('@vscode/codicons/package.json')), 'dist', 'codicon.css');
  const page = join(dir, `webview-${theme}.html`);
  writeFileSync(page, `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8"><title>Daily Digest</title>
<style>${themeStyle(theme)}</style>
<link rel="stylesheet" href="${pathToFileURL(codicons).href}" id="vscode-codicon-stylesheet">
<link rel="stylesheet" href="${pathToFileURL(resolve('media/report.css')).href}">
<link rel="stylesheet" href="${pathToFileURL(resolve('media/report-sections.css')).href}">
<script>
window.__posted = [];
window.__state = ${JSON.stringify(state ?? null)};
window.acquireVsCodeApi = () => ({
  postMessage: (message) => window.__posted.push(JSON.parse(JSON.stringify(message))),
  getState: () => window.__state ?? undefined,
  setState: (state) => { window.__state = JSON.parse(JSON.stringify(state)); },
});
</script></head>
<body class="vscode-${theme}"><div id="toolbar" role="toolbar"></div><main id="content" aria-live="polite" aria-busy="true"></main>
<script src="${pathToFileURL(bundle).href}"></script></body></html>`);
  return pathToFileURL(page).href;
}
