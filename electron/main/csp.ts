/**
 * The Content-Security-Policy sent with every response to the renderer. The network is limited
 * to the app itself, the configured Supabase project and the servers the person confirmed on
 * Welcome (HTTP for REST/Auth/Storage, WebSocket for Realtime). Built per response, so a server
 * confirmed now is in the policy of the next page load.
 */
export interface CspOptions {
  supabaseUrl: string;
  /** Origins confirmed on Welcome (see server-origins.ts), each already validated. */
  serverOrigins?: readonly string[];
  /** The Vite dev server needs inline React refresh and its own websocket; production never. */
  development: boolean;
  devServerUrl?: string;
}

/** A server's origin and its WebSocket twin (Realtime): https → wss, http → ws. */
export function supabaseOrigins(supabaseUrl: string): string[] {
  const url = new URL(supabaseUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`Supabase URL must be http(s): ${supabaseUrl}`);
  const ws = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return [url.origin, `${ws}//${url.host}`];
}

export function buildCsp(options: CspOptions): string {
  const servers = [options.supabaseUrl, ...(options.serverOrigins ?? [])];
  const connect = ["'self'", ...new Set(servers.flatMap(supabaseOrigins))];
  const images = ["'self'", 'data:', 'blob:', ...new Set(servers.map((server) => new URL(server).origin))];
  const script = ["'self'"];
  if (options.development && options.devServerUrl) {
    const dev = new URL(options.devServerUrl);
    connect.push(dev.origin, `ws://${dev.host}`);
    script.push("'unsafe-inline'");
  }
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': script,
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': images,
    'font-src': ["'self'", 'data:'],
    'connect-src': connect,
    'worker-src': ["'self'", 'blob:'],
    'frame-src': ["'self'", 'blob:'],
    // Marketing videos play from blob: URLs of verified bytes (never straight from the network).
    'media-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
