/** `npm run web`: serves the built renderer (out/renderer) as a web app on http://localhost:5173. */
import { preview } from 'vite';

export async function serveRenderer(port = 5173): Promise<{ url: string; close(): Promise<void> }> {
  const server = await preview({
    root: '.',
    configFile: false,
    build: { outDir: 'out/renderer' },
    preview: { port, strictPort: true, host: 'localhost', open: false },
    logLevel: 'warn',
  });
  return { url: `http://localhost:${port}`, close: () => server.close() };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await serveRenderer();
  console.log(`SISO Partner Workstation (web build) at ${url}`);
}
