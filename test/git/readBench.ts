// Times readRepository alone: `npx esbuild test/git/readBench.ts --bundle --platform=node --outfile=/tmp/readBench.js`
// then `/usr/bin/time -f '%e s %M KB' node /tmp/readBench.js <repo> <since> [until] [author]`.
import { readRepository } from '../../src/core/git/index.js';
import { resolveWindow } from '../../src/core/time/window.js';

const [repo, since, until, field] = process.argv.slice(2);
const dateField = field === 'author' ? 'author' : 'committer';
const period = until ? { kind: 'range' as const, since, until } : { kind: 'day' as const, day: since };
const window = resolveWindow(period, 'UTC', dateField);
readRepository(repo, window, { ref: 'HEAD', dateField, merges: 'exclude', authors: [], paths: [] }).then(
  (read) => process.stdout.write(`${JSON.stringify(read).length} bytes, ${read.commits.length} commits\n`),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
