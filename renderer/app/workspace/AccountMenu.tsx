/**
 * The top bar's account menu: which workspace is open and how to leave it. A menu button
 * (WAI-ARIA menu pattern): Enter, Space or ↓ open it on the first item, ↑/↓ move, Escape closes
 * and returns focus to the button, Tab closes.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Dialog } from '../../ui/Dialog';
import { plural } from '../../ui/format';
import { useOpenWorkspace } from '../../session/open-workspace-context';

export function AccountMenu() {
  const workspace = useOpenWorkspace();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  /** Changes not yet on the server when sign-out was chosen: asks first. */
  const [confirmWaiting, setConfirmWaiting] = useState<number | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  if (!workspace) return null;
  const { target } = workspace;
  const actionLabel = target.kind === 'demo' ? 'Close workspace' : 'Sign out';
  const summary =
    target.kind === 'demo' ? 'Demo workspace: sample data kept on this device only.' : `Signed in as ${target.session.email}.`;

  function items(): HTMLElement[] {
    return [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  }

  function openMenu(focus: 'first' | 'last') {
    setOpen(true);
    requestAnimationFrame(() => {
      const list = items();
      (focus === 'first' ? list[0] : list[list.length - 1])?.focus();
    });
  }

  function closeMenu(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }

  function onButtonKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openMenu('first');
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      openMenu('last');
    }
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      closeMenu(true);
    } else if (event.key === 'Tab') {
      closeMenu(false);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      list[(index + step + list.length) % list.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      (event.key === 'Home' ? list[0] : list[list.length - 1])?.focus();
    }
  }

  async function leave(confirmed = false) {
    if (!workspace) return;
    setOpen(false);
    const waiting = workspace.sync?.pendingCount() ?? 0;
    if (!confirmed && waiting > 0) {
      setConfirmWaiting(waiting);
      return;
    }
    setConfirmWaiting(null);
    setBusy(true);
    await workspace.close();
  }

  return (
    <div className="account-menu">
      <button
        ref={buttonRef}
        type="button"
        className="button account-menu__button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? closeMenu(false) : openMenu('first'))}
        onKeyDown={onButtonKeyDown}
        disabled={busy}
      >
        Account
        <span aria-hidden="true" className="account-menu__chevron">
          ▾
        </span>
      </button>
      {open ? (
        <div className="account-menu__popup">
          <p className="account-menu__summary">{summary}</p>
          <ul ref={menuRef} id={menuId} role="menu" aria-label="Account" className="account-menu__list" onKeyDown={onMenuKeyDown}>
            <li role="none">
              <button type="button" role="menuitem" tabIndex={-1} className="account-menu__item" onClick={() => void leave()}>
                {actionLabel}
              </button>
            </li>
          </ul>
        </div>
      ) : null}
      {confirmWaiting !== null ? (
        <Dialog title="Sign out with changes not sent?" onClose={() => setConfirmWaiting(null)}>
          <p className="card__text">
            {plural(confirmWaiting, 'change')} made on this device {confirmWaiting === 1 ? 'has' : 'have'} not reached the server yet.
            If you sign out now, {confirmWaiting === 1 ? 'it stays' : 'they stay'} on this device and {confirmWaiting === 1 ? 'is' : 'are'}{' '}
            sent the next time you sign in here — but you will not see {confirmWaiting === 1 ? 'it' : 'them'} on other devices until then.
          </p>
          <div className="button-row dialog__actions">
            <button type="button" className="button button--primary" onClick={() => setConfirmWaiting(null)}>
              Stay signed in
            </button>
            <button type="button" className="button button--danger" onClick={() => void leave(true)}>
              Sign out anyway
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
