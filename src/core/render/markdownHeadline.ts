import type { ModelHeadline } from '../domain/report.js';
import type { ReportLabels } from '../i18n/renderLabels.js';
import { collapseWhitespace } from '../text.js';
import { escapeMarkdownText, inlineCode } from './escape.js';

/**
 * The day's headline by the language model, under the repository's heading: the text with who wrote it, then its
 * notes (why the offline headline stands, sentences removed by the grounding check) as quoted lines.
 */
export function modelHeadlineBlocks(headline: ModelHeadline | undefined, labels: ReportLabels): string[] {
  if (headline === undefined) return [];
  const blocks: string[] = [];
  const who = `${labels.analyzer[headline.analyzer]} ${inlineCode(headline.model)}`;
  if (headline.text !== undefined && headline.text.trim() !== '') {
    blocks.push(`**${labels.headline}** (${who})${labels.colon}${escapeMarkdownText(collapseWhitespace(headline.text))}`);
  }
  const notes = [...headline.notes];
  const dropped = headline.grounding?.dropped ?? 0;
  if (dropped > 0) {
    const reasons = (headline.grounding?.reasons ?? []).map(collapseWhitespace).filter((reason) => reason !== '');
    notes.push(reasons.length > 0 ? `${labels.groundingDropped(dropped)}${labels.colon}${reasons.join('; ')}` : labels.groundingDropped(dropped));
  }
  if (notes.length > 0) blocks.push(notes.map((line) => `> 📝 ${escapeMarkdownText(line)}`).join('\n>\n'));
  return blocks;
}
