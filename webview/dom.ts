// Small DOM builders. Every text goes in through textContent or a vscode-elements property, never as HTML: commit
// text is hostile. Actions are `data-dd-action` attributes read by the one delegated click handler (main.ts).

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className !== undefined) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

/** A codicon, decorative (the control around it carries the words). */
export function icon(name: string): HTMLElement {
  const element = el('span', `codicon codicon-${name}`);
  element.setAttribute('aria-hidden', 'true');
  return element;
}

export type ActionData = Record<string, string | number | undefined>;

function setData(element: HTMLElement, action: string, data: ActionData = {}): void {
  element.dataset['ddAction'] = action;
  for (const [key, value] of Object.entries(data)) {
    if (value !== undefined) element.dataset[key] = String(value);
  }
}

export interface ButtonOptions {
  secondary?: boolean;
  icon?: string;
  /** The label is only the tooltip and the accessible name: the button shows its icon. */
  iconOnly?: boolean;
  title?: string;
  disabled?: boolean;
  data?: ActionData;
}

/** A vscode-button that runs `action` when clicked (or pressed with Enter / Space: it is a real button inside). */
export function actionButton(label: string, action: string, options: ButtonOptions = {}): HTMLElement {
  const element = document.createElement('vscode-button');
  if (options.secondary !== false) element.setAttribute('secondary', '');
  if (options.icon !== undefined) element.setAttribute('icon', options.icon);
  if (options.iconOnly === true) {
    element.setAttribute('icon-only', '');
    element.setAttribute('aria-label', label);
  } else {
    element.textContent = label;
  }
  element.title = options.title ?? label;
  if (options.disabled === true) element.setAttribute('disabled', '');
  setData(element, action, options.data);
  return element;
}

/** A link that does something in the page or asks the extension: `href="#"`, the click is handled by main.ts. */
export function actionLink(content: string | Node, action: string, data: ActionData = {}, title?: string): HTMLAnchorElement {
  const anchor = el('a');
  anchor.href = '#';
  if (typeof content === 'string') anchor.textContent = content;
  else anchor.append(content);
  if (title !== undefined) anchor.title = title;
  setData(anchor, action, data);
  return anchor;
}

/** An empty element with an id, the target of in-page links, before the heading or section it stands for. */
export function anchorTarget(id: string): HTMLAnchorElement {
  const anchor = el('a');
  anchor.id = id;
  return anchor;
}

export function badge(text: string, title?: string, className?: string): HTMLElement {
  const element = document.createElement('vscode-badge');
  element.textContent = text;
  if (title !== undefined) element.title = title;
  if (className !== undefined) element.className = className;
  return element;
}

export function code(text: string): HTMLElement {
  return el('code', undefined, text);
}
