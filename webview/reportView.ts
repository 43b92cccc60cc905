// The report page: title, activity calendar, filter bar, contents, and per repository its glance, commit table,
// statistics and the details of the listed commits. Built once per report and language; the filters, the order, the
// open groups and the review marks only rebuild the tables and statistics and move the (cached) details sections.
import type { Language } from '../src/core/domain/language.js';
import type { AnalyzedCommit, Report, RepositoryReport } from '../src/core/domain/report.js';
import { describeModelRun } from '../src/core/i18n/modelRun.js';
import { renderLabels, type ReportLabels } from '../src/core/i18n/renderLabels.js';
import { statisticsLabels, type StatisticsLabels } from '../src/core/i18n/statisticsLabels.js';
import { triageLabels, type TriageLabels } from '../src/core/i18n/triageLabels.js';
import { formatTimestamp } from '../src/core/time/format.js';
import { NO_FILTER, isFiltering, unreadCounts, type CommitFilter } from '../src/shared/commitFilter.js';
import { commitTable, groupKey, repositoryTriage, type RepositoryTriage } from '../src/shared/commitTable.js';
import { contentsItems, viewSectionAnchor, type ViewSection } from '../src/shared/reportContents.js';
import { indexReport, type IndexedCommit, type ReportIndex } from '../src/shared/reportIndex.js';
import { filteredStatistics } from '../src/shared/statisticsRows.js';
import { combinedActivity, renderCalendar } from './calendar.js';
import { renderCommitBody } from './commitDetails.js';
import { renderContents } from './contentsView.js';
import { actionLink, anchorTarget, el } from './dom.js';
import { renderFilterBar, type CommitOrder, type FilterBar, type FilterBarState } from './filterBar.js';
import { renderGlance } from './glanceView.js';
import { renderStatistics } from './statisticsView.js';
import { renderTable, reviewedBox } from './tableView.js';
import { renderToolbar } from './toolbar.js';
import { webviewWords, type WebviewWords } from './words.js';

/** Details rendered up front; the others when they scroll near (a year's report has thousands). */
const EAGER_DETAILS = 150;

export interface ViewSettings {
  filter: CommitFilter;
  order: CommitOrder;
  openGroups: Set<string>;
  reviewed: Set<string>;
  today: string;
}

interface RepoParts {
  repo: RepositoryReport;
  repoIndex: number;
  table: HTMLElement;
  stats: HTMLElement;
  detailsTitle: HTMLElement;
  details: HTMLElement;
  triage: RepositoryTriage;
}

export class ReportView {
  readonly words: WebviewWords;
  readonly labels: ReportLabels;
  readonly triage: TriageLabels;
  readonly statistics: StatisticsLabels;
  readonly index: ReportIndex;
  private readonly bySha = new Map<string, IndexedCommit>();
  private readonly sections = new Map<string, HTMLElement>();
  private readonly repos: RepoParts[] = [];
  private filterBar: FilterBar | undefined;
  private readonly observer: IntersectionObserver | undefined;

  constructor(
    readonly report: Report,
    readonly language: Language,
    readonly settings: ViewSettings,
    private readonly onFilterChange: (state: FilterBarState) => void,
  ) {
    this.words = webviewWords(language);
    this.labels = renderLabels(language);
    this.triage = triageLabels(language);
    this.statistics = statisticsLabels(language);
    this.index = indexReport(report);
    for (const entry of this.index.commits) this.bySha.set(`${entry.repoIndex}:${entry.commit.sha}`, entry);
    this.observer = typeof IntersectionObserver === 'undefined' ? undefined : new IntersectionObserver((entries) => {
      for (const entry of entries) if (entry.isIntersecting) this.fill(entry.target as HTMLElement);
    }, { rootMargin: '800px 0px' });
  }

  get allCommits(): AnalyzedCommit[] {
    return this.index.commits.map((entry) => entry.commit);
  }

  toolbar(toolbar: HTMLElement): void {
    const commits = this.allCommits;
    renderToolbar(toolbar, this.words, {
      label: this.report.window.label,
      commits: commits.length,
      high: commits.filter((commit) => commit.analysis.importance === 'high').length,
      unread: unreadCounts(commits, this.settings.reviewed),
      today: this.settings.today,
    });
  }

