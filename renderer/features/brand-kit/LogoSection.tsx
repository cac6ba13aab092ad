/**
 * The logo part of the brand kit: a drop zone and a file button (the keyboard path), the current
 * logo, a refusal message for a file that is not a usable logo, and where the logo stands with
 * the server.
 */
import { useId, useRef, useState, type DragEvent } from 'react';
import { LOGO_MAX_ASPECT_RATIO, LOGO_MAX_SIDE, LOGO_MIN_SHORT_SIDE } from '../../../sync/domain/brand-kit';
import { prepareLogoFile } from './prepare-logo';
import type { BrandLogo } from './use-brand-logo';
import { errorMessage } from '../../ui/error-message';

const ACCEPT = 'image/png,image/jpeg,image/svg+xml,.png,.jpg,.jpeg,.svg';

export function LogoSection({ brandLogo }: { brandLogo: BrandLogo }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const id = useId();
  const { logo, url } = brandLogo;

  async function accept(files: FileList | null) {
    const file = files?.[0];
    if (!file || busy) return;
    setBusy(true);
    setRefusal(null);
    setNotice(null);
    try {
      const result = await prepareLogoFile(file);
      if (!result.ok) {
        setRefusal(logo ? `${result.message} Your current logo is unchanged.` : result.message);
        return;
      }
      const { width, height } = result.logo;
      await brandLogo.save(result.logo);
      const extra = files.length > 1 ? ' Only the first of the files you dropped was used.' : '';
      setNotice(
        result.logo.fromSvg
          ? `“${file.name}” was converted from SVG to a ${width} × ${height} px PNG and is now your logo.${extra}`
          : `“${file.name}” (${width} × ${height} px) is now your logo.${extra}`,
      );
    } catch (error) {
      setRefusal(`The logo could not be saved on this device (${errorMessage(error)}). Free some disk space and try again.`);
    } finally {
      setBusy(false);
      if (inputRef.current) inputRef.current.value = '';
    }
  }

  async function remove() {
    setRefusal(null);
    setNotice(null);
    try {
      await brandLogo.remove();
      setNotice('Your logo was removed. Proposals show your company name instead.');
    } catch (error) {
      setRefusal(`The logo could not be removed (${errorMessage(error)}). Try again.`);
    }
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    void accept(event.dataTransfer.files);
  }

  return (
    <section className="card brand-kit__logo" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Logo</h2>
      <div
        className="brand-kit__drop"
        data-dragging={dragging}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <div className="brand-kit__logo-frame">
          {url && logo ? (
            <img src={url} alt="Your logo" className="brand-kit__logo-image" />
          ) : (
            <p className="brand-kit__logo-empty">{brandLogo.loading ? 'Reading your logo…' : 'No logo yet'}</p>
          )}
        </div>
        <div className="brand-kit__drop-text">
          <p>Drag your logo here, or choose the file.</p>
          <div className="button-row">
            <button type="button" className="button button--primary" disabled={busy} onClick={() => inputRef.current?.click()}>
              {busy ? 'Checking the file…' : logo ? 'Choose a new logo file' : 'Choose a logo file'}
            </button>
            {logo ? (
              <button type="button" className="button" disabled={busy} onClick={() => void remove()}>
                Remove logo
              </button>
            ) : null}
          </div>
          <p className="form-field__hint" id={`${id}-hint`}>
            PNG, JPEG or SVG (converted to PNG), up to 2 MB; at least {LOGO_MIN_SHORT_SIDE} px on the shorter side, at most {LOGO_MAX_SIDE} px on the longer,
            and no more than {LOGO_MAX_ASPECT_RATIO} times as wide as it is high.
          </p>
          {logo ? <p className="form-field__hint">Current logo: {logo.width} × {logo.height} px {logo.type === 'png' ? 'PNG' : 'JPEG'}.</p> : null}
        </div>
        <label className="visually-hidden" htmlFor={`${id}-file`}>
          Logo file
        </label>
        <input
          ref={inputRef}
          id={`${id}-file`}
          className="visually-hidden"
          type="file"
          accept={ACCEPT}
          tabIndex={-1}
          aria-describedby={`${id}-hint`}
          onChange={(event) => void accept(event.target.files)}
        />
      </div>
      {refusal ? (
        <p role="alert" className="inline-message">
          {refusal}
        </p>
      ) : null}
      {brandLogo.problem ? (
        <p role="alert" className="inline-message">
          {brandLogo.problem}
        </p>
      ) : null}
      {brandLogo.storeError ? (
        <p role="alert" className="inline-message">
          {brandLogo.storeError}
        </p>
      ) : null}
      <div role="status" className="brand-kit__status">
        {notice ? <p>{notice}</p> : null}
        {brandLogo.status ? <p>{brandLogo.status}</p> : null}
      </div>
    </section>
  );
}
