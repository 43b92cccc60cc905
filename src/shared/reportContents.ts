// The report view's Contents: per repository with commits, its sections in page order, each with the id of the
// element it scrolls to. The ids are those the Markdown report gives the same sections (r1-glance, r1-commits,
// r1-stats), plus r1-details, which only the view has (the Markdown report has importance sections instead).
import type { RepositoryReport } from '../core/domain/report.js';
import { sectionAnchor } from '../core/render/anchors.js';

export type ViewSection = 'glance' | 'commits' | 'stats' | 'details';

const VIEW_SECTIONS: readonly ViewSection[] = ['glance', 'commits', 'stats', 'details'];

/** The id of a section of the repository at `repoIndex` (0-based, as the view counts; ids count from 1, as the Markdown's). */
export function viewSectionAnchor(repoIndex: number, section: ViewSection): string {
  return section === 'details' ? `r${repoIndex + 1}-details` : sectionAnchor(repoIndex + 1, section);
}

export interface ContentsItem {
  repoIndex: number;
  name: string;
  sections: { section: ViewSection; anchor: string }[];
}

/** One item per repository that has commits (one that failed or had none has only its heading and glance). */
export function contentsItems(repositories: readonly Pick<RepositoryReport, 'name' | 'commits' | 'error'>[]): ContentsItem[] {
  return repositories.flatMap((repo, repoIndex) => (repo.error !== undefined || repo.commits.length === 0 ? [] : [{
    repoIndex,
    name: repo.name,
    sections: VIEW_SECTIONS.map((section) => ({ section, anchor: viewSectionAnchor(repoIndex, section) })),
  }]));
}
