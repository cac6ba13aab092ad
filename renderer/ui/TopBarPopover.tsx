/**
 * A top-bar button that opens a panel (reminders, notifications). Closed, the panel covers
 * nothing; open, Escape, Close, a click elsewhere or tabbing out closes it, and focus returns to the
 * button when the person closed it from the keyboard. The panel is a non-modal dialog named by its
 * heading, which takes focus on opening.
 */
import { useCallback, useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import './top-bar-popover.css';

export interface PopoverControls {
  /** Closes the panel; returnFocus puts focus back on the button. */
  close: (returnFocus: boolean) => void;
  /** Keeps focus in the panel, e.g. after an item leaves it. */
  focusHeading: () => void;
  headingId: string;
}

export interface TopBarPopoverProps {
  /** The button's content: an icon and a text that names it. */
  button: ReactNode;
  buttonClassName: string;
  /** data-* attributes for the button's look (e.g. data-due). */
  buttonData?: Record<`data-${string}`, string | undefined>;
  title: string;
  onOpen?: () => void;
  /** Shown in the panel's header beside Close. */
  headerAction?: (controls: PopoverControls) => ReactNode;
  children: (controls: PopoverControls) => ReactNode;
  panelClassName?: string;
  /** Rendered after the button whether or not the panel is open (live regions). */
  after?: ReactNode;
}

export function TopBarPopover({ button, buttonClassName, buttonData, title, onOpen, headerAction, children, panelClassName, after }: TopBarPopoverProps) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const panelId = useId();
  const headingId = useId();

  // Focus moves in an effect, so the controls handed to children never touch a ref during render.
  const [focusRequest, setFocusRequest] = useState<{ target: 'heading' | 'button' | null; count: number }>({ target: null, count: 0 });
  const requestFocus = useCallback((target: 'heading' | 'button') => setFocusRequest((last) => ({ target, count: last.count + 1 })), []);
  useEffect(() => {
    if (focusRequest.target === 'heading') headingRef.current?.focus();
    if (focusRequest.target === 'button') buttonRef.current?.focus();
  }, [focusRequest]);

  useEffect(() => {
    if (!open) return;
    onOpen?.();
    headingRef.current?.focus();
  }, [open, onOpen]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = useCallback(
    (returnFocus: boolean) => {
      setOpen(false);
      if (returnFocus) requestFocus('button');
    },
    [requestFocus],
  );

  function onPanelKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    close(true);
  }

  // Tabbing out of the panel closes it; clicks inside on nothing focusable (relatedTarget null) do not.
  function onPanelBlur(event: FocusEvent<HTMLElement>) {
    const next = event.relatedTarget;
    if (next instanceof Node && !panelRef.current?.contains(next) && !buttonRef.current?.contains(next)) close(false);
  }

  const controls: PopoverControls = { close, focusHeading: () => requestFocus('heading'), headingId };
  return (
    <div className="topbar-popover">
      <button
        ref={buttonRef}
        type="button"
        className={`button topbar-popover__button ${buttonClassName}`}
        {...buttonData}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        {button}
      </button>
      {after}
      {open ? (
        <section
          ref={panelRef}
          id={panelId}
          role="dialog"
          aria-labelledby={headingId}
          className={`topbar-popover__panel ${panelClassName ?? ''}`}
          onKeyDown={onPanelKeyDown}
          onBlur={onPanelBlur}
        >
          <div className="topbar-popover__header">
            <h2 id={headingId} ref={headingRef} tabIndex={-1} className="topbar-popover__title">
              {title}
            </h2>
            <div className="topbar-popover__header-actions">
              {headerAction?.(controls)}
              <button type="button" className="button button--small" onClick={() => close(true)}>
                Close
              </button>
            </div>
          </div>
          {children(controls)}
        </section>
      ) : null}
    </div>
  );
}
