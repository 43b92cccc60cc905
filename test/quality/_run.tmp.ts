import { generateReport } from '../../src/core/engine.js';
async function main(): Promise<void> {
  const [repo, day] = process.argv.slice(2);
  const t0 = Date.now();
  const report = await generateReport({ repos: [repo!], period: { kind: 'day', day: day! }, timeZone: 'UTC', language: 'en', merges: 'include' });
  console.error('ms', Date.now() - t0, report.repositories[0]!.commits.length);
}
void main();
