import type { Language } from '../../domain/language.js';

export type MessageParams = Record<string, string | number>;
type Message = (p: MessageParams) => string;

const enFiles = (count: string | number | undefined): string => (Number(count) === 1 ? '1 file' : `${count} files`);

const en = {
  rootModule: () => '(root)',
  listMore: (p) => `${p.list} and others`,

  // Importance reasons
  reasonBreaking: () => 'breaking change',
  reasonBreakingAlwaysHigh: () => 'a breaking change is always high',
  reasonDocsNeverHigh: () => 'documentation changes are never high: capped at medium',
  reasonSecurityFix: () => 'security fix',
  reasonSecurityFixSource: () => 'security fix in source code',
  reasonSecurityPath: (p) => `touches a security-sensitive path (${p.path})`,
  reasonFeatureSource: (p) => `new feature in source code: ${enFiles(p.files)}, +${p.additions}/−${p.deletions}`,
  reasonFeature: () => 'new feature',
  reasonFixSource: () => 'bug fix in source code',
  reasonFix: () => 'bug fix',
  reasonPerf: () => 'performance change',
  reasonBuild: () => 'build change',
  reasonRefactorSource: () => 'refactoring of source code',
  reasonRevert: () => 'reverts an earlier change',
  reasonRevertSecurity: () => 'reverts a security fix: what it protected is open again',
  reasonPublicApi: (p) => `changes public API files (${p.path})`,
  reasonMigration: (p) => `changes a migration or schema (${p.path})`,
  reasonHotPath: (p) => `touches a hot path (${p.path})`,
  reasonCiPermissions: (p) => `CI workflow permissions change (${p.path})`,
  reasonMajorBump: (p) => `major dependency upgrade (${p.name} ${p.from} → ${p.to})`,
  reasonChangedDefault: (p) => `changes a default value (${p.path})`,
  reasonLargeChange: (p) => `large change: ${enFiles(p.files)}, +${p.additions}/−${p.deletions}`,
  reasonMediumChange: (p) => `medium-sized change: ${enFiles(p.files)}, +${p.additions}/−${p.deletions}`,
  reasonSmallChange: (p) => `small change: ${enFiles(p.files)}, +${p.additions}/−${p.deletions}`,
  reasonFilesUnreadable: (p) => `files could not be read (${p.detail}): importance from the message only`,
  reasonLargeDeletion: (p) => `large deletion: −${p.deletions} lines`,
  reasonNewModule: (p) => `adds a new module (${p.module})`,
  reasonDocsOnly: () => 'docs only',
  reasonTestsOnly: () => 'tests only',
  reasonStyleOnly: () => 'formatting or style only',
  reasonChore: () => 'housekeeping',
  reasonUnreviewedOnly: () => 'only generated, vendored or lock files',
  reasonUserRule: (p) => `matches a rule (${p.rule})`,
  ruleOnPaths: (p) => `paths ${p.globs}`,
  ruleOnMessage: (p) => `message /${p.pattern}/`,
  ruleOnTypes: (p) => `types ${p.types}`,
  ruleOnFacts: (p) => `facts ${p.facts}`,

  // Summary
  summaryStats: (p) => `Changes ${enFiles(p.files)} (+${p.additions}/−${p.deletions}) in ${p.modules}.`,
  summaryStatsMainly: (p) => `Changes ${enFiles(p.files)} (+${p.additions}/−${p.deletions}), mainly in ${p.modules}.`,
  summaryNoFiles: () => 'No file changes.',

  // Insights: architecture
  archNewModule: (p) => `Adds the module ${p.module}.`,
  archDeletedModule: (p) => `Removes the module ${p.module}.`,
  archPublicApi: (p) => `Changes public API files: ${p.paths}.`,
  archConfig: (p) => `Changes configuration: ${p.paths}.`,
  archMigration: (p) => `Changes schema or migrations: ${p.paths}.`,
  archBreaking: (p) => `Declares a breaking change: ${p.text}`,
  archBreakingHeader: () => 'Declares a breaking change in the commit header.',
  archRenames: (p) => `Moves or renames files: ${p.paths}.`,
  // Insights: performance
  perfKeyword: (p) => `The message mentions performance (“${p.word}”).`,
  perfHotPath: (p) => `Touches hot paths: ${p.paths}.`,
  perfDependencies: (p) => `Changes dependencies (${p.paths}): runtime behaviour and bundle size may change.`,
  // Insights: security
  secPaths: (p) => `Touches security-sensitive code: ${p.paths}.`,
  secKeyword: (p) => `The message mentions a security issue (“${p.word}”).`,
  secWorkflow: (p) => `${p.path} gains ${p.what}.`,
  secWorkflowUnchecked: (p) => `Changes CI workflows (${p.paths}): check their triggers and permissions.`,
  signalPullRequestTarget: () => 'the pull_request_target trigger',
  signalPermissions: () => 'permission settings',
  signalSecrets: () => 'access to secrets',
  workflowFinding: (p) => `${p.path} (${p.signals})`,
  defaultInFile: (p) => `${p.name} (${p.path})`,

  // Risks and recommendations
  riskLargeDeletion: (p) => `Large deletion: −${p.deletions} lines${p.deleted ? `, removed files: ${p.deleted}` : ''}.`,
  recLargeDeletion: () => 'Check that nothing still depends on the removed code.',
  riskMigration: (p) => `Changes migrations or schema: ${p.paths}.`,
  recMigration: () => 'Rehearse the migration on a copy of production data and keep a rollback path.',
  riskMajorBump: (p) => `Major dependency upgrade: ${p.bumps}.`,
  recMajorBump: (p) => `Read the release notes of ${p.names} for breaking changes and run the full test suite.`,
  riskChangedDefault: (p) => `Changes default values: ${p.defaults}.`,
  riskChangedDefaultFiles: (p) => `Changes files that hold defaults: ${p.paths}.`,
  recChangedDefault: () => 'Mention the new defaults in the release notes: users relying on the old values will see different behaviour.',
  riskCiPermissions: (p) => `CI workflow permissions change: ${p.findings}.`,
  recCiPermissions: () =>
    'Review the workflow: pull_request_target, write permissions and secrets can be reached by code from pull requests.',
  riskBreaking: () => 'Breaking change: users of this code must adapt.',
  recBreaking: () => 'Announce the change and give users migration steps.',
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof en;

const zhCN: Record<MessageKey, Message> = {
  rootModule: () => '（根目录）',
  listMore: (p) => `${p.list} 等`,

  reasonBreaking: () => '破坏性变更',
  reasonBreakingAlwaysHigh: () => '破坏性变更始终为高重要度',
  reasonDocsNeverHigh: () => '文档变更不会评为高重要度：已降为中',
  reasonSecurityFix: () => '安全修复',
  reasonSecurityFixSource: () => '源代码中的安全修复',
  reasonSecurityPath: (p) => `涉及安全敏感路径（${p.path}）`,
  reasonFeatureSource: (p) => `源代码中的新功能：${p.files} 个文件，+${p.additions}/−${p.deletions}`,
  reasonFeature: () => '新功能',
  reasonFixSource: () => '源代码中的问题修复',
  reasonFix: () => '问题修复',
  reasonPerf: () => '性能相关变更',
  reasonBuild: () => '构建变更',
  reasonRefactorSource: () => '源代码重构',
  reasonRevert: () => '回滚了先前的变更',
  reasonRevertSecurity: () => '回滚了一个安全修复：它所防护的问题重新暴露',
  reasonPublicApi: (p) => `修改公共接口文件（${p.path}）`,
  reasonMigration: (p) => `修改数据迁移或模式定义（${p.path}）`,
  reasonHotPath: (p) => `涉及性能热点路径（${p.path}）`,
  reasonCiPermissions: (p) => `持续集成工作流权限变化（${p.path}）`,
  reasonMajorBump: (p) => `依赖主版本升级（${p.name} ${p.from} → ${p.to}）`,
  reasonChangedDefault: (p) => `修改了默认值（${p.path}）`,
  reasonLargeChange: (p) => `大规模变更：${p.files} 个文件，+${p.additions}/−${p.deletions}`,
  reasonMediumChange: (p) => `中等规模变更：${p.files} 个文件，+${p.additions}/−${p.deletions}`,
  reasonSmallChange: (p) => `小规模变更：${p.files} 个文件，+${p.additions}/−${p.deletions}`,
  reasonFilesUnreadable: (p) => `无法读取文件（${p.detail}）：仅根据提交信息判断重要度`,
  reasonLargeDeletion: (p) => `大量删除：−${p.deletions} 行`,
  reasonNewModule: (p) => `新增模块（${p.module}）`,
  reasonDocsOnly: () => '仅文档',
  reasonTestsOnly: () => '仅测试',
  reasonStyleOnly: () => '仅格式或代码风格',
  reasonChore: () => '日常维护',
  reasonUnreviewedOnly: () => '仅生成文件、第三方代码或锁文件',
  reasonUserRule: (p) => `匹配自定义规则（${p.rule}）`,
  ruleOnPaths: (p) => `路径 ${p.globs}`,
  ruleOnMessage: (p) => `提交信息 /${p.pattern}/`,
  ruleOnTypes: (p) => `类型 ${p.types}`,
  ruleOnFacts: (p) => `事实 ${p.facts}`,

  summaryStats: (p) => `共修改 ${p.files} 个文件（+${p.additions}/−${p.deletions}），涉及 ${p.modules}。`,
  summaryStatsMainly: (p) => `共修改 ${p.files} 个文件（+${p.additions}/−${p.deletions}），主要涉及 ${p.modules}。`,
  summaryNoFiles: () => '没有文件变更。',

  archNewModule: (p) => `新增模块 ${p.module}。`,
  archDeletedModule: (p) => `移除模块 ${p.module}。`,
  archPublicApi: (p) => `修改公共接口文件：${p.paths}。`,
  archConfig: (p) => `修改配置：${p.paths}。`,
  archMigration: (p) => `修改数据模式或迁移：${p.paths}。`,
  archBreaking: (p) => `声明了破坏性变更：${p.text}`,
  archBreakingHeader: () => '提交标题声明了破坏性变更。',
  archRenames: (p) => `移动或重命名文件：${p.paths}。`,
  perfKeyword: (p) => `提交信息提到性能（“${p.word}”）。`,
  perfHotPath: (p) => `涉及性能热点路径：${p.paths}。`,
  perfDependencies: (p) => `修改了依赖（${p.paths}）：运行时行为和包体积可能变化。`,
  secPaths: (p) => `涉及安全敏感代码：${p.paths}。`,
  secKeyword: (p) => `提交信息提到安全问题（“${p.word}”）。`,
  secWorkflow: (p) => `${p.path} 新增了${p.what}。`,
  secWorkflowUnchecked: (p) => `修改了持续集成工作流（${p.paths}）：请检查其触发条件和权限。`,
  signalPullRequestTarget: () => ' pull_request_target 触发器',
  signalPermissions: () => '权限设置',
  signalSecrets: () => '密钥访问',
  workflowFinding: (p) => `${p.path}（${p.signals}）`,
  defaultInFile: (p) => `${p.name}（${p.path}）`,

  riskLargeDeletion: (p) => `大量删除：−${p.deletions} 行${p.deleted ? `，删除的文件：${p.deleted}` : ''}。`,
  recLargeDeletion: () => '确认没有其他代码仍依赖被删除的部分。',
  riskMigration: (p) => `修改了数据迁移或模式定义：${p.paths}。`,
  recMigration: () => '先在生产数据副本上演练迁移，并准备回滚方案。',
  riskMajorBump: (p) => `依赖主版本升级：${p.bumps}。`,
  recMajorBump: (p) => `阅读 ${p.names} 的发布说明，确认不兼容的变化，并运行完整测试。`,
  riskChangedDefault: (p) => `修改了默认值：${p.defaults}。`,
  riskChangedDefaultFiles: (p) => `修改了存放默认值的文件：${p.paths}。`,
  recChangedDefault: () => '在发布说明中注明新的默认值：依赖旧默认值的用户会看到不同的行为。',
  riskCiPermissions: (p) => `持续集成工作流权限变化：${p.findings}。`,
  recCiPermissions: () => '审查该工作流：pull_request_target、写权限和密钥可能被来自拉取请求的代码利用。',
  riskBreaking: () => '破坏性变更：使用方需要适配。',
  recBreaking: () => '发布公告，并为使用方提供迁移步骤。',
};

const MESSAGES: Record<Language, Record<MessageKey, Message>> = { en, 'zh-CN': zhCN };

export function message(language: Language, key: MessageKey, params: MessageParams = {}): string {
  return MESSAGES[language][key](params);
}

/** Joins items in the report language, showing at most `max` of them. */
export function formatList(language: Language, items: readonly string[], max = 3): string {
  const separator = language === 'en' ? ', ' : '、';
  const shown = items.slice(0, max).join(separator);
  return items.length > max ? message(language, 'listMore', { list: shown }) : shown;
}

export { changeTypeLabel, importanceLabel } from '../../i18n/labels.js';
