import type { FileChange } from '../../domain/commit.js';
import { anyGlob } from './globs.js';
import type { PathTest } from './globs.js';

/** What a file is. Exactly one kind per file (or none, e.g. an image). */
export const FILE_KINDS = ['vendored', 'generated', 'lockfile', 'manifest', 'ci', 'docs', 'test', 'config', 'source'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** What else a file is about. A file can have any number of traits. */
export const FILE_TRAITS = ['security-sensitive', 'public-api', 'migration', 'hot-path'] as const;
export type FileTrait = (typeof FILE_TRAITS)[number];

export type FileClass = FileKind | FileTrait;

export interface FileClassRule<C extends FileClass = FileClass> {
  globs: readonly string[];
  fileClass: C;
}

const CODE_EXTENSIONS =
  'ts,tsx,mts,cts,js,jsx,mjs,cjs,py,pyx,pyi,go,rs,java,kt,kts,scala,groovy,c,h,cc,cpp,cxx,hpp,hh,cu,cuh,cs,fs,rb,php,swift,m,mm,' +
  'sql,sh,bash,zsh,ps1,lua,pl,pm,r,jl,dart,ex,exs,erl,hrl,hs,ml,mli,clj,cljs,elm,nim,zig,sol,vue,svelte,astro,proto,graphql,gql,' +
  'thrift,css,scss,sass,less,html,htm,tf,hcl,nix,bzl,wasm';

/**
 * Kinds, in order: the first matching rule gives a file its kind, so `test/README.md` is docs and
 * `vendor/x/package.json` is vendored. Globs are picomatch, `dot: true`, case-insensitive.
 */
export const FILE_KIND_RULES: readonly FileClassRule<FileKind>[] = [
  { fileClass: 'vendored', globs: ['**/vendor/**', '**/vendors/**', '**/third_party/**', '**/third-party/**', '**/thirdparty/**', '**/node_modules/**'] },
  {
    fileClass: 'generated',
    globs: [
      '**/*.pb.go', '**/*.pb.cc', '**/*.pb.h', '**/*_pb2.py', '**/*_pb2_grpc.py', '**/*_pb2.pyi', '**/*.generated.*', '**/*.gen.*',
      '**/*_generated.*', '**/zz_generated*', '**/generated/**', '**/__generated__/**', '**/*.min.js', '**/*.min.css', '**/*.map',
    ],
  },
  {
    fileClass: 'lockfile',
    globs: [
      '**/package-lock.json', '**/npm-shrinkwrap.json', '**/yarn.lock', '**/pnpm-lock.yaml', '**/bun.lock', '**/bun.lockb',
      '**/Cargo.lock', '**/go.sum', '**/go.work.sum', '**/poetry.lock', '**/Pipfile.lock', '**/uv.lock', '**/pdm.lock',
      '**/Gemfile.lock', '**/composer.lock', '**/gradle.lockfile', '**/packages.lock.json', '**/flake.lock', '**/mix.lock',
      '**/pubspec.lock', '**/Podfile.lock', '**/Package.resolved', '**/conan.lock', '**/requirements*.lock',
    ],
  },
  {
    fileClass: 'manifest',
    globs: [
      '**/package.json', '**/Cargo.toml', '**/go.mod', '**/go.work', '**/pyproject.toml', '**/requirements*.txt',
      '**/requirements/*.txt', '**/constraints*.txt', '**/Pipfile', '**/setup.py', '**/setup.cfg', '**/environment.yml',
      '**/Gemfile', '**/*.gemspec', '**/composer.json', '**/pom.xml', '**/build.gradle', '**/build.gradle.kts',
      '**/*.csproj', '**/Directory.Packages.props', '**/pubspec.yaml', '**/mix.exs', '**/conanfile.txt', '**/conanfile.py',
      '**/vcpkg.json', '**/Podfile', '**/Package.swift', '**/deno.json',
    ],
  },
  {
    fileClass: 'ci',
    globs: [
      '.github/workflows/**', '.github/actions/**', '.github/dependabot.yml', '.gitlab-ci.yml', '.gitlab/ci/**', '.circleci/**',
      '.buildkite/**', 'azure-pipelines.yml', '.azure-pipelines/**', '**/Jenkinsfile', '.travis.yml', '.drone.yml',
      'appveyor.yml', '.woodpecker/**', '.woodpecker.yml', 'bitbucket-pipelines.yml',
    ],
  },
  {
    fileClass: 'docs',
    globs: [
      '**/*.md', '**/*.mdx', '**/*.markdown', '**/*.rst', '**/*.adoc', '**/*.asciidoc', '**/LICENSE*', '**/LICENCE*',
      '**/COPYING*', '**/NOTICE*', '**/AUTHORS*', '**/CHANGELOG*', '**/CHANGES*', '**/HISTORY*', 'docs/**', 'doc/**',
      '**/docs/**', 'website/**', '**/man/*.[1-9]',
    ],
  },
  {
    fileClass: 'test',
    globs: [
      't/**', '**/test/**', '**/tests/**', '**/__tests__/**', '**/spec/**', '**/specs/**', '**/testdata/**', '**/testing/**',
      '**/e2e/**', '**/__snapshots__/**', '**/*_test.go', '**/*.test.*', '**/*.spec.*', '**/test_*.py', '**/*_test.py',
      '**/conftest.py', '**/*Test.java', '**/*Tests.java', '**/*Test.kt', '**/*Tests.cs', '**/*_spec.rb', '**/*.snap',
    ],
  },
  {
    fileClass: 'config',
    globs: [
      '**/*.yaml', '**/*.yml', '**/*.toml', '**/*.ini', '**/*.cfg', '**/*.conf', '**/*.json', '**/*.jsonc', '**/*.json5',
      '**/*.properties', '**/*.env', '**/.env*', '**/.*rc', '**/.*rc.*', '**/.editorconfig', '**/.gitignore', '**/.gitattributes',
      '**/.dockerignore', '**/Dockerfile*', '**/*.dockerfile', '**/Makefile', '**/*.mk', '**/CMakeLists.txt', '**/*.cmake',
      '**/BUILD', '**/BUILD.bazel', '**/WORKSPACE', '**/*.xml', '**/*.plist', '**/CODEOWNERS',
    ],
  },
  { fileClass: 'source', globs: [`**/*.{${CODE_EXTENSIONS}}`] },
];

/** Traits: every matching rule adds its trait. */
export const FILE_TRAIT_RULES: readonly FileClassRule<FileTrait>[] = [
  {
    fileClass: 'security-sensitive',
    globs: [
      '**/auth/**', '**/oauth/**', '**/authn/**', '**/authz/**', '**/authentication/**', '**/authorization/**', '**/*auth.*',
      '**/*_auth*', '**/*-auth*', '**/crypto/**', '**/*crypto*', '**/security/**', '**/secrets/**', '**/*secret*',
      '**/*password*', '**/*credential*', '**/permissions/**', '**/*permission*', '**/acl/**', '**/rbac/**', '**/*rbac*',
      '**/jwt/**', '**/*jwt*', '**/tls/**', '**/ssl/**', '**/sandbox/**', '**/*.pem', '**/*.key', '**/.env', '**/.env.*',
      '**/CODEOWNERS',
    ],
  },
  {
    fileClass: 'public-api',
    globs: [
      '**/*.proto', '**/*.graphql', '**/*.gql', '**/*.thrift', '**/*.avsc', '**/openapi*.{yaml,yml,json}', '**/swagger*.{yaml,yml,json}',
      '**/api/**', '**/include/**/*.{h,hpp,hh}', '**/*.d.ts', 'index.{ts,js,mjs,cjs}', 'src/index.{ts,js,mjs,cjs}',
      '*/*/src/index.{ts,js,mjs,cjs}', '**/src/lib.rs', '**/public-api/**', '**/*.api.md',
    ],
  },
  {
    fileClass: 'migration',
    globs: [
      '**/migrations/**', '**/migration/**', '**/migrate/**', '**/*migration*', '**/alembic/**', '**/db/schema.rb',
      '**/*.prisma', '**/*schema*.{sql,graphql,gql}', '**/*.avsc', '**/*.xsd',
      // A source file counts only when named plainly `schema` (ORM models), not e.g. a validator's jsonSchema.ts.
      '**/{schema,schemas}.{ts,js,py,go,rs,rb}', '**/db/schema/**',
    ],
  },
  {
    fileClass: 'hot-path',
    globs: [
      '**/kernel/**', '**/kernels/**', '**/*kernel*', '**/cache/**', '**/*cache*', '**/scheduler/**', '**/*scheduler*',
      '**/allocator/**', '**/*alloc*', '**/*.cu', '**/*.cuh', '**/cuda/**', '**/simd/**', '**/hot/**', '**/hotpath/**',
      '**/*pool*', '**/router/**', '**/*batch*', '**/attention/**', '**/*queue*',
    ],
  },
];

/** Kinds whose traits are ignored: `docs/api/auth.md` or `test/auth/login.test.ts` touch no API and no auth code. */
const TRAITLESS_KINDS: ReadonlySet<FileKind> = new Set(['docs', 'test', 'vendored', 'generated']);

export interface ClassifiedFile {
  file: FileChange;
  kind?: FileKind;
  traits: ReadonlySet<FileTrait>;
}

function compile<C extends FileClass>(rules: readonly FileClassRule<C>[]): { fileClass: C; test: PathTest }[] {
  return rules.map((rule) => ({ fileClass: rule.fileClass, test: anyGlob(rule.globs, { dot: true, nocase: true }) }));
}

const KIND_MATCHERS = compile(FILE_KIND_RULES);
const TRAIT_MATCHERS = compile(FILE_TRAIT_RULES);

interface PathClass {
  kind?: FileKind;
  traits: ReadonlySet<FileTrait>;
}

/**
 * Classes by path: a range touches the same files again and again. Bounded: cleared when full, so memory does
 * not grow with the history.
 */
const CLASS_CACHE = new Map<string, PathClass>();
const CLASS_CACHE_LIMIT = 20_000;
const NO_TRAITS: ReadonlySet<FileTrait> = new Set();

function classifyPath(path: string): PathClass {
  const kind = KIND_MATCHERS.find((rule) => rule.test(path))?.fileClass;
  if (kind !== undefined && TRAITLESS_KINDS.has(kind)) return { kind, traits: NO_TRAITS };
  const traits = new Set<FileTrait>();
  for (const rule of TRAIT_MATCHERS) {
    if (rule.test(path)) traits.add(rule.fileClass);
  }
  const shared = traits.size > 0 ? traits : NO_TRAITS;
  return kind ? { kind, traits: shared } : { traits: shared };
}

/** A file's kind and traits. The traits set is shared by every file of that path (it is read-only). */
export function classifyFile(file: FileChange): ClassifiedFile {
  let known = CLASS_CACHE.get(file.path);
  if (!known) {
    if (CLASS_CACHE.size >= CLASS_CACHE_LIMIT) CLASS_CACHE.clear();
    known = classifyPath(file.path);
    CLASS_CACHE.set(file.path, known);
  }
  return known.kind ? { file, kind: known.kind, traits: known.traits } : { file, traits: known.traits };
}

/** Kinds whose churn says little about the size of a change a reviewer reads. */
export const UNREVIEWED_KINDS: ReadonlySet<FileKind> = new Set(['vendored', 'generated', 'lockfile']);
