/**
 * The Content-Security-Policy sent with every response to the renderer. The network is limited
 * to the app itself and the configured Supabase project (HTTP for REST/Auth/Storage, WebSocket
 * for Realtime).
 */
export interface CspOptions {
  supabaseUrl: string;
  /** The Vite dev server needs inline React refresh and its own websocket; production never. */
  development: boolean;
  devServerUrl?: string;
}

export function supabaseOrigins(supabaseUrl: string): string[] {
  const url = new URL(supabaseUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`Supabase URL must be http(s): ${supabaseUrl}`);
  const ws = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return [url.origin, `${ws}//${url.host}`];
}

export function buildCsp(options: CspOptions): string {
  const connect = ["'self'", ...supabaseOrigins(options.supabaseUrl)];
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
    'img-src': ["'self'", 'data:', 'blob:', new URL(options.supabaseUrl).origin],
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
