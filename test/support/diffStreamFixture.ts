// A repository whose commits exercise every diff the offline analyzer reads: workflows, manifests, changed
// defaults, a rename, a binary file, a merge, a root commit, quoted paths, a type change, a folder replaced by a
// file, glob characters, a line longer than a pipe chunk and a diff beyond the defaults budget.
import { chmodSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { FixtureRepo } from './gitFixture.js';

export const STREAM_DAY = '2026-03-10';

export function diffStreamRepo(): FixtureRepo {
  const repo = FixtureRepo.create({ prefix: 'dd-diffstream-' });
  let minute = 0;
  const stable = Array.from({ length: 12 }, (_, i) => `export const stable${i} = ${i};`).join('\n');
  const at = (): { date: string } => {
    minute += 1;
    return { date: `${STREAM_DAY}T08:${String(minute).padStart(2, '0')}:00Z` };
  };

  repo
    .write('package.json', '{\n  "name": "app",\n  "version": "1.0.0",\n  "dependencies": {\n    "react": "^17.0.2",\n    "left-pad": "1.0.0"\n  }\n}\n')
    .write('Cargo.toml', '[package]\nname = "app"\nversion = "0.1.0"\n\n[dependencies]\nserde = "1.0"\n')
    .write('src/config.ts', `export const DEFAULT_TIMEOUT = 30;\n${stable}\n`)
    .write('src/app.ts', 'export function main(): number {\n  return 1;\n}\n')
    .write('.github/workflows/ci.yml', 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n')
    .write('assets/logo.bin', Buffer.from([0, 1, 2, 3, 0, 255, 10]))
    .write('lib/x.ts/inner.ts', `export const defaultMode = "a";\n${stable}\n`)
    .write('src/link.ts', 'export const DEFAULT_LINK = 1;\n')
    .write('README.md', '# app\n');
  repo.commit('chore: initial import', at());

  repo.write('.github/workflows/ci.yml', 'on:\n  pull_request_target:\npermissions:\n  contents: write\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n        env:\n          TOKEN: ${{ secrets.TOKEN }}\n')
    .write('.gitlab-ci.yml', 'build:\n  script: make\n');
  repo.commit('ci: run on pull_request_target with write permissions', at());

  repo.write('package.json', '{\n  "name": "app",\n  "version": "1.1.0",\n  "dependencies": {\n    "react": "^18.2.0",\n    "left-pad": "1.0.0"\n  }\n}\n')
    .write('Cargo.toml', '[package]\nname = "app"\nversion = "0.1.0"\n\n[dependencies]\nserde = "2.0"\n');
  repo.commit('build(deps): bump react and serde', at());

  // Defaults change plus a large source diff: the 32 KB defaults budget cuts it, with files after the cut omitted.
  const big = Array.from({ length: 3000 }, (_, i) => `export const value${i} = ${i};`).join('\n');
  repo.write('src/config.ts', `export const DEFAULT_TIMEOUT = 60;\n${stable}\n`)
    .write('src/aaa-big.ts', `${big}\n`)
    .write('src/zzz.ts', 'export const defaultColor = "red";\n');
  repo.commit('feat: longer timeout', at());

  repo.git(['mv', 'src/config.ts', 'src/settings.ts']);
  repo.write('src/settings.ts', `export const DEFAULT_TIMEOUT = 90;\n${stable}\n`);
  repo.commit('refactor: rename config to settings', at());

  repo.write('assets/logo.bin', Buffer.from([0, 9, 9, 9, 0, 255, 10])).write('src/app.ts', 'export function main(): number {\n  return 2;\n}\n');
  repo.commit('fix: new logo and main', at());

  repo.git(['checkout', '-q', '-b', 'side']);
  repo.write('.github/workflows/release.yml', 'on: push\npermissions: write-all\njobs: {}\n').write('src/side.ts', 'export const defaultSide = 1;\n');
  repo.commit('ci: release workflow', at());
  repo.git(['checkout', '-q', 'main']);
  repo.write('src/app.ts', 'export function main(): number {\n  return 3;\n}\n');
  repo.commit('fix: main returns 3', at());
  repo.git(['merge', '-q', '--no-ff', '-m', 'Merge branch side', 'side'], { GIT_COMMITTER_DATE: at().date, GIT_AUTHOR_DATE: `${STREAM_DAY}T08:30:00Z` });

  repo.write('src/café file.ts', 'export const DEFAULT_NAME = "a";\n').write('src/tab\there.ts', 'export const DEFAULT_TAB = 1;\n');
  repo.commit('feat: quoted paths', at());
  repo.write('src/café file.ts', 'export const DEFAULT_NAME = "b";\n').write('src/tab\there.ts', 'export const DEFAULT_TAB = 2;\n');
  repo.commit('fix: quoted paths change defaults', at());

  // A type change (file → symlink), a folder replaced by a file, and glob characters: answers fall back.
  repo.remove('src/link.ts');
  symlinkSync('app.ts', join(repo.dir, 'src/link.ts'));
  rmSync(join(repo.dir, 'lib/x.ts'), { recursive: true });
  repo.write('lib/x.ts', `export const defaultMode = "b";\n${stable}\n`).write('src/[id].ts', 'export const DEFAULT_ID = 1;\n');
  repo.commit('refactor: link, folder to file, bracket name', at());

  // One line far longer than a pipe chunk, then a defaults change in a later file of the same commit.
  repo.write('src/long.ts', `export const blob = "${'x'.repeat(200_000)}";\n`).write('src/later.ts', 'export const DEFAULT_LATER = 1;\n');
  repo.commit('feat: long line', at());
  repo.write('src/later.ts', 'export const DEFAULT_LATER = 2;\n').write('scripts/run.sh', '#!/bin/sh\necho hi\n');
  repo.commit('fix: later default', at());
  chmodSync(join(repo.dir, 'scripts/run.sh'), 0o755);
  repo.commit('chore: executable script', at());

  repo.remove('src/zzz.ts').write('docs/guide.md', 'guide\n');
  repo.commit('docs: guide, drop zzz', at());
  repo.commit('chore: empty', { ...at(), args: ['--allow-empty'] });
  return repo;
}
