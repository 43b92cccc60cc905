import type { FileChange } from '../../src/core/domain/commit.js';
import type { Report, RepositoryReport } from '../../src/core/domain/report.js';
import type { Language } from '../../src/core/domain/language.js';
import { emptyAnalysis, makeCommit, makeRepository, sampleReport } from './sampleReport.js';

const UV = 'https://github.com/astral-sh/uv';

function file(path: string, additions: number, deletions: number): FileChange {
  return { path, status: 'M', additions, deletions, binary: false };
}

/**
 * A repository whose day needs triage: a breaking change, a fix, three renovate bumps and two people's bumps (both
 * fold), and one lone dependabot bump (a group of one does not fold). `days` spreads the commits over the days of a
 * range, newest first; by default they are all on 2026-01-22 (Asia/Shanghai).
 */
export function triageRepository(language: Language, days: readonly string[] = ['2026-01-22']): RepositoryReport {
  const t = (en: string, zh: string): string => (language === 'en' ? en : zh);
  const on = (index: number, time: string): string => `${days[Math.min(index, days.length - 1)]}T${time}+08:00`;
  const renovate = { author: 'renovate[bot]', email: '29139614+renovate[bot]@users.noreply.github.com' };
  const bump = (sha: string, subject: string, date: string, who: { author: string; email: string }) => makeCommit({
    sha, subject, date, ...who, repoUrl: UV,
    files: [file('Cargo.lock', 4, 4), file('Cargo.toml', 1, 1)],
    analysis: emptyAnalysis({
      changeType: 'deps', importance: 'low', score: 1,
      reasons: [t('only generated, vendored or lock files', '仅生成、第三方或锁文件')],
      summary: t(`${subject.replace(/ \(#\d+\)$/, '')}.`, `${subject.replace(/ \(#\d+\)$/, '')}。`),
      scope: [{ module: 'Cargo.lock', files: 1, additions: 4, deletions: 4 }],
    }),
  });
  return makeRepository({
    name: 'astral-sh/uv', path: '/src/uv', ref: 'main', webUrl: UV, webKind: 'github', warnings: [],
    commits: [
      bump('a100000000000000000000000000000000000001', 'Update Rust crate jiff to v0.2.34 (#15010)', on(0, '22:10:00'), renovate),
      makeCommit({
        sha: 'b200000000000000000000000000000000000002',
        subject: 'feat!: remove the `--legacy-resolver` flag (#15001)', prNumber: 15001,
        author: 'Charlie Marsh', email: 'charlie@example.com', date: on(0, '18:00:00'), repoUrl: UV,
        files: [file('crates/uv-cli/src/lib.rs', 12, 80), file('crates/uv-resolver/src/legacy.rs', 0, 420)],
        analysis: emptyAnalysis({
          changeType: 'feature', importance: 'high', score: 12, breaking: true,
          reasons: [t('breaking change', '破坏性变更'), t('changes public API files (crates/uv-cli/src/lib.rs)', '修改公共接口文件（crates/uv-cli/src/lib.rs）'),
            t('large deletion: −500 lines', '大量删除：−500 行')],
          summary: t('Remove the `--legacy-resolver` flag. The legacy resolver is deleted with it.',
            '移除 `--legacy-resolver` 参数。旧的解析器一并删除。'),
          scope: [
            { module: 'crates/uv-cli', files: 1, additions: 12, deletions: 80 },
            { module: 'crates/uv-resolver', files: 1, additions: 0, deletions: 420 },
          ],
          insights: {
            architecture: [t('Declares a breaking change: scripts that pass --legacy-resolver fail',
              '声明了破坏性变更：传入 --legacy-resolver 的脚本会失败')],
            performance: [], security: [],
          },
        }),
      }),
      bump('a300000000000000000000000000000000000003', 'Update Rust crate syn to 3.0.0 (#15008)', on(0, '16:40:00'), renovate),
      makeCommit({
        sha: 'c400000000000000000000000000000000000004',
        subject: 'fix(resolver): keep markers on forked requirements (#14990)', prNumber: 14990,
        author: 'Konsti', email: 'konsti@example.com', date: on(1, '16:30:00'), repoUrl: UV,
        files: [file('crates/uv-resolver/src/fork.rs', 30, 6)],
        analysis: emptyAnalysis({
          changeType: 'fix', importance: 'medium', score: 5,
          reasons: [t('bug fix in source code', '源代码中的问题修复')],
          summary: t('Keep markers on forked requirements: the resolver dropped them when a fork split.',
            '分叉的依赖保留其标记：解析器在分叉拆分时会丢掉它们。'),
          scope: [{ module: 'crates/uv-resolver', files: 1, additions: 30, deletions: 6 }],
        }),
      }),
      bump('a500000000000000000000000000000000000005', 'Update Rust crate tokio to v1.47.1 (#15002)', on(1, '09:00:00'), renovate),
      bump('d600000000000000000000000000000000000006', 'Bump serde from 1.0.219 to 1.0.220', on(1, '08:00:00'),
        { author: 'Zanie Blue', email: 'zanie@example.com' }),
      bump('d700000000000000000000000000000000000007', 'chore(deps): bump clap to 4.5.42', on(2, '07:00:00'),
        { author: 'Zanie Blue', email: 'zanie@example.com' }),
      bump('e800000000000000000000000000000000000008', 'Bump actions/checkout from 4 to 5', on(2, '06:00:00'),
        { author: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' }),
    ],
  });
}

/** sampleReport with the triage repository added last, and the quiet repository's last commit day known. */
export function sampleTriageReport(language: Language): Report {
  const report = sampleReport(language);
  report.repositories = report.repositories.map((repo) => (repo.name === 'acme/quiet' ? { ...repo, lastCommitDay: '2026-01-19' } : repo));
  report.repositories.push(triageRepository(language));
  return report;
}

/** A report of three days (2026-01-20 to 2026-01-22, Asia/Shanghai) on the triage repository, ordered by time. */
export function sampleWeekReport(language: Language): Report {
  return {
    schemaVersion: 1,
    generatedAt: '2026-01-23T01:02:03.000Z',
    window: {
      start: '2026-01-20T00:00:00+08:00',
      end: '2026-01-23T00:00:00+08:00',
      timeZone: 'Asia/Shanghai',
      dateField: 'committer',
      label: '2026-01-20..2026-01-22',
    },
    language,
    order: 'time',
    repositories: [triageRepository(language, ['2026-01-22', '2026-01-21', '2026-01-20'])],
  };
}
