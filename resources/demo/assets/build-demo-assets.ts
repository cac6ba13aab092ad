/**
 * Writes the demo workspace's bundled marketing files (catalog file_path `demo/<name>` is
 * resources/demo/assets/<name>) from the backend seed's generators, so the
 * demo previews, downloads and caches the same genuine files the seeded server holds. Run with
 * `npx tsx resources/demo/assets/build-demo-assets.ts` and update the sha256/size of the demo
 * asset rows in resources/demo/workspace.json (tests/unit/demo-workspace.test.ts checks them).
 */
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSeedAssetFiles, sha256Hex } from '../../../sync/server/db/seed-asset-files';

const here = dirname(fileURLToPath(import.meta.url));
const wanted: Record<string, string> = {
  'siso-overview-brochure': 'siso-overview-brochure.pdf',
  'intro-email-template': 'introduction-email.html',
  'siso-logo-pack': 'siso-logo-colour.svg',
  'social-launch-kit': 'launch-card.png',
  'proposal-deck': 'proposal-deck.pdf',
};

const files = await buildSeedAssetFiles();
for (const [slug, name] of Object.entries(wanted)) {
  const file = files.get(slug);
  if (!file) throw new Error(`No seed file for ${slug}`);
  await writeFile(join(here, name), file.bytes);
  process.stdout.write(`${name}\t${file.mimeType}\t${file.bytes.length}\t${sha256Hex(file.bytes)}\n`);
}
