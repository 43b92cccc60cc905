// The sentences of DigestError (src/core/errors.ts), in each report language.
import type { Sentences } from './sentences.js';

/** Every failure the user can meet, each with a one-line message that names the cause and the fix. */
export const ERROR_CODES = [
  'not-a-repo', 'git-missing', 'git-too-old', 'empty-repo', 'unborn-branch', 'unknown-ref', 'bad-date', 'bad-time-zone',
  'missing-objects', 'bad-config', 'cancelled', 'git-failed', 'output-exists', 'usage', 'bad-range', 'no-such-path',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ERROR_MESSAGES: Sentences<ErrorCode> = {
  en: {
    'not-a-repo': (p) => `${p.path} is not a git repository: open a folder inside a work tree, or a bare repository.`,
    'git-missing': () => 'git was not found on PATH: install git 2.31 or newer.',
    'git-too-old': (p) => `git ${p.version} is too old: install git ${p.minimum} or newer.`,
    'empty-repo': (p) => `${p.path} has no commits yet: commit something first, or pick another repository.`,
    'unborn-branch': (p) => `HEAD is the unborn branch "${p.branch}", which has no commits yet: commit on it, or pick a branch with --ref.`,
    'unknown-ref': (p) => `Unknown ref "${p.ref}": fetch it, or pick an existing branch, tag or commit.`,
    'bad-date': (p) => `Bad date "${p.value}": use YYYY-MM-DD, today, yesterday, or a relative span like 7d.`,
    'bad-time-zone': (p) => `Unknown time zone "${p.value}": use an IANA name such as Asia/Shanghai or UTC.`,
    'missing-objects': (p) => `Git objects are missing (${p.detail}): the clone is partial or broken; run git fetch to fill it.`,
    'bad-config': (p) => `Invalid ${p.file}: ${p.detail}.`,
    cancelled: () => 'Cancelled.',
    'git-failed': (p) => `git failed: ${p.detail}`,
    'output-exists': (p) => `${p.path} already exists: pass --force to overwrite it, or choose another --out.`,
    usage: (p) => p.detail ?? 'Invalid arguments.',
    'bad-range': (p) => `The range starts on ${p.since}, after its last day ${p.until}: swap the two dates.`,
    'no-such-path': (p) => `${p.path} does not exist.`,
  },
  'zh-CN': {
    'not-a-repo': (p) => `${p.path} 不是 git 仓库：请打开工作区内的文件夹或裸仓库。`,
    'git-missing': () => '在 PATH 中找不到 git：请安装 git 2.31 或更高版本。',
    'git-too-old': (p) => `git ${p.version} 版本过旧：请安装 git ${p.minimum} 或更高版本。`,
    'empty-repo': (p) => `${p.path} 还没有任何提交：请先提交，或选择其他仓库。`,
    'unborn-branch': (p) => `HEAD 指向尚无提交的分支“${p.branch}”：请先在该分支上提交，或用 --ref 选择其他分支。`,
    'unknown-ref': (p) => `未知的引用“${p.ref}”：请先 fetch，或选择已有的分支、标签或提交。`,
    'bad-date': (p) => `日期“${p.value}”无效：请使用 YYYY-MM-DD、today、yesterday 或 7d 这样的相对时长。`,
    'bad-time-zone': (p) => `未知时区“${p.value}”：请使用 IANA 名称，例如 Asia/Shanghai 或 UTC。`,
    'missing-objects': (p) => `缺少 git 对象（${p.detail}）：克隆不完整或已损坏，请运行 git fetch 补全。`,
    'bad-config': (p) => `${p.file} 无效：${p.detail}。`,
    cancelled: () => '已取消。',
    'git-failed': (p) => `git 执行失败：${p.detail}`,
    'output-exists': (p) => `${p.path} 已存在：加 --force 覆盖，或换一个 --out。`,
    usage: (p) => p.detail ?? '参数无效。',
    'bad-range': (p) => `时间范围的开始日期 ${p.since} 晚于结束日期 ${p.until}：请交换这两个日期。`,
    'no-such-path': (p) => `${p.path} 不存在。`,
  },
};
