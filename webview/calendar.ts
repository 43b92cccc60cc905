// The activity calendar: commits per day over the last eight weeks, one cell per day (weeks in columns, Monday on
// top), shaded by how busy the day was. A day with commits is a link that opens that day's report; the shown days
// are outlined. No inline style: the grid places the cells in document order (CSP without 'unsafe-inline'). One
// Tab stop for the whole calendar; the arrow keys move by a day (up, down) or a week (left, right).
import { calendarCells, labelHasDay, shiftDay } from '../src/shared/days.js';
import { actionLink, el } from './dom.js';
import type { WebviewWords } from './words.js';

export interface Activity {
  from: string;
  to: string;
  counts: readonly number[];
}

/** The repositories' calendars added up day by day (those that start on the first one's day and are as long). */
export function combinedActivity(calendars: readonly (Activity | undefined)[]): Activity | undefined {
  const present = calendars.filter((calendar): calendar is Activity => calendar !== undefined);
  const first = present[0];
  if (first === undefined) return undefined;
  const counts = [...first.counts];
  for (const other of present.slice(1)) {
    if (other.from !== first.from || other.counts.length !== counts.length) continue;
    other.counts.forEach((count, index) => {
      counts[index] = (counts[index] ?? 0) + (Number.isSafeInteger(count) && count > 0 ? count : 0);
    });
  }
  return { from: first.from, to: first.to, counts };
}

export function renderCalendar(activity: Activity, windowLabel: string, today: string, words: WebviewWords): HTMLElement {
  const section = el('section', 'dd-calendar');
  section.setAttribute('aria-label', words.activity);
  section.append(el('p', 'dd-calendar-title', words.activity));
  const grid = el('div', 'dd-calendar-grid');
  const cells = calendarCells(activity);
  const firstRow = cells[0]?.row ?? 0;
  for (let row = 0; row < firstRow; row += 1) grid.append(el('span', 'dd-day dd-day-blank'));
  for (const cell of cells) {
    const title = words.dayTitle(cell.day, cell.commits);
    const classes = `dd-day dd-level-${cell.level}${labelHasDay(windowLabel, cell.day) ? ' dd-day-shown' : ''}`;
    let item: HTMLElement;
    if (cell.commits > 0 || cell.day <= today) {
      item = actionLink('', 'openDay', { ddDay: cell.day }, title);
      item.className = classes;
      item.setAttribute('aria-label', title);
      if (labelHasDay(windowLabel, cell.day)) item.setAttribute('aria-current', 'date');
    } else {
      item = el('span', classes);
      item.title = title;
    }
    grid.append(item);
  }
  const days = new Map<string, HTMLElement>();
  for (const link of Array.from(grid.querySelectorAll<HTMLElement>('a.dd-day'))) {
    link.tabIndex = -1;
    days.set(link.dataset['ddDay'] ?? '', link);
  }
  const links = [...days.values()];
  const start = links.find((link) => link.getAttribute('aria-current') === 'date') ?? links[links.length - 1];
  if (start !== undefined) start.tabIndex = 0;
  const STEPS: Record<string, number> = { ArrowUp: -1, ArrowDown: 1, ArrowLeft: -7, ArrowRight: 7 };
  grid.addEventListener('keydown', (event) => {
    const step = STEPS[event.key];
    const current = event.target instanceof HTMLElement ? event.target.dataset['ddDay'] : undefined;
    if (step === undefined || current === undefined) return;
    event.preventDefault();
    const next = days.get(shiftDay(current, step) ?? '');
    if (next === undefined) return;
    for (const link of links) link.tabIndex = link === next ? 0 : -1;
    next.focus();
  });
  section.append(grid);
  return section;
}
