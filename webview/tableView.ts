// The commit table of one repository: a reviewed box, importance, time, author, subject (to its details), SHA (to
// its diff); day headings for a range; each folded group as one line that opens to its commits. Rows come from the
// pure src/shared/commitTable.ts.
import type { AnalyzedCommit, ReportWindow } from '../src/core/domain/report.js';
import type { CommitGroup } from '../src/core/domain/triage.js';
import type { ReportLabels } from '../src/core/i18n/renderLabels.js';
import type { TriageLabels } from '../src/core/i18n/triageLabels.js';
import { weekdayOf } from '../src/core/time/calendar.js';
import { formatTimestamp } from '../src/core/time/format.js';
import type { TableRow } from '../src/shared/commitTable.js';
import { actionLink, badge, code, el, icon } from './dom.js';
import type { WebviewWords } from './words.js';

export interface TableContext {
  labels: ReportLabels;
  triage: TriageLabels;
  words: WebviewWords;
  window: ReportWindow;
  repoIndex: number;
  reviewed: ReadonlySet<string>;
  /** The in-page anchor of a commit's details. */
  anchorOf: (commit: AnalyzedCommit) => string | undefined;
}

const COLUMNS = 6;

/** The box that marks one commit, or every commit of a group, reviewed. */
export function reviewedBox(shas: readonly string[], repoIndex: number, checked: boolean, label: string): HTMLElement {
  const box = document.createElement('vscode-checkbox');
  box.dataset['ddControl'] = 'reviewed';
  box.dataset['ddShas'] = shas.join(',');
  box.dataset['ddRepo'] = String(repoIndex);
  box.dataset['ddKey'] = `reviewed:${repoIndex}:${shas[0] ?? ''}:${shas.length}`;
  box.setAttribute('aria-label', label);
  box.title = label;
  if (checked) box.setAttribute('checked', '');
  return box;
}

function shortSha(commit: AnalyzedCommit): string {
  const short = commit.shortSha.toLowerCase().replace(/[^0-9a-f]/g, '');
  return short !== '' ? short : commit.sha.slice(0, 7);
}

function commitRow(commit: AnalyzedCommit, context: TableContext, member: boolean): HTMLTableRowElement {
  const { labels, words, window, repoIndex } = context;
  const reviewed = context.reviewed.has(commit.sha);
  const row = el('tr', `dd-row dd-${commit.analysis.importance}${reviewed ? ' dd-reviewed' : ''}${member ? ' dd-member' : ''}`);
  row.dataset['ddSha'] = commit.sha;
  const check = el('td', 'dd-check');
  check.append(reviewedBox([commit.sha], repoIndex, reviewed, reviewed ? words.markUnreviewed : words.markReviewed));
  const importance = el('td', 'dd-importance', labels.importance[commit.analysis.importance] + (commit.analysis.breaking ? ' 💥' : ''));
  const person = window.dateField === 'author' ? commit.author : commit.committer;
  const time = el('td', 'dd-time', formatTimestamp(person.date, window.timeZone));
  const author = el('td', 'dd-author', commit.author.name);
  const message = el('td', 'dd-message');
  const subject = commit.subject.trim() === '' ? labels.noSubject : commit.subject;
  const anchor = context.anchorOf(commit);
  if (anchor === undefined) message.textContent = subject;
  else {
    const link = el('a', 'dd-details-link', subject);
    link.href = `#${anchor}`;
    message.append(link);
  }
  const sha = el('td', 'dd-sha');
  const diff = actionLink(code(shortSha(commit)), 'openCommit', { ddSha: commit.sha, ddRepo: repoIndex }, words.openDiff);
  diff.classList.add('dd-diff');
  sha.append(diff);
  if (commit.url !== undefined) {
    const remote = actionLink('↗', 'openExternal', { ddUrl: commit.url }, words.openRemote);
    remote.classList.add('dd-remote');
    sha.append(' ', remote);
  }
  row.append(check, importance, time, author, message, sha);
  return row;
}

/** "renovate[bot]: 35 dependency updates (jiff 0.2.34, syn 3.0.0, …)" */
export function groupText(group: CommitGroup, triage: TriageLabels, labels: ReportLabels): { who: string; what: string } {
  const who = group.kind === 'bot' ? group.author.trim() || labels.noSubject : triage.dependencyGroup;
  const names = group.updates.map((update) => (update.version === undefined ? update.name : `${update.name} ${update.version}`));
  const updates = names.length > 0 ? triage.updateList(names, group.moreUpdates) : '';
  return { who, what: `${triage.groupSize(group.shas.length, group.dependencyUpdates)}${updates}` };
}

function groupRow(row: Extract<TableRow, { kind: 'group' }>, context: TableContext): HTMLTableRowElement {
  const { words, labels, triage, repoIndex } = context;
  const unread = row.shown.filter((commit) => !context.reviewed.has(commit.sha));
  const line = el('tr', `dd-group-row${unread.length === 0 ? ' dd-reviewed' : ''}`);
  const check = el('td', 'dd-check');
  check.append(reviewedBox(row.shown.map((commit) => commit.sha), repoIndex, unread.length === 0, words.markGroupReviewed));
  const cell = el('td', 'dd-group');
  cell.colSpan = COLUMNS - 1;
  const { who, what } = groupText(row.group, triage, labels);
  const label = document.createDocumentFragment();
  label.append(icon(row.open ? 'chevron-down' : 'chevron-right'), ' ', el('strong', undefined, who), `${labels.colon}${what}`);
  const toggle = actionLink(label, 'toggleGroup', { ddGroup: row.key }, words.openGroup);
  toggle.setAttribute('role', 'button');
  toggle.setAttribute('aria-expanded', String(row.open));
  toggle.dataset['ddKey'] = `group:${row.key}`;
  cell.append(toggle, ' ');
  if (unread.length > 0) cell.append(badge(words.unread(unread.length)));
  if (row.shown.length < row.commits.length) cell.append(' ', el('span', 'dd-muted', words.shown(row.shown.length, row.commits.length)));
  line.append(check, cell);
  return line;
}

function dayRow(row: Extract<TableRow, { kind: 'day' }>, context: TableContext): HTMLTableRowElement {
  const line = el('tr', 'dd-day-row');
  const cell = el('th', undefined, context.triage.day(row.day, weekdayOf(row.day), row.commits));
  cell.colSpan = COLUMNS;
  cell.scope = 'rowgroup';
  line.append(cell);
  return line;
}

export function renderTable(rows: readonly TableRow[], context: TableContext): HTMLTableElement {
  const { labels, triage, words } = context;
  const table = el('table', 'dd-table');
  const head = el('thead');
  const header = el('tr');
  const reviewed = el('th', 'dd-check');
  reviewed.append(icon('check'));
  reviewed.title = words.reviewed;
  reviewed.setAttribute('aria-label', words.reviewed);
  header.append(reviewed, ...[triage.importance, labels.table.time, labels.table.author, labels.table.message, labels.table.sha]
    .map((title) => el('th', undefined, title)));
  head.append(header);
  const body = el('tbody');
  for (const row of rows) {
    if (row.kind === 'day') body.append(dayRow(row, context));
    else if (row.kind === 'group') body.append(groupRow(row, context));
    else body.append(commitRow(row.commit, context, row.group !== undefined));
  }
  table.append(head, body);
  return table;
}
