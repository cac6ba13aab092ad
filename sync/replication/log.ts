/**
 * The sync layer's one named logger. Quiet by default except warnings and errors; the app may
 * route it elsewhere with setSyncLogSink (e.g. into its diagnostics file).
 */
export type SyncLogLevel = 'debug' | 'info' | 'warn' | 'error';
export type SyncLogSink = (level: SyncLogLevel, message: string, fields?: Record<string, unknown>) => void;

const defaultSink: SyncLogSink = (level, message, fields) => {
  if (level !== 'warn' && level !== 'error') return;
  const extra = fields ? ` ${JSON.stringify(fields)}` : '';
  globalThis.console[level](`[sync] ${message}${extra}`);
};

let sink: SyncLogSink = defaultSink;

export function setSyncLogSink(next: SyncLogSink | null): void {
  sink = next ?? defaultSink;
}

export const syncLog = {
  debug: (message: string, fields?: Record<string, unknown>) => sink('debug', message, fields),
  info: (message: string, fields?: Record<string, unknown>) => sink('info', message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => sink('warn', message, fields),
  error: (message: string, fields?: Record<string, unknown>) => sink('error', message, fields),
};
