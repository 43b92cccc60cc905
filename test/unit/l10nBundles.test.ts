// Every UI string the extension passes to vscode.l10n.t has an entry in the English and the Chinese bundle, so no
// part of the UI falls back to English in a Chinese VS Code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The first argument of each `l10n.t(` call, when it is a single-quoted literal (every call site uses one). */
function uiStrings(): { strings: Set<string>; calls: number } {
  const strings = new Set<string>();
  let calls = 0;
  for (const file of sourceFiles('src/extension')) {
    const text = readFileSync(file, 'utf8');
    calls += text.match(/l10n\.t\(/g)?.length ?? 0;
    for (const match of text.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) {
      strings.add(match[1]!.replace(/\\(.)/g, '$1'));
    }
  }
  return { strings, calls };
}

test('every vscode.l10n.t string is in l10n/bundle.l10n.json and l10n/bundle.l10n.zh-cn.json', () => {
  const { strings, calls } = uiStrings();
  assert.ok(strings.size > 50, `found ${strings.size} strings`);
  let literal = 0;
  for (const file of sourceFiles('src/extension')) {
    literal += readFileSync(file, 'utf8').match(/l10n\.t\(\s*'/g)?.length ?? 0;
  }
  assert.equal(literal, calls, 'every l10n.t call passes a single-quoted literal this test can read');
  for (const bundle of ['l10n/bundle.l10n.json', 'l10n/bundle.l10n.zh-cn.json']) {
    const entries = JSON.parse(readFileSync(bundle, 'utf8')) as Record<string, string>;
    const missing = [...strings].filter((key) => typeof entries[key] !== 'string' || entries[key] === '');
    assert.deepEqual(missing, [], `${bundle} lacks these UI strings`);
  }
});
