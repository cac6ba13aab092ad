/**
 * The brand guidelines hub: SISO's logo variations on the backgrounds they are made for, the
 * palette with copyable hex codes, typography, do's and don'ts and the brand voice. Catalog
 * content (kind `brand_guideline`), edited by admins and read from the local store.
 */
import { useState } from 'react';
import type { BrandGuidelineBody } from '../../../sync/schema/catalog-bodies';
import { usePlatform } from '../../platform';
import { useCatalog } from '../../data/workstation-hooks';
import { PageHeader } from '../../ui/PageHeader';
import { MarketingTabs } from './MarketingTabs';
import { parseBrandGuideline } from './use-marketing-data';
import './marketing.css';
import { errorMessage } from '../../ui/error-message';

const VARIANT_LABELS: Record<BrandGuidelineBody['logos'][number]['variant'], string> = {
  colour: 'Colour',
  dark: 'Dark',
  light: 'Light',
};

export function BrandGuidelinesPage() {
  const rows = useCatalog('brand_guideline');
  const row = rows.data[0] ?? null;
  const parsed = row ? parseBrandGuideline(row.body) : null;

  return (
    <>
      <title>Brand guidelines · SISO Partner Workstation</title>
      <PageHeader title="Brand guidelines" description="How to present SISO next to your own brand: logos, colours, type and voice." />
      <MarketingTabs />
      {rows.error ? (
        <p className="card card__text" role="alert">
          The brand guidelines could not be read from this device ({rows.error.message}). Restart the app; if it keeps happening, contact SISO support.
        </p>
      ) : rows.loading ? (
        <p className="card__text">Loading the brand guidelines…</p>
      ) : !row || !parsed ? (
        <p className="card card__text">SISO has not published brand guidelines yet. They appear here as soon as they are published.</p>
      ) : !parsed.ok ? (
        <p className="card card__text" role="alert">
          The brand guidelines on this device cannot be shown because the published entry is invalid ({parsed.message}). Contact SISO support.
        </p>
      ) : (
        <BrandGuidelines title={row.title} body={parsed.value} />
      )}
    </>
  );
}

function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

function BrandGuidelines({ title, body }: { title: string; body: BrandGuidelineBody }) {
  const platform = usePlatform();
  const [status, setStatus] = useState<string | null>(null);

  async function copy(hex: string) {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(hex);
      setStatus(`Copied ${hex}`);
    } catch {
      setStatus(`Copying is not available here. Select ${hex} and copy it with Ctrl+C (⌘C on a Mac).`);
    }
  }

  async function saveLogo(variant: string, svg: string) {
    try {
      const result = await platform.saveFile({ suggestedName: `siso-logo-${variant}.svg`, mimeType: 'image/svg+xml', data: new TextEncoder().encode(svg) });
      setStatus(result.saved ? `Saved the ${variant} logo${result.path ? ` to ${result.path}` : ''}.` : 'The logo was not saved.');
    } catch (error) {
      setStatus(`The logo could not be saved: ${errorMessage(error)}`);
    }
  }

  return (
    <div className="brand">
      <p role="status" className="brand__status">
        {status}
      </p>
      {body.intro ? <p className="card card__text brand__intro">{body.intro}</p> : null}
      <section className="card" aria-labelledby="brand-logos">
        <h2 id="brand-logos">Logo variations</h2>
        {body.logos.length === 0 ? <p className="card__text">No logo variations are published yet.</p> : null}
        <ul className="brand__logos">
          {body.logos.map((logo) => (
            <li key={logo.variant} className="brand__logo" data-variant={logo.variant}>
              <div className="brand__logo-stage" data-background={logo.variant === 'light' ? 'dark' : 'light'}>
                <img src={svgDataUrl(logo.svg)} alt={`${title}: ${VARIANT_LABELS[logo.variant].toLowerCase()} logo`} />
              </div>
              <h3>{VARIANT_LABELS[logo.variant]}</h3>
              {logo.usage ? <p className="card__text">{logo.usage}</p> : null}
              <button type="button" className="button button--small" onClick={() => void saveLogo(logo.variant, logo.svg)}>
                Download SVG<span className="visually-hidden"> of the {VARIANT_LABELS[logo.variant].toLowerCase()} logo</span>
              </button>
            </li>
          ))}
        </ul>
        {body.logo_clear_space ? (
          <p className="card__text">
            <strong>Clear space:</strong> {body.logo_clear_space}
          </p>
        ) : null}
      </section>
      <section className="card" aria-labelledby="brand-palette">
        <h2 id="brand-palette">Colour palette</h2>
        <ul className="brand__palette">
          {body.palette.map((colour) => (
            <li key={`${colour.name}-${colour.hex}`} className="brand__swatch">
              <span className="brand__swatch-chip" style={{ background: colour.hex }} aria-hidden="true" />
              <span className="brand__swatch-name">{colour.name}</span>
              <code className="brand__swatch-hex">{colour.hex.toUpperCase()}</code>
              {colour.usage ? <span className="brand__swatch-usage">{colour.usage}</span> : null}
              <button type="button" className="button button--small" onClick={() => void copy(colour.hex.toUpperCase())}>
                Copy<span className="visually-hidden"> {colour.name} {colour.hex.toUpperCase()}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="brand-type">
        <h2 id="brand-type">Typography</h2>
        <dl className="brand__type">
          {body.typography.map((entry) => (
            <div key={entry.role}>
              <dt>{entry.role}</dt>
              <dd>
                <strong>{entry.family}</strong>
                {entry.usage ? ` — ${entry.usage}` : ''}
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <div className="brand__rules">
        <section className="card" aria-labelledby="brand-do">
          <h2 id="brand-do">Do</h2>
          <ul className="brand__list brand__list--do">
            {body.do.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="brand-dont">
          <h2 id="brand-dont">Don’t</h2>
          <ul className="brand__list brand__list--dont">
            {body.dont.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </section>
      </div>
      {body.voice ? (
        <section className="card" aria-labelledby="brand-voice">
          <h2 id="brand-voice">Voice and messaging</h2>
          <p className="card__text">{body.voice}</p>
        </section>
      ) : null}
    </div>
  );
}
