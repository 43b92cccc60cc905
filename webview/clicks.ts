// What a click on a control asks of the extension: the control's `data-dd-*` attributes read back into one
// protocol message. Undefined for the controls the page handles itself (groups, filters) and for malformed data.
import type { WebviewToExtension } from '../src/shared/protocol.js';

function numberOf(value: string | undefined): number | undefined {
  const number = Number(value);
  return value !== undefined && value !== '' && Number.isSafeInteger(number) ? number : undefined;
}

export function requestOf(actor: HTMLElement): WebviewToExtension | undefined {
  const data = actor.dataset;
  const repo = numberOf(data['ddRepo']);
  const inRepo = repo === undefined ? {} : { repo };
  const sha = data['ddSha'];
  const path = data['ddPath'];
  switch (data['ddAction']) {
    case 'refresh':
    case 'export':
    case 'copyMarkdown':
    case 'previousDay':
    case 'nextDay':
      return { type: data['ddAction'] };
    case 'openDay':
      return data['ddDay'] === undefined ? undefined : { type: 'openDay', day: data['ddDay'] };
    case 'openCommit':
      return sha === undefined ? undefined : { type: 'openCommit', sha, ...inRepo };
    case 'openFile':
      return sha === undefined || path === undefined ? undefined : { type: 'openFile', sha, path, ...inRepo };
    case 'openFact': {
      const line = numberOf(data['ddLine']);
      if (sha === undefined || path === undefined || line === undefined) return undefined;
      return { type: 'openFact', sha, path, line, side: data['ddSide'] === 'old' ? 'old' : 'new', ...inRepo };
    }
    case 'openExternal':
      return data['ddUrl'] === undefined ? undefined : { type: 'openExternal', url: data['ddUrl'] };
    default:
      return undefined;
  }
}
