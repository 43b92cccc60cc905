import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dependencyFacts } from '../../src/core/analyze/facts/deps/dependencyFacts.js';
import type { DependencyFact, FileInput, ParseNote } from '../../src/core/analyze/facts/types.js';

const modified = (path: string, oldText: string, newText: string): FileInput => ({ path, status: 'M', oldText, newText });

function facts(...files: FileInput[]): { facts: DependencyFact[]; notes: ParseNote[] } {
  const notes: ParseNote[] = [];
  return { facts: dependencyFacts(files, notes), notes };
}

const brief = (fact: DependencyFact): string =>
  `${fact.change} ${fact.scope} ${fact.name} ${fact.old ?? ''}->${fact.new ?? ''}${fact.lockOnly ? ' lock' : ''}`;

describe('dependency facts', () => {
  it('reads a Cargo.toml bump, a dev dependency, a build dependency and a workspace pin', () => {
    const before = `[package]\nname = "x"\nversion = "0.1.0"\n\n[dependencies]\nserde = "1.0.200"\ntokio = { version = "1.38", features = ["full"] }\n\n[workspace.dependencies]\nreqwest = "0.11"\n`;
    const after = `[package]\nname = "x"\nversion = "0.2.0"\n\n[dependencies]\nserde = "1.0.201"\ntokio = { version = "1.38", features = ["full"] }\n\n[dev-dependencies]\ninsta = "1.39"\n\n[build-dependencies]\ncc = "1"\n\n[workspace.dependencies]\nreqwest = "0.12"\n\n[target.'cfg(windows)'.dependencies]\nwindows-sys = { version = "0.59", optional = true }\n`;
    const { facts: found } = facts(modified('crates/x/Cargo.toml', before, after));
    assert.deepEqual(found.map(brief), [
      'bumped runtime serde 1.0.200->1.0.201',
      'added dev insta ->1.39',
      'added build cc ->1',
      'bumped runtime reqwest 0.11->0.12',
      'added optional windows-sys ->0.59',
    ]);
    assert.equal(found[0]!.line, 6);
    assert.equal(found[0]!.ecosystem, 'cargo');
  });

  it('reads a dev dependency added to package.json and treats a lock-only change as a bump', () => {
    const pkg = { name: 'app', dependencies: { vite: '^5.4.0' }, devDependencies: {} };
    const next = { ...pkg, devDependencies: { vitest: '^2.0.0' } };
    const lockBefore = { lockfileVersion: 3, packages: { '': {}, 'node_modules/vite': { version: '5.4.1' }, 'node_modules/esbuild': { version: '0.21.0' } } };
    const lockAfter = {
      lockfileVersion: 3,
      packages: { '': {}, 'node_modules/vite': { version: '5.4.2' }, 'node_modules/esbuild': { version: '0.21.0' }, 'node_modules/vitest': { version: '2.0.1' } },
    };
    const { facts: found } = facts(
      modified('package.json', JSON.stringify(pkg, null, 2), JSON.stringify(next, null, 2)),
      modified('package-lock.json', JSON.stringify(lockBefore, null, 2), JSON.stringify(lockAfter, null, 2)),
    );
    assert.deepEqual(found.map(brief), ['bumped runtime vite 5.4.1->5.4.2 lock', 'added dev vitest ->^2.0.0']);
  });

  it('reads pnpm and yarn lock bumps', () => {
    const pnpm = (version: string) => `lockfileVersion: '9.0'\npackages:\n  '@babel/core@${version}':\n    resolution: {integrity: x}\n  react@18.3.1:\n    resolution: {integrity: y}\n`;
    const yarn = (version: string) => `# yarn lockfile v1\n\n"@babel/core@^7.0.0", "@babel/core@^7.1.0":\n  version "${version}"\n  resolved "x"\n\nlodash@^4.17.0:\n  version "4.17.21"\n`;
    const berry = (version: string) => `__metadata:\n  version: 8\n\n"typescript@npm:^5.0.0":\n  version: ${version}\n  resolution: "typescript@npm:${version}"\n\n"app@workspace:.":\n  version: 0.0.0-use.local\n`;
    const { facts: found } = facts(
      modified('pnpm-lock.yaml', pnpm('7.24.0'), pnpm('7.25.0')),
      modified('yarn.lock', yarn('7.24.0'), yarn('7.24.1')),
      modified('web/yarn.lock', berry('5.4.5'), berry('5.5.2')),
    );
    assert.deepEqual(found.map(brief), [
      'bumped runtime @babel/core 7.24.0->7.25.0 lock',
      'bumped runtime typescript 5.4.5->5.5.2 lock',
      'bumped runtime @babel/core 7.24.0->7.24.1 lock',
    ]);
  });

  it('reads a go.mod removal and bump; indirect pins are lock bumps; go.sum is ignored', () => {
    const before = `module example.com/app\n\ngo 1.22\n\nrequire (\n\tgithub.com/spf13/cobra v1.8.0\n\tgithub.com/pkg/errors v0.9.1\n\tgolang.org/x/sys v0.20.0 // indirect\n)\n`;
    const after = `module example.com/app\n\ngo 1.23\n\nrequire (\n\tgithub.com/spf13/cobra v1.8.1\n\tgolang.org/x/sys v0.21.0 // indirect\n\tgolang.org/x/net v0.1.0 // indirect\n)\n`;
    const { facts: found } = facts(modified('go.mod', before, after), modified('go.sum', 'a', 'b'));
    assert.deepEqual(found.map(brief), [
      'bumped build go 1.22->1.23',
      'bumped runtime github.com/spf13/cobra v1.8.0->v1.8.1',
      'removed runtime github.com/pkg/errors v0.9.1->',
      'bumped runtime golang.org/x/sys v0.20.0->v0.21.0 lock',
    ]);
    assert.deepEqual(found.map((fact) => fact.side), ['new', 'new', 'old', 'new']);
  });

  it('reads pyproject (PEP 621, optional, dependency groups, poetry) and requirements files', () => {
    const before = `[project]\nname = "x"\ndependencies = ["requests>=2.31", "Click~=8.0"]\n[project.optional-dependencies]\nfast = ["orjson"]\n[build-system]\nrequires = ["hatchling"]\n`;
    const after = `[project]\nname = "x"\ndependencies = ["requests>=2.32,<3; python_version >= '3.8'", "click~=8.0"]\n[project.optional-dependencies]\nfast = ["orjson>=3"]\n[dependency-groups]\ndev = ["pytest>=8", {include-group = "lint"}]\n[build-system]\nrequires = ["hatchling>=1.25"]\n[tool.poetry.dependencies]\npython = "^3.9"\nPyYAML = "^6.0"\n`;
    const { facts: found } = facts(
      modified('pyproject.toml', before, after),
      modified('requirements-dev.txt', 'pytest==7.4.0\n# comment\n-r requirements.txt\nblack==24.1.0 \\\n    --hash=sha256:abc\n', 'pytest==8.0.0\nblack==24.1.0 --hash=sha256:abc\n'),
      modified('requirements.txt', 'django==4.2.11\nnumpy\n', 'django==5.0.4\n'),
    );
    assert.deepEqual(found.map(brief).sort(), [
      'added dev pytest ->>=8',
      'added runtime pyyaml ->^6.0',
      'bumped build hatchling *->>=1.25',
      'bumped dev pytest ==7.4.0->==8.0.0',
      'bumped optional orjson *->>=3',
      'bumped runtime django ==4.2.11->==5.0.4',
      'bumped runtime requests >=2.31->>=2.32,<3',
      'removed runtime numpy *->',
    ]);
  });

  it('reads meson wraps, CMake FetchContent and GitHub Actions uses', () => {
    const wrap = (version: string) =>
      `[wrap-file]\ndirectory = zlib-${version}\nsource_url = https://zlib.net/fossils/zlib-${version}.tar.gz\nsource_filename = zlib-${version}.tar.gz\n\n[provide]\nzlib = zlib_dep\n`;
    const gitWrap = (revision: string) => `[wrap-git]\nurl = https://github.com/google/googletest.git\nrevision = ${revision}\n`;
    const cmake = (tag: string, url: string) =>
      `include(FetchContent)\nFetchContent_Declare(\n  prometheus-cpp # metrics\n  GIT_REPOSITORY https://github.com/jupp0r/prometheus-cpp.git\n  GIT_TAG ${tag}\n)\nFetchContent_Declare(json URL ${url})\nCPMAddPackage("gh:fmtlib/fmt#10.2.1")\n`;
    const workflow = (ref: string) => `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@${ref}\n      - uses: ./local-action\n`;
    const { facts: found } = facts(
      modified('subprojects/zlib.wrap', wrap('1.3'), wrap('1.3.1')),
      modified('subprojects/gtest.wrap', gitWrap('v1.14.0'), gitWrap('v1.15.0')),
      modified('CMakeLists.txt', cmake('v1.1.0', 'https://github.com/nlohmann/json/releases/download/v3.11.2/json.tar.xz'), cmake('v1.2.4', 'https://github.com/nlohmann/json/releases/download/v3.11.3/json.tar.xz')),
      modified('.github/workflows/ci.yml', workflow('v3'), workflow('v4')),
    );
    assert.deepEqual(found.map((fact) => `${fact.ecosystem} ${brief(fact)}`), [
      'actions bumped ci actions/checkout v3->v4',
      'cmake bumped build prometheus-cpp v1.1.0->v1.2.4',
      'cmake bumped build json 3.11.2->3.11.3',
      'meson bumped build gtest v1.14.0->v1.15.0',
      'meson bumped build zlib 1.3->1.3.1',
    ]);
    assert.equal(found[0]!.line, 6);
  });

  it('an action pinned by commit reads as the release its comment names, with the commit', () => {
    const a = 'a'.repeat(40);
    const b = 'b'.repeat(40);
    const workflow = (sha: string, tag: string) =>
      `on: push\njobs:\n  scan:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: github/codeql-action/init@${sha} # ${tag}\n      - uses: github/codeql-action/analyze@${sha} #${tag}\n      - uses: actions/cache@${sha}\n`;
    const { facts: found } = facts(modified('.github/workflows/codeql.yml', workflow(a, 'v4.35.2'), workflow(b, 'v4.36.0')));
    assert.deepEqual(found.map(brief), [
      `bumped ci github/codeql-action/init v4.35.2 (${a})->v4.36.0 (${b})`,
      `bumped ci github/codeql-action/analyze v4.35.2 (${a})->v4.36.0 (${b})`,
      `bumped ci actions/cache ${a}->${b}`,
    ]);
  });

  it('notes an unparsable manifest and goes on with the other files', () => {
    const { facts: found, notes } = facts(
      modified('package.json', '{"dependencies": {"a": "1"}}', '{"dependencies": {"a": "2"'),
      { path: 'Cargo.toml', status: 'A', newText: '[dependencies]\nanyhow = "1"\n' },
    );
    assert.deepEqual(found.map(brief), ['added runtime anyhow ->1']);
    assert.deepEqual(notes, [{ path: 'package.json', reason: 'syntax-error' }]);
  });

  it('stays bounded on a huge hostile lock file', () => {
    const packages: Record<string, { version: string }> = {};
    for (let index = 0; index < 20_000; index += 1) packages[`node_modules/p${index}`] = { version: '1.0.0' };
    const bumped = Object.fromEntries(Object.entries(packages).map(([key]) => [key, { version: '1.0.1' }]));
    const started = performance.now();
    const { facts: found, notes } = facts(
      modified('package-lock.json', JSON.stringify({ packages }), JSON.stringify({ packages: bumped })),
      modified('yarn.lock', 'a@1:\n  version "1"\n'.repeat(1), `${'"x'.repeat(200_000)}:\n  version "2"\n`),
    );
    assert.ok(performance.now() - started < 3_000);
    assert.equal(found.filter((fact) => fact.path === "package-lock.json").length, 25);
    assert.deepEqual(notes, [{ path: 'package-lock.json', reason: 'budget' }]);
  });
});
