// A repository for timing diff editors (test/ui/diffTiming.mjs): a base commit yesterday with eleven source files of
// a few hundred lines each, then two commits today: one that edits all eleven files (the multi-file diff) and one
// that edits a single larger file (the single-file diff).
import { FixtureRepo } from '../support/gitFixture.js';
import { localIso, todayTimes } from './fixtureWorkspace.js';

export interface DiffFixture {
  dir: string;
  /** Subjects of the two commits that change eleven files each. */
  wideSubject: string;
  secondWideSubject: string;
  wideFiles: string[];
  /** Subject and path of the commit that changes one file. */
  singleSubject: string;
  singlePath: string;
  cleanup(): void;
}

/** The eleven modules of a wide commit (the triage fixture's refactor touches the same ones). */
export const MODULES = ['parser', 'lexer', 'planner', 'resolver', 'cache', 'index', 'network', 'auth', 'config', 'report', 'cli'];

/**
 * A TypeScript module of about `lines` lines of step functions; each revision changes every seventh one. `header` is
 * its first comment line.
 */
export function stepModuleSource(module: string, lines: number, revision: number, header = 'generated for the diff timing fixture'): string {
  const out = [`// ${module}: ${header}`, `export const MODULE = '${module}';`, ''];
  for (let i = 0; i < lines / 6; i++) {
    const changed = revision > 0 && i % 7 === 3;
    out.push(`export function ${module}Step${i}(input: number): number {`);
    out.push(`  const scaled = input * ${changed ? i + revision * 10 : i + 1};`);
    out.push(`  if (scaled > ${1000 + i}) return scaled - ${i};`);
    out.push(changed ? `  return scaled + ${revision}; // revised` : '  return scaled;');
    out.push('}');
    out.push('');
  }
  return out.join('\n');
}

export function createDiffFixture(extension = 'ts'): DiffFixture {
  const repo = FixtureRepo.create({ prefix: 'dd-diff-timing-' });
  const yesterday = new Date(Date.now() - 24 * 3600_000);
  yesterday.setHours(16, 30, 0, 0);
  const wideFiles = MODULES.map((name) => `src/${name}/${name}.${extension}`);
  MODULES.forEach((name, i) => repo.write(wideFiles[i], stepModuleSource(name, 400 + i * 40, 0)));
  const singlePath = `src/engine/engine.${extension}`;
  repo.write(singlePath, stepModuleSource('engine', 3000, 0));
  repo.commit('chore: the project', { date: localIso(yesterday) });
  const [first, second, third] = todayTimes(3);
  const wideSubject = 'refactor: revise the step functions of every module';
  MODULES.forEach((name, i) => repo.write(wideFiles[i], stepModuleSource(name, 400 + i * 40, 1)));
  repo.commit(wideSubject, { date: localIso(first) });
  const secondWideSubject = 'refactor: revise the step functions again';
  MODULES.forEach((name, i) => repo.write(wideFiles[i], stepModuleSource(name, 400 + i * 40, 3)));
  repo.commit(secondWideSubject, { date: localIso(third) });
  const singleSubject = 'perf: revise the engine steps';
  repo.write(singlePath, stepModuleSource('engine', 3000, 2));
  repo.commit(singleSubject, { date: localIso(second) });
  return { dir: repo.dir, wideSubject, secondWideSubject, wideFiles, singleSubject, singlePath, cleanup: () => repo.cleanup() };
}
