export { renderMarkdown } from './markdown.js';
export { renderJson } from './json.js';
export { renderHtml, HTML_CONTENT_SECURITY_POLICY } from './html.js';
export { markdownToHtml } from './markdownToHtml.js';
export { commitAnchor } from './anchors.js';
export { renderLabels, type ReportLabels } from '../i18n/renderLabels.js';
export { escapeMarkdownText, escapeTableCell, inlineCode, safeHttpUrl } from './escape.js';
export { reportJsonSchema, reportSchema } from './jsonSchema.js';
