/**
 * The partner agreement in the Partners tab: which version each partner accepted and when (read
 * from the server's profiles, written there only by accept_agreement), and a form to publish the
 * next version — its sha256 computed here from the exact text, as partners' apps compute it when
 * they accept. Publishing notifies every partner (server trigger) and asks them to accept again.
 */
import { useCallback, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { agreementBodySchema, type AgreementBody } from '../../../../sync/schema/catalog-bodies';
import { latestAgreement } from '../../../../sync/domain/onboarding';
import { useCatalog } from '../../../data/workstation-hooks';
import { sha256Hex } from '../../../platform/sha256';
import { FormAlert, FormField, SubmitRow } from '../../../ui/FormField';
import { errorMessage } from '../../../ui/error-message';
import { formatDate, systemTimeZone } from '../../../ui/format';
import { AdminRequestError, parseReply, sentenceFor } from '../shared/admin-server';
import { ReportHead } from '../shared/ReportHead';
import type { AdminAccess } from '../shared/use-admin-access';
import { useServerReport } from '../shared/use-admin-data';

type Admin = Extract<AdminAccess, { kind: 'admin' }>;

const acceptanceRow = z.object({
  partner_id: z.uuid(),
  display_name: z.string(),
  email: z.string().nullish(),
  agreement_version: z.int().nullish(),
  agreement_accepted_at: z.string().nullish(),
});
type AcceptanceRow = z.infer<typeof acceptanceRow>;

async function loadAcceptances(access: Admin): Promise<AcceptanceRow[]> {
  const action = 'load agreement acceptances';
  const { data, error } = await access.client
    .from('profiles')
    .select('partner_id, display_name, email, agreement_version, agreement_accepted_at')
    .eq('_deleted', false)
    .order('display_name');
  if (error) throw new AdminRequestError(sentenceFor(action, error));
  return parseReply(z.array(acceptanceRow), data, action);
}

/** The catalog body of the next version, with the sha256 of the text exactly as typed. */
async function agreementBodyFor(input: { version: number; text: string; changes: string; effectiveFrom: string }): Promise<AgreementBody> {
  const text = input.text.replace(/\r\n/g, '\n').trim();
  const sha256 = await sha256Hex(new TextEncoder().encode(text));
  return agreementBodySchema.parse({ version: input.version, text, sha256, changes: input.changes.trim(), effective_from: input.effectiveFrom });
}

export function AgreementPanel({ access, announce }: { access: Admin; announce(message: string): void }) {
  const offline = access.blocked !== null;
  const load = useCallback(() => loadAcceptances(access), [access]);
  const report = useServerReport(offline ? null : load);
  const agreements = useCatalog('agreement', { includeUnpublished: true }).data;
  const latest = latestAgreement(agreements);
  const timeZone = systemTimeZone();

  return (
    <section className="card" aria-labelledby="admin-agreement-heading">
      <ReportHead headingId="admin-agreement-heading" heading="Partner agreement" subject="agreement acceptances" report={report} blocked={access.blocked} />
      <p className="card__text">
        {latest ? `Latest published: version ${latest.version}, effective from ${formatDate(latest.effective_from, 'UTC')}.` : 'No partner agreement is published yet.'}
      </p>
      {report.data ? (
        <div className="table-scroll">
          <table className="data-table admin-table">
            <caption className="visually-hidden">Partner agreement version each partner accepted, and when</caption>
            <thead>
              <tr>
                <th scope="col">Partner</th>
                <th scope="col">Accepted version</th>
                <th scope="col">Accepted on</th>
              </tr>
            </thead>
            <tbody>
              {report.data.map((row) => (
                <tr key={row.partner_id}>
                  <th scope="row">
                    {row.display_name}
                    {row.email ? <span className="data-table__sub">{row.email}</span> : null}
                  </th>
                  <td>
                    {row.agreement_version ? `Version ${row.agreement_version}` : 'Not accepted'}
                    {latest && row.agreement_version && row.agreement_version < latest.version ? ` (asked to accept version ${latest.version})` : ''}
                  </td>
                  <td>{row.agreement_accepted_at ? formatDate(row.agreement_accepted_at, timeZone) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <PublishAgreementForm
        access={access}
        nextVersion={(latest?.version ?? 0) + 1}
        onPublished={(version) => {
          announce(`Published partner agreement version ${version}. Every partner is notified and asked to accept it.`);
          report.reload();
        }}
      />
    </section>
  );
}

function PublishAgreementForm({ access, nextVersion, onPublished }: { access: Admin; nextVersion: number; onPublished(version: number): void }) {
  const [title, setTitle] = useState('Partner agreement');
  const [text, setText] = useState('');
  const [changes, setChanges] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState(() => new Date().toISOString().slice(0, 10));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || access.blocked) return;
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = 'Enter a title partners will see.';
    if (!text.trim()) found.text = 'Paste the full agreement text.';
    if (nextVersion > 1 && !changes.trim()) found.changes = 'Say what changed: partners see it when asked to accept again.';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom)) found.effectiveFrom = 'Choose the date the version applies from.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      const body = await agreementBodyFor({ version: nextVersion, text, changes, effectiveFrom });
      const id = crypto.randomUUID();
      await access.api.insertEntry({
        id, kind: 'agreement', title: title.trim(), slug: `partner-agreement-v${nextVersion}-${id.slice(0, 8)}`, body, tier_required: 'starter',
        tags: ['agreement'], category: 'agreements', published: true, sort_order: 0,
      });
      setText('');
      setChanges('');
      onPublished(nextVersion);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="admin-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="publish-agreement-heading">
      <h3 id="publish-agreement-heading">Publish version {nextVersion}</h3>
      <FormField label="Title" error={errors.title}>
        <input value={title} onChange={(event) => setTitle(event.target.value)} />
      </FormField>
      <FormField label="Agreement text" error={errors.text} hint="Plain text; separate paragraphs with a blank line. Partners accept exactly this text.">
        <textarea rows={8} value={text} onChange={(event) => setText(event.target.value)} />
      </FormField>
      <FormField label="What changed" error={errors.changes} hint="Shown to partners who accepted an earlier version.">
        <textarea rows={3} value={changes} onChange={(event) => setChanges(event.target.value)} />
      </FormField>
      <FormField label="Effective from" error={errors.effectiveFrom}>
        <input type="date" value={effectiveFrom} onChange={(event) => setEffectiveFrom(event.target.value)} />
      </FormField>
      <FormAlert message={failure} />
      <SubmitRow label={`Publish version ${nextVersion}`} busyLabel="Publishing…" busy={busy} blocked={access.blocked} />
    </form>
  );
}
