import type { TokenizerAndRendererExtension, Tokens } from 'marked';

/**
 * The marked extension that shows a folded group (markdownCommits.ts groupBlocks) closed: its anchor line, then a
 * list of one item whose nested items are the group's commits, becomes `<details>` with the item's first line as
 * `<summary>`. Only that exact shape is taken; its anchor id must be a group's (`r<n>-g<m>`). The texts inside are
 * Markdown the renderer escaped, parsed as inline Markdown like any list item. Imports nothing but marked's types:
 * it runs in the webview bundle too.
 */
const FOLDED_GROUP = /^<a id="(r\d+-g\d+)"><\/a>[ \t]*\n+- ([^\n]*)\n((?: {2}- [^\n]*(?:\n|$))+)/;

interface FoldedGroupToken extends Tokens.Generic {
  type: 'foldedGroup';
  id: string;
  summary: Tokens.Generic[];
  items: Tokens.Generic[][];
}

export const foldedGroup: TokenizerAndRendererExtension = {
  name: 'foldedGroup',
  level: 'block',
  tokenizer(src) {
    const match = FOLDED_GROUP.exec(src);
    if (match === null) return undefined;
    const items = match[3]!.split('\n').filter((line) => line.startsWith('  - ')).map((line) => this.lexer.inlineTokens(line.slice(4)));
    const token: FoldedGroupToken = {
      type: 'foldedGroup', raw: match[0], id: match[1]!, summary: this.lexer.inlineTokens(match[2]!), items,
    };
    return token;
  },
  renderer(token) {
    const group = token as FoldedGroupToken;
    if (!/^r\d+-g\d+$/.test(group.id)) return '';
    const items = group.items.map((item) => `<li>${this.parser.parseInline(item)}</li>\n`).join('');
    return `<a id="${group.id}"></a>\n<details>\n<summary>${this.parser.parseInline(group.summary)}</summary>\n<ul>\n${items}</ul>\n</details>\n`;
  },
};
