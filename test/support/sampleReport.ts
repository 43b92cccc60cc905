import type { Analysis } from '../../src/core/domain/analysis.js';
import type { FileChange } from '../../src/core/domain/commit.js';
import type { AnalyzedCommit, RepoStats, Report, RepositoryReport } from '../../src/core/domain/report.js';
import type { Language } from '../../src/core/domain/language.js';

/** Text an attacker controls: pipes, newlines, backticks, HTML, script links, emphasis and heading markers. */
export const HOSTILE = {
  subject: 'fix: a|b `tick` <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)> *bold* _em_ #1 &lt;',
  author: 'Mallory | </td><b>\nInjected',
  path: 'src/`weird`|name\n<script>.ts',
  summary: 'Click [here](javascript:alert(1)) or <a href="javascript:alert(2)">here</a>.\n\n# not a heading\n| not | a | table |',
  risk: '<img src=x onerror=alert(1)> breaks `the | table`',
} as const;

export function emptyAnalysis(overrides: Partial<Analysis> = {}): Analysis {
  return {
    analyzer: 'heuristic',
    changeType: 'other',
    importance: 'low',
    score: 0,
    reasons: [],
    breaking: false,
    summary: '',
    scope: [],
    insights: { architecture: [], performance: [], security: [] },
    security: false,
    risks: [],
    recommendations: [],
    notes: [],
    ...overrides,
  };
}

interface CommitSpec {
  sha: string;
  subject: string;
  author?: string;
  email?: string;
  date: string;
  files?: FileChange[];
  url?: boolean;
  prNumber?: number;
  trailers?: AnalyzedCommit['trailers'];
  analysis: Analysis;
  repoUrl?: string;
}

export function makeCommit(spec: CommitSpec): AnalyzedCommit {
  const person = { name: spec.author ?? 'Ada Lovelace', email: spec.email ?? 'ada@example.com', date: spec.date };
  const commit: AnalyzedCommit = {
    sha: spec.sha,
    shortSha: spec.sha.slice(0, 7),
    parents: ['0000000000000000000000000000000000000001'],
    author: person,
    committer: person,
    subject: spec.subject,
    body: '',
    trailers: spec.trailers ?? [],
    files: spec.files ?? [],
    analysis: spec.analysis,
  };
  if (spec.prNumber !== undefined) commit.prNumber = spec.prNumber;
  if (spec.url !== false && spec.repoUrl !== undefined) commit.url = `${spec.repoUrl}/commit/${spec.sha}`;
  return commit;
}

export function statsOf(commits: AnalyzedCommit[]): RepoStats {
  const sum = (pick: (file: FileChange) => number): number =>
    commits.reduce((total, commit) => total + commit.files.reduce((inner, file) => inner + pick(file), 0), 0);
  return {
    commits: commits.length,
    high: commits.filter((commit) => commit.analysis.importance === 'high').length,
    medium: commits.filter((commit) => commit.analysis.importance === 'medium').length,
    low: commits.filter((commit) => commit.analysis.importance === 'low').length,
    authors: new Set(commits.map((commit) => commit.author.email.toLowerCase())).size,
    additions: sum((file) => file.additions),
    deletions: sum((file) => file.deletions),
  };
}

export function makeRepository(spec: Omit<RepositoryReport, 'stats'>): RepositoryReport {
  return { ...spec, stats: statsOf(spec.commits) };
}

function file(path: string, additions: number, deletions: number, status: FileChange['status'] = 'M'): FileChange {
  return { path, status, additions, deletions, binary: false };
}

