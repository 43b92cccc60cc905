// The filter bar: the table's order, and filters by importance, type, author (only these / all but these), module
// and review state (pickers of picker.ts for the long lists). Built once per report and language (so a control keeps its focus and open list while the table
// below changes); every change calls back with the whole new filter. Values are the report's own (hostile) text:
// they go into vscode-elements as text and properties only.
import type { ReportLabels } from '../src/core/i18n/renderLabels.js';
import { filterChoices, type CommitFilter, type FilterChoices } from '../src/shared/commitFilter.js';
import type { AnalyzedCommit } from '../src/core/domain/report.js';
import type { CommitOrder } from '../src/core/domain/triage.js';
import { actionLink, el } from './dom.js';
import { renderPicker } from './picker.js';
import type { WebviewWords } from './words.js';

export type { CommitOrder };

export interface FilterBarState {
  filter: CommitFilter;
  order: CommitOrder;
}

export interface FilterBar {
  element: HTMLElement;
  /** Updates the "Showing N of M" line. */
  showCounts(shown: number, total: number, filtering: boolean): void;
}

interface Option {
  value: string;
  label: string;
  selected: boolean;
}

function option(entry: Option): HTMLElement {
  const element = document.createElement('vscode-option');
  element.setAttribute('value', entry.value);
  element.textContent = entry.label;
  if (entry.selected) element.setAttribute('selected', '');
  return element;
}

function select(kind: 'vscode-single-select', name: string, label: string, options: Option[]): HTMLElement {
  const element = document.createElement(kind);
  element.dataset['ddControl'] = name;
  element.setAttribute('aria-label', label);
  element.title = label;
  element.append(...options.map(option));
  return element;
}

function field(label: string, ...controls: HTMLElement[]): HTMLElement {
  const box = el('div', 'dd-field');
  if (label !== '') box.append(el('span', 'dd-field-label', label));
  box.append(...controls);
  return box;
}

function checkbox(name: string, label: string, checked: boolean, value?: string): HTMLElement {
  const element = document.createElement('vscode-checkbox');
  element.dataset['ddControl'] = name;
  if (value !== undefined) element.dataset['ddValue'] = value;
  element.textContent = label;
  if (checked) element.setAttribute('checked', '');
  return element;
}

function selectedValues(element: Element): string[] {
  const value = (element as HTMLElement & { value?: unknown }).value;
  return typeof value === 'string' && value !== '' ? [value] : [];
}

function isChecked(element: Element): boolean {
  return (element as HTMLElement & { checked?: unknown }).checked === true;
}

/** The filter bar for these commits, showing `state`; `onChange` gets every new state. */
export function renderFilterBar(
  commits: readonly AnalyzedCommit[],
  state: FilterBarState,
  labels: ReportLabels,
  words: WebviewWords,
  onChange: (state: FilterBarState) => void,
): FilterBar {
  const choices: FilterChoices = filterChoices(commits);
  const { filter } = state;
  const section = el('section', 'dd-filters');
  section.setAttribute('aria-label', words.filters);

  const order = select('vscode-single-select', 'order', words.order, [
    { value: 'importance', label: words.importanceFirst, selected: state.order === 'importance' },
    { value: 'time', label: words.newestFirst, selected: state.order === 'time' },
  ]);
  const importance = choices.importance.map((choice) => checkbox('importance',
    `${labels.importance[choice.value]} (${choice.commits})`, filter.importance.includes(choice.value), choice.value));
  const pickerWords = { all: words.all, selected: words.selectedCount, search: words.search };
  const changed = (): void => onChange(read());
  const types = renderPicker('types', words.type, choices.types.map((choice) => ({
    value: choice.value, label: `${labels.changeType[choice.value]} (${choice.commits})`,
  })), filter.types, pickerWords, changed);
  const authorMode = select('vscode-single-select', 'authorMode', words.author, [
    { value: 'include', label: words.authorsOnly, selected: filter.authorMode === 'include' },
    { value: 'exclude', label: words.authorsExcept, selected: filter.authorMode === 'exclude' },
  ]);
  const authors = renderPicker('authors', words.author, choices.authors.map((choice) => ({
    value: choice.value, label: `${choice.value} (${choice.commits})`,
  })), filter.authors, pickerWords, changed);
  const modules = renderPicker('modules', words.module, choices.modules.map((choice) => ({
    value: choice.value, label: `${choice.value} (${choice.commits})`,
  })), filter.modules, pickerWords, changed);
  const unreviewed = checkbox('unreviewedOnly', words.unreviewedOnly, filter.unreviewedOnly);
  const shown = el('span', 'dd-shown');
  shown.setAttribute('aria-live', 'polite');
  const clear = actionLink(words.clearFilters, 'clearFilters');
  clear.classList.add('dd-clear');

  const importanceBox = el('div', 'dd-checks');
  importanceBox.append(...importance);
  section.append(
    field(words.order, order),
    field(words.importance, importanceBox),
    types.element,
    field('', authors.element, authorMode),
  );
  if (choices.modules.length > 0) section.append(modules.element);
  const tail = el('div', 'dd-field dd-filter-tail');
  tail.append(unreviewed, shown, clear);
  section.append(tail);

  const read = (): FilterBarState => ({
    order: selectedValues(order)[0] === 'time' ? 'time' : 'importance',
    filter: {
      importance: choices.importance.map((choice) => choice.value)
        .filter((value) => importance.some((box) => box.dataset['ddValue'] === value && isChecked(box))),
      types: choices.types.map((choice) => choice.value).filter((value) => types.values().includes(value)),
      authors: authors.values(),
      authorMode: selectedValues(authorMode)[0] === 'exclude' ? 'exclude' : 'include',
      modules: modules.values(),
      unreviewedOnly: isChecked(unreviewed),
    },
  });
  // Selects dispatch a change that does not bubble: listen on each control.
  for (const control of [order, authorMode, unreviewed, ...importance]) control.addEventListener('change', changed);
  return {
    element: section,
    showCounts(count, total, filtering) {
      shown.textContent = words.shown(count, total);
      clear.hidden = !filtering;
    },
  };
}
