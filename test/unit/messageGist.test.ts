import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { collectFacts } from '../../src/core/analyze/facts/commitFacts.js';
import { MAX_GIST_CHARS, messageGist } from '../../src/core/analyze/prose/gist.js';
import { endSentence, splitSentences } from '../../src/core/analyze/prose/sentences.js';
import { plainInline } from '../../src/core/analyze/prose/markdownInline.js';
import { buildSummary } from '../../src/core/analyze/prose/summary.js';
import { parseMessage } from '../../src/core/git/message.js';
import type { Commit } from '../../src/core/domain/commit.js';
import { brokenSummaryReasons } from '../quality/brokenSummary.js';
import { REAL_MESSAGES } from '../support/realMessages.js';

/** The summary of a commit with this raw message and one file, as analyzeCommit builds it. */
function summaryOf(raw: string, codeSentence?: string): string {
  const parsed = parseMessage(raw);
  const person = { name: 'A', email: 'a@example.com', date: '2026-01-22T10:00:00+08:00' };
  const commit: Commit = {
    sha: 'a'.repeat(40), shortSha: 'aaaaaaa', parents: [], author: person, committer: person,
    subject: parsed.subject, body: parsed.body, trailers: parsed.trailers,
    files: [{ path: 'src/a.rs', status: 'M', additions: 3, deletions: 1, binary: false }],
  };
  return buildSummary(collectFacts(commit), [{ module: 'src', files: 1, additions: 3, deletions: 1 }], 'en', codeSentence);
}

const STATS = ' Changes 1 file (+3/−1) in src.';

function gistOf(raw: string): string[] {
  const { subject, body } = parseMessage(raw);
  return messageGist(subject, body);
}

function realMessage(sha: string): string {
  const found = REAL_MESSAGES.find((item) => item.source.endsWith(` ${sha}`));
  assert.ok(found, sha);
  return found.message;
}

describe('the broken summaries of issue 14', () => {
  it('a PR template heading is never a sentence (uv "Add --cert support to uv pip")', () => {
    const summary = summaryOf(realMessage('f35fba0559'));
    assert.equal(summary,
      'Add pip-compatible `--cert <path>` support to all `uv pip` commands. The option is scoped to the `uv pip` ' +
      `namespace, so other uv commands continue to reject it.${STATS}`);
    const short = summaryOf('Add --cert support to uv pip\n\n## Summary\n\nAn explicit bundle replaces the system roots.\n\n## Test Plan\n\ncargo test\n');
    assert.equal(short, `Add --cert support to uv pip. An explicit bundle replaces the system roots.${STATS}`);
  });

  it('the subject is not said twice (nixl b8ca6d8, a squash whose first item is the subject)', () => {
    const summary = summaryOf(realMessage('b8ca6d808'));
    assert.ok(summary.startsWith('Prometheus telemetry exporter. Helper functions, code cleaning. '), summary);
    assert.equal(summary.split('Prometheus telemetry exporter').length, 2, summary);
    assert.deepEqual(gistOf('Prometheus telemetry exporter (#1091)\n\n* Prometheus telemetry exporter\n\nSigned-off-by: A <a@x>\n'), []);
  });

  it('a list introduction is said with its list, or dropped with it', () => {
    assert.deepEqual(gistOf(realMessage('810f8b2033')), [
      'The logic to write loose objects is split up across "object-file.c" and "odb/source-loose.c".',
      'This split is somewhat weird, but it is the result of two things: `force_object_loose()` used to reach into ' +
        'internals of how exactly we write objects and the logic of writing objects is intertwined with potentially ' +
        'starting a transaction.',
    ]);
    assert.deepEqual(gistOf(realMessage('7a9c81a38d')), [
      "There are various functions within the 'repack' builtin which are responsible for writing different kinds of packs.",
      'They include: `static int write_filtered_pack(...)` and `static int write_cruft_pack(...)`.',
    ]);
    assert.deepEqual(gistOf('Drop old formats\n\nThey include:\n\n```\nbz2\nlzma\n```\n'), []);
    // Too many items to say in one sentence: the introduction goes, the items speak for themselves.
    const items = ['Reads `uv.lock` once', 'Keeps markers', 'Sorts extras', 'Drops stale pins', 'Logs conflicts', 'Caches wheels', 'Retries fetches'];
    assert.deepEqual(gistOf(`Fix the resolver\n\nThis commit does several things:\n\n${items.map((item) => `- ${item}`).join('\n')}\n`),
      items.map((item) => `${item}.`));
    assert.deepEqual(gistOf('Fix the resolver\n\nThis commit does two things:\n\n- reads `uv.lock` once;\n- keeps markers.\n'),
      ['This commit does two things: reads `uv.lock` once and keeps markers.']);
  });

  it('"Test plan", checklists, HTML comments and trailers are dropped', () => {
    const summary = summaryOf(realMessage('4bd0ae7f43'));
    assert.equal(summary,
      'Warning suggests non-existent --no-frozen flag. When `uv lock` is invoked with `UV_FROZEN=1` (env) or `frozen` ' +
      'set via workspace configuration, the post-success warning suggested using `--no-frozen`, which does not exist ' +
      `as a CLI flag.${STATS}`);
    const template = 'feat: add a flag\n\n<!-- Describe your change -->\n### Description\n\nAdds `--flag` to the CLI.\n\n' +
      '### Checklist\n\n- [x] I have read the guide\n- [ ] Tests\n\nSigned-off-by: A <a@x>\nCo-authored-by: B <b@x>\n';
    assert.deepEqual(gistOf(template), ['Adds `--flag` to the CLI.']);
  });
});