  /** The whole page body. */
  build(): HTMLElement {
    const { report, labels, words } = this;
    const { window } = report;
    const article = el('article', 'report');
    article.lang = this.language;
    article.append(el('h1', undefined, labels.title(window.label, window.label.includes('..'))));
    article.append(el('p', 'dd-muted', labels.window(formatTimestamp(window.start, window.timeZone),
      formatTimestamp(window.end, window.timeZone), window.timeZone, labels.dateField[window.dateField])));
    if (report.modelRun !== undefined) {
      const run = el('p', 'dd-muted');
      run.append(el('strong', undefined, labels.analysis), labels.colon, `${labels.analyzer[report.modelRun.analyzer]} `,
        el('code', undefined, report.modelRun.model), ` — ${describeModelRun(report.modelRun, this.language)}`);
      article.append(run);
    }
    const activity = combinedActivity(report.repositories.map((repo) => repo.activity));
    if (activity !== undefined) article.append(renderCalendar(activity, window.label, this.settings.today, words));
    if (this.allCommits.length > 0) {
      this.filterBar = renderFilterBar(this.allCommits, { filter: this.settings.filter, order: this.settings.order },
        labels, words, this.onFilterChange);
      article.append(this.filterBar.element);
    }
    const contents = contentsItems(report.repositories);
    if (contents.length > 0) {
      article.append(renderContents(contents, { labels, triage: this.triage, statistics: this.statistics, words }));
    }
    report.repositories.forEach((repo, repoIndex) => article.append(this.repository(repo, repoIndex)));
    const usage = report.usage === undefined ? '' : `${labels.listSeparator}${labels.tokenUsage(report.usage.promptTokens, report.usage.completionTokens)}`;
    article.append(el('hr'), el('p', 'dd-muted',
      `${labels.generatedAt}${labels.colon}${formatTimestamp(report.generatedAt, window.timeZone)} (${window.timeZone})${usage}`));
    this.update();
    return article;
  }

  private repository(repo: RepositoryReport, repoIndex: number): HTMLElement {
    const { labels } = this;
    const section = el('section', 'dd-repo');
    const heading = el('h2', undefined, repo.name);
    if (repo.webUrl !== undefined) {
      const web = actionLink('↗', 'openExternal', { ddUrl: repo.webUrl }, this.words.openRemote);
      web.classList.add('dd-remote');
      heading.append(' ', web);
    }
    section.append(heading);
    if (repo.error !== undefined) {
      section.append(el('blockquote', undefined, `${labels.error}${labels.colon}${repo.error}`));
      return section;
    }
    if (repo.ref.trim() !== '') {
      const ref = el('p', 'dd-muted');
      ref.append(`${labels.ref}${labels.colon}`, el('code', undefined, repo.ref));
      section.append(ref);
    }
    for (const warning of repo.warnings) section.append(el('blockquote', undefined, `⚠️ ${warning}`));
    const triage = repositoryTriage(repo, this.report);
    const target = (name: ViewSection): HTMLAnchorElement => anchorTarget(viewSectionAnchor(repoIndex, name));
    section.append(target('glance'), renderGlance(repo, triage.glance, {
      labels, triage: this.triage, words: this.words, windowLabel: this.report.window.label,
      anchorOf: (sha) => this.bySha.get(`${repoIndex}:${sha}`)?.anchor,
    }));
    const table = el('div', 'dd-table-box');
    const stats = el('div', 'dd-stats-body');
    const detailsTitle = el('h3', 'dd-details-title', this.words.details);
    const details = el('div', 'dd-details');
    if (repo.commits.length > 0) {
      const statsSection = el('section', 'dd-stats');
      statsSection.append(el('h3', undefined, this.statistics.statistics), stats);
      section.append(target('commits'), el('h3', undefined, this.triage.commits), table, target('stats'), statsSection,
        target('details'), detailsTitle, details);
    }
    this.repos.push({ repo, repoIndex, table, stats, detailsTitle, details, triage });
    return section;
  }

  /** Rebuilds the tables, the details' order and visibility, and the counts from the current settings. */
  update(): void {
    const { settings } = this;
    let matching = 0;
    let total = 0;
    let rendered = 0;
    for (const parts of this.repos) {
      if (parts.repo.commits.length === 0) continue;
      const table = commitTable({
        repoIndex: parts.repoIndex, commits: parts.repo.commits, groups: parts.triage.groups, days: parts.triage.days,
      }, { ...settings, byDay: this.report.window.label.includes('..') });
      matching += table.matching;
      total += table.total;
      const visible = new Set(table.details.map((commit) => commit.sha));
      parts.table.replaceChildren(table.rows.length > 0 ? renderTable(table.rows, {
        labels: this.labels, triage: this.triage, words: this.words, window: this.report.window,
        repoIndex: parts.repoIndex, reviewed: settings.reviewed,
        anchorOf: (commit) => (visible.has(commit.sha) ? this.bySha.get(`${parts.repoIndex}:${commit.sha}`)?.anchor : undefined),
      }) : el('p', 'dd-muted', this.words.noMatch));
      parts.stats.replaceChildren(...renderStatistics(filteredStatistics(parts.repo.commits, settings.filter, settings.reviewed), {
        words: this.statistics, viewWords: this.words, noName: this.labels.noSubject, filtering: isFiltering(settings.filter),
      }));
      const sections = table.details.map((commit) => this.section(parts.repoIndex, commit, rendered++ < EAGER_DETAILS));
      parts.details.replaceChildren(...sections.filter((section): section is HTMLElement => section !== undefined));
      parts.detailsTitle.hidden = parts.details.childElementCount === 0;
    }
    this.filterBar?.showCounts(matching, total, isFiltering(settings.filter));
    this.updateMarks();
  }

