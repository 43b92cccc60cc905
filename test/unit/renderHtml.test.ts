import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HTML_CONTENT_SECURITY_POLICY, markdownToHtml, renderHtml, renderMarkdown } from '../../src/core/render/index.js';
import { inPageLinkTargets } from '../support/markdownChecks.js';
import { HOSTILE, emptyAnalysis, makeCommit, makeRepository, sampleReport } from '../support/sampleReport.js';
import { sampleTriageReport } from '../support/sampleTriage.js';

/** Real tags (escaped text never contains a raw `<`), with their names and attribute text. */
function tags(html: string): { name: string; attributes: string }[] {
  return Array.from(html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g), (match) => ({
    name: (match[1] ?? '').toLowerCase(), attributes: match[2] ?? '',
  }));
}

function assertInert(html: string): void {
  for (const tag of tags(html)) {
    assert.ok(!['script', 'img', 'iframe', 'object', 'embed', 'link', 'form', 'svg', 'b', 'td'].includes(tag.name) ||
      (tag.name === 'td' && tag.attributes === ''), `unexpected <${tag.name}${tag.attributes}>`);
    assert.doesNotMatch(tag.attributes, /\bon[a-z]+\s*=/i, `event handler in <${tag.name}${tag.attributes}>`);
    const href = /\bhref="([^"]*)"/.exec(tag.attributes)?.[1];
    if (href !== undefined) assert.match(href, /^(https?:\/\/|#[a-z0-9-]+$)/, `unsafe href ${href}`);
  }
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /href="javascript:/i);
}

test('markdownToHtml escapes raw HTML but keeps the explicit anchors the renderer emits', () => {
  const html = markdownToHtml([
    '<a id="c-4557b6df5e"></a>', '', '#### Title', '', '<a id="r1-high"></a>', '',
    '<script>alert(1)</script>', '', 'text <img src=x onerror=alert(1)> <b>bold</b>', '',
    '<a id="c-1" onclick="x()"></a>', '', '<a id="evil"></a>', '',
  ].join('\n'));
  assert.ok(html.includes('<a id="c-4557b6df5e"></a>\n<h4>Title</h4>'), 'anchor kept, heading without an auto id');
  assert.ok(html.includes('<a id="r1-high"></a>'));
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(html.includes('&lt;a id=&quot;c-1&quot; onclick'), 'anchors with extra attributes are escaped');
  assert.ok(html.includes('&lt;a id=&quot;evil&quot;&gt;'), 'only the renderer\'s id shapes pass');
  assertInert(html);
});

test('markdownToHtml keeps http(s) and in-page links only; other schemes become plain text', () => {
  const html = markdownToHtml('[a](javascript:alert(1)) [b](https://x.test/p) [c](#c-abc) [d](data:text/html,x) ' +
    '[e](mailto:x@y.test) [f](vbscript:x) ![g](https://x.test/t.png) <javascript:alert(1)> www.x.test x@y.test');
  assert.ok(html.includes('<a href="https://x.test/p">b</a>'));
  assert.ok(html.includes('<a href="#c-abc">c</a>'));
  for (const text of ['a', 'd', 'e', 'f', 'g']) assert.match(html, new RegExp(`[ >]${text}[ <]`));
  assert.equal(tags(html).filter((tag) => tag.name === 'a').length, 2);
  assertInert(html);
});

test('headings get no generated ids', () => {
  assert.equal(markdownToHtml('## Hello world'), '<h2>Hello world</h2>\n');
});

test('hostile report text stays inert through renderHtml', () => {
  const report = sampleReport('en');
  report.repositories.push(makeRepository({
    name: '<script>alert(1)</script>', path: '/x', ref: '"><img src=x onerror=alert(1)>', webUrl: 'javascript:alert(1)',
    warnings: [HOSTILE.summary],
    commits: [makeCommit({
      sha: 'abcdefabcdefabcdefabcdefabcdefabcdefabcd', subject: HOSTILE.subject, author: HOSTILE.author,
      date: '2026-01-22T10:00:00+08:00', repoUrl: 'javascript:alert(1)', prNumber: 1,
      files: [{ path: HOSTILE.path, status: 'A', additions: 1, deletions: 0, binary: false }],
      analysis: emptyAnalysis({ importance: 'high', summary: HOSTILE.summary, risks: [HOSTILE.risk], reasons: [HOSTILE.risk] }),
    })],
  }));
  const html = renderHtml(report);
  assertInert(html.slice(html.indexOf('<body>')));
  // Each table's rows survived the newline and pipes in the author name: every row has its table's cell count.
  for (const table of html.matchAll(/<table>([\s\S]*?)<\/table>/g)) {
    const counts = Array.from((table[1] ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g), (row) => (row[1] ?? '').match(/<t[dh]>/g)?.length);
    assert.ok(counts.length > 1 && counts.every((count) => count === counts[0]) && [4, 5].includes(counts[0] ?? 0), String(counts));
  }
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
});

test('renderHtml is one standalone page: charset, strict CSP, inline CSS for light and dark, no script or external resources', () => {
  for (const language of ['en', 'zh-CN'] as const) {
    const report = sampleTriageReport(language);
    const html = renderHtml(report);
    assert.match(html, /^<!doctype html>\n<html lang="(en|zh-CN)">\n<head>\n<meta charset="utf-8">\n/);
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${HTML_CONTENT_SECURITY_POLICY}">`));
    assert.equal(HTML_CONTENT_SECURITY_POLICY, "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:");
    assert.match(html, /@media \(prefers-color-scheme: dark\)/);
    assert.doesNotMatch(html, /<script|<link|<img|<iframe|@import|url\(/i);
    assert.equal(html.match(/<h1>/g)?.length, 1);
    // Same content as the Markdown: every commit heading and every anchor.
    const markdown = renderMarkdown(report);
    const anchorIds = Array.from(markdown.matchAll(/<a id="([^"]+)"><\/a>/g), (match) => match[1]);
    for (const id of anchorIds) assert.ok(html.includes(`<a id="${id}"></a>`), id);
    const inPageLinks = inPageLinkTargets(markdown).map((link) => `#${link.target}`);
    const inPageHrefs = Array.from(html.matchAll(/<a href="(#[^"]+)">/g), (match) => match[1]);
    assert.deepEqual(inPageHrefs, inPageLinks, 'every in-page Markdown link, hostile link text included, is a link in HTML');
    assert.equal(html.match(/<h4>/g)?.length, markdown.match(/^#### /gm)?.length);
  }
});
