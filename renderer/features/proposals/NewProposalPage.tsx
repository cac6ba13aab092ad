/**
 * /proposals/new: choose a lead and a template, customise colours, sections and the introduction,
 * watch the PDF preview update (rendered in a worker), then save it and log it on the lead.
 */
import { useEffect, useMemo, useState, type ChangeEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { proposalFileName, type ProposalData, type ProposalLogo, type ProposalTemplate } from '../../../sync/domain/proposals';
import { marketingCategory } from '../../../sync/domain/entitlements';
import { buildReferralUrl, referralUrlForLink } from '../../../sync/domain/referral-links';
import type { WorkstationDatabase } from '../../../sync/schema/database';
import { useOpenWorkspace } from '../../session';
import { useTierAccess, type TierAccess } from '../../session/use-entitlement';
import { usePlatform } from '../../platform';
import { useQuery } from '../../data/use-query';
import { useLeads } from '../../data/workstation-hooks';
import { FormField } from '../../ui/FormField';
import { LockedFeature } from '../../ui/LockedFeature';
import { useBrandLogo } from '../brand-kit';
import { PageHeader } from '../../ui/PageHeader';
import { sha256Hex } from '../../platform/sha256';
import { recordProposalCreated } from './proposal-writes';
import { useProposalRenderer } from './use-proposal-renderer';
import { useProposalTemplates } from './use-proposals-data';
import './proposals.css';
import { errorMessage } from '../../ui/error-message';

const DEFAULT_PRIMARY = '#1F4E79';
const DEFAULT_SECONDARY = '#F2A900';
const PREVIEW_DELAY_MS = 300;

export function NewProposalPage() {
  const access = useTierAccess();
  const proposals = access?.check(marketingCategory('proposals'));
  return (
    <>
      <title>New proposal · SISO Partner Workstation</title>
      <PageHeader title="New proposal" description="A co-branded PDF for one of your leads, made on this device — no connection needed." />
      {!access || !proposals ? (
        <p className="card__text">Checking what your tier includes…</p>
      ) : proposals.allowed ? (
        <ProposalWizard access={access} />
      ) : (
        <LockedFeature title="Proposals" description="Create co-branded PDF proposals for your leads, priced from their estimated value." message={proposals.message} />
      )}
    </>
  );
}

type Preview =
  | { state: 'idle' }
  | { state: 'rendering' }
  | { state: 'ready'; url: string; pdf: Uint8Array; key: string }
  | { state: 'error'; message: string };

type RenderResult = { ok: true; key: string; url: string; pdf: Uint8Array } | { ok: false; key: string; message: string };

const hexColour = (value: string | null | undefined, fallback: string) => (value && /^#[0-9a-f]{6}$/i.test(value) ? value : fallback);

function ProposalWizard({ access }: { access: TierAccess }) {
  const workspace = useOpenWorkspace();
  if (!workspace) return <p className="card card__text">No workspace is open on this device. Open one to create proposals.</p>;
  return <ProposalForm access={access} db={workspace.db} partnerId={workspace.partnerId} />;
}

function ProposalForm({ access, db, partnerId }: { access: TierAccess; db: WorkstationDatabase; partnerId: string }) {
  const platform = usePlatform();
  const [searchParams] = useSearchParams();
  const leads = useLeads();
  const profiles = useQuery('profiles', { limit: 1 });
  const links = useQuery('referral_links', {});
  const { status: renderer, render } = useProposalRenderer();
  const catalogTemplates = useProposalTemplates();
  const whiteLabelAccess = access.check(marketingCategory('white_label'));
  const brandLogo = useBrandLogo();

  const [leadId, setLeadId] = useState(searchParams.get('lead') ?? '');
  const [templateId, setTemplateId] = useState(searchParams.get('template') ?? '');
  const [colours, setColours] = useState<{ primary: string; secondary: string } | null>(null);
  const [sectionsOff, setSectionsOff] = useState<readonly string[]>([]);
  const [intro, setIntro] = useState<string | null>(null);
  const [whiteLabel, setWhiteLabel] = useState(false);
  const [linkId, setLinkId] = useState('');
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<{ fileName: string; leadId: string; company: string } | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);

  const profile = profiles.data[0] ?? null;
  const sortedLeads = useMemo(() => [...leads.data].sort((a, b) => a.company.localeCompare(b.company)), [leads.data]);
  const sortedLinks = useMemo(() => [...links.data].sort((a, b) => a.created_at.localeCompare(b.created_at)), [links.data]);
  const lead = sortedLeads.find((row) => row.id === leadId) ?? null;
  const templates: readonly ProposalTemplate[] = catalogTemplates.templates;
  const usable = templates.filter((row) => access.check(marketingCategory(row.category)).allowed);
  const locked = templates.filter((row) => !access.check(marketingCategory(row.category)).allowed);
  // A template only counts as chosen while the tier allows it (a downgrade or withdrawal unselects it).
  const template = usable.find((row) => row.id === templateId) ?? null;
  const logoForPdf = useMemo<ProposalLogo | null>(() => (brandLogo.logo ? { type: brandLogo.logo.type, bytes: brandLogo.logo.bytes } : null), [brandLogo.logo]);
  const brand = colours ?? { primary: hexColour(profile?.brand_primary, DEFAULT_PRIMARY), secondary: hexColour(profile?.brand_secondary, DEFAULT_SECONDARY) };
  const introText = intro ?? (lead ? `Dear ${lead.contact_name?.trim() || 'team'}, thank you for your time. Here is how SISO can help ${lead.company} run every client project in one place.` : '');
  const link = sortedLinks.find((row) => row.id === linkId) ?? sortedLinks[0] ?? null;
  const referralUrl = useMemo(() => {
    const fromLink = link ? referralUrlForLink(link, partnerId) : null;
    if (fromLink) return fromLink;
    const fallback = buildReferralUrl({ destination: 'https://siso.agency', utm: { source: 'proposal', medium: 'pdf', campaign: 'proposal' }, partnerRef: partnerId });
    return fallback.ok ? fallback.url : 'https://siso.agency';
  }, [link, partnerId]);

  const data: ProposalData | null =
    lead && template
      ? {
          partner: {
            name: profile?.display_name?.trim() || 'SISO partner',
            company: profile?.company ?? null,
            email: profile?.email ?? null,
            phone: profile?.phone ?? null,
            website: profile?.website ?? null,
            tagline: profile?.tagline ?? null,
          },
          lead: { company: lead.company, contact: lead.contact_name ?? null, estimatedValue: lead.estimated_value ?? null, currency: lead.currency ?? null },
          brand: { primary: brand.primary, secondary: brand.secondary },
          referralUrl,
          intro: introText,
          sectionsOff: sectionsOff.filter((id) => template.sections.some((section) => section.id === id)),
          whiteLabel: whiteLabel && whiteLabelAccess.allowed,
        }
      : null;
  // The logo's bytes stay out of the key (it is compared on every render); its version stands in.
  const dataKey = data && template ? JSON.stringify([template.id, data, brandLogo.version]) : null;

  // Live preview: re-render after typing pauses; the newest request wins and only its result shows.
  const [result, setResult] = useState<RenderResult | null>(null);
  useEffect(() => {
    if (!dataKey || !template) return undefined;
    const requestKey = dataKey;
    const [, parsed] = JSON.parse(dataKey) as [string, ProposalData, unknown];
    const renderData: ProposalData = { ...parsed, brand: { ...parsed.brand, logo: logoForPdf } };
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
  }, [dataKey, template, logoForPdf, render]);
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

  async function save() {
    if (preview.state !== 'ready' || !lead || !template) return;
    setSaving(true);
    setSaveError(null);
    setSaved(null);
    const fileName = proposalFileName(lead.company);
    try {
      const result = await platform.saveFile({ suggestedName: fileName, mimeType: 'application/pdf', data: preview.pdf });
      if (!result.saved) {
        setSaveError('The PDF was not saved. Choose a folder you can write to and try again.');
        return;
      }
      const sha256 = await sha256Hex(preview.pdf);
      await recordProposalCreated(db, partnerId, { leadId: lead.id, fileName, templateId: template.id, templateName: template.name, sha256 });
      setSaved({ fileName, leadId: lead.id, company: lead.company });
    } catch (error) {
      setSaveError(`The proposal could not be saved: ${errorMessage(error)}`);
    } finally {
      setSaving(false);
    }
  }

  const toggleSection = (id: string) => (event: ChangeEvent<HTMLInputElement>) =>
    setSectionsOff((current) => (event.target.checked ? current.filter((value) => value !== id) : [...current, id]));

  if (leads.error || profiles.error) {
    return (
      <p className="card card__text" role="alert">
        Your leads could not be read from this device ({(leads.error ?? profiles.error)?.message}). Restart the app; if it keeps happening, contact SISO support.
      </p>
    );
  }

  return (
    <div className="proposal-wizard">
      <form className="card form proposal-wizard__form" aria-label="Proposal details" onSubmit={(event) => event.preventDefault()}>
        <h2 className="proposal-wizard__step">1. Lead</h2>
        <FormField
          label="Lead"
          hint={
            !leads.loading && sortedLeads.length === 0 ? (
              <>
                No leads yet. <Link to="/leads">Add a lead</Link> first.
              </>
            ) : undefined
          }
        >
          <select value={leadId} onChange={(event) => { setLeadId(event.target.value); setIntro(null); setSaved(null); }}>
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
              <input type="radio" name="proposal-template" value={row.id} checked={templateId === row.id} onChange={() => { setTemplateId(row.id); setSectionsOff([]); setSaved(null); }} />
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

        <h2 className="proposal-wizard__step">3. Customise</h2>
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
          {brandLogo.loading ? null : brandLogo.logo ? (
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
        {sortedLinks.length > 1 ? (
          <FormField label="Referral link for the QR code">
            <select value={link?.id ?? ''} onChange={(event) => setLinkId(event.target.value)}>
              {sortedLinks.map((row) => (
                <option key={row.id} value={row.id}>
                  {row.name}
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
          4. Preview and save
        </h2>
        <p role="status" className="proposal-wizard__status">
          {renderer.state === 'loading' ? 'Loading the proposal fonts…' : null}
          {renderer.state === 'ready' && preview.state === 'idle' ? 'Choose a lead and a template to see the preview.' : null}
          {preview.state === 'rendering' ? 'Updating the preview…' : null}
          {preview.state === 'ready' ? 'Preview up to date.' : null}
        </p>
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
        {preview.state === 'ready' ? <iframe className="proposal-wizard__frame" title={`Proposal preview for ${lead?.company ?? 'the lead'}`} src={preview.url} /> : null}
        <div className="button-row">
          <button type="button" className="button button--primary" disabled={preview.state !== 'ready' || saving} onClick={() => void save()}>
            {saving ? 'Saving…' : 'Save PDF'}
          </button>
        </div>
        <div role="status" className="proposal-wizard__status">
          {saved ? (
            <p>
              Saved “{saved.fileName}” and added it to the timeline of <Link to={`/leads/${saved.leadId}`}>{saved.company}</Link>.
            </p>
          ) : null}
        </div>
        {saveError ? (
          <p role="alert" className="form__alert">
            {saveError}
          </p>
        ) : null}
      </section>
    </div>
  );
}
