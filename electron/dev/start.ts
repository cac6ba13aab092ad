/**
 * `npm start`: builds the app, starts the local backend with its demo accounts, then opens the
 * Electron app — or, where no Electron runtime is installed, serves the same renderer build in
 * the browser on http://localhost:5173.
 */
import { spawn } from 'node:child_process';
import { startBackend } from '../../sync/server/app';
import { findElectronRuntime } from './electron-runtime';
import { serveRenderer } from './serve-web';

async function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
    child.on('error', reject);
  });
}

const backend = await startBackend({ port: Number(process.env.PORT ?? 54321) });
console.log(`Local backend: ${backend.url} (accounts: admin@, starter@, active@, performer@, elite@siso.test — password siso-demo-2026)`);

// Electron's main reads SUPABASE_*; the browser build of the renderer reads VITE_SUPABASE_*.
const env = {
  ...process.env,
  SUPABASE_URL: backend.url,
  SUPABASE_ANON_KEY: backend.anonKey,
  VITE_SUPABASE_URL: backend.url,
  VITE_SUPABASE_ANON_KEY: backend.anonKey,
};
await run('npx', ['electron-vite', 'build', '--logLevel', 'warn'], env);

const shutdown = async () => {
  await backend.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());

const electron = findElectronRuntime();
if (electron.available) {
  await run(electron.path, ['.'], env);
  await shutdown();
} else {
  const web = await serveRenderer();
  console.log(`No Electron runtime is installed (${electron.reason}); serving the workstation in the browser at ${web.url}`);
}
