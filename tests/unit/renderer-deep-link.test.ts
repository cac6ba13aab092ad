import { describe, expect, it } from 'vitest';
import { parseDeepLinkRoute } from '../../renderer/app/deep-link';

describe('parseDeepLinkRoute', () => {
  it.each(['/', '/settings', '/leads/lead_123', '/proposals/new?lead=abc&template=t-1', '/marketing-center', '/leads/import', '/support', '/support/tickets/t-1', '/community', '/community/threads/t-1', '/support/knowledge-base', '/support/knowledge-base/demo-article-1?q=offline'])('accepts %s', (route) => {
    expect(parseDeepLinkRoute(route)).toBe(route);
  });

  it.each([
    'settings',
    '//evil.example/',
    '/../etc/passwd',
    '/leads/../../x',
    'https://siso.agency/',
    'javascript:alert(1)',
    '/<script>',
    '/a b',
    `/${'a'.repeat(3000)}`,
    42,
    null,
    undefined,
  ])('rejects %s', (route) => {
    expect(parseDeepLinkRoute(route)).toBeNull();
  });

  it.each(['/a%20b', '/community/threads', '/support/knowledge-base/a/b', '/marketing', '/leads/a/b', '/settings/x'])(
    'drops %s, which would open Not Found: no screen has that path',
    (route) => {
      expect(parseDeepLinkRoute(route)).toBeNull();
    },
  );
});
