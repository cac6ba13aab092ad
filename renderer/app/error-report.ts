/** Turns anything thrown during rendering into what the error screen shows and copies. Pure. */

export interface ErrorReport {
  /** One sentence for people: what happened. */
  headline: string;
  /** The error's own message, or a description of the thrown value. */
  message: string;
  /** Plain text for "Copy details": message, stack, component stack, app context. */
  details: string;
}

export interface ErrorContext {
  appVersion?: string;
  platform?: string;
  route?: string;
  componentStack?: string | null;
  occurredAt?: Date;
}

function describeThrown(thrown: unknown): { name: string; message: string; stack?: string } {
  if (thrown instanceof Error) {
    return { name: thrown.name, message: thrown.message || '(no message)', ...(thrown.stack ? { stack: thrown.stack } : {}) };
  }
  if (typeof thrown === 'string') return { name: 'Error', message: thrown || '(empty message)' };
  if (thrown !== null && typeof thrown === 'object' && 'status' in thrown && 'statusText' in thrown) {
    // react-router's ErrorResponse (e.g. a thrown 404 from a loader).
    return { name: 'RouteError', message: `${String(thrown.status)} ${String(thrown.statusText)}`.trim() };
  }
  try {
    return { name: 'Unknown error', message: JSON.stringify(thrown) ?? String(thrown) };
  } catch {
    return { name: 'Unknown error', message: String(thrown) };
  }
}

export function buildErrorReport(thrown: unknown, context: ErrorContext = {}): ErrorReport {
  const { name, message, stack } = describeThrown(thrown);
  const lines = [
    `SISO Partner Workstation error report`,
    `Time: ${(context.occurredAt ?? new Date()).toISOString()}`,
    context.appVersion ? `Version: ${context.appVersion}` : null,
    context.platform ? `Platform: ${context.platform}` : null,
    context.route ? `Screen: ${context.route}` : null,
    `Error: ${name}: ${message}`,
    stack ? `\nStack:\n${stack}` : null,
    context.componentStack ? `\nComponent stack:${context.componentStack}` : null,
  ];
  return {
    headline: 'Something went wrong while showing this screen.',
    message,
    details: lines.filter((line): line is string => line !== null).join('\n'),
  };
}
