import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ErrorFallback } from '../../renderer/app/ErrorFallback';
import { buildErrorReport } from '../../renderer/app/error-report';

const at = new Date('2025-01-02T03:04:05.000Z');

describe('buildErrorReport', () => {
  it('describes an Error with its message, stack, component stack and app context', () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'name')");
    const report = buildErrorReport(error, {
      appVersion: '0.1.0',
      platform: 'browser',
      route: '/settings',
      componentStack: '\n    at SettingsPage\n    at AppShell',
      occurredAt: at,
    });
    expect(report.headline).toBe('Something went wrong while showing this screen.');
    expect(report.message).toBe("Cannot read properties of undefined (reading 'name')");
    expect(report.details).toContain('Time: 2025-01-02T03:04:05.000Z');
    expect(report.details).toContain('Version: 0.1.0');
    expect(report.details).toContain('Platform: browser');
    expect(report.details).toContain('Screen: /settings');
    expect(report.details).toContain("Error: TypeError: Cannot read properties of undefined (reading 'name')");
    expect(report.details).toContain('Stack:');
    expect(report.details).toContain('at SettingsPage');
  });

  it.each([
    ['a string', 'boom', 'boom'],
    ['an empty Error', new Error(''), '(no message)'],
    ['a router error response', { status: 404, statusText: 'Not Found', data: null }, '404 Not Found'],
    ['a plain object', { code: 42 }, '{"code":42}'],
    ['undefined', undefined, 'undefined'],
    ['null', null, 'null'],
  ])('gives a readable message for %s', (_label, thrown, message) => {
    expect(buildErrorReport(thrown, { occurredAt: at }).message).toBe(message);
  });

  it('does not throw on values that cannot be serialised', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(buildErrorReport(cyclic).message).toBe('[object Object]');
  });
});

describe('ErrorFallback', () => {
  it('shows what happened, the error message, and Reload / Copy details buttons', () => {
    const report = buildErrorReport(new Error('Lead <b>not</b> found'), { occurredAt: at });
    const html = renderToString(createElement(ErrorFallback, { report, onReload: () => undefined }));
    expect(html).toContain('role="alert"');
    expect(html).toContain('Something went wrong while showing this screen.');
    expect(html).toContain('Lead &lt;b&gt;not&lt;/b&gt; found');
    expect(html).toMatch(/<button[^>]*>Reload<\/button>/);
    expect(html).toMatch(/<button[^>]*>Copy details<\/button>/);
    expect(html).toContain('Technical details');
  });
});
