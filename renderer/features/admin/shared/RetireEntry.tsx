/** Retiring a catalog row from an editor's list: the row's Edit and Retire buttons, and the confirmation that says what partners will notice. */
import type { PlainDoc } from '../../../data/collection-queries';
import { Dialog } from '../../../ui/Dialog';
import type { CatalogEntryEditor } from './use-catalog-entry-editor';

export function EntryActions({
  row,
  onEdit,
  editor,
  blocked,
}: {
  row: PlainDoc<'catalog'>;
  onEdit(): void;
  editor: Pick<CatalogEntryEditor<object>, 'askToRetire'>;
  blocked: string | null;
}) {
  return (
    <span className="admin-actions">
      <button type="button" className="button button--small" onClick={onEdit}>
        Edit<span className="visually-hidden"> {row.title}</span>
      </button>
      <button type="button" className="button button--small" onClick={() => editor.askToRetire(row)} disabled={blocked !== null} title={blocked ?? undefined}>
        Retire<span className="visually-hidden"> {row.title}</span>
      </button>
    </span>
  );
}

export function RetireEntryDialog({
  editor,
  blocked,
  consequence,
  confirmLabel,
}: {
  editor: Pick<CatalogEntryEditor<object>, 'retiring' | 'busy' | 'retire' | 'cancelRetire'>;
  blocked: string | null;
  /** What partners notice once it is retired, as a sentence. */
  consequence: string;
  confirmLabel: string;
}) {
  const row = editor.retiring;
  if (!row) return null;
  return (
    <Dialog title={`Retire “${row.title}”?`} onClose={editor.cancelRetire} busy={editor.busy}>
      <p className="card__text">{consequence}</p>
      <div className="button-row dialog__actions">
        <button type="button" className="button button--danger" onClick={() => void editor.retire()} disabled={editor.busy || blocked !== null}>
          {editor.busy ? 'Retiring…' : confirmLabel}
        </button>
        <button type="button" className="button" onClick={editor.cancelRetire} disabled={editor.busy}>
          Keep it
        </button>
      </div>
    </Dialog>
  );
}
