// Real commit messages (PR templates, squashes, git-style prose), copied from public repositories and cut short
// (whole paragraphs kept). Each says where it comes from. Test data for the message gist; never executed.

export interface RealMessage {
  /** `owner/repo sha`. */
  source: string;
  /** What makes it interesting. */
  shape: string;
  message: string;
}

export const REAL_MESSAGES: readonly RealMessage[] = [
  {
    source: 'astral-sh/uv f35fba0559',
    shape: 'Summary heading, three paragraphs',
    message: `Add \`--cert\` support to \`uv pip\` (#20418)

## Summary

Add pip-compatible \`--cert <path>\` support to all \`uv pip\` commands. The
option is scoped to the \`uv pip\` namespace, so other uv commands
continue to reject it.

An explicit certificate bundle replaces uv's default, system, and
\`SSL_CERT_FILE\` / \`SSL_CERT_DIR\` trust sources for that invocation,
matching pip's behavior without modifying the environment inherited by
child processes.

Preserve newer release-branch TLS alert regression tests and update the
restored certificate snapshots to the current output format.
`,
  },
  {
    source: 'astral-sh/uv 81cff33e19',
    shape: 'Summary and Test Plan',
    message: `Remove a bunch of allocations (#21259)

## Summary

Remove a bunch of clones in cases where we can safely do so.

## Test Plan

Existing coverage and borrow checker.
`,
  },
  {
    source: 'astral-sh/uv 4bd0ae7f43',
    shape: 'Summary with an example, Changes, a checked Test plan',
    message: `fix(lock): warning suggests non-existent --no-frozen flag (#19290) (#19294)

## Summary

When \`uv lock\` is invoked with \`UV_FROZEN=1\` (env) or \`frozen\` set via
workspace configuration, the post-success warning suggested using
\`--no-frozen\`, which does not exist as a CLI flag. Following that hint
produces:

\`\`\`
$ UV_FROZEN=1 uv lock --no-frozen
error: unexpected argument '--no-frozen' found

  tip: a similar argument exists: '--frozen'
\`\`\`

Drop the bad suggestion and recommend \`--check\` only, matching the
sibling warning emitted when \`--frozen\` is passed on the CLI (introduced
in #17859).

## Old vs new warning

Before:
\`\`\`
warning: The lockfile at \`uv.lock\` was only checked for validity, not whether it is up-to-date, because \`UV_FROZEN=1\` was provided; use \`--no-frozen\` or \`--check\` instead
\`\`\`

After:
\`\`\`
warning: The lockfile at \`uv.lock\` was only checked for validity, not whether it is up-to-date, because \`UV_FROZEN=1\` was provided; use \`--check\` instead
\`\`\`

\`--check\` is defined on \`LockArgs\` in \`crates/uv-cli/src/lib.rs\` (the
public, non-hidden flag for "check if the lockfile is up-to-date") and
works regardless of whether \`frozen\` was set via env, configuration, or
the CLI.

## Changes

- \`crates/uv/src/commands/project/lock.rs\`: drop \`--no-frozen\` from the
env/configuration warning text.
- \`crates/uv/tests/it/lock.rs\`: update the \`lock_frozen_warning\`
snapshot to match.

## Test plan
`,
  },
  {
    source: 'astral-sh/uv 8ab65287b6',
    shape: 'Renovate: a table, release notes in details, Configuration',
    message: `Update open-security-tools/ost-simple-sts action to v0.0.4 (#21020)

This PR contains the following updates:

| Package | Type | Update | Change |
|---|---|---|---|
|
[open-security-tools/ost-simple-sts](https://redirect.github.com/open-security-tools/ost-simple-sts)
| action | patch | \`v0.0.2\` → \`v0.0.4\` |

---

### Release Notes

<details>
<summary>open-security-tools/ost-simple-sts
(open-security-tools/ost-simple-sts)</summary>

###
[\`v0.0.4\`](https://redirect.github.com/open-security-tools/ost-simple-sts/releases/tag/v0.0.4)

[Compare
Source](https://redirect.github.com/open-security-tools/ost-simple-sts/compare/v0.0.3...v0.0.4)

#### What's Changed

- Allow scoped subsets of authorized repository targets by
[@&#8203;zaniebot](https://redirect.github.com/zaniebot) in
[#&#8203;27](https://redirect.github.com/open-security-tools/ost-simple-sts/pull/27)

**Full Changelog**:
<https://github.com/open-security-tools/ost-simple-sts/compare/v0.0.3...v0.0.4>

###
[\`v0.0.3\`](https://redirect.github.com/open-security-tools/ost-simple-sts/releases/tag/v0.0.3)

[Compare
Source](https://redirect.github.com/open-security-tools/ost-simple-sts/compare/v0.0.2...v0.0.3)

#### What's Changed

- Manage LogGroups and simplify optional alarms ARN by
[@&#8203;ewdurbin](https://redirect.github.com/ewdurbin) in
[#&#8203;26](https://redirect.github.com/open-security-tools/ost-simple-sts/pull/26)

Co-authored-by: renovate[bot] <29139614+renovate[bot]@users.noreply.github.com>
`,
  },
  {
    source: 'astral-sh/uv c54242b5ce',
    shape: 'Summary as bullets, Closes link',
    message: `Use bundled LLD for the ARM64 manylinux PGO build (#21268)

## Summary

- The ARM64 \`manylinux_2_28\` image uses GCC Toolset 14's GNU ld
(binutils 2.41), which has an AArch64 branch-veneer placement bug when
\`--fix-cortex-a53-843419\` is enabled.
- Rust 1.98 enables that Cortex-A53 mitigation by default, and PGO
instrumentation makes uv large enough to expose the old manylinux
linker's bug.
- Use Rust's bundled LLD for the ARM64 manylinux PGO build, preserving
the Cortex-A53 mitigation and leaving other release targets unchanged.
- GNU ld fixed the bug upstream in [binutils-gdb commit
\`d3af401\`](https://sourceware.org/pipermail/binutils/2026-January/146938.html).

Closes https://github.com/astral-sh/uv-dev/issues/834.
`,
  },
  {
    source: 'astral-sh/uv d51a1e7456',
    shape: 'Resolves link first, a numbered list after "two things:"',
    message: `Deduplicate marker-specific dependencies in \`uv pip tree\` output (#16078)

Resolves https://github.com/astral-sh/uv/issues/16067

When we build the dependency graph we add an edge per \`Requires-Dist\`.
If a package publishes multiple marker-guarded requirements (like
pylint’s \`dill>=…\` for different Python versions), more than one marker
can evaluate to true at runtime, which gives us several edges pointing
to the same installed package node.

To avoid printing the package multiple times, we gather all edges
targeting that node, pass them through a \`Cursor\`, and aggregate their
requirement details before we print the dependency line. That
aggregation does two things:
  1. If any edge carries a URL, we return that URL immediately.
2. Otherwise we merge all version specifiers into one canonical PEP 440
string.

I've added an integration test, namely \`cargo test -p uv --test it
--features pypi -- no_duplicate_dependencies_with_markers\` exercises the
new snapshot that installs pylint (with the real dill duplication
scenario present in the original issue) and asserts the tree output,
both with and without \`--show-version-specifiers\`, now shows a single
dill entry with the merged constraint.
`,
  },
  {
    source: 'astral-sh/uv 329b5c8c8f',
    shape: 'Summary of several paragraphs, Test Plan',
    message: `Fix human-readable size rounding at unit boundaries (#21136)

## Summary

I noticed that we'd print 1024.0KiB if we were just shy of 1.0MiB which
is kind of weird. numfmt and humanize (common existing other ecosystem
implementations of this) handle this correctly to avoid this case.

It was bugging me, alright?

There's also a small cleanup by returning impl Display (the commit is
separate for ease of review).

## Test Plan

Unit tests.
`,
  },
  {
    source: 'ai-dynamo/nixl faf495e12',
    shape: 'What? / Why? and a CodeRabbit summary',
    message: `EXAMPLES/DEVICE/EP/CSRC: Replaced torch::Event by cudaEvent_t wrapper. (#1822)

## What?
Replaced \`torch::Event\` by \`nixl_ep::cuda::Event\`.
Cleaned up includes in \`nixl_ep.[c|h]pp\`.
Minor refactoring of \`nixl_ep::EventHandle\`.

## Why?
This is a part of https://github.com/ai-dynamo/nixl/pull/1793.
Original PR is devided into parts to facilitate review.


<!-- This is an auto-generated comment: release notes by coderabbit.ai
-->
## Summary by CodeRabbit

* **New Features**
* Added RAII-based CUDA event support with stream recording and safe
ownership transfer.
  * Added clearer CUDA warning messages for runtime failures.
* **Bug Fixes**
  * Improved event cleanup safety and centralized CUDA error reporting.
* Updated cross-stream synchronization to use direct CUDA event-based
waits.
* **Refactor**
  * Reworked event synchronization to manage CUDA events internally.
  * Updated CUDA integration to support the revised event flow.
<!-- end of auto-generated comment: release notes by coderabbit.ai -->

---------

Signed-off-by: Raul Akhmetshin <rakhmetshin@nvidia.com>
`,
  },
  {
    source: 'ai-dynamo/nixl 8770b655a',
    shape: 'What? / Why? / How? / Testing and a CodeRabbit summary',
    message: `test: skip centralized metadata cleanup without a store (#2130)

## What?

Guard \`MetadataExchangeTestFixture\` teardown so that centralized
metadata
invalidation is performed only when either ETCD or TCPStore is
configured.

## Why?

In P2P-only builds, neither centralized metadata transport is available,
but the
test teardown still attempts to invalidate centralized metadata. This
produces
expected \`noTransport\` log messages, which cause the gtest log checker
to return
exit status 42 even though the test assertions pass.

Skipping this cleanup when no centralized store is configured allows the
tests
to complete successfully without masking failures in configurations that
do use
ETCD or TCPStore.

## How?

The teardown checks the configured ETCD and TCPStore endpoints before
calling
the centralized metadata invalidation API. Existing cleanup behavior is
preserved whenever either endpoint is configured.

## Testing

- No-ETCD build with ETCD and TCPStore endpoints unset: metadata
exchange tests
  passed; ETCD-dependent cases were skipped.
- ETCD-enabled build with the endpoint unset: metadata exchange tests
passed;
  ETCD-dependent cases were skipped.
- ETCD-enabled build with a live ETCD endpoint: all metadata exchange
tests
  passed.
- Full ETCD-enabled gtest run: 213 passed, 20 skipped

<!-- This is an auto-generated comment: release notes by coderabbit.ai
-->
## Summary by CodeRabbit

Signed-off-by: Greg Kerr <grkerr@nvidia.com>
`,
  },
  {
    source: 'ai-dynamo/nixl aecbc3846',
    shape: 'What / Why with logs in code blocks',
    message: `cuda_gds: include cuFile error details in error messages (#2069)

## What

Every cuFile error log in the GDS plugin now names the cuFile API that
failed and includes both the error string from \`CUFILE_ERRSTR\` and the
numeric error code.

This also fixes a misleading message in \`submitBatch()\`: a
\`cuFileBatchIOSubmit\` failure logged "Error in setting up Batch", the
same string used by the actual setup path in the \`nixlGdsIOBatch\`
constructor, so the two stages were indistinguishable in the logs.

## Why

While benchmarking GDS over NVMe in P2PDMA mode, batch submission failed
with nothing but this:

\`\`\`
gds_utils.cpp:163] Error in setting up Batch
postXferReq: backend 'GDS' failed to post the transfer request with status NIXL_ERR_BACKEND
\`\`\`

The real cause, a batch entry exceeding the cuFile P2PDMA per-entry size
limit, was only visible in \`cufile.log\`. The "setting up" wording cost
additional time, since setup had in fact succeeded.

The GDS_MT plugin already appends the numeric cuFile error code to its
logs, so this brings the GDS plugin in line with it.

## How

Each message now names the failing cuFile API and appends the
\`CUFILE_ERRSTR\` string along with the numeric code.

Verified on a B200 system with a Gen5 NVMe drive by rebuilding the
plugin and reproducing each failure.

**Batch submission failure** (P2PDMA per-entry size limit exceeded)

Signed-off-by: Changhyeon Nam <hj04143@gmail.com>
`,
  },
  {
    source: 'ai-dynamo/nixl b8ca6d808',
    shape: 'a squash whose first item is the subject',
    message: `Prometheus telemetry exporter (#1091)

* Prometheus telemetry exporter

Signed-off-by: Aleksandr Bilkovskii <alexanderb@nvidia.com>

* Helper functions, code cleaning

Signed-off-by: Aleksandr Bilkovskii <alexanderb@nvidia.com>

* Updated documentation

* Revise telemetry documentation per current version

Updated metrics definitions, description and label specification.

Signed-off-by: AlexNvd <anormatov@nvidia.com>

* Hostname & agent name labes
Documentation updates
Code cleaning

Signed-off-by: Aleksandr Bilkovskii <alexanderb@nvidia.com>

* clang fix

Signed-off-by: Aleksandr Bilkovskii <alexanderb@nvidia.com>

* doc type fix

Signed-off-by: Aleksandr Bilkovskii <alexanderb@nvidia.com>

---------

Signed-off-by: Aleksandr Bilkovskii <alexanderb@nvidia.com>
Signed-off-by: AlexNvd <anormatov@nvidia.com>
Co-authored-by: AlexNvd <anormatov@nvidia.com>
`,
  },
  {
    source: 'ollama/ollama 0f25c31bd',
    shape: 'a squash with "review comments"',
    message: `qwen3.8: support developer instructions (#17749)

* qwen3.8: support developer instructions

Qwen3.8 does not define a developer role, while OpenAI-compatible coding agents commonly send developer instructions before user messages. Fold the leading system/developer instruction prefix into a single system turn before Qwen3.8 validation, preserving instruction precedence without changing Qwen3.5 or other renderer behavior.

Add streaming tool-call integration coverage for the native Ollama, OpenAI Chat Completions, OpenAI Responses, and Anthropic Messages request shapes. Each case exercises prior assistant tool calls, tool results, follow-up rendering, and parsed tool-call output. Add Qwen3.8 to the release tools sweep.

Removes an unnecessary unit test that should not have been included in the original 3.8 PR.

* review comments
`,
  },
  {
    source: 'ollama/ollama c44575ef1',
    shape: 'plain prose and Fixes #n',
    message: `mlxrunner: keep prefill snapshots when a request is cancelled mid-prompt

A long prompt records restore points during prefill, but they only
reached the prefix trie when the prefill completed; a cancelled request
closed and released everything it had captured. Agent clients routinely
cancel long prefills — their timeouts are shorter than the minutes a
40k-token prompt takes — so every retry started the whole prompt over
and never got further than the timeout allowed, which presents as the
model hanging forever.

Closing a session now attaches every snapshot the prefill crossed, so a
retry resumes from the last one and makes progress across timeouts.
Scenario tests cover retries resuming exactly where a cancelled attempt
stopped and cancellations on divergent conversation variants.

Fixes #17839
`,
  },
  {
    source: 'git/git 810f8b2033',
    shape: '"two things:" and an indented list',
    message: `object-file: move logic to write loose objects

The logic to write loose objects is split up across "object-file.c" and
"odb/source-loose.c". This split is somewhat weird, but it is the result
of two things:

  - \`force_object_loose()\` used to reach into internals of how exactly
    we write objects.

  - The logic of writing objects is intertwined with potentially
    starting a transaction.

We have refactored \`force_object_loose()\` over preceding commits to work
via generic interfaces now, so this reason doesn't exist anymore. But
the second reason still does, as our management of "files" transactions
and their ad-hoc creation is still very messy. This area definitely
requires further work, and that work is indeed ongoing.

That being said, we can already move the writing logic into the "loose"
backend rather easily. All we have to do is to expose two functions that
relate to the transactions.

Expose these two functions and move the writing logic into the "loose"
backend accordingly so that it becomes more self-contained. Note that
this requires us to drop a reference to \`the_repository\` in favor of
using the source's repository in \`start_loose_object_common()\`.

Signed-off-by: Patrick Steinhardt <ps@pks.im>
Signed-off-by: Junio C Hamano <gitster@pobox.com>
`,
  },
  {
    source: 'git/git 7a9c81a38d',
    shape: '"They include:" and a list that the sentence goes on after',
    message: `builtin/repack.c: introduce \`struct write_pack_opts\`

There are various functions within the 'repack' builtin which are
responsible for writing different kinds of packs. They include:

 - \`static int write_filtered_pack(...)\`
 - \`static int write_cruft_pack(...)\`

as well as the function \`finish_pack_objects_cmd()\`, which is
responsible for finalizing a new pack write, and recording the checksum
of its contents in the 'names' list.

Both of these \`write_\` functions have a few things in common. They both
take a pointer to the 'pack_objects_args' struct, as well as a pair of
character pointers for \`destination\` and \`pack_prefix\`.

Instead of repeating those arguments for each function, let's extract an
options struct called "write_pack_opts" which has these three parameters
as member fields. While we're at it, add fields for "packdir," and
"packtmp", both of which are static variables within the builtin, and
need to be read from within these two functions.

This will shorten the list of parameters that callers have to provide to
\`write_filtered_pack()\`, avoid ambiguity when passing multiple variables
of the same type, and provide a unified interface for the two functions
mentioned earlier.

Signed-off-by: Taylor Blau <me@ttaylorr.com>
Signed-off-by: Junio C Hamano <gitster@pobox.com>
`,
  },
  {
    source: 'git/git 8feb570216',
    shape: 'an introduction followed by benchmark output',
    message: `cat-file: use strbuf_add_uint()

Speed up printing of objectsize atoms by using the specialized function
strbuf_add_uint() instead of the general-purpose function strbuf_addf():

Benchmark 1: ./git_main cat-file --batch-all-objects --batch-check='%(objectsize)'
  Time (mean ± σ):     751.7 ms ±   1.5 ms    [User: 733.5 ms, System: 17.1 ms]
  Range (min … max):   750.5 ms … 755.0 ms    10 runs

Benchmark 2: ./git cat-file --batch-all-objects --batch-check='%(objectsize)'
  Time (mean ± σ):     720.4 ms ±   0.4 ms    [User: 701.9 ms, System: 16.7 ms]
  Range (min … max):   719.7 ms … 721.2 ms    10 runs

Summary
  ./git cat-file --batch-all-objects --batch-check='%(objectsize)' ran
    1.04 ± 0.00 times faster than ./git_main cat-file --batch-all-objects --batch-check='%(objectsize)'

Benchmark 1: ./git_main cat-file --batch-all-objects --batch-check='%(objectsize:disk)'
  Time (mean ± σ):     404.6 ms ±   0.9 ms    [User: 397.8 ms, System: 5.7 ms]
  Range (min … max):   403.3 ms … 405.9 ms    10 runs

Benchmark 2: ./git cat-file --batch-all-objects --batch-check='%(objectsize:disk)'
  Time (mean ± σ):     378.3 ms ±   0.9 ms    [User: 371.2 ms, System: 5.9 ms]
  Range (min … max):   376.8 ms … 380.2 ms    10 runs

Signed-off-by: René Scharfe <l.s.r@web.de>
Signed-off-by: Junio C Hamano <gitster@pobox.com>
`,
  },
  {
    source: 'git/git 58e4eeeeb5',
    shape: '"the following error" without a colon, then output',
    message: `meson: fix building mergetool docs

Building the documentation with meson when the build directory is
not an immediate subdirectory of the source directory prints the
following error

[2/1349] Generating Documentation/mer... command (wrapped by meson to set env)
../../Documentation/generate-mergetool-list.sh: line 15: ../git-mergetool--lib.sh: No such file or directory

The build does not fail because the failure is upstream of a pipe. Fix
the error by passing the correct source directory when meson runs
"generate-mergetool-list.sh". As that script sets $MERGE_TOOLS_DIR
we do not need to set it in the environment when running the script.

Signed-off-by: Phillip Wood <phillip.wood@dunelm.org.uk>
Signed-off-by: Junio C Hamano <gitster@pobox.com>
`,
  },
  {
    source: 'vitejs/vite df15f2b8b8',
    shape: 'dependabot: links, YAML front matter, trailers',
    message: `chore(deps): bump hosted-git-info from 2.8.8 to 2.8.9 (#3767)

Bumps [hosted-git-info](https://github.com/npm/hosted-git-info) from 2.8.8 to 2.8.9.
- [Release notes](https://github.com/npm/hosted-git-info/releases)
- [Changelog](https://github.com/npm/hosted-git-info/blob/v2.8.9/CHANGELOG.md)
- [Commits](https://github.com/npm/hosted-git-info/compare/v2.8.8...v2.8.9)

---
updated-dependencies:
- dependency-name: hosted-git-info
  dependency-type: indirect
...

Signed-off-by: dependabot[bot] <support@github.com>

Co-authored-by: dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>
`,
  },
];
