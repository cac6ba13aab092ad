/**
 * The one way an admin editor changes a catalog row: open a draft, check it (a sentence per field),
 * save it as an insert or an update (the server bumps the version), or retire the row after a
 * confirmation — with the busy flag and the refusal sentences each step shows.
 */
import { useState, type FormEvent } from 'react';
import type { PlainDoc } from '../../../data/collection-queries';
import { errorMessage } from '../../../ui/error-message';
import type { CatalogInsert, CatalogPatch, CatalogReply } from './admin-writes';
import type { Checked, FormErrors } from './checked-draft';
import type { AdminAccess } from './use-admin-access';

type Admin = Extract<AdminAccess, { kind: 'admin' }>;

/** What saving a checked draft writes: the changed columns of an existing row, or a whole new row. */
export type CatalogEntryWrite = { update: string; patch: CatalogPatch; action: string } | { insert: CatalogInsert };

export interface CatalogEntryEditorOptions<Draft, Value> {
  access: Admin;
  check(draft: Draft): Checked<Value>;
  write(value: Value, draft: Draft): CatalogEntryWrite;
  /** The notice once the row is saved; the editor closes. */
  savedMessage(saved: CatalogReply, draft: Draft): string;
  /** The notice once a row is retired; required only by editors that retire. */
  retiredMessage?(row: PlainDoc<'catalog'>): string;
  announce(message: string): void;
}

export interface CatalogEntryEditor<Draft> {
  /** The draft being edited; null while the editor is closed. */
  draft: Draft | null;
  errors: FormErrors;
  /** Why the last save was refused, as a sentence. */
  failure: string | null;
  busy: boolean;
  open(draft: Draft): void;
  close(): void;
  /** Changes fields of the open draft; each changed field's message goes until the next save. */
  set(patch: Partial<Draft>): void;
  /** Drops messages the form keys itself (e.g. a block's), for edits that are not a draft field. */
  clearErrors(keys: readonly string[]): void;
  save(event: FormEvent<HTMLFormElement>): Promise<void>;
  /** The row waiting for the admin to confirm its retirement. */
  retiring: PlainDoc<'catalog'> | null;
  /** Why the last retirement was refused, as a sentence. */
  rowError: string | null;
  askToRetire(row: PlainDoc<'catalog'>): void;
  cancelRetire(): void;
  retire(): Promise<void>;
}

/** Sentence for a saved row, with the version the server gave it and whether partners see it. */
export function savedEntrySentence(noun: string, saved: CatalogReply): string {
  return `Saved ${noun} “${saved.title}” (version ${saved.version}${saved.published ? ', published' : ', draft'}).`;
}

export function retiredEntrySentence(noun: string, row: PlainDoc<'catalog'>): string {
  return `Retired ${noun} “${row.title}”. Partners’ apps remove it when they sync.`;
}

export function useCatalogEntryEditor<Draft extends object, Value>(options: CatalogEntryEditorOptions<Draft, Value>): CatalogEntryEditor<Draft> {
  const { access } = options;
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [retiring, setRetiring] = useState<PlainDoc<'catalog'> | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);

  const clearErrors = (keys: readonly string[]) =>
    setErrors((previous) => (keys.some((key) => key in previous) ? Object.fromEntries(Object.entries(previous).filter(([key]) => !keys.includes(key))) : previous));

  function open(next: Draft) {
    setDraft(next);
    setErrors({});
    setFailure(null);
  }

  function set(patch: Partial<Draft>) {
    setDraft((previous) => (previous ? { ...previous, ...patch } : previous));
    clearErrors(Object.keys(patch));
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!draft || busy || access.blocked) return;
    setFailure(null);
    const checked = options.check(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const write = options.write(checked.value, draft);
      const saved = 'insert' in write ? await access.api.insertEntry(write.insert) : await access.api.updateEntry(write.update, write.patch, write.action);
      setDraft(null);
      options.announce(options.savedMessage(saved, draft));
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  async function retire() {
    const row = retiring;
    if (!row || busy || access.blocked) return;
    setBusy(true);
    setRowError(null);
    try {
      await access.api.updateEntry(row.id, { _deleted: true }, `retire “${row.title}”`);
      setDraft((current) => (current && 'id' in current && current.id === row.id ? null : current));
      options.announce(options.retiredMessage ? options.retiredMessage(row) : `Retired “${row.title}”. Partners’ apps remove it when they sync.`);
    } catch (error) {
      setRowError(errorMessage(error));
    } finally {
      setRetiring(null);
      setBusy(false);
    }
  }

  return {
    draft,
    errors,
    failure,
    busy,
    open,
    close: () => setDraft(null),
    set,
    clearErrors,
    save,
    retiring,
    rowError,
    askToRetire: setRetiring,
    cancelRetire: () => setRetiring(null),
    retire,
  };
}
