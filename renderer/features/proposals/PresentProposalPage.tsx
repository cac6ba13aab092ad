/**
 * /proposals/:proposalId/present: the proposal shown to the client across the whole window (no
 * commission, no notes, no app chrome). Optional lines and quantities change the price table at
 * once and the PDF after a pause (rendered in the worker); the client signs on the device, and
 * the partner is offered to move the lead to Won. A signed proposal is shown final.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { SupabaseClient } from '@supabase/supabase-js';
import { marketingCategory } from '../../../sync/domain/entitlements';
import { canSign } from '../../../sync/domain/proposals/discount';
import { computeQuote, defaultSelection, MAX_QUANTITY, type Quote, type QuoteSelection } from '../../../sync/domain/proposals/quote';
import type { ProposalSignature } from '../../../sync/domain/proposals/version';
import type { WorkstationDatabase } from '../../../sync/schema/database';
import { usePlatform } from '../../platform';
import { useOnlineStatus } from '../../platform/online-status';
import { loadPdfFonts } from '../../platform/pdf-fonts';
import { useOpenWorkspace } from '../../session';
import { useTierAccess } from '../../session/use-entitlement';
import { errorMessage } from '../../ui/error-message';
import { formatDate, formatMoney, systemTimeZone } from '../../ui/format';
import { LockedFeature } from '../../ui/LockedFeature';
import { moveLeadToStage } from '../leads';
import { buildProposalData, defaultIntro, quoteCurrency, versionWatermark } from './proposal-data';
import { openProposalFile } from './proposal-files';
import { signProposal } from './sign-writes';
import { SignatureDialog, type SignatureSubmission } from './SignatureDialog';
import { useProposalRenderer } from './use-proposal-renderer';
import { usePresentData, type PresentReady } from './use-present-data';
import './present.css';

/** The PDF follows the table after this pause, so quick toggling renders once; the table itself never waits. */
const PDF_DELAY_MS = 350;

export function PresentProposalPage() {
  const { proposalId } = useParams();
  const workspace = useOpenWorkspace();
  const access = useTierAccess();
  const proposals = access?.check(marketingCategory('proposals'));
  return (
    <PresentFrame title="Present proposal">
      {!workspace ? (
        <PresentNotice>
          No workspace is open on this device. Open one to present proposals.</PresentNotice>
      ) : !access || !proposals ? (
        <PresentNotice role="status">
          Checking what your tier includes…
        </PresentNotice>
      ) : !proposals.allowed ? (
        <>
          <h1 className="present__state-heading" tabIndex={-1}>
            Present proposal
          </h1>
          <LockedFeature title="Proposals" description="Present your proposals to clients and have them signed on the spot." message={proposals.message} />
        </>
      ) : (
        <PresentLoader proposalId={proposalId} db={workspace.db} partnerId={workspace.partnerId} />
      )}
    </PresentFrame>
  );
}

/**
 * The full-window frame: a modal <dialog>, so the app's sidebar and top bar are inert while the
 * client looks; Escape or "Exit present mode" returns to Proposals. Full screen is asked of the
 * whole document (the spec refuses it for dialogs) and the dialog fills it.
 */
