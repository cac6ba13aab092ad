/**
 * `npm run bench`: runs every `tests/bench/*.bench.ts` module and prints its figures. Each
 * benchmark measures a baseline in the same run and reports ratios against it, so results are
 * comparable across machines. Run one with `npm run bench -- <name>`.
 */
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';

const benchModule = z.object({ name: z.string(), run: z.function() });
const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];

const files = (await readdir(here)).filter((f) => f.endsWith('.bench.ts')).sort();
console.log(`SISO Partner Workstation benchmarks — node ${process.version}, ${process.platform}/${process.arch}`);
for (const file of files) {
  const parsed = benchModule.safeParse(await import(pathToFileURL(join(here, file)).href));
  if (!parsed.success) {
    console.error(`${file}: not a benchmark module (needs \`name\` and \`run\`)`);
    process.exitCode = 1;
    continue;
  }
  if (only && !parsed.data.name.includes(only)) continue;
  console.log(`\n## ${parsed.data.name}`);
  await (parsed.data.run as () => Promise<void>)();
}
