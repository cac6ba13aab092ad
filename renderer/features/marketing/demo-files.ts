/**
 * The sample files bundled with the demo workspace (resources/demo/assets/): a catalog file_path
 * `demo/<name>` is served from the app itself, so the demo previews, downloads and caches offline.
 */
const bundled = import.meta.glob<string>('../../../resources/demo/assets/*.{pdf,png,svg,html}', {
  query: '?url&no-inline',
  import: 'default',
  eager: true,
});

const byName = new Map(Object.entries(bundled).map(([path, url]) => [path.split('/').pop() ?? path, url]));

export function demoFileUrl(filePath: string): string | null {
  if (!filePath.startsWith('demo/')) return null;
  return byName.get(filePath.slice('demo/'.length)) ?? null;
}
