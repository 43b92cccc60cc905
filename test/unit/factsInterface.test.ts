import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeInterfaceFacts } from '../../src/core/analyze/facts/code/codeFacts.js';
import type { CodeInterfaceResult } from '../../src/core/analyze/facts/code/codeFacts.js';
import type { FileInput, ParseNote } from '../../src/core/analyze/facts/types.js';
import { modifiedFile } from '../support/gitPatch.js';

const modified = modifiedFile;

async function facts(...files: FileInput[]): Promise<CodeInterfaceResult & { notes: ParseNote[] }> {
  const notes: ParseNote[] = [];
  return { ...(await codeInterfaceFacts(files, notes)), notes };
}

const flagList = (result: CodeInterfaceResult): string[] => result.flags.map((flag) => `${flag.change} ${flag.name} (${flag.framework})`);

describe('interface facts from code', () => {
  it('reads a clap flag added and one removed, with env and default', async () => {
    const before = `use clap::Parser;\n#[derive(Parser)]\nstruct PipInstallArgs {\n    /// Old.\n    #[arg(long)]\n    no_verify_hashes: bool,\n    #[arg(long, env = "UV_INDEX_URL")]\n    index_url: Option<String>,\n    #[arg(long, default_value_t = 4)]\n    jobs: usize,\n    packages: Vec<String>,\n}\n`;
    const after = `use clap::Parser;\n#[derive(Parser)]\nstruct PipInstallArgs {\n    #[arg(long, env = "UV_INDEX_URL")]\n    index_url: Option<String>,\n    /// Certificates.\n    #[arg(long = "cert", short = 'c', env = "UV_CERT")]\n    cert_path: Option<PathBuf>,\n    #[arg(long, default_value_t = 8)]\n    jobs: usize,\n    packages: Vec<String>,\n}\n`;
    const result = await facts(modified('crates/uv-cli/src/lib.rs', before, after));
    assert.deepEqual(flagList(result), ['removed --no-verify-hashes (clap)', 'added --cert (clap)']);
    assert.deepEqual(result.flags.map((flag) => `${flag.side}:${flag.line}`), ['old:6', 'new:8']);
    assert.deepEqual(result.env.map((env) => `${env.change} ${env.name}`), ['added UV_CERT']);
    assert.deepEqual(result.defaults.map((fact) => `${fact.name} ${fact.old} -> ${fact.new}`), ['--jobs 4 -> 8']);
    assert.deepEqual(result.notes, []);
  });

  it('reads argparse, click, commander, cobra and parse-options flags', async () => {
    const result = await facts(
      modified('cli.py', 'import argparse\np = argparse.ArgumentParser()\np.add_argument("-v", "--verbose", action="store_true")\n', 'import argparse\np = argparse.ArgumentParser()\np.add_argument("-v", "--verbose", action="store_true")\np.add_argument("--timeout", type=float, default=30.0)\n'),
      modified('app.py', 'import click\n@click.command()\ndef main(): pass\n', 'import click\n@click.command()\n@click.option("--shout/--no-shout", default=False)\ndef main(shout): pass\n'),
      modified('bin/cli.ts', "program.option('-d, --debug', 'debug');\n", "program.option('-d, --debug', 'debug');\nprogram.option('-p, --port <number>', 'port', '8080');\n"),
      modified('cmd/root.go', 'package cmd\nfunc init() {\n\trootCmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "x")\n}\n', 'package cmd\nfunc init() {\n\trootCmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "x")\n\trootCmd.PersistentFlags().String("config", "", "config file")\n}\n'),
      modified('builtin/pack.c', 'static struct option opts[] = {\n\tOPT_BOOL(\'f\', "force", &force, N_("force")),\n\tOPT_END()\n};\n', 'static struct option opts[] = {\n\tOPT_BOOL(\'f\', "force", &force, N_("force")),\n\tOPT_STRING(0, "write-pack", &path, N_("file"), N_("write")),\n\tOPT__QUIET(&quiet, N_("quiet")),\n\tOPT_END()\n};\n'),
    );
    assert.deepEqual(flagList(result), [
      'added --shout (click)', 'added --port (commander)', 'added --write-pack (parse-options)', 'added --quiet (parse-options)',
      'added --timeout (argparse)', 'added --config (cobra)',
    ]);
  });

  it('reads subcommands: argparse add_parser, commander command(), click named commands, clap Subcommand variants', async () => {
    const result = await facts(
      modified('cli.py', 'sub = parser.add_subparsers()\nsub.add_parser("run")\n', 'sub = parser.add_subparsers()\nsub.add_parser("run")\nsub.add_parser("lock", help="x")\n'),
      modified('app.py', 'import click\n', 'import click\n@cli.command("serve")\ndef serve_cmd(): pass\n'),
      modified('bin/cli.ts', "program.command('build');\n", "program.command('build');\nprogram.command('deploy <env>');\nvscode.commands.executeCommand('x');\n"),
      modified('crates/cli/src/lib.rs',
        '#[derive(Subcommand)]\npub enum Commands {\n    Run(RunArgs),\n    #[command(flatten)]\n    Extra(ExtraArgs),\n}\n',
        '#[derive(Subcommand)]\npub enum Commands {\n    #[command(name = "go")]\n    Run(RunArgs),\n    #[command(flatten)]\n    Extra(ExtraArgs),\n    UpdateShell,\n}\n'),
    );
    assert.deepEqual(flagList(result), ['added serve (click)', 'added deploy (commander)', 'added lock (argparse)', 'added go (clap)', 'added update-shell (clap)']);
    const cobra = (use: string) => `package cmd\n\nfunc NewCLI() *cobra.Command {\n\trunCmd := &cobra.Command{\n\t\tUse:   "run MODEL [PROMPT]",\n\t\tShort: "Run a model",\n\t}\n\tagentCmd := &cobra.Command{\n\t\tUse:   "${use}",\n\t\tShort: "Agent",\n\t}\n\treturn runCmd\n}\n`;
    const go = await facts(modified('cmd/cmd.go', cobra('agent [flags]'), cobra('assistant [flags]')));
    assert.deepEqual(flagList(go), ['added assistant (cobra)', 'removed agent (cobra)'], 'the unchanged `run` command is not read');
  });

  it('reads environment variables read in each language', async () => {
    const result = await facts(
      modified('src/main.rs', 'fn main() {}\n', 'fn main() { let _ = std::env::var("RUST_LOG"); let _ = env!("CARGO_PKG_NAME"); }\n'),
      modified('a.py', 'import os\n', 'import os\nx = os.environ["PY_A"]\ny = os.getenv("PY_B", "d")\n'),
      modified('a.ts', 'export {};\n', 'export const a = process.env.NODE_A;\n'),
      modified('a.go', 'package a\n', 'package a\nvar a = os.Getenv("GO_A")\n'),
      modified('a.c', 'int x;\n', 'int f(void) { return getenv("C_A") != 0; }\n'),
      modified('A.java', 'class A {}\n', 'class A { String a = System.getenv("JAVA_A"); }\n'),
    );
    assert.deepEqual(result.env.map((env) => env.name).sort(), ['CARGO_PKG_NAME', 'C_A', 'GO_A', 'JAVA_A', 'NODE_A', 'PY_A', 'PY_B', 'RUST_LOG']);
  });

  it('a bare `env` variable is read as the environment only for names spelled as environment variables', async () => {
    const before = 'export function plugin(env) {\n  return 1;\n}\n';
    const after = 'export function plugin(env) {\n  const server = env.config.consumer === "server";\n  const home = env.HOME;\n  return process.env.debugLevel ?? import.meta.env.mode ?? server ?? home;\n}\n';
    const result = await facts(modified('src/plugin.ts', before, after));
    assert.deepEqual(result.env.map((env) => env.name).sort(), ['HOME', 'debugLevel', 'mode']);
  });

  it('reads a default changed 1.1 -> 1.0 in Go defaults, Python keywords and constants', async () => {
    const before = 'package api\n\ntype Options struct {\n\tRepeatPenalty float32 `json:"repeat_penalty,omitempty"`\n}\n\nfunc DefaultOptions() Options {\n\treturn Options{\n\t\tRepeatPenalty: 1.1,\n\t}\n}\n';
    const after = before.replace('1.1', '1.0');
    const result = await facts(
      modified('api/types.go', before, after),
      modified('gen.py', 'TIMEOUT = 30\ndef generate(prompt, temperature=0.8):\n    pass\n', 'TIMEOUT = 60\ndef generate(prompt, temperature=0.7):\n    pass\n'),
    );
    assert.deepEqual(result.defaults.map((fact) => `${fact.name} ${fact.old} -> ${fact.new} @${fact.path}:${fact.line}`), [
      'Options.RepeatPenalty 1.1 -> 1.0 @api/types.go:9',
      'TIMEOUT 30 -> 60 @gen.py:1',
      'generate.temperature 0.8 -> 0.7 @gen.py:2',
    ]);
  });

  it('reads routes added and config keys', async () => {
    const result = await facts(
      modified('server.js', "app.get('/health', (req, res) => res.send('ok'));\n", "app.get('/health', (req, res) => res.send('ok'));\napp.post('/api/items', create);\naxios.get('/not/a/route');\n"),
      modified('api.py', '@app.get("/a")\ndef a(): pass\n', '@app.get("/a")\ndef a(): pass\n@router.post("/b")\ndef b(): pass\n'),
      modified('main.go', 'package main\n', 'package main\nfunc main() { http.HandleFunc("/metrics", h); r.GET("/v1/models", list) }\n'),
      modified('src/routes.rs', 'fn r() {}\n', 'fn r() -> Router { Router::new().route("/api/chat", post(chat)) }\n#[get("/version")]\nasync fn version() {}\n'),
      modified('C.java', 'class C {}\n', 'class C { @GetMapping("/users") List<User> users() { return null; } }\n'),
      modified('config.c', 'int f() { return 0; }\n', 'int f() { repo_config_get_bool(r, "pack.writebitmaps", &v); return 0; }\n'),
    );
    assert.deepEqual(result.routes.map((route) => `${route.method ?? '*'} ${route.route}`).sort(), [
      'GET /a', 'GET /health', 'GET /users', 'GET /v1/models', 'GET /version', 'POST /api/chat', 'POST /api/items', 'POST /b', '* /metrics',
    ].filter((route) => !['GET /a', 'GET /health'].includes(route)).sort());
    assert.deepEqual(result.config.map((key) => `${key.change} ${key.key}`), ['added pack.writebitmaps']);
  });

  it('reads formats removed (bz2 from ZIP handling) and config keys of an options struct', async () => {
    const before = 'pub enum Compression {\n    Stored,\n    Deflate,\n    Bzip2,\n    Xz,\n}\n\n#[derive(Deserialize)]\n#[serde(rename_all = "kebab-case")]\npub struct ToolOptions {\n    pub index_url: String,\n}\n';
    const after = 'pub enum Compression {\n    Stored,\n    Deflate,\n}\n\n#[derive(Deserialize)]\n#[serde(rename_all = "kebab-case")]\npub struct ToolOptions {\n    pub index_url: String,\n    pub native_tls: bool,\n}\n';
    const result = await facts(modified('crates/uv-extract/src/lib.rs', before, after));
    assert.deepEqual(result.formats.map((format) => `${format.change} ${format.name}`), ['removed bzip2', 'removed xz']);
    assert.deepEqual(result.config.map((key) => `${key.change} ${key.key}`), ['added native-tls']);
  });

  it('a new file adds support for a format only when it is named for it, not when it merely mentions one', async () => {
    const model = await facts({ path: 'llama/compat/models/laguna.cpp', status: 'A', newText: 'void load() {\n    gguf_get_val(ctx, "gguf");\n}\n' });
    assert.deepEqual(model.formats, []);
    const codec = await facts({ path: 'crates/uv-extract/src/zstd.rs', status: 'A', newText: 'pub fn open_zstd(reader: R) -> Decoder { zstd::Decoder::new(reader) }\n' });
    assert.deepEqual(codec.formats.map((format) => `${format.change} ${format.name}`), ['added zstd']);
  });

  it('a Rust options struct that serde does not deserialise holds no settings (an internal struct moving fields)', async () => {
    const before = '#[derive(Debug, Clone, Default, CombineOptions)]\npub struct ResolverOptions {\n    pub index_url: Option<String>,\n    pub no_index: Option<bool>,\n}\n';
    const after = '#[derive(Debug, Clone, Default, CombineOptions)]\npub struct ResolverOptions {\n    pub indexes: IndexOptions,\n}\n';
    assert.deepEqual((await facts(modified('crates/uv-settings/src/settings.rs', before, after))).config, []);
    const read = (fields: string): string => `#[derive(Debug, serde::Deserialize)]\npub struct ToolOptions {\n${fields}}\n`;
    const result = await facts(modified('crates/uv-settings/src/options.rs', read('    pub index_url: Option<String>,\n'), read('    pub find_links: Vec<String>,\n')));
    assert.deepEqual(result.config.map((key) => `${key.change} ${key.key}`), ['added find_links', 'removed index_url']);
  });

  it('reads only what changed: a line inserted inside a call or a struct reports nothing else', async () => {
    const before = 'import argparse\np = argparse.ArgumentParser()\np.add_argument(\n    "--color",\n    help="x",\n)\n\n\n\n\n\np.add_argument("--jobs", default=4)\n';
    const after = 'import argparse\np = argparse.ArgumentParser()\np.add_argument(\n    "--color",\n    choices=["auto", "never"],\n    help="x",\n)\n\n\n\n\n\np.add_argument("--jobs", default=4)\n';
    const rustBefore = '#[derive(Parser)]\nstruct Args {\n    #[arg(long)]\n    quiet: bool,\n}\n';
    const rustAfter = '#[derive(Parser)]\nstruct Args {\n    #[arg(long)]\n    quiet: bool,\n    #[arg(long)]\n    offline: bool,\n}\n';
    const result = await facts(modified('cli.py', before, after), modified('src/args.rs', rustBefore, rustAfter));
    assert.deepEqual(flagList(result), ['added --offline (clap)']);
    assert.deepEqual(result.defaults, []);
  });

  it('reports a format a file drops even when another file keeps the name, and not one that moves between files', async () => {
    const stream = (extra: string) => `fn method(c: Compression) -> Method {\n    match c {\n        Compression::Deflate => Method::Deflate,\n${extra}        _ => Method::Unknown,\n    }\n}\n`;
    const legacy = 'pub enum Legacy {\n    TarBz2,\n}\n';
    const moved = await facts(
      modified('src/stream.rs', stream('        Compression::Bzip2 => Method::Bzip2,\n'), stream('')),
      modified('src/legacy.rs', legacy, `${legacy}// bz2 archives are legacy\n`),
      modified('src/zstd_old.rs', 'fn a() -> &\'static str { "zstd" }\n', 'fn a() -> &\'static str { "none" }\n'),
      modified('src/zstd_new.rs', 'fn b() {}\n', 'fn b() -> &\'static str { "zstd" }\n'),
    );
    assert.deepEqual(moved.formats.map((format) => `${format.change} ${format.name} ${format.path}`), ['removed bzip2 src/stream.rs']);
  });

  it('reads unsafe added from the Rust tree', async () => {
    const result = await facts(modified('src/ffi.rs', 'fn read(p: *const u8) -> u8 { 0 }\n', 'fn read(p: *const u8) -> u8 { unsafe { *p } }\nunsafe impl Send for Handle {}\n'));
    assert.deepEqual(result.unsafe.map((fact) => `${fact.change} ${fact.evidence}`), ['added unsafe block in read', 'added unsafe impl Send for Handle']);
  });

  it('falls back to the patch for a language without a grammar, and says so', async () => {
    const file: FileInput = {
      path: 'lib/app.rb', status: 'M', oldText: 'x', newText: 'y',
      patch: '@@ -1,1 +1,2 @@\n-token = ENV["OLD_TOKEN"]\n+token = ENV["API_TOKEN"]\n+archive = Zip::File.open(path)\n',
    };
    const result = await facts(file);
    assert.deepEqual(result.env.map((env) => `${env.change} ${env.name}`), ['added API_TOKEN', 'removed OLD_TOKEN']);
    assert.deepEqual(result.formats.map((format) => `${format.change} ${format.name}`), ['added zip']);
    assert.deepEqual(result.notes, [{ path: 'lib/app.rb', reason: 'unknown-language' }]);
  });

  it('falls back to the patch when a file does not parse', async () => {
    const broken = 'def f(:\n' + ')))(((\n'.repeat(50);
    const file: FileInput = { path: 'x.py', status: 'M', oldText: 'import os\n', newText: broken, patch: '@@ -1,1 +1,2 @@\n-import os\n+x = os.getenv("BROKEN_VAR")\n' };
    const result = await facts(file);
    assert.deepEqual(result.env.map((env) => env.name), ['BROKEN_VAR']);
    assert.deepEqual(result.notes, [{ path: 'x.py', reason: 'syntax-error' }]);
  });
});