  /** The details section of a commit (made once per report), with its review mark. */
  private section(repoIndex: number, commit: AnalyzedCommit, eager: boolean): HTMLElement | undefined {
    const key = `${repoIndex}:${commit.sha}`;
    const entry = this.bySha.get(key);
    if (entry === undefined) return undefined;
    let section = this.sections.get(key);
    if (section === undefined) {
      section = el('section', `dd-commit dd-${commit.analysis.importance}`);
      section.dataset['ddEntry'] = key;
      // Until it is filled: the anchor (for links) and the title (for the reader scrolling past).
      const anchor = el('a');
      anchor.id = entry.anchor;
      section.append(anchor, el('h4', undefined, commit.subject.trim() === '' ? this.labels.noSubject : commit.subject));
      section.classList.add('dd-pending');
      this.sections.set(key, section);
      if (eager || this.observer === undefined) this.fill(section);
      else this.observer.observe(section);
    }
    return section;
  }

  /** Renders a pending details section. */
  fill(section: HTMLElement): void {
    if (!section.classList.contains('dd-pending')) return;
    const entry = this.bySha.get(section.dataset['ddEntry'] ?? '');
    if (entry === undefined) return;
    section.classList.remove('dd-pending');
    this.observer?.unobserve(section);
    section.replaceChildren(renderCommitBody(entry, { language: this.language, labels: this.labels, words: this.words, window: this.report.window }));
    // The heading and the review mark on one line.
    const heading = section.querySelector('h4');
    const mark = el('div', 'dd-commit-mark');
    const reviewed = this.settings.reviewed.has(entry.commit.sha);
    mark.append(reviewedBox([entry.commit.sha], entry.repoIndex, reviewed, this.words.reviewed));
    mark.lastElementChild?.append(this.words.reviewed);
    const head = el('div', 'dd-commit-head');
    if (heading !== null) {
      heading.replaceWith(head);
      head.append(heading, mark);
    } else {
      head.append(mark);
      section.prepend(head);
    }
    section.classList.toggle('dd-reviewed', reviewed);
  }

  /**
   * Makes the details of the commit with this anchor part of the page: its group opened, the filters cleared when
   * they hide it. Returns true when the settings changed (the caller saves them and rebuilds the filter bar).
   */
  showAnchor(anchor: string): boolean {
    const entry = this.index.byAnchor.get(anchor);
    if (entry === undefined || document.getElementById(anchor) !== null) return false;
    const parts = this.repos.find((candidate) => candidate.repoIndex === entry.repoIndex);
    const group = parts?.triage.groups.find((candidate) => candidate.shas.includes(entry.commit.sha));
    if (group !== undefined) this.settings.openGroups.add(groupKey(entry.repoIndex, group));
    this.update();
    if (document.getElementById(anchor) === null && isFiltering(this.settings.filter)) {
      this.settings.filter = { ...NO_FILTER };
      this.rebuildFilterBar();
    }
    return true;
  }

  /** Fills the section holding `anchor`, so that the page can scroll to it. */
  fillAnchor(anchor: string): void {
    const target = document.getElementById(anchor);
    const section = target?.closest<HTMLElement>('section.dd-commit');
    if (section !== null && section !== undefined) this.fill(section);
  }

  /** The review marks of the details sections, from the settings. */
  updateMarks(): void {
    for (const [key, section] of this.sections) {
      const sha = key.slice(key.indexOf(':') + 1);
      const reviewed = this.settings.reviewed.has(sha);
      section.classList.toggle('dd-reviewed', reviewed);
      const box = section.querySelector<HTMLElement & { checked: boolean }>('.dd-commit-mark vscode-checkbox');
      if (box !== null && box.checked !== reviewed) box.checked = reviewed;
    }
  }

  /** The filter bar again (after Clear filters or a shortcut changed the filter from outside it). */
  rebuildFilterBar(): void {
    if (this.filterBar === undefined) return;
    const next = renderFilterBar(this.allCommits, { filter: this.settings.filter, order: this.settings.order },
      this.labels, this.words, this.onFilterChange);
    this.filterBar.element.replaceWith(next.element);
    this.filterBar = next;
    this.update();
  }

  dispose(): void {
    this.observer?.disconnect();
  }
}