/** A day report on four repositories: a busy one (all three groups, hostile text), an error, an empty one, a local one. */
export function sampleReport(language: Language): Report {
  const t = (en: string, zh: string): string => (language === 'en' ? en : zh);
  const dynamoUrl = 'https://github.com/ai-dynamo/dynamo';

  const releaseFiles: FileChange[] = [
    file('.github/workflows/release.yml', 180, 0, 'A'),
    ...Array.from({ length: 52 }, (_, index) => file(`deploy/helm/chart-${String(index + 1).padStart(2, '0')}.yaml`, 2, 1)),
  ];

  const dynamo = makeRepository({
    name: 'ai-dynamo/dynamo',
    path: '/src/dynamo',
    ref: 'main',
    webUrl: dynamoUrl,
    warnings: [t('Shallow clone: history ends at 2026-01-22 03:00, earlier commits may be missing.',
      '浅克隆：历史截止于 2026-01-22 03:00，更早的提交可能缺失。')],
    commits: [
      makeCommit({
        sha: '0c1467c0d3a9f0e1b2c3d4e5f60718293a4b5c6d',
        subject: 'ci: Add builds to release (#5557)',
        author: 'Pavithra Vijayakrishnan', email: 'pavithra@example.com',
        date: '2026-01-22T20:43:37+08:00', prNumber: 5557, repoUrl: dynamoUrl,
        files: releaseFiles,
        analysis: emptyAnalysis({
          changeType: 'ci', importance: 'medium', score: 4, security: true,
          reasons: [t('CI workflow .github/workflows/release.yml gains `packages: write`', '持续集成工作流 .github/workflows/release.yml 新增 `packages: write`')],
          summary: t('Adds a release workflow that builds and publishes images. Bumps `docker/build-push-action` v5 → v6.',
            '新增发布工作流，用于构建并发布镜像。将 `docker/build-push-action` 从 v5 升级到 v6。'),
          insights: {
            architecture: [], performance: [],
            security: [t('.github/workflows/release.yml gains `packages: write`.', '.github/workflows/release.yml 新增 `packages: write`。')],
          },
          risks: [t('.github/workflows/release.yml gains `packages: write`: code from pull requests may reach it.',
            '.github/workflows/release.yml 新增 `packages: write`：来自拉取请求的代码可能利用它。')],
          scope: [
            { module: '.github', files: 1, additions: 180, deletions: 0 },
            { module: 'deploy', files: 52, additions: 104, deletions: 52 },
          ],
          recommendations: [t('Run the workflow once on a release branch before tagging.', '打标签前先在发布分支上试运行一次该工作流。')],
        }),
      }),
      makeCommit({
        sha: '83e59d352195d8855d74d16ca67d682fb4d6e1db',
        subject: 'build: Pin docker buildkit version (#5559)',
        author: 'Pavithra Vijayakrishnan', email: 'pavithra@example.com',
        date: '2026-01-22T06:56:37Z', prNumber: 5559, repoUrl: dynamoUrl,
        files: [file('.github/actions/docker-build/action.yml', 2, 0)],
        analysis: emptyAnalysis({
          changeType: 'build', importance: 'low', score: 1,
          summary: t('Pins Docker Buildx to v0.14.1 in the build action.', '在构建 action 中将 Docker Buildx 固定为 v0.14.1。'),
        }),
      }),
      makeCommit({
        sha: 'badc0ffee0000000000000000000000000000001',
        subject: HOSTILE.subject,
        author: HOSTILE.author, email: 'mallory@example.com',
        date: '2026-01-21T23:30:00-05:00', repoUrl: dynamoUrl,
        files: [file(HOSTILE.path, 3, 1), { path: 'src/new`name`.ts', oldPath: 'src/old|name.ts', status: 'R', additions: 0, deletions: 0, binary: false }],
        trailers: [{ key: 'Co-authored-by', value: 'Eve *evil* [x](javascript:alert(1)) <eve@example.com>' }],
        analysis: emptyAnalysis({
          changeType: 'security', importance: 'high', score: 9, conventionalScope: 'a|b`c',
          reasons: [HOSTILE.risk],
          summary: HOSTILE.summary,
          scope: [{ module: 'src|`x`', files: 2, additions: 3, deletions: 1 }],
          insights: { architecture: [], performance: [], security: [HOSTILE.risk] },
          risks: [HOSTILE.risk],
          recommendations: ['> quoted\n- listed\n1. numbered'],
        }),
      }),
      makeCommit({
        sha: '4557b6df5eae3c843b0885ed1fdc3d5ae7be3aac',
        subject: 'feat: predict log1p(y) instead of y in load predictor if ARIMA collapses (#5545)',
        author: 'Hongkuan Zhou', email: 'hongkuan@example.com',
        date: '2026-01-22T09:43:14+08:00', prNumber: 5545, repoUrl: dynamoUrl,
        trailers: [{ key: 'Co-authored-by', value: 'Grace Hopper <grace@example.com>' }, { key: 'Signed-off-by', value: 'Hongkuan Zhou <hongkuan@example.com>' }],
        files: [
          file('components/src/dynamo/planner/utils/load_predictor.py', 96, 21),
          file('tests/planner/test_load_predictor.py', 12, 2),
        ],
        analysis: emptyAnalysis({
          analyzer: 'openai-compatible', model: 'qwen2.5-coder-32b',
          changeType: 'feature', conventionalScope: 'planner', importance: 'high', score: 8,
          reasons: [t('Changes prediction logic used by the planner', '修改了规划器使用的预测逻辑'),
            t('Touches a core module (components)', '涉及核心模块（components）')],
          breaking: false,
          summary: t('ARIMAPredictor keeps the raw values and refits in log1p space when the model collapses to order (0, d, 0).\n\nThe public API is unchanged.',
            'ARIMAPredictor 保留原始数值，在模型退化为 (0, d, 0) 时切换到 log1p 空间重新拟合。\n\n对外 API 保持不变。'),
          scope: [
            { module: 'components', files: 1, additions: 96, deletions: 21 },
            { module: 'tests', files: 1, additions: 12, deletions: 2 },
          ],
          insights: {
            architecture: [t('Adds a Mode enum and a second buffer for raw values.', '新增 Mode 枚举和一份原始数值缓存。')],
            performance: [t('A collapse triggers one extra auto_arima fit.', '发生退化时会额外执行一次 auto_arima 拟合。')],
            security: [],
          },
          risks: [t('The two buffers can drift apart if only one is updated.', '若只更新其中一份缓存，两份缓存可能不一致。'),
            t('Order (0, d, 0) may also appear for healthy series.', '正常序列也可能出现 (0, d, 0) 阶数。')],
          recommendations: [t('Add a unit test with a series that collapses.', '补充一个会触发退化的序列的单元测试。')],
          notes: [t('Based on a partial diff (first 400 lines).', '基于部分差异（前 400 行）。')],
          grounding: { dropped: 1, reasons: [t('named a file outside the commit', '提到了提交之外的文件')] },
          usage: { promptTokens: 3100, completionTokens: 420 },
        }),
      }),
      makeCommit({
        sha: 'e2b12517c6d7361f9faa16a60dfc5163121f21ae',
        subject: 'chore: reduce verbosity during dynamo start (#5518)',
        author: 'Biswa Panda', email: 'biswa@example.com',
        date: '2026-01-22T03:11:07+08:00', prNumber: 5518, repoUrl: dynamoUrl,
        files: [file('lib/runtime/src/lib.rs', 3, 5)],
        analysis: emptyAnalysis({
          changeType: 'refactor', importance: 'low', score: 1,
          reasons: [t('restructures `init_logging()`', '重构 `init_logging()`')],
          summary: t('Lowers start-up logs from info to debug.\nRemoves a redundant log line. Changes `init_logging()`; no longer uses `STARTUP_BANNER`.',
            '将启动日志从 info 降为 debug。\n删除一条冗余日志。修改 `init_logging()`；不再使用 `STARTUP_BANNER`。'),
          notes: [t('Analysed from the commit message only.', '仅根据提交信息分析。')],
        }),
      }),
    ],
  });

  const broken = makeRepository({
    name: 'acme/broken', path: '/src/broken', ref: 'origin/nope', warnings: ['ignored when error is set'],
    error: t('Unknown ref "origin/nope": fetch it, or pick an existing branch, tag or commit.',
      '未知的引用“origin/nope”：请先 fetch，或选择已有的分支、标签或提交。'),
    commits: [],
  });

  const quiet = makeRepository({
    name: 'acme/quiet', path: '/src/quiet', ref: 'main', webUrl: 'https://gitlab.com/acme/quiet', warnings: [], commits: [],
  });

  const local = makeRepository({
    name: 'scripts', path: '/home/me/scripts', ref: 'develop', warnings: [],
    commits: [
      makeCommit({
        sha: '91ddf4189b6c88963f57b50b416397da6759c511',
        subject: 'docs: explain the backup script (#12)', prNumber: 12,
        date: '2026-01-22T12:00:00+08:00',
        files: [file('README.md', 10, 2)],
        analysis: emptyAnalysis({
          changeType: 'docs', importance: 'low', score: 0,
          summary: t('Documents how to run the backup script.', '说明如何运行备份脚本。'),
        }),
      }),
    ],
  });

  return {
    schemaVersion: 1,
    generatedAt: '2026-01-23T01:02:03.000Z',
    window: {
      start: '2026-01-22T00:00:00.000+08:00',
      end: '2026-01-23T00:00:00.000+08:00',
      timeZone: 'Asia/Shanghai',
      dateField: 'committer',
      label: '2026-01-22',
    },
    language,
    repositories: [dynamo, broken, quiet, local],
    usage: { promptTokens: 3100, completionTokens: 420 },
  };
}
