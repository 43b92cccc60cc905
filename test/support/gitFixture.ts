import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, unlinkSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface Identity {
  name: string;
  email: string;
}

export interface CommitSpec {
  /** Committer date, ISO 8601 with offset, e.g. `2026-01-22T10:00:00+08:00`. */
  date: string;
  /** Author date; defaults to `date`. */
  authorDate?: string;
  author?: Identity;
  committer?: Identity;
  /** Extra `git commit` arguments, e.g. `['--allow-empty']`. */
  args?: string[];
  /** Extra environment, e.g. encodings. */
  env?: NodeJS.ProcessEnv;
}

const DEFAULT_AUTHOR: Identity = { name: 'Ada Lovelace', email: 'ada@example.com' };

/** Environment that isolates fixture git runs from the machine's global and system config. */
export function isolatedGitEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
    ...extra,
  };
}

/** A real git repository in a temp folder, built commit by commit with fixed dates. */
export class FixtureRepo {
  private constructor(readonly dir: string) {}

  static create(options: { bare?: boolean; prefix?: string; branch?: string; objectFormat?: 'sha1' | 'sha256' } = {}): FixtureRepo {
    const root = realpathSync(mkdtempSync(join(tmpdir(), options.prefix ?? 'dd-fixture-')));
    const repo = new FixtureRepo(root);
    const format = options.objectFormat ? [`--object-format=${options.objectFormat}`] : [];
    repo.git(['init', '-q', ...(options.bare ? ['--bare'] : []), ...format, '-b', options.branch ?? 'main', root]);
    if (!options.bare) {
      repo.git(['config', 'user.name', DEFAULT_AUTHOR.name]);
      repo.git(['config', 'user.email', DEFAULT_AUTHOR.email]);
      repo.git(['config', 'commit.gpgsign', 'false']);
    }
    return repo;
  }

  /** Wraps an existing folder (e.g. a clone made by a test). */
  static at(dir: string): FixtureRepo {
    return new FixtureRepo(dir);
  }

  git(args: string[], env: NodeJS.ProcessEnv = {}): string {
    return execFileSync('git', args, {
      cwd: this.dir,
      env: isolatedGitEnv(env),
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    }).trimEnd();
  }

  write(path: string, content: string | Buffer): this {
    const full = join(this.dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    return this;
  }

  remove(path: string): this {
    unlinkSync(join(this.dir, path));
    return this;
  }

  /** Stages everything and commits with fixed dates; returns the new SHA. */
  commit(message: string, spec: CommitSpec): string {
    this.git(['add', '-A']);
    const author = spec.author ?? DEFAULT_AUTHOR;
    const committer = spec.committer ?? author;
    this.git(['commit', '-q', '--no-verify', '-m', message, ...(spec.args ?? [])], {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_AUTHOR_DATE: spec.authorDate ?? spec.date,
      GIT_COMMITTER_NAME: committer.name,
      GIT_COMMITTER_EMAIL: committer.email,
      GIT_COMMITTER_DATE: spec.date,
      ...spec.env,
    });
    return this.head();
  }

  head(): string {
    return this.git(['rev-parse', 'HEAD']);
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
