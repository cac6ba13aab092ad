/**
 * The ticket conversation list: a long thread shows its latest messages with a way to reveal the
 * earlier ones, SISO's messages are marked, and an attachment still on this device says it is
 * waiting to upload (or, in the demo workspace, that it stays here).
 */
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Conversation, CONVERSATION_PAGE } from '../../renderer/features/support/Conversation';
import type { ThreadMessageView } from '../../sync/domain/support-tickets';

function thread(count: number): ThreadMessageView[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `m-${i}`,
    createdAt: new Date(Date.UTC(2026, 11, 1, 8, i)).toISOString(),
    fromSiso: i % 2 === 1,
    author: i % 2 === 1 ? 'SISO Support' : 'Ada',
    body: `Message number ${i}.`,
    attachment: i === count - 1 ? { path: `p/t/m-${i}-shot.png`, name: 'shot.png', mime: 'image/png', size: 2048 } : null,
  }));
}

function render(messages: ThreadMessageView[], waiting: string[], uploadsSync = true): string {
  return renderToString(
    createElement(Conversation, { messages, timeZone: 'UTC', waitingUploads: new Set(waiting), uploadsSync, onDownload: () => undefined }),
  );
}

describe('Conversation', () => {
  it(`shows the latest ${CONVERSATION_PAGE} messages of a long thread and offers the rest`, () => {
    const html = render(thread(120), []);
    expect(html.match(/<li /g)).toHaveLength(CONVERSATION_PAGE);
    expect(html).toContain('Show earlier messages (<!-- -->70<!-- --> more)');
    expect(html).toContain('Message number 119.');
    expect(html).toContain('Message number 70.');
    expect(html).not.toContain('Message number 69.');
  });

  it('shows a short thread whole, marks SISO, and says which attachment is waiting to upload', () => {
    const html = render(thread(3), ['m-2']);
    expect(html).not.toContain('Show earlier messages');
    expect(html.match(/<li /g)).toHaveLength(3);
    expect(html).toContain('aria-label="Conversation"');
    expect(html.match(/support__message--siso/g)).toHaveLength(1);
    expect(html).toContain('Download <!-- -->shot.png');
    expect(html).toContain('Attachment waiting to upload');
    expect(render(thread(3), [])).not.toContain('waiting to upload');
    expect(render(thread(3), ['m-2'], false)).toContain('the demo workspace does not upload');
  });
});
