// The sticky toolbar: previous day, the day shown, next day; the counts (commits, high importance, unread); and
// Refresh, Export, Copy Markdown.
import type { UnreadCounts } from '../src/shared/commitFilter.js';
import { lastDayOf } from '../src/shared/days.js';
import { actionButton, badge, el } from './dom.js';
import type { WebviewWords } from './words.js';

export interface ToolbarReport {
  label: string;
  commits: number;
  high: number;
  unread: UnreadCounts;
  /** Today in the report's time zone: the next-day button stops there. */
  today: string;
}

export function renderToolbar(toolbar: HTMLElement, words: WebviewWords, report?: ToolbarReport): void {
  const children: HTMLElement[] = [];
  if (report !== undefined) {
    const navigation = el('span', 'dd-nav');
    navigation.append(
      actionButton(words.previousDay, 'previousDay', { icon: 'chevron-left', iconOnly: true }),
      el('strong', 'dd-label', report.label.replace('..', ' – ')),
      actionButton(words.nextDay, 'nextDay', { icon: 'chevron-right', iconOnly: true, disabled: lastDayOf(report.label) >= report.today }),
    );
    const counts = el('span', 'dd-counts');
    counts.append(badge(words.commits(report.commits)), badge(words.high(report.high), undefined, report.high > 0 ? 'dd-badge-high' : undefined));
    const { unread } = report;
    counts.append(badge(words.unread(unread.total), words.unreadTitle(unread.high, unread.medium, unread.low), 'dd-badge-unread'));
    children.push(navigation, counts);
  }
  const actions = el('span', 'dd-actions');
  actions.append(actionButton(words.refresh, 'refresh', { icon: 'refresh' }));
  if (report !== undefined) {
    actions.append(actionButton(words.export, 'export', { icon: 'save-as' }), actionButton(words.copyMarkdown, 'copyMarkdown', { icon: 'copy' }));
  }
  children.push(actions);
  toolbar.replaceChildren(...children);
}
