/** Form pieces every screen shares: a labelled field with hint and error, and a submit row that says why it is disabled. */
import { cloneElement, useId, type ReactElement, type ReactNode } from 'react';

interface ControlProps {
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

export function FormField({
  label,
  hint,
  error,
  children,
  className,
  id: givenId,
}: {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  children: ReactElement<ControlProps>;
  className?: string;
  /** A fixed id for the control, for forms that move focus to a field by id; otherwise one is made. */
  id?: string;
}) {
  const madeId = useId();
  const id = givenId ?? madeId;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {hint ? (
        <span id={hintId} className="form-field__hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className="form-field__error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** A form-level message (what the server or a check refused), announced when it appears. */
export function FormAlert({ message }: { message: string | null | undefined }) {
  return message ? (
    <p className="inline-message" role="alert">
      {message}
    </p>
  ) : null;
}

/**
 * The submit button, disabled while busy or blocked; when blocked, the reason is shown beside it and
 * read with it. With `onCancel`, a Cancel button (disabled while busy) follows it.
 */
export function SubmitRow({
  label,
  busyLabel,
  busy,
  blocked,
  onCancel,
  children,
}: {
  label: string;
  busyLabel: string;
  busy: boolean;
  blocked: string | null;
  onCancel?: () => void;
  children?: ReactNode;
}) {
  const reasonId = useId();
  return (
    <div className="submit-row">
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy || blocked !== null} aria-describedby={blocked ? reasonId : undefined}>
          {busy ? busyLabel : label}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        ) : null}
        {children}
      </div>
      {blocked ? (
        <p id={reasonId} className="inline-message submit-row__blocked">
          {blocked}
        </p>
      ) : null}
    </div>
  );
}
