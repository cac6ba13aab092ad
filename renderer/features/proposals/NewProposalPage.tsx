/**
 * /proposals/new: choose a lead and a template, price it (templates with a price list), customise
 * colours, sections and the introduction, watch the PDF preview update (rendered in a worker), then
 * save it as a version in the proposal's history and download it. `?from=<activity id>` starts
 * from a saved version and saves the next version of the same proposal.
 */
import { useEffect, useMemo, useState, type ChangeEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { PENDING_WATERMARK, expectedApproval, priceListOf, defaultSelection, type ProposalData, type ProposalTemplate, type QuoteSelection } from '../../../sync/domain/proposals';
import type { ProposalHistory, ProposalVersion, VersionInputs } from '../../../sync/domain/proposals/version';
import { marketingCategory } from '../../../sync/domain/entitlements';
import { referralUrlForLink } from '../../../sync/domain/referral-links';
import type { WorkstationDatabase } from '../../../sync/schema/database';
import { useOpenWorkspace } from '../../session';
import { useTierAccess, type TierAccess } from '../../session/use-entitlement';
import { usePlatform } from '../../platform';
import { useLeads } from '../../data/workstation-hooks';
import { FormField } from '../../ui/FormField';
import { LockedFeature } from '../../ui/LockedFeature';
import { PageHeader } from '../../ui/PageHeader';
import { errorMessage } from '../../ui/error-message';
import { DEFAULT_PROPOSAL_DESTINATION, buildProposalData, defaultBrand, defaultIntro, quoteCurrency, useProposalSources, versionWatermark } from './proposal-data';
import { ensureProposalLink, plannedProposalLink, quoteForVersion, saveProposalVersion } from './proposal-writes';
import { PricingEditor, parsePricingForm, pricingFormFromSelection, type PricingFormErrors, type PricingFormValues } from './PricingEditor';
import { useProposalRenderer } from './use-proposal-renderer';
import { useProposalHistories, useProposalTemplates } from './use-proposals-data';
import './proposals.css';

const PREVIEW_DELAY_MS = 300;

export function NewProposalPage() {
  const access = useTierAccess();
  const proposals = access?.check(marketingCategory('proposals'));
  const [searchParams] = useSearchParams();
  const fromId = searchParams.get('from');
  const histories = useProposalHistories();
  const from = useMemo(() => (fromId ? findVersion(histories.histories, fromId) : null), [fromId, histories.histories]);
  const fromCompany = from?.history.leadId ? histories.leads.get(from.history.leadId)?.company : undefined;
  const title = fromId && fromCompany ? `New version of ${fromCompany} proposal` : 'New proposal';

  let body;
  if (!access || !proposals) body = <p className="card__text">Checking what your tier includes…</p>;
  else if (!proposals.allowed) {
    body = <LockedFeature title="Proposals" description="Create co-branded PDF proposals for your leads, priced from their estimated value." message={proposals.message} />;
  } else if (fromId && histories.loading) body = <p className="card__text">Reading the proposal history…</p>;
  else if (fromId && (!from || from.version.legacy || !from.version.inputs)) {
    body = (
      <p className="card card__text" role="alert">
        {from
          ? 'That proposal was saved before proposal history, so its choices were not kept and it cannot be the start of a new version. '
          : 'That proposal version is not on this device (it may have been deleted, or not synced yet). '}
        <Link to="/proposals/new">Start a new proposal</Link> or go back to <Link to="/proposals">your proposals</Link>.
      </p>
    );
  } else body = <ProposalWizard key={fromId ?? 'new'} access={access} from={from} histories={histories.histories} />;

  return (
    <>
      <title>{`${title} · SISO Partner Workstation`}</title>
      <PageHeader title={title} description="A co-branded PDF for one of your leads, made on this device — no connection needed." />
      {body}
    </>
  );
}

function findVersion(histories: readonly ProposalHistory[], activityId: string): { history: ProposalHistory; version: ProposalVersion } | null {
  for (const history of histories) {
    const version = history.versions.find((row) => row.activityId === activityId);
    if (version) return { history, version };
  }
  return null;
}

type Preview =
  | { state: 'idle' }
  | { state: 'rendering' }
  | { state: 'ready'; url: string; pdf: Uint8Array; key: string }
  | { state: 'error'; message: string };

type RenderResult = { ok: true; key: string; url: string; pdf: Uint8Array } | { ok: false; key: string; message: string };

interface WizardProps {
  access: TierAccess;
  from: { history: ProposalHistory; version: ProposalVersion } | null;
  histories: readonly ProposalHistory[];
}

function ProposalWizard(props: WizardProps) {
  const workspace = useOpenWorkspace();
  if (!workspace) return <p className="card card__text">No workspace is open on this device. Open one to create proposals.</p>;
  return <ProposalForm {...props} db={workspace.db} partnerId={workspace.partnerId} uploads={workspace.target.kind === 'account'} />;
}

interface Saved {
  activityId: string;
  fileName: string;
  version: number;
  leadId: string;
  company: string;
  pdf: Uint8Array;
  /** Null while the save dialog is open. */
  downloaded: boolean | null;
}

function ProposalForm({ access, from, histories, db, partnerId, uploads }: WizardProps & { db: WorkstationDatabase; partnerId: string; uploads: boolean }) {
  const platform = usePlatform();
  const [searchParams] = useSearchParams();
  const leads = useLeads();
  const sources = useProposalSources();
  const { status: renderer, render } = useProposalRenderer();
  const catalogTemplates = useProposalTemplates();
  const whiteLabelAccess = access.check(marketingCategory('white_label'));
  const prefill = from?.version.inputs ?? null;

  const [proposalId, setProposalId] = useState(() => from?.history.proposalId ?? crypto.randomUUID());
  const [leadId, setLeadId] = useState(from?.history.leadId ?? searchParams.get('lead') ?? '');
  const [templateId, setTemplateId] = useState(prefill?.templateId ?? searchParams.get('template') ?? '');
  const [colours, setColours] = useState<{ primary: string; secondary: string } | null>(prefill?.brand ?? null);
  const [sectionsOff, setSectionsOff] = useState<readonly string[]>(prefill?.sectionsOff ?? []);
  const [intro, setIntro] = useState<string | null>(prefill?.intro ?? null);
  const [whiteLabel, setWhiteLabel] = useState(prefill?.whiteLabel ?? false);
  const [destination, setDestination] = useState<string>(DEFAULT_PROPOSAL_DESTINATION);
  const [pricing, setPricing] = useState<{ templateId: string; values: PricingFormValues; selection: QuoteSelection; errors: PricingFormErrors } | null>(() =>
    prefill?.quote ? { templateId: prefill.templateId, values: pricingFormFromSelection(prefill.quote), selection: prefill.quote, errors: {} } : null,
  );
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);

  const history = histories.find((row) => row.proposalId === proposalId) ?? null;
  const sortedLeads = useMemo(() => [...leads.data].sort((a, b) => a.company.localeCompare(b.company)), [leads.data]);
  const lead = sortedLeads.find((row) => row.id === leadId) ?? null;
  const templates: readonly ProposalTemplate[] = catalogTemplates.templates;
  const usable = templates.filter((row) => access.check(marketingCategory(row.category)).allowed);
  const locked = templates.filter((row) => !access.check(marketingCategory(row.category)).allowed);
  // A template only counts as chosen while the tier allows it (a downgrade or withdrawal unselects it).
  const template = usable.find((row) => row.id === templateId) ?? null;
  const priceBlock = template ? priceListOf(template) : null;
  const brand = colours ?? defaultBrand(sources.profile);
  const introText = intro ?? (lead ? defaultIntro(lead) : '');
  // The partner's own links name the pages the QR code may open; proposal links are not offered.
  const pageChoices = useMemo(() => {
    const pages = new Map<string, string>([[DEFAULT_PROPOSAL_DESTINATION, 'SISO home page']]);
    for (const row of sources.links) if (row.utm_source !== 'proposal' && !pages.has(row.destination)) pages.set(row.destination, row.name);
    return [...pages];
  }, [sources.links]);

  const pricingState =
    priceBlock && template ? (pricing?.templateId === template.id ? pricing : { templateId: template.id, values: pricingFormFromSelection(defaultSelection(priceBlock.price_list)), selection: defaultSelection(priceBlock.price_list), errors: {} }) : null;
  const selection = pricingState?.selection ?? null;
  const discountPercent = selection?.discountPercent ?? 0;
  const approvedDiscounts = (history?.versions ?? []).filter((row) => row.approvalStatus === 'approved').map((row) => row.discountPercent);
  const approvedUpTo = approvedDiscounts.length > 0 ? Math.max(...approvedDiscounts) : null;
  const approval = expectedApproval(discountPercent, sources.discountLimit, approvedDiscounts);
  const watermark = versionWatermark(approval);

  // The tracked link this proposal carries: the stored row once a version made it, else the planned one.
  const plannedLink = lead ? plannedProposalLink(partnerId, { proposalId, company: lead.company, destination }) : null;
  const storedLink = plannedLink ? sources.links.find((row) => row.utm_source === 'proposal' && row.utm_content === plannedLink.values.content) : undefined;
  const referralUrl = (storedLink ? referralUrlForLink(storedLink, partnerId) : null) ?? plannedLink?.url ?? null;

  const inputs: VersionInputs | null = template
    ? {
        templateId: template.id,
        templateName: template.name,
        brand: { primary: brand.primary, secondary: brand.secondary },
        intro: intro === null ? null : introText,
        sectionsOff: sectionsOff.filter((id) => template.sections.some((section) => section.id === id)),
        whiteLabel: whiteLabel && whiteLabelAccess.allowed,
        quote: selection,
        lineLabels: priceBlock ? Object.fromEntries(priceBlock.price_list.map((item) => [item.id, item.label])) : undefined,
        sectionLabels: Object.fromEntries(template.sections.map((section) => [section.id, section.label])),
      }
    : null;
  const data: ProposalData | null =
    lead && inputs && referralUrl ? buildProposalData({ profile: sources.profile, lead, inputs: { ...inputs, intro: introText }, referralUrl, logo: null, watermark }) : null;
  // The logo's bytes stay out of the key (it is compared on every render); its version stands in.
  const dataKey = data && template ? JSON.stringify([template.id, data, sources.logoVersion]) : null;

  // Live preview: re-render after typing pauses; the newest request wins and only its result shows.
  const [result, setResult] = useState<RenderResult | null>(null);
  const logo = sources.logo;
  useEffect(() => {
    if (!dataKey || !template) return undefined;
    const requestKey = dataKey;
    const [, parsed] = JSON.parse(dataKey) as [string, ProposalData, unknown];
    const renderData: ProposalData = { ...parsed, brand: { ...parsed.brand, logo } };
    const renderTemplate = template;
    let cancelled = false;
    const timer = window.setTimeout(() => {
      render(renderTemplate, renderData, new Date()).then(
        (pdf) => {
          if (cancelled || !pdf) return;
          const url = URL.createObjectURL(new Blob([pdf.slice()], { type: 'application/pdf' }));
          setResult({ ok: true, key: requestKey, url, pdf });
        },
        (error: unknown) => {
          if (!cancelled) setResult({ ok: false, key: requestKey, message: errorMessage(error) });
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [dataKey, template, logo, render]);
  const latestUrl = result?.ok ? result.url : null;
  useEffect(() => () => {
    if (latestUrl) URL.revokeObjectURL(latestUrl);
  }, [latestUrl]);
  const preview: Preview = !dataKey
    ? { state: 'idle' }
    : result?.key !== dataKey
      ? { state: 'rendering' }
      : result.ok
        ? { state: 'ready', url: result.url, pdf: result.pdf, key: result.key }
        : { state: 'error', message: result.message };
  const pricingInvalid = Boolean(pricingState && (pricingState.errors.discount || pricingState.errors.quantities));

  async function download(file: { fileName: string; pdf: Uint8Array }): Promise<boolean> {
    const outcome = await platform.saveFile({ suggestedName: file.fileName, mimeType: 'application/pdf', data: file.pdf });
    return outcome.saved;
  }

  async function save() {
    if (preview.state !== 'ready' || !lead || !template || !inputs || !data || pricingInvalid) return;
    setSaving(true);
    setSaveError(null);
    setSaved(null);
    let pdf = preview.pdf;
    try {
      const link = await ensureProposalLink(db, partnerId, { proposalId, company: lead.company, destination });
      if (link.trackedUrl !== data.referralUrl) {
        // The stored link differs from the one previewed (made elsewhere): the PDF must carry the stored one.
        const fresh = await render(template, { ...data, referralUrl: link.trackedUrl, brand: { ...data.brand, logo } }, new Date());
        if (!fresh) throw new Error('the preview changed while saving');
        pdf = fresh;
      }
      const quote = quoteForVersion(template, lead, inputs);
      const result = await saveProposalVersion(db, partnerId, {
        lead,
        template,
        inputs,
        pdf,
        watermarked: watermark !== null,
        discountPercent,
        history,
        proposalId,
        trackedUrl: link.trackedUrl,
        linkId: link.linkId,
        quoteTotals: quote
          ? { currency: quoteCurrency(lead), subtotal_minor: quote.subtotalMinor, discount_minor: quote.discountMinor, tax_minor: quote.tax?.amountMinor ?? 0, total_minor: quote.totalMinor }
          : null,
        upload: uploads,
      });
      const savedVersion: Saved = { activityId: result.activityId, fileName: result.fileName, version: result.version, leadId: lead.id, company: lead.company, pdf, downloaded: null };
      setSaved(savedVersion);
      setSaving(false);
      // The version is in the history whatever happens to the download.
      const downloaded = await download(savedVersion).catch(() => false);
      setSaved({ ...savedVersion, downloaded });
    } catch (error) {
      setSaveError(`The proposal could not be saved: ${errorMessage(error)}. Try again; if it keeps happening, contact SISO support.`);
    } finally {
      setSaving(false);
    }
  }

  async function downloadAgain() {
    if (!saved) return;
    setSaveError(null);
    try {
      const downloaded = await download(saved);
      setSaved({ ...saved, downloaded });
    } catch (error) {
      setSaveError(`The PDF could not be downloaded: ${errorMessage(error)}. Choose a folder you can write to and try again.`);
    }
  }

  const toggleSection = (id: string) => (event: ChangeEvent<HTMLInputElement>) =>
    setSectionsOff((current) => (event.target.checked ? current.filter((value) => value !== id) : [...current, id]));

  function changePricing(values: PricingFormValues) {
    if (!priceBlock || !template) return;
    const parsed = parsePricingForm(priceBlock.price_list, values);
    setPricing({
      templateId: template.id,
      values,
      selection: parsed.ok ? parsed.selection : (pricingState?.selection ?? defaultSelection(priceBlock.price_list)),
      errors: parsed.ok ? {} : parsed.errors,
    });
  }

  function changeLead(id: string) {
    setLeadId(id);
    setIntro(null);
    // A saved proposal belongs to its lead: choosing another lead starts a new proposal.
    if (saved) setProposalId(crypto.randomUUID());
    setSaved(null);
  }

  if (leads.error) {
    return (
      <p className="card card__text" role="alert">
        Your leads could not be read from this device ({leads.error.message}). Restart the app; if it keeps happening, contact SISO support.
      </p>
    );
  }

  const saveLabel = history ? `Save version ${Math.max(...history.versions.map((row) => row.version)) + 1}` : 'Save PDF';

  return (
    <div className="proposal-wizard">
      <form className="card form proposal-wizard__form" aria-label="Proposal details" onSubmit={(event) => event.preventDefault()}>
        <h2 className="proposal-wizard__step">1. Lead</h2>
        <FormField
          label="Lead"
          hint={
            from ? (
              'A new version stays with this lead. Start a new proposal for another lead.'
            ) : !leads.loading && sortedLeads.length === 0 ? (
              <>
                No leads yet. <Link to="/leads">Add a lead</Link> first.
              </>
            ) : undefined
          }
        >
          <select value={leadId} disabled={from !== null} onChange={(event) => changeLead(event.target.value)}>
            <option value="">Choose a lead…</option>
            {sortedLeads.map((row) => (
              <option key={row.id} value={row.id}>
                {row.company}
              </option>
            ))}
          </select>
        </FormField>

        <h2 className="proposal-wizard__step">2. Template</h2>
        <fieldset className="proposal-wizard__templates">
          <legend>Template</legend>
          {usable.map((row) => (
            <label key={row.id} className="proposal-wizard__choice">
              <input
                type="radio"
                name="proposal-template"
                value={row.id}
                checked={templateId === row.id}
                onChange={() => {
                  setTemplateId(row.id);
                  setSectionsOff([]);
                  setSaved(null);
                }}
              />
              <span>
                <span className="proposal-wizard__choice-name">{row.name}</span>
                <span className="proposal-wizard__choice-text">{row.description}</span>
              </span>
            </label>
          ))}
          {!catalogTemplates.loading && templates.length === 0 && catalogTemplates.unusable.length === 0 ? (
            <p className="form-field__hint">No proposal templates are on this device yet. They arrive with SISO's catalog the next time the app syncs.</p>
          ) : null}
          {catalogTemplates.error ? (
            <p role="alert" className="form__alert">
              The templates could not be read from this device ({catalogTemplates.error.message}). Restart the app; if it keeps happening, contact SISO support.
            </p>
          ) : null}
          {prefill && !template ? (
            <p role="alert" className="form__alert">
              The template of the version you started from (“{prefill.templateName}”) is no longer available to you. Choose another template.
            </p>
          ) : null}
          {locked.map((row) => {
            const gate = access.check(marketingCategory(row.category));
            return (
              <p key={row.id} className="proposal-wizard__locked">
                {row.name}: {gate.allowed ? '' : gate.message}
              </p>
            );
          })}
          {catalogTemplates.unusable.map((row) => (
            <p key={row.rowId} className="proposal-wizard__locked proposal-wizard__unusable">
              {row.message}
            </p>
          ))}
        </fieldset>

        {priceBlock && pricingState && lead ? (
          <>
            <h2 className="proposal-wizard__step">3. Pricing</h2>
            <PricingEditor
              priceList={priceBlock.price_list}
              currency={quoteCurrency(lead)}
              tax={priceBlock.tax}
              values={pricingState.values}
              errors={pricingState.errors}
              selection={pricingState.selection}
              discountLimit={sources.discountLimit}
              approvedUpTo={approvedUpTo}
              ratePercent={sources.partnerRatePercent}
              onChange={changePricing}
            />
          </>
        ) : null}

        <h2 className="proposal-wizard__step">{priceBlock && lead ? '4. Customise' : '3. Customise'}</h2>
        <div className="form-pair">
          <FormField label="Primary colour">
            <input type="color" value={brand.primary} onChange={(event) => setColours({ ...brand, primary: event.target.value })} />
          </FormField>
          <FormField label="Accent colour">
            <input type="color" value={brand.secondary} onChange={(event) => setColours({ ...brand, secondary: event.target.value })} />
          </FormField>
        </div>
        <p className="form-field__hint">
          Prefilled from your <Link to="/brand-kit">brand kit</Link>.{' '}
          {sources.loading ? null : sources.logo ? (
            'Your logo from the brand kit is placed on the proposal.'
          ) : (
            <>
              No logo yet, so the proposal shows your company name. <Link to="/brand-kit">Add your logo in the brand kit</Link>.
            </>
          )}
        </p>
        {template && template.sections.length > 0 ? (
          <fieldset className="proposal-wizard__sections">
            <legend>Sections</legend>
            {template.sections.map((section) => (
              <label key={section.id} className="proposal-wizard__check">
                <input type="checkbox" checked={!sectionsOff.includes(section.id)} onChange={toggleSection(section.id)} />
                {section.label}
              </label>
            ))}
          </fieldset>
        ) : null}
        <FormField label="Introduction" hint={!lead ? 'Choose a lead to write the introduction.' : undefined}>
          <textarea rows={4} value={introText} disabled={!lead} onChange={(event) => setIntro(event.target.value)} />
        </FormField>
        {pageChoices.length > 1 && !history ? (
          <FormField label="Page the QR code opens" hint="The QR code and link carry a tracked link for this proposal, so you see when the client opens it.">
            <select value={destination} onChange={(event) => setDestination(event.target.value)}>
              {pageChoices.map(([url, name]) => (
                <option key={url} value={url}>
                  {name} ({url.replace(/^https:\/\//, '')})
                </option>
              ))}
            </select>
          </FormField>
        ) : null}
        {whiteLabelAccess.allowed ? (
          <label className="proposal-wizard__check">
            <input type="checkbox" checked={whiteLabel} onChange={(event) => setWhiteLabel(event.target.checked)} />
            White-label (leave out SISO branding)
          </label>
        ) : (
          <p className="form-field__hint">White-label proposals without SISO branding: {whiteLabelAccess.allowed ? '' : whiteLabelAccess.message}</p>
        )}
      </form>

      <section className="card proposal-wizard__preview" aria-labelledby="proposal-preview-heading">
        <h2 id="proposal-preview-heading" className="proposal-wizard__step">
          {priceBlock && lead ? '5.' : '4.'} Preview and save
        </h2>
        <p role="status" className="proposal-wizard__status">
          {renderer.state === 'loading' ? 'Loading the proposal fonts…' : null}
          {renderer.state === 'ready' && preview.state === 'idle' ? 'Choose a lead and a template to see the preview.' : null}
          {preview.state === 'rendering' ? 'Updating the preview…' : null}
          {preview.state === 'ready' ? 'Preview up to date.' : null}
        </p>
        {watermark && preview.state !== 'idle' ? (
          <p className="proposal-wizard__watermark-note">This version carries the “{PENDING_WATERMARK}” watermark until SISO approves its discount.</p>
        ) : null}
        {renderer.state === 'unavailable' && preview.state !== 'error' ? (
          <p role="alert" className="form__alert">
            {renderer.message}
          </p>
        ) : null}
        {preview.state === 'error' ? (
          <p role="alert" className="form__alert">
            {preview.message}
          </p>
        ) : null}
        <div className="button-row">
          <button type="button" className="button button--primary" disabled={preview.state !== 'ready' || saving || pricingInvalid} onClick={() => void save()}>
            {saving ? 'Saving…' : saveLabel}
          </button>
          {saved ? (
            <button type="button" className="button" onClick={() => void downloadAgain()}>
              Download PDF
            </button>
          ) : null}
        </div>
        {pricingInvalid ? <p className="form-field__hint">Correct the pricing above to save.</p> : null}
        <div role="status" className="proposal-wizard__status">
          {saved ? (
            <p>
              Saved “{saved.fileName}” as version {saved.version} in your <Link to="/proposals">proposal history</Link> and added it to the timeline of{' '}
              <Link to={`/leads/${saved.leadId}`}>{saved.company}</Link>.
              {saved.downloaded === false ? ' The PDF was not downloaded; use Download PDF to save a copy in a folder.' : ''}
            </p>
          ) : null}
        </div>
        {saveError ? (
          <p role="alert" className="form__alert">
            {saveError}
          </p>
        ) : null}
        {preview.state === 'ready' ? <iframe className="proposal-wizard__frame" title={`Proposal preview for ${lead?.company ?? 'the lead'}`} src={preview.url} /> : null}
      </section>
    </div>
  );
}
