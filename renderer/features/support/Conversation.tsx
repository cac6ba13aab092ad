/**
 * A ticket's conversation: partner and SISO messages oldest first with author, time and any
 * attachment. Long threads show their latest messages and reveal earlier ones in steps, so a
 * 1,000-message ticket renders as fast as a short one (see tests/bench/support-thread.bench.ts).
 */
import { memo, useMemo, useState } from 'react';
import type { ThreadMessageView } from '../../../sync/domain/support-tickets';
import { formatFileSize } from '../../../sync/domain/brand-kit';

/** How many messages a thread shows at first, and how many more each "Show earlier messages" reveals. */
export const CONVERSATION_PAGE = 50;

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** Building a DateTimeFormat costs more than formatting a hundred dates with it, so one is kept per zone. */
function messageTimeFormat(timeZone: string): Intl.DateTimeFormat {
  let format = timeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, { timeZone, dateStyle: 'medium', timeStyle: 'short' });
    timeFormats.set(timeZone, format);
  }
  return format;
}

export interface ConversationProps {
  messages: readonly ThreadMessageView[];
  timeZone: string;
  /** Message ids whose attachment is still only on this device. */
  waitingUploads: ReadonlySet<string>;
  /** Whether waiting files upload at all (false in the demo workspace). */
  uploadsSync: boolean;
  onDownload(message: ThreadMessageView): void;
  /** Messages shown at first; the bench sets it to the whole thread to measure what windowing saves. */
  initialCount?: number;
}

export function Conversation({ messages, timeZone, waitingUploads, uploadsSync, onDownload, initialCount = CONVERSATION_PAGE }: ConversationProps) {
  const [shown, setShown] = useState(initialCount);
  const visible = messages.length > shown ? messages.slice(messages.length - shown) : messages;
  const hiddenCount = messages.length - visible.length;
  const format = useMemo(() => messageTimeFormat(timeZone), [timeZone]);
  return (
    <>
      {hiddenCount > 0 ? (
        <button type="button" className="button support__earlier" onClick={() => setShown((count) => count + CONVERSATION_PAGE)}>
          Show earlier messages ({hiddenCount} more)
        </button>
      ) : null}
      <ol className="support__conversation" aria-label="Conversation">
        {visible.map((message) => (
          <MessageItem
            key={message.id}
            message={message}
            when={format.format(new Date(message.createdAt))}
            waiting={waitingUploads.has(message.id)}
            uploadsSync={uploadsSync}
            onDownload={onDownload}
          />
        ))}
      </ol>
    </>
  );
}

const MessageItem = memo(function MessageItem({
  message,
  when,
  waiting,
  uploadsSync,
  onDownload,
}: {
  message: ThreadMessageView;
  when: string;
  waiting: boolean;
  uploadsSync: boolean;
  onDownload(message: ThreadMessageView): void;
}) {
  return (
    <li className={`support__message ${message.fromSiso ? 'support__message--siso' : 'support__message--partner'}`}>
      <article aria-label={`${message.author}, ${when}`}>
        <p className="support__message-head">
          <strong>{message.author}</strong>
          {message.fromSiso ? <span className="support__badge">SISO</span> : null}
          <time dateTime={message.createdAt}>{when}</time>
        </p>
        <p className="support__message-body">{message.body}</p>
        {message.attachment ? (
          <p className="support__attachment">
            <button type="button" className="button button--small" onClick={() => onDownload(message)}>
              Download {message.attachment.name}
            </button>
            {message.attachment.size !== null ? <span> {formatFileSize(message.attachment.size)}</span> : null}
            {waiting ? (
              <span className="support__waiting" role="status">
                {uploadsSync ? ' Attachment waiting to upload' : ' Attachment kept on this device (the demo workspace does not upload)'}
              </span>
            ) : null}
          </p>
        ) : null}
      </article>
    </li>
  );
});