describe('real PR templates and squashes', () => {
  for (const { source, shape, message } of REAL_MESSAGES) {
    it(`${source}: ${shape}`, () => {
      const summary = summaryOf(message);
      const { subject } = parseMessage(message);
      assert.deepEqual(brokenSummaryReasons(summary, subject), [], summary);
      assert.doesNotMatch(summary, /Signed-off-by|Co-authored-by|<!--|\]\(|\*\*|^#|\[[ x]\]|Summary by CodeRabbit|Test [Pp]lan/, summary);
      const gist = summary.slice(0, -STATS.length);
      assert.ok(gist.length <= MAX_GIST_CHARS + subject.length + 2, summary);
    });
  }

  it('What? and Why? are the gist, not How?, Testing or the bot summary (nixl 8770b65)', () => {
    assert.deepEqual(gistOf(realMessage('8770b655a')), [
      'Guard `MetadataExchangeTestFixture` teardown so that centralized metadata invalidation is performed only when ' +
        'either ETCD or TCPStore is configured.',
      'In P2P-only builds, neither centralized metadata transport is available, but the test teardown still attempts ' +
        'to invalidate centralized metadata.',
    ]);
  });

  it('a bot summary is the gist only when nothing else is', () => {
    const body = '## Summary by CodeRabbit\n\n* **Bug Fixes**\n  * Improved reliability of metadata-related cleanup.\n' +
      '* **Refactor**\n  * Reworked event synchronization.\n';
    assert.deepEqual(gistOf(`Fix cleanup\n\n${body}`), ['Improved reliability of metadata-related cleanup.', 'Reworked event synchronization.']);
  });

  it('bot updates say nothing more than their subject (Renovate, dependabot)', () => {
    assert.deepEqual(gistOf(realMessage('8ab65287b6')), []);
    assert.deepEqual(gistOf(realMessage('df15f2b8b8')), []);
  });

  it('summary bullets are sentences; Closes, Fixes and Resolves lines are dropped', () => {
    assert.deepEqual(gistOf(realMessage('c54242b5ce')).length, 2);
    assert.ok(!gistOf(realMessage('c44575ef1')).some((sentence) => sentence.includes('#17839')));
    assert.ok(!gistOf(realMessage('d51a1e7456')).some((sentence) => sentence.includes('Resolves')));
  });

  it('an introduction that is a statement stays; one that only points at its output goes with it', () => {
    assert.deepEqual(gistOf(realMessage('8feb570216')), [
      'Speed up printing of objectsize atoms by using the specialized function strbuf_add_uint() instead of the ' +
        'general-purpose function strbuf_addf().',
    ]);
    assert.equal(gistOf(realMessage('58e4eeeeb5'))[0], 'The build does not fail because the failure is upstream of a pipe.');
  });

  it('a body that restates the subject with more leads in its place (git style)', () => {
    const raw = 'replay: expose `replay_result_queue_update()`\n\nExpose `replay_result_queue_update()`, which is used to ' +
      'append another reference update to the replay result.\n';
    assert.equal(summaryOf(raw),
      `Expose \`replay_result_queue_update()\`, which is used to append another reference update to the replay result.${STATS}`);
  });
});

describe('Markdown and sentences', () => {
  it('links become their text, images and layout tags go, emphasis markers go, code spans stay', () => {
    assert.equal(plainInline('See [the docs](https://x.y/z) ![shot](a.png) **now** and _then_ <br> `a_b*c*` &amp; snake_case_name'),
      'See the docs now and then `a_b*c*` & snake_case_name');
    assert.equal(plainInline('`Vec<u8>` and <T> stay; <https://example.com> is a link.'), '`Vec<u8>` and <T> stay; https://example.com is a link.');
    assert.equal(plainInline('a term ago.[1] It is'), 'a term ago. It is');
  });

  it('sentences end where a sentence ends, not after e.g., v1.2, a.ts or inside code', () => {
    assert.deepEqual(splitSentences('Fix it, e.g. here. Bump v1.2 in a.ts. Call `a. B` now! 修好了。再见'),
      ['Fix it, e.g. here. ', 'Bump v1.2 in a.ts. ', 'Call `a. B` now! ', '修好了。', '再见']);
  });

  it('every sentence is finished: a stop added, an ellipsis or a dangling comma made a stop, a colon dropped', () => {
    assert.equal(endSentence('Adds `--cert`'), 'Adds `--cert`.');
    assert.equal(endSentence('Waits for the lock...'), 'Waits for the lock.');
    assert.equal(endSentence('Keeps the cache,'), 'Keeps the cache.');
    assert.equal(endSentence('(see a.)'), '(see a.)');
    assert.equal(endSentence('修复解析器'), '修复解析器。');
    assert.equal(endSentence('It does two things:'), '');
  });

  it('code blocks, indented examples, tables, quotes and details are never quoted', () => {
    const body = 'Run:\n\n```sh\nrm -rf /\n```\n\n    $ git foo\n\n| a | b |\n|---|---|\n\n> quoted\n\n' +
      '<details><summary>Log</summary>\n\nlots\n\n</details>\n\nThe real point.\n';
    assert.deepEqual(messageGist('Do it', body), ['The real point.']);
  });

  it('the gist stops at a sentence end within its budget, never inside a sentence', () => {
    const sentence = 'This sentence explains one more detail of the change in plain words.';
    const gist = messageGist('Rework queue', Array.from({ length: 10 }, () => sentence).join(' '));
    assert.ok(gist.join(' ').length <= MAX_GIST_CHARS);
    assert.deepEqual(new Set(gist), new Set([sentence]));
    assert.deepEqual(messageGist('Rework queue', `${'word '.repeat(200)}end.`), []);
  });

  it('Chinese templates: 概要 is the gist, 测试 is dropped, a list is said with 、', () => {
    const raw = '修复解析器崩溃\n\n## 概要\n\n修复了空输入时解析器崩溃的问题。主要改动如下：\n\n- 增加空值检查\n- 补充日志\n\n## 测试\n\n- [x] 单元测试\n';
    assert.deepEqual(gistOf(raw), ['修复了空输入时解析器崩溃的问题。', '主要改动如下：增加空值检查、补充日志。']);
  });
});

describe('the summary around the gist', () => {
  it('lead, gist, then the code sentence in the place of the stats (the scope shows the files)', () => {
    const raw = 'fix(http): header parsing (#12)\n\nHeaders with a trailing tab were rejected.\n';
    assert.equal(summaryOf(raw, 'Changes `parse_header()`.'),
      'Header parsing. Headers with a trailing tab were rejected. Changes `parse_header()`.');
  });
});

describe('hostile messages', () => {
  it('never throws, and every sentence is finished, within the budget', () => {
    const pieces = ['\n', '\n\n', '## ', 'Summary', 'Test plan', '- ', '* ', '1. ', '- [ ] ', '```', '    ', '> ', '| a |', '<!--',
      '-->', '<details>', '</details>', '[x](y)', '![i](j)', '**', '_', '`', ':', '.', '。', '：', 'word ', 'Fixes #1', 'Signed-off-by: A',
      'https://x.y', '---', '===', 'e.g. ', '&amp;', '<br>', '† 1: ', '[1]: ', 'the following', '…'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.string(), (parts, subject) => {
      const gist = messageGist(subject, parts.join(''));
      assert.ok(gist.join(' ').length <= MAX_GIST_CHARS);
      for (const sentence of gist) assert.match(sentence, /[.!?。！？]["'”’)）」』\]]*$/, sentence);
    }), { numRuns: 3000, seed: 14 });
  });

  it('huge hostile bodies are read in bounded time', { timeout: 20_000 }, () => {
    const bodies = [
      '*'.repeat(300_000), '_a'.repeat(200_000), '`'.repeat(100_000) + 'x', '<'.repeat(300_000), '[a]('.repeat(100_000),
      `${'- '.repeat(100_000)}x`, `${'#'.repeat(50_000)} x`, `Summary:${' '.repeat(300_000)}x`, `${'a, '.repeat(100_000)}`,
      `${'word '.repeat(100_000)}:`, `${'\n    x'.repeat(50_000)}`, `${'| a '.repeat(100_000)}`, `${'<details>'.repeat(50_000)}`,
      `${' '.repeat(300_000)}. x`, `${'Fixes #1 '.repeat(40_000)}`, `${'`a` '.repeat(100_000)}`,
    ];
    for (const body of bodies) {
      const started = performance.now();
      messageGist('subject', body);
      assert.ok(performance.now() - started < 1500, `${body.slice(0, 20)}… took ${performance.now() - started} ms`);
    }
  });

  it('the pieces are linear on 300 KB lines too (the body is cut at 8 KB, a line is not)', { timeout: 20_000 }, () => {
    const lines = [
      '*a '.repeat(100_000), '_'.repeat(300_000), '`a'.repeat(150_000), '<br'.repeat(100_000), '<a'.repeat(150_000),
      '&amp'.repeat(75_000), '[1'.repeat(150_000), 'a. '.repeat(100_000), `${' ,'.repeat(150_000)}x`, `x${'.'.repeat(300_000)}`,
      '~~a '.repeat(75_000), '``a`'.repeat(75_000),
    ];
    for (const line of lines) {
      const started = performance.now();
      for (const sentence of splitSentences(plainInline(line)).slice(0, 50)) endSentence(sentence);
      endSentence(line);
      messageGist(line, `${line.slice(0, 7000)}\n`);
      assert.ok(performance.now() - started < 2000, `${line.slice(0, 12)}… took ${performance.now() - started} ms`);
    }
  });
});
