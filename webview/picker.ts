// A value picker for the filter bar: a button that says what is chosen ("All", the one value, "3 selected") and
// opens a panel of checkboxes, with a search field when the list is long. Every word is the page's own (the
// vscode-multi-select of vscode-elements has English words built in). Values are report text: set as text only.
import { el } from './dom.js';

export interface PickerWords {
  all: string;
  selected: (count: number) => string;
  search: string;
}

export interface PickerOption {
  value: string;
  label: string;
}

export interface Picker {
  element: HTMLElement;
  /** The chosen values, in the options' order. */
  values(): string[];
}

/** Lists with more values than this get a search field. */
const SEARCH_FROM = 10;

let nextId = 0;

export function renderPicker(
  name: string,
  label: string,
  options: readonly PickerOption[],
  chosen: readonly string[],
  words: PickerWords,
  onChange: () => void,
): Picker {
  const id = `dd-picker-${nextId++}`;
  const box = el('div', 'dd-picker');
  box.dataset['ddPicker'] = name;
  const toggle = document.createElement('vscode-button');
  toggle.setAttribute('secondary', '');
  toggle.setAttribute('icon-after', 'chevron-down');
  toggle.setAttribute('aria-haspopup', 'true');
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', id);
  toggle.dataset['ddKey'] = `picker:${name}`;
  const panel = el('div', 'dd-picker-panel');
  panel.id = id;
  panel.hidden = true;
  panel.setAttribute('role', 'group');
  panel.setAttribute('aria-label', label);
  const list = el('div', 'dd-picker-list');
  const boxes = options.map((option) => {
    const check = document.createElement('vscode-checkbox');
    check.dataset['ddValue'] = option.value;
    check.textContent = option.label;
    if (chosen.includes(option.value)) check.setAttribute('checked', '');
    return check;
  });
  list.append(...boxes);
  if (options.length > SEARCH_FROM) {
    const search = document.createElement('vscode-textfield');
    search.setAttribute('placeholder', words.search);
    search.setAttribute('aria-label', words.search);
    search.addEventListener('input', () => {
      const wanted = ((search as HTMLElement & { value?: string }).value ?? '').toLowerCase();
      boxes.forEach((check, index) => {
        check.hidden = wanted !== '' && !(options[index]?.label.toLowerCase().includes(wanted) ?? false);
      });
    });
    panel.append(search);
  }
  panel.append(list);
  box.append(toggle, panel);

  const values = (): string[] => options.filter((_, index) =>
    (boxes[index] as HTMLElement & { checked?: boolean } | undefined)?.checked === true).map((option) => option.value);
  const describe = (): void => {
    const picked = values();
    const text = picked.length === 0 ? words.all
      : picked.length === 1 ? options.find((option) => option.value === picked[0])?.label ?? words.selected(1)
        : words.selected(picked.length);
    toggle.textContent = `${label}: ${text}`;
    toggle.title = `${label}: ${text}`;
    box.classList.toggle('dd-picker-active', picked.length > 0);
  };
  const setOpen = (open: boolean): void => {
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
  };
  toggle.addEventListener('click', () => setOpen(panel.hidden));
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) {
      setOpen(false);
      toggle.focus();
    }
  });
  list.addEventListener('change', () => {
    describe();
    onChange();
  });
  describe();
  return { element: box, values };
}

/** Closes the open pickers the click was not in (main.ts calls it from its one click listener). */
export function closePickersOutside(target: Node): void {
  for (const box of Array.from(document.querySelectorAll<HTMLElement>('.dd-picker'))) {
    const panel = box.querySelector<HTMLElement>('.dd-picker-panel');
    if (panel === null || panel.hidden || box.contains(target)) continue;
    panel.hidden = true;
    box.querySelector('vscode-button')?.setAttribute('aria-expanded', 'false');
  }
}
