import type { Report } from '../domain/report.js';
import { renderLabels } from '../i18n/renderLabels.js';
import { renderMarkdown } from './markdown.js';
import { escapeHtml, markdownToHtml } from './markdownToHtml.js';

export const HTML_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:";

const STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --border: #d1d9e0;
  --stripe: #f6f8fa; --link: #0969da; --code-bg: #eff1f3; --quote: #9a6700; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --border: #3d444d; --stripe: #151b23;
    --link: #4493f8; --code-bg: #262c36; --quote: #d29922; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 15px/1.6 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", "PingFang SC", "Microsoft YaHei", sans-serif; }
main { max-width: 1080px; margin: 0 auto; padding: 24px 20px 48px; }
h1, h2, h3, h4 { line-height: 1.3; margin: 1.4em 0 0.5em; }
h1 { font-size: 1.9em; border-bottom: 1px solid var(--border); padding-bottom: 0.3em; }
h2 { font-size: 1.5em; border-bottom: 1px solid var(--border); padding-bottom: 0.3em; }
h3 { font-size: 1.25em; }
h4 { font-size: 1.08em; }
a { color: var(--link); text-decoration: none; }
a:hover { text-decoration: underline; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em;
  background: var(--code-bg); border-radius: 4px; padding: 0.1em 0.35em; overflow-wrap: anywhere; }
table { display: block; overflow-x: auto; border-collapse: collapse; margin: 1em 0; max-width: 100%; }
th, td { border: 1px solid var(--border); padding: 6px 10px; text-align: left; vertical-align: top; }
td code { white-space: nowrap; }
td:first-child { white-space: nowrap; font-variant-numeric: tabular-nums; }
tbody tr:nth-child(even) { background: var(--stripe); }
blockquote { margin: 1em 0; padding: 0.2em 1em; border-left: 4px solid var(--quote); color: var(--fg); }
hr { border: 0; border-top: 1px solid var(--border); margin: 2em 0; }
ul, ol { padding-left: 1.6em; }
details { margin: 0.6em 0; }
summary { cursor: pointer; }
`;

/** One standalone page: inline CSS, no script, no external resources. */
export function renderHtml(report: Report): string {
  const title = renderLabels(report.language).title(report.window.label, report.window.label.includes('..'));
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(report.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${HTML_CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    markdownToHtml(renderMarkdown(report)).trimEnd(),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
