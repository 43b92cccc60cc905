/**
 * CPU time of the facts pass alone on one repository and day (process.cpuUsage, not wall time: the bench machine is
 * shared). Runs the report without the pass, then with it twice in one process (the first pays the grammar loads and
 * query compilation, the second is warm). Usage: node --import tsx bench/factsPassCpu.ts <repo> <day> [<until>]
 */
import { generateReport } from '../src/core/engine/generateReport.js';
import { ENGINE_TUNING } from '../src/core/engine/commitAnalysis.js';

const [repo, day, until] = process.argv.slice(2);
if (!repo || !day) throw new Error('usage: factsPassCpu.ts <repo> <day> [<until>]');
const period = until ? { kind: 'range' as const, since: day, until } : { kind: 'day' as const, day };

async function cpuOf(facts: boolean): Promise<number> {
  ENGINE_TUNING.codeFacts = facts;
  const start = process.cpuUsage();
  await generateReport({ repos: [repo!], period, timeZone: 'UTC', language: 'en' });
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

async function main(): Promise<void> {
  const without = await cpuOf(false);
  const cold = await cpuOf(true);
  const warm = await cpuOf(true);
  console.log(`without facts ${without.toFixed(0)} ms; with facts, first ${cold.toFixed(0)} ms, again ${warm.toFixed(0)} ms`);
}

void main();
