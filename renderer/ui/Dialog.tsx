/**
 * A modal <dialog> that is open while mounted: the browser traps focus and closes on Escape; focus
 * returns to whatever opened it.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function Dialog({
  title,
  onClose,
  children,
  className,
  busy = false,
  headerAction,
}: {
  title: string;
  onClose(): void;
  children: ReactNode;
  className?: string;
  /** While true, Escape does not close (a request is in flight). */
  busy?: boolean;
  /** A control beside the title (e.g. Close), which also takes focus when the dialog opens. */
  headerAction?: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const heading = (
    <h2 id={titleId} className="dialog__title">
      {title}
    </h2>
  );

  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      {headerAction ? (
        <div className="dialog__head">
          {heading}
          {headerAction}
        </div>
      ) : (
        heading
      )}
      {children}
    </dialog>
  );
}
