import { Marked, type TokenizerAndRendererExtension, type Tokens } from 'marked';
import { EXPLICIT_ANCHOR } from './anchors.js';
import { foldedGroup } from './foldedGroup.js';

/**
 * The one marked configuration for reports. It runs in Node (renderHtml) and in the webview bundle,
 * so it imports nothing but marked. Raw HTML is escaped except the explicit anchors the Markdown
 * renderer emits; links survive only with http(s) or in-page `#` targets.
 */
const explicitAnchor: TokenizerAndRendererExtension = {
  name: 'explicitAnchor',
  level: 'block',
  tokenizer(src) {
    const match = /^(<a id="[a-z0-9-]+"><\/a>)[ \t]*(?:\n+|$)/.exec(src);
    if (match === null || match[1] === undefined || !EXPLICIT_ANCHOR.test(match[1])) return undefined;
    return { type: 'explicitAnchor', raw: match[0], element: match[1] };
  },
  renderer(token) {
    const element: unknown = token['element'];
    return typeof element === 'string' && EXPLICIT_ANCHOR.test(element) ? `${element}\n` : '';
  },
};

const marked = new Marked({
  // marked tries the block tokenizers registered last first: foldedGroup before explicitAnchor takes its anchor alone.
  extensions: [explicitAnchor, foldedGroup],
  async: false,
  gfm: true,
  breaks: false,
  tokenizer: {
    // No bare-URL autolinks: they swallow the backslash escapes that follow a URL in hostile text.
    url() {
      return undefined;
    },
  },
  renderer: {
    html({ text, block }: Tokens.HTML | Tokens.Tag): string {
      return block ? `<p>${escapeHtml(text.trim())}</p>\n` : escapeHtml(text);
    },
    link({ href, title, tokens }: Tokens.Link): string {
      const inner = this.parser.parseInline(tokens);
      const safe = safeHref(href);
      if (safe === undefined) return inner;
      const titleAttribute = title ? ` title="${escapeHtml(title)}"` : '';
      return `<a href="${escapeHtml(safe)}"${titleAttribute}>${inner}</a>`;
    },
    image({ text }: Tokens.Image): string {
      return escapeHtml(text);
    },
  },
});

export function markdownToHtml(markdown: string): string {
  return marked.parse(markdown, { async: false });
}

const IN_PAGE_TARGET = /^#[A-Za-z0-9_-]+$/;

function safeHref(href: string): string | undefined {
  if (IN_PAGE_TARGET.test(href)) return href;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}
