import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brokenSummaryReasons } from './brokenSummary.js';

function reasonsMatching(summary: string, subject: string, pattern: RegExp): string[] {
  return brokenSummaryReasons(summary, subject).filter((reason) => pattern.test(reason));
}

describe('brokenSummaryReasons: the broken summaries of issue 14', () => {
  it('a PR-template heading and a cut-off file count', () => {
    const reasons = brokenSummaryReasons('Add --cert support to uv pip. Summary. Changes 11 files…', 'Add --cert support to uv pip (#15432)');
    assert.ok(reasons.some((reason) => reason.includes('PR template residue')), reasons.join('; '));
    assert.ok(reasons.some((reason) => reason.includes('ellipsis')), reasons.join('; '));
  });

  it('the subject twice (nixl b8ca6d8)', () => {
    const reasons = brokenSummaryReasons('Prometheus telemetry exporter. Prometheus telemetry exporter.', 'Prometheus telemetry exporter (#812)');
    assert.deepEqual(reasons, ['repeats the subject']);
  });

  it('a sentence twice, whatever the subject', () => {
    const reasons = brokenSummaryReasons('Adds the exporter. Updates the build. Adds the exporter.', 'feat: telemetry');
    assert.equal(reasons.length, 1);
    assert.match(reasons[0] ?? '', /repeats a sentence/);
  });

  it('a list introduction with the list lost', () => {
    assert.equal(reasonsMatching('Fix the resolver. This commit does two things:.', 'Fix the resolver', /list introduction/).length, 1);
    assert.equal(reasonsMatching('Drop old formats. They include:.', 'Drop old formats', /list introduction/).length, 1);
    assert.equal(reasonsMatching('Fix two bugs: . Changes 3 files.', 'Fix two bugs', /list introduction/).length, 1);
    assert.equal(reasonsMatching('Rework the parser. It changes the following', 'Rework the parser', /list introduction/).length, 1);
    assert.equal(reasonsMatching('Rework the parser. It changes the following.', 'Rework the parser', /list introduction/).length, 1);
    assert.equal(reasonsMatching('修复解析器。主要改动如下：', 'Fix the parser', /list introduction/).length, 1);
  });

  it('empty, unfinished, cut', () => {
    assert.deepEqual(brokenSummaryReasons('   ', 'x'), ['empty']);
    assert.match(brokenSummaryReasons('Adds support for', 'x').join(), /no closing punctuation/);
    assert.match(brokenSummaryReasons('Adds support for the new...', 'x').join(), /ellipsis/);
    assert.match(brokenSummaryReasons('Adds `--cert`', 'x').join(), /no closing punctuation/);
  });

  it('template residue of every kind', () => {
    const cases = [
      'Adds a flag.\n\n## Summary\n\nIt adds a flag.',
      'Adds a flag. Test plan: ran the tests.',
      'Adds a flag. Testing: cargo test.',
      'Adds a flag. [x] I have read the guide.',
      'Adds a flag. <!-- describe your change --> Done.',
    ];
    for (const summary of cases) {
      assert.ok(brokenSummaryReasons(summary, 'Add a flag').some((reason) => reason.includes('PR template residue')), summary);
    }
  });

  it('unbalanced backticks', () => {
    assert.deepEqual(brokenSummaryReasons('Renames `foo to `bar`.', 'x'), ['unbalanced backticks']);
  });
});

describe('brokenSummaryReasons: good summaries', () => {
  const good: Array<[string, string]> = [
    ['Adds `--cert` to `uv pip install`, read by `TlsOptions::from_args`.', 'Add --cert support to uv pip (#15432)'],
    ['Removes bz2, lzma and xz support from ZIP extraction (`CompressionMethod`). Archives using them are now rejected.', 'Remove bz2/lzma/xz'],
    ['Prometheus telemetry exporter. Adds the `PrometheusExporter` plugin and a `prometheus-cpp` build dependency.', 'Prometheus telemetry exporter (#812)'],
    ['It changes two things:\n\n- the default of `repeat_penalty`;\n- the `--seed` flag.', 'Change sampling defaults'],
    ['Introduces `struct write_pack_opts` and passes it to `write_pack_file()` (no behaviour change).', 'pack-write: introduce write_pack_opts'],
    ['新增 `--cert` 选项，用于 `uv pip install`。', 'Add --cert support to uv pip'],
    ['Fixes the time parser: `10:30` was read as `10:03`.', 'Fix the time parser'],
    ['The new code in `a:.b` parses keys (see `Config`).', 'Parse keys'],
  ];
  for (const [summary, subject] of good) {
    it(summary.slice(0, 50), () => {
      assert.deepEqual(brokenSummaryReasons(summary, subject), []);
    });
  }

  it('stays linear on a long hostile summary', () => {
    const hostile = `${'a: '.repeat(50_000)}${'`'.repeat(10_001)}${'Summary '.repeat(20_000)}`;
    const started = performance.now();
    brokenSummaryReasons(hostile, hostile.slice(0, 1000));
    assert.ok(performance.now() - started < 1000);
  });
});
