import type { FactMessageKey, FactParams } from './factMessages.en.js';
import type { DefinitionKind, SecurityArea } from '../facts/types.js';

type Sentence = (p: FactParams) => string;

export const KIND_WORDS_ZH: Record<DefinitionKind, string> = {
  function: '函数', method: '方法', class: '类', struct: '结构体', enum: '枚举', interface: '接口', trait: 'trait',
  type: '类型', constant: '常量', module: '模块', macro: '宏', field: '字段', variant: '枚举成员',
};

export const AREA_WORDS_ZH: Record<SecurityArea, string> = {
  tls: 'TLS 与证书', auth: '身份认证', crypto: '哈希与加密算法', secret: '密钥与凭据', permission: '权限',
  sandbox: '沙箱', path: '路径处理', exec: '进程执行', deserialize: '反序列化', unsafe: 'unsafe 代码', input: '输入校验',
};

const kindOf = (p: FactParams): string => KIND_WORDS_ZH[p.kind as DefinitionKind] ?? String(p.kind);

export const FACT_MESSAGES_ZH: Record<FactMessageKey, Sentence> = {
  itemDefinition: (p) => `${p.public ? '公共' : ''}${kindOf(p)} ${p.name}`,
  itemFlag: (p) => `${p.name} 选项`,
  itemCommand: (p) => `${p.name} 子命令`,
  itemEnv: (p) => `环境变量 ${p.name}`,
  itemConfig: (p) => `配置项 ${p.name}`,
  itemRoute: (p) => `路由 ${p.name}`,
  itemFormat: (p) => `对 ${p.name} 的支持`,
  itemDependency: (p) => `${p.scope === 'runtime' ? '' : `${scopeZh(p.scope)}`}依赖 ${p.name}${p.version ? ` ${p.version}` : ''}`,
  itemTest: (p) => `测试 ${p.name}`,
  itemRename: (p) => `${p.old} 重命名为 ${p.name}`,
  itemMove: (p) => `${p.name} 移至 ${p.path}`,
  itemDefault: (p) => `${p.name} 的默认值从 ${p.old} 改为 ${p.new}`,
  itemBump: (p) => `${p.name} 从 ${p.old} 升级到 ${p.new}`,
  itemDowngrade: (p) => `${p.name} 从 ${p.old} 降级到 ${p.new}`,
  itemAt: (p) => `${p.what}（${p.path}）`,
  itemVersion: (p) => `${p.name} 的版本从 ${p.old} 改为 ${p.new}`,

  clauseAdds: (p) => `新增 ${p.items}`,
  clauseRemoves: (p) => `移除 ${p.items}`,
  clauseRenames: (p) => `将 ${p.items}`,
  clauseMoves: (p) => `将 ${p.items}`,
  clauseSignature: (p) => `修改 ${p.items} 的签名`,
  clauseDefaults: (p) => `将 ${p.items}`,
  clauseBumps: (p) => `将 ${p.items}`,
  clauseDowngrades: (p) => `将 ${p.items}`,
  clauseChanges: (p) => `修改 ${p.items}`,
  clauseTests: (p) => `测试 ${p.items}`,
  clauseVersion: (p) => `将 ${p.items}`,
  clauseTestsAdded: (p) => `新增测试 ${p.items}`,
  clauseTestsRemoved: (p) => `移除测试 ${p.items}`,
  clauseUses: (p) => `开始使用 ${p.items}`,
  clauseStopsUsing: (p) => `不再使用 ${p.items}`,
  clauseSeparator: () => '；',
  sentence: (p) => `${p.text}。`,

  brkDeclared: () => '提交标题声明了破坏性变更',
  brkDeclaredText: (p) => `声明的破坏性变更：${p.text}`,
  brkFlagRemoved: (p) => `移除了 ${p.name} 选项`,
  brkCommandRemoved: (p) => `移除了 ${p.name} 子命令`,
  brkConfigRemoved: (p) => `移除了配置项 ${p.name}`,
  brkRouteRemoved: (p) => `移除了路由 ${p.name}`,
  brkFormatRemoved: (p) => `不再支持 ${p.name}`,
  brkDefaultChanged: (p) => `将 ${p.name} 的默认值从 ${p.old} 改为 ${p.new}`,
  brkPublicRemoved: (p) => `移除了公共接口 ${p.name}`,
  brkPublicRenamed: (p) => `将公共接口 ${p.old} 重命名为 ${p.name}`,
  brkPublicAbstract: (p) => `将公共接口 ${p.name} 改为抽象`,
  brkVariantAdded: (p) => `为公共枚举 ${p.owner} 新增变体 ${p.name}（该枚举未标注 \`#[non_exhaustive]\`）`,
  brkPublicSignature: (p) => `修改了公共接口 ${p.name} 的签名`,

  reasonBreakingItems: (p) => `破坏性变更：${p.items}`,
  reasonSecurityCode: (p) => `涉及安全相关代码：${p.items}`,
  reasonReordered: (p) => `主要是移动代码行而非修改：已读取文件删除的 ${p.removed} 行中有 ${p.moved} 行重新出现`,
  sentenceReordered: (p) => `大部分改动只是移动代码行：已读取文件删除的 ${p.removed} 行中有 ${p.moved} 行在同一文件中重新出现（排序、重新格式化或调整顺序）。`,
  reasonCiGains: (p) => `持续集成工作流 ${p.path} 新增 ${p.detail}`,
  reasonApi: (p) => `修改公共接口：${p.items}`,
  reasonAdds: (p) => `新增 ${p.items}`,
  reasonFeatureAdds: (p) => `新功能：新增 ${p.items}`,
  reasonFixIn: (p) => `修复 ${p.items} 中的问题`,
  reasonRefactorOf: (p) => `重构 ${p.items}`,
  reasonPerfIn: (p) => `性能相关变更：${p.items}`,
  reasonDefault: (p) => `将 ${p.name} 的默认值从 ${p.old} 改为 ${p.new}`,
  reasonDependencies: (p) => `依赖更新：${p.items}`,
  reasonTestsOf: (p) => `仅测试：${p.items}`,

  insNewFile: (p) => `新文件 ${p.path} 定义了 ${p.items}。`,
  insMoved: (p) => `将 ${p.items}。`,
  insDependencyAdded: (p) => `在 ${p.path} 中新增${scopeZh(p.scope)}依赖 ${p.name}${p.version ? ` ${p.version}` : ''}（${p.ecosystem}）。`,
  insDependencyRemoved: (p) => `从 ${p.path} 中移除${scopeZh(p.scope)}依赖 ${p.name}（${p.ecosystem}）。`,
  insInterfaceAdded: (p) => `${p.item} 在 ${p.path}${p.line ? `:${p.line}` : ''} 中声明。`,
  insApiChanged: (p) => `${p.path} 中的公共接口有变化：${p.items}。`,
  insPerfIn: (p) => `提交信息提到性能（“${p.word}”），改动的代码是 ${p.items}。`,
  insHotPath: (p) => `修改了性能热点路径上的 ${p.items}（${p.path}）。`,
  insRuntimeDeps: (p) => `运行时依赖有变化（${p.items}）：行为和体积随新版本而变。`,
  insSecurityFacts: (p) => `涉及${p.area}：${p.items}。`,
  insHardening: (p) => `按提交标题所说是安全加固：相关检查位于 ${p.items}。`,
  insCiGains: (p) => `${p.path} 新增 ${p.detail}。`,
  insCiUnpinned: (p) => `${p.path} 使用 ${p.detail}，未固定到具体提交。`,

  riskItem: (p) => `${p.item}：${p.consequence}。`,
  conseqDefinition: () => '仓库外的调用方会因此失效',
  conseqAbstract: () => '直接创建它的代码，或未实现抽象成员的子类，都会出错',
  conseqVariant: () => 'crate 外对它的穷尽 `match` 将无法编译',
  conseqFlag: () => '传入该选项的脚本和用户会报错',
  conseqCommand: () => '运行该子命令的脚本和用户会报错',
  conseqConfig: () => '设置了该项的配置将不再生效',
  conseqRoute: () => '调用该路由的客户端会出错',
  conseqFormat: () => '该格式的输入将无法读取',
  conseqDefault: () => '现有用户会得到不同的输出',
  conseqDeclared: () => '使用方需要适配',
  recBreakingItems: (p) => `在发布说明中写明 ${p.items} 的变化，并告诉用户改用什么。`,
  recVariants: (p) => `若还会新增变体，请为 ${p.items} 标注 \`#[non_exhaustive]\`，并在发布说明中写明新增的变体。`,
  recDefaults: (p) => `在发布说明中注明 ${p.items} 的新默认值。`,
  riskCiGains: (p) => `${p.path} 新增 ${p.detail}：来自拉取请求的代码可能利用它。`,
  riskCiText: (p) => `${p.path} 现在在 ${p.detail} 事件上运行，其标题和正文任何人都能写：把它们放进 shell 命令的步骤会执行其中的内容。`,
  riskCiPermission: (p) => `${p.path} 新增 ${p.detail}：该任务的每个步骤（包括第三方 action）都能使用这一权限。`,
  riskCiTokenPermission: (p) => `${p.path} 新增 ${p.detail}：拿到该令牌的每个步骤（包括第三方 action）都能使用这一权限。`,
  riskCiSecret: (p) => `${p.path} 现在读取 ${p.detail}：打印它的步骤或被攻破的 action 都可能泄露它。`,
  recCiGains: (p) => `审查 ${p.path}：权限只给每个任务所需的部分，不要在带密钥的环境中运行拉取请求的代码。`,
  riskUnpinned: (p) => `${p.path} 运行未固定到提交的 ${p.detail}：控制该 action 的人即可控制这个任务。`,
  recUnpinned: (p) => `将 ${p.detail} 固定到完整的提交 SHA。`,
  riskUntestedDefs: (p) => `修改了 ${p.items}，但本次提交的测试都没有提到${Number(p.count) === 1 ? '它' : '它们'}。`,
  riskUntestedNoTests: (p) => `修改了 ${p.items}，但没有修改测试。`,
  recTestCall: (p) => `补充调用 ${p.item} 的测试。`,
  riskUntestedFlag: (p) => `新增了 ${p.items}，但没有测试提到${Number(p.count) === 1 ? '它' : '它们'}。`,
  recTestFlag: (p) => `补充传入 ${p.item} 的测试。`,
  recTestCommand: (p) => `补充运行 ${p.item} 子命令的测试。`,
  riskUntestedFiles: (p) => `修改了 ${p.paths}（+${p.additions}/−${p.deletions}），但没有修改测试。`,
  recTestFiles: (p) => `为 ${p.paths} 补充测试。`,
  riskDeletedDefs: (p) => `删除了 ${p.deletions} 行，其中包括 ${p.items}。`,
  recDeletedDefs: (p) => `确认本次提交之外没有代码仍在使用 ${p.items}。`,
  riskSecurityRemoved: (p) => `移除了 ${p.items}（${p.area}）：请确认没有丢失防护。`,
  recSecurityReview: (p) => `请从安全角度审查 ${p.path} 中涉及${p.area}的改动。`,

  noteBudget: () => '未读取代码：本次运行读取代码的预算已用于更新的提交，此分析仅基于提交信息和文件列表。',
  noteUnparsed: (p) => `未解析：${p.items}；其事实仅来自文件列表。`,
  reasonWordSyntax: () => '语法错误',
  reasonWordTooLarge: () => '文件过大',
  reasonWordNotUtf8: () => '非 UTF-8',
  reasonWordBudget: () => '超出预算',
  reasonWordUnreadable: () => '无法读取',
};

function scopeZh(scope: string | number | boolean | undefined): string {
  switch (scope) {
    case 'dev': return '开发';
    case 'build': return '构建';
    case 'optional': return '可选';
    case 'ci': return 'CI ';
    default: return '运行时';
  }
}