function PresentFrame({ title, children }: { title: string; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const navigate = useNavigate();
  const [fullScreen, setFullScreen] = useState(() => document.fullscreenElement !== null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    const onChange = () => {
      setFullScreen(document.fullscreenElement !== null);
      // The full-screen document joins the top layer above this dialog and would hide it: showing it again puts it back on top.
      if (dialog?.open) {
        const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        dialog.close();
        dialog.showModal();
        focused?.focus();
      }
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      dialog?.close();
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  const exit = useCallback(() => navigate('/proposals'), [navigate]);

  async function toggleFullScreen() {
    setNotice(null);
    try {
      if (document.fullscreenElement) await document.exitFullscreen();
      else if (document.fullscreenEnabled) await document.documentElement.requestFullscreen();
      else setNotice('Full screen is not available here; present mode already fills the window.');
    } catch (error) {
      setNotice(`Full screen could not start (${errorMessage(error)}); present mode still fills the window.`);
    }
  }

  return (
    <dialog
      ref={ref}
      className="present"
      aria-label="Present mode"
      onCancel={(event) => {
        // Escape in the signature dialog inside this one reaches here too; only our own closes present mode.
        if (event.target !== event.currentTarget) return;
        event.preventDefault();
        exit();
      }}
    >
      <title>{`${title} · SISO Partner Workstation`}</title>
      <div className="present__bar">
        <p className="present__mode">Present mode</p>
        <div className="present__bar-actions">
          <button type="button" className="button" aria-pressed={fullScreen} onClick={() => void toggleFullScreen()}>
            Full screen
          </button>
          <button type="button" className="button" onClick={exit}>
            Exit present mode
          </button>
        </div>
      </div>
      {notice ? (
        <p role="status" className="present__notice">
          {notice}
        </p>
      ) : null}
      <div className="present__body">{children}</div>
    </dialog>
  );
}

function PresentLoader({ proposalId, db, partnerId }: { proposalId: string | undefined; db: WorkstationDatabase; partnerId: string }) {
  const data = usePresentData(proposalId, partnerId);
  // The signing fonts are fetched now, while the network may still be there, so signing works offline.
  useEffect(() => {
    void loadPdfFonts('signed proposal').catch(() => undefined);
  }, []);
  switch (data.state) {
    case 'loading':
      return (
        <PresentNotice role="status">
          Opening the proposal…
        </PresentNotice>
      );
    case 'error':
      return (
        <PresentNotice role="alert">
          {data.message}
        </PresentNotice>
      );
    case 'missing':
      return (
        <PresentNotice>
          This proposal is not on this device. It may belong to another workspace or not have synced yet. <Link to="/proposals">Back to Proposals</Link>
        </PresentNotice>
      );
    case 'legacy':
      return (
        <PresentNotice>
          This proposal was saved before present mode existed, so it cannot be rebuilt here. Make a new version of it from{' '}
          <Link to="/proposals">Proposals</Link>, then present that.
        </PresentNotice>
      );
    case 'no-lead':
      return (
        <PresentNotice>
          The lead this proposal was made for is no longer on this device, so it cannot be presented. <Link to="/proposals">Back to Proposals</Link>
        </PresentNotice>
      );
    case 'no-template':
      return (
        <PresentNotice>
          The template “{data.templateName}” is no longer in SISO’s catalog on this device, so this proposal cannot be shown. Make a new version with another template
          from <Link to="/proposals">Proposals</Link>.
        </PresentNotice>
      );
    case 'ready':
      return <PresentProposal data={data} db={db} partnerId={partnerId} />;
  }
}

/** What present mode shows instead of a proposal (loading, missing, locked), under the page's heading. */
function PresentNotice({ role, children }: { role?: 'status' | 'alert'; children: ReactNode }) {
  return (
    <div className="present__message">
      <h1 className="present__state-heading" tabIndex={-1}>
        Present proposal
      </h1>
      <p role={role}>{children}</p>
    </div>
  );
}

type PdfPreview = { key: string; ok: true; url: string } | { key: string; ok: false; message: string };

function PresentProposal({ data, db, partnerId }: { data: PresentReady; db: WorkstationDatabase; partnerId: string }) {
  const { history, latest, inputs, lead, template, priceList, sources, link } = data;
  const workspace = useOpenWorkspace();
  const online = useOnlineStatus();
  const { status: renderer, render } = useProposalRenderer();
  const currency = quoteCurrency(lead);
  const partnerName = sources.profile?.display_name?.trim() || sources.profile?.company?.trim() || 'Your SISO partner';

  // A signature of the latest version makes the proposal final; a later version is presented afresh.
  const signed: ProposalSignature | null = history.signed && history.signed.versionId === latest.activityId ? history.signed : null;
  const savedSelection = useMemo(() => inputs.quote ?? (priceList ? defaultSelection(priceList.price_list) : null), [inputs.quote, priceList]);
  const [selection, setSelection] = useState<QuoteSelection | null>(savedSelection);
  const shownSelection = signed ? savedSelection : selection;
  const quote = useMemo<Quote | null>(
    () => (priceList && shownSelection ? computeQuote(priceList.price_list, { ...shownSelection, discountPercent: latest.discountPercent }, currency, priceList.tax) : null),
    [priceList, shownSelection, latest.discountPercent, currency],
  );
  const signable = canSign(latest.approvalStatus);
  const watermark = versionWatermark(latest.approvalStatus);
  const presentedInputs = useMemo(() => ({ ...inputs, quote: shownSelection ? { ...shownSelection, discountPercent: latest.discountPercent } : null }), [inputs, shownSelection, latest.discountPercent]);

  // The PDF: re-rendered in the worker after a pause; a signed proposal shows its signed file instead.
  const pdfKey = signed ? `signed:${signed.activityId}` : JSON.stringify([presentedInputs, watermark, sources.logoVersion, link.trackedUrl]);
  const [preview, setPreview] = useState<PdfPreview | null>(null);
  const [previewRun, setPreviewRun] = useState(0);
  const client = workspace?.sync?.client ?? null;
  useEffect(() => {
    let cancelled = false;
    const key = pdfKey;
    const show = (bytes: Uint8Array) => {
      if (cancelled) return;
      setPreview({ key, ok: true, url: URL.createObjectURL(new Blob([bytes.slice()], { type: 'application/pdf' })) });
    };
    const fail = (message: string) => {
      if (!cancelled) setPreview({ key, ok: false, message });
    };
    if (signed) {
      void openProposalFile({ activityId: signed.activityId, filePath: signed.filePath, sha256: signed.sha256 }, { client, online }).then(
        (opened) => (opened.ok ? show(opened.bytes) : fail(opened.message)),
        (error: unknown) => fail(errorMessage(error)),
      );
      return () => {
        cancelled = true;
      };
    }
    const proposalData = buildProposalData({ profile: sources.profile, lead, inputs: presentedInputs, referralUrl: link.trackedUrl, logo: sources.logo, watermark });
    const timer = window.setTimeout(() => {
      render(template, proposalData, new Date()).then(
        (pdf) => {
          if (pdf) show(pdf);
        },
        (error: unknown) => fail(errorMessage(error)),
      );
    }, PDF_DELAY_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
    // pdfKey stands for the inputs, logo and link (compared as text so equal inputs do not re-render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pdfKey, previewRun, render, template]);
  const previewUrl = preview?.ok ? preview.url : null;
  useEffect(() => () => {
    if (previewUrl) URL.revokeObjectURL(previewUrl);
  }, [previewUrl]);

  const titleRef = useRef<HTMLHeadingElement>(null);
  // The loading heading that had focus is gone; the proposal's heading takes over so keyboard and screen reader users start at the top.
  useEffect(() => {
    if (document.activeElement === null || document.activeElement === document.body) titleRef.current?.focus();
  }, []);

  const [signing, setSigning] = useState(false);
  const [justSigned, setJustSigned] = useState<{ activityId: string; bytes: Uint8Array; fileName: string } | null>(null);
  const opener = useRef<HTMLButtonElement>(null);

  const renderFinal = useCallback(async () => {
    const proposalData = buildProposalData({ profile: sources.profile, lead, inputs: presentedInputs, referralUrl: link.trackedUrl, logo: sources.logo, watermark: null });
    // A preview requested meanwhile supersedes this render (null); ask again, the table cannot change while signing.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const pdf = await render(template, proposalData, new Date());
      if (pdf) return pdf;
    }
    throw new Error('The proposal PDF could not be prepared for signing. Try again.');
  }, [sources.profile, sources.logo, lead, presentedInputs, link.trackedUrl, render, template]);

  async function sign(submission: SignatureSubmission) {
    try {
      const result = await signProposal({
        db,
        partnerId,
        history,
        lead,
        template,
        inputs: presentedInputs,
        renderFinal,
        link,
        source: { client, online },
        upload: workspace?.target.kind !== 'demo',
        signer: { name: submission.name, email: submission.email },
        method: submission.method,
        signaturePng: submission.signaturePng,
        partnerName,
        title: `${template.name} for ${lead.company}`,
      });
      setJustSigned({ activityId: result.activityId, bytes: result.bytes, fileName: result.fileName });
      setSigning(false);
    } finally {
      // Any preview the signing render superseded is asked for again.
      setPreviewRun((run) => run + 1);
    }
  }

  const money = (minor: number) => (quote ? formatMoney(minor / 10 ** quote.fractionDigits, quote.currency) : '');
  const pdfStatus = signed
    ? preview?.key === pdfKey
      ? preview.ok
        ? 'Showing the signed PDF.'
        : ''
      : 'Opening the signed PDF…'
    : renderer.state === 'loading'
      ? 'Loading the proposal fonts…'
      : renderer.state === 'unavailable'
        ? ''
        : preview?.key === pdfKey
          ? preview.ok
            ? 'The PDF is up to date.'
            : ''
          : 'Updating the PDF…';

  return (
    <div
      className="present__layout"
      style={{ ['--present-primary' as string]: inputs.brand.primary, ['--present-on-primary' as string]: inkOn(inputs.brand.primary) }}
    >
      <header className="present__brand">
        <PartnerMark logo={sources.logo} name={partnerName} />
        <div>
          <h1 ref={titleRef} className="present__title" tabIndex={-1}>
            <span className="present__eyebrow">Proposal for </span>
            <span className="present__company">{lead.company}</span>
          </h1>
          <p className="present__from">Prepared by {partnerName}</p>
        </div>
      </header>
      <p className="present__intro">{inputs.intro ?? defaultIntro(lead)}</p>

      <div className="present__grid">
        <section className="present__pricing" aria-labelledby="present-pricing-heading">
          <h2 id="present-pricing-heading">Pricing</h2>
          {quote ? (
            <PriceTable quote={quote} locked={signed !== null} money={money} onChange={(id, change) => setSelection((current) => updateSelection(current, id, change))} />
          ) : (
            <p>This proposal’s pricing is in the PDF.</p>
          )}
          <div className="present__actions">
            {signed ? (
              <SignedPanel
                signature={signed}
                justSigned={justSigned?.activityId === signed.activityId ? justSigned : null}
                db={db}
                partnerId={partnerId}
                lead={lead}
                client={client}
                online={online}
              />
            ) : signable ? (
              <button ref={opener} type="button" className="button button--primary present__sign" onClick={() => setSigning(true)} disabled={renderer.state === 'unavailable'}>
                Client signs
              </button>
            ) : (
              <ApprovalNotice status={latest.approvalStatus} discount={latest.discountPercent} note={latest.decisionNote} />
            )}
          </div>
        </section>

        <section className="present__pdf" aria-labelledby="present-pdf-heading">
          <h2 id="present-pdf-heading">The proposal PDF</h2>
          <p role="status" className="present__status">
            {pdfStatus}
          </p>
          {renderer.state === 'unavailable' && !signed ? (
            <p role="alert" className="form__alert">
              {renderer.message}
            </p>
          ) : null}
          {preview && !preview.ok && preview.key === pdfKey ? (
            <p role="alert" className="form__alert">
              {preview.message}
            </p>
          ) : null}
          {previewUrl ? <iframe className="present__frame" title={`Proposal PDF for ${lead.company}`} src={previewUrl} /> : null}
        </section>
      </div>

      {signing ? (
        <SignatureDialog
          company={lead.company}
          partnerName={partnerName}
          total={quote ? money(quote.totalMinor) : null}
          onSign={sign}
          onClose={() => setSigning(false)}
        />
      ) : null}
    </div>
  );
}

/** Black or white, whichever reads better on the partner's colour (their brand may be light). */
function inkOn(hex: string): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return '#ffffff';
  const [r, g, b] = [match[1], match[2], match[3]].map((part) => {
    const channel = parseInt(part ?? '0', 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast with white is (1.05)/(L+0.05), with black (L+0.05)/0.05; they are equal at L ≈ 0.179.
  return luminance > 0.179 ? '#000000' : '#ffffff';
}

function updateSelection(current: QuoteSelection | null, id: string, change: { included?: boolean; quantity?: number }): QuoteSelection | null {
  if (!current) return current;
  const item = current.items[id] ?? { included: true, quantity: 1 };
  return { ...current, items: { ...current.items, [id]: { ...item, ...change } } };
}

function PartnerMark({ logo, name }: { logo: { bytes: Uint8Array; type: 'png' | 'jpeg' } | null; name: string }) {
  const url = useMemo(() => (logo ? URL.createObjectURL(new Blob([logo.bytes.slice()], { type: `image/${logo.type}` })) : null), [logo]);
  useEffect(() => () => {
    if (url) URL.revokeObjectURL(url);
  }, [url]);
  return url ? (
    <img className="present__logo" src={url} alt={`${name} logo`} />
  ) : (
    <span className="present__monogram" aria-hidden="true">
      {name.slice(0, 1).toUpperCase()}
    </span>
  );
}

function PriceTable({
  quote,
  locked,
  money,
  onChange,
}: {
  quote: Quote;
  locked: boolean;
  money: (minor: number) => string;
  onChange(id: string, change: { included?: boolean; quantity?: number }): void;
}) {
  return (
    <table className="present__table">
      <caption className="visually-hidden">Price of each item; optional items can be included or left out</caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col" className="present__num">
            Qty
          </th>
          <th scope="col" className="present__num">
            Amount
          </th>
        </tr>
      </thead>
      <tbody>
        {quote.lines.map((line) => (
          <tr key={line.id} className={line.included ? undefined : 'present__line--off'}>
            <td>
              {line.optional && !locked ? (
                <label className="present__toggle">
                  <input type="checkbox" checked={line.included} aria-label={`Include ${line.label}`} onChange={(event) => onChange(line.id, { included: event.target.checked })} />
                  <span className="present__line-label">{line.label}</span>
                  <span className="present__optional">Optional</span>
                </label>
              ) : (
                <span className="present__line-label">{line.label}</span>
              )}
              <span className="present__line-text">
                {line.description ? `${line.description} · ` : ''}
                {money(line.unitMinor)}
                {line.unit ? ` per ${line.unit}` : ' each'}
              </span>
            </td>
            <td className="present__num">
              {locked ? (
                line.quantity
              ) : (
                <QuantityInput label={line.label} value={line.quantity} disabled={!line.included} onChange={(quantity) => onChange(line.id, { quantity })} />
              )}
            </td>
            <td className="present__num">{line.included ? money(line.amountMinor) : 'Not included'}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        {quote.discountMinor > 0 ? (
          <tr>
            <th scope="row" colSpan={2}>
              Discount ({quote.discountPercent}%)
            </th>
            <td className="present__num">−{money(quote.discountMinor)}</td>
          </tr>
        ) : null}
        <tr>
          <th scope="row" colSpan={2}>
            Subtotal
          </th>
          <td className="present__num">{money(quote.subtotalMinor - quote.discountMinor)}</td>
        </tr>
        {quote.tax ? (
          <tr>
            <th scope="row" colSpan={2}>
              {quote.tax.label} ({quote.tax.percent}%)
            </th>
            <td className="present__num">{money(quote.tax.amountMinor)}</td>
          </tr>
        ) : null}
        <tr className="present__total">
          <th scope="row" colSpan={2}>
            Total
          </th>
          <td className="present__num" data-testid="present-total">
            {money(quote.totalMinor)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

/** A quantity field that lets the client clear it while typing; only whole numbers 1–999 reach the quote. */
function QuantityInput({ label, value, disabled, onChange }: { label: string; value: number; disabled: boolean; onChange(quantity: number): void }) {
  const [draft, setDraft] = useState(String(value));
  const [focused, setFocused] = useState(false);
  const shown = focused ? draft : String(value);
  return (
    <input
      type="number"
      className="present__quantity"
      inputMode="numeric"
      min={1}
      max={MAX_QUANTITY}
      step={1}
      aria-label={`Quantity of ${label}`}
      value={shown}
      disabled={disabled}
      onFocus={() => {
        setDraft(String(value));
        setFocused(true);
      }}
      onBlur={() => setFocused(false)}
      onChange={(event) => {
        setDraft(event.target.value);
        const parsed = Number(event.target.value);
        if (Number.isInteger(parsed) && parsed >= 1 && parsed <= MAX_QUANTITY) onChange(parsed);
      }}
    />
  );
}

function ApprovalNotice({ status, discount, note }: { status: string | null; discount: number; note: string | null }) {
  if (status === 'declined') {
    return (
      <div className="present__notice-box" role="status">
        <p>
          SISO declined the {discount}% discount on this proposal, so the client can’t sign it. Make a new version with a smaller discount from Proposals.
        </p>
        {note ? <p>SISO’s note: “{note}”</p> : null}
      </div>
    );
  }
  return (
    <div className="present__notice-box" role="status">
      <p>This proposal has a {discount}% discount waiting for SISO’s approval; the client can’t sign it yet.</p>
      <p>This page updates by itself as soon as the approval arrives.</p>
    </div>
  );
}

function SignedPanel({
  signature,
  justSigned,
  db,
  partnerId,
  lead,
  client,
  online,
}: {
  signature: ProposalSignature;
  justSigned: { bytes: Uint8Array; fileName: string } | null;
  db: WorkstationDatabase;
  partnerId: string;
  lead: PresentReady['lead'];
  client: SupabaseClient | null;
  online: boolean;
}) {
  const platform = usePlatform();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<'download' | 'won' | null>(null);

  // Just signed: the dialog's opener is gone, so focus goes to the outcome.
  useEffect(() => {
    if (justSigned) headingRef.current?.focus();
  }, [justSigned]);

  async function download() {
    setBusy('download');
    setFailure(null);
    setMessage(null);
    try {
      let bytes = justSigned?.bytes ?? null;
      if (!bytes) {
        const opened = await openProposalFile({ activityId: signature.activityId, filePath: signature.filePath, sha256: signature.sha256 }, { client, online });
        if (!opened.ok) {
          setFailure(opened.message);
          return;
        }
        bytes = opened.bytes;
      }
      const result = await platform.saveFile({ suggestedName: signature.fileName, mimeType: 'application/pdf', data: bytes });
      setMessage(result.saved ? `Saved “${signature.fileName}”.` : 'The signed PDF was not saved. Choose a folder you can write to and try again.');
    } catch (error) {
      setFailure(`The signed PDF could not be saved: ${errorMessage(error)}`);
    } finally {
      setBusy(null);
    }
  }

  async function moveToWon() {
    setBusy('won');
    setFailure(null);
    setMessage(null);
    try {
      await moveLeadToStage(db, partnerId, lead.id, 'won');
      setMessage(`${lead.company} is now Won.`);
      // The button just pressed goes away with the move; focus stays in the panel.
      headingRef.current?.focus();
    } catch (error) {
      setFailure(`${lead.company} was not moved to Won: ${errorMessage(error)}`);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="present__signed">
      <h2 ref={headingRef} tabIndex={-1} className="present__signed-heading">
        Signed by {signature.signerName}
      </h2>
      <p>
        {signature.signerEmail} · signed on {formatDate(signature.signedAt, systemTimeZone())}. The signed PDF is final; any change needs a new version.
      </p>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={() => void download()} disabled={busy !== null}>
          {busy === 'download' ? 'Saving…' : 'Download signed PDF'}
        </button>
        {lead.stage !== 'won' ? (
          <button type="button" className="button" onClick={() => void moveToWon()} disabled={busy !== null}>
            {busy === 'won' ? 'Moving…' : `Move ${lead.company} to Won`}
          </button>
        ) : null}
        <Link className="button" to="/proposals">
          Back to Proposals
        </Link>
      </div>
      <p role="status" className="present__status">
        {message}
      </p>
      {failure ? (
        <p role="alert" className="form__alert">
          {failure}
        </p>
      ) : null}
    </div>
  );
}
