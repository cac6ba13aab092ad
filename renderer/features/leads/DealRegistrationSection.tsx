/**
 * The lead page's "Deal registration" card: what registering does, the request (saved locally
 * and sent when online, like any lead edit), and the server's answer in words — pending, approved
 * until a date, rejected or in conflict with the reason, expired — with "Register again" after a
 * rejection, conflict or expiry.
 */
import { useState } from 'react';
import {
  canRequestRegistration,
  isFreeMailEmail,
  registrationDomains,
  registrationState,
  registrationStatusText,
  type RegistrationFields,
} from '../../../sync/domain/deal-registration';
import { errorMessage } from '../../ui/error-message';
import { formatDate, systemTimeZone } from '../../ui/format';
import { requestDealRegistration } from './lead-writes';
import { useLeadWorkspace } from './use-leads-data';

interface RegistrableLead extends RegistrationFields {
  id: string;
  website?: string | null;
  email?: string | null;
}

export function DealRegistrationSection({ lead }: { lead: RegistrableLead }) {
  const { db, partnerId } = useLeadWorkspace();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const state = registrationState(lead);
  const timeZone = systemTimeZone();
  const domains = registrationDomains(lead);
  const canRequest = canRequestRegistration(state);

  async function register() {
    if (!db || busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await requestDealRegistration(db, lead.id);
    } catch (error) {
      setProblem(`The deal was not registered: ${errorMessage(error)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="lead-registration-heading">
      <h2 id="lead-registration-heading">Deal registration</h2>
      {state.kind === 'none' ? (
        <p className="card__text">
          Registering asks SISO to protect your commission on this deal. SISO checks that no other partner has registered the same company (by its website or
          contact email domain), then approves or rejects it; an approved registration protects the deal for a set period, usually 90 days. You can register
          offline: the request is sent when you reconnect.
        </p>
      ) : null}
      <p role="status" className="registration-status" data-state={state.kind}>
        {state.kind === 'none' ? null : registrationStatusText(state, (iso) => formatDate(iso, timeZone))}
      </p>
      {canRequest ? (
        <>
          <p className="form-field__hint">
            {domains.length > 0
              ? `SISO checks ${domains.join(' and ')} against other partners’ registrations.`
              : isFreeMailEmail(lead.email)
                ? 'The contact email is a personal address (such as Gmail), which says nothing about the company. Add the company’s website with “Edit lead” to register this deal.'
                : 'Add the company’s website or a contact email at the company’s own domain with “Edit lead” to register this deal: SISO checks registrations by domain.'}
          </p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => void register()} disabled={busy || !db || !partnerId || domains.length === 0}>
              {state.kind === 'none' ? 'Register deal' : 'Register again'}
            </button>
          </div>
        </>
      ) : null}
      {problem ? (
        <p role="alert" className="inline-message">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
