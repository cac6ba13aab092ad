/**
 * /brand-kit: the partner's logo, brand colours, contact details and tagline — what their
 * co-branded proposals are made with. Everything is saved on this device first; an account
 * workspace syncs the profile and uploads the logo to the `brand` bucket when it can.
 */
import { useOnlineStatus } from '../../platform/online-status';
import { useOpenWorkspace } from '../../session';
import { useDocument } from '../../data/use-query';
import { PageHeader } from '../../ui/PageHeader';
import { BrandDetailsForm } from './BrandDetailsForm';
import { LogoSection } from './LogoSection';
import { useBrandLogo } from './use-brand-logo';
import './brand-kit.css';

export function BrandKitPage() {
  const workspace = useOpenWorkspace();
  return (
    <>
      <title>Brand kit · SISO Partner Workstation</title>
      <PageHeader title="Brand kit" description="Your logo, colours and contact details, used on the proposals you make. Saved on this device first, so it works offline." />
      {workspace ? <BrandKit /> : <p className="card card__text">No workspace is open on this device. Open one to set up your brand kit.</p>}
    </>
  );
}

function BrandKit() {
  const workspace = useOpenWorkspace();
  const online = useOnlineStatus();
  const brandLogo = useBrandLogo();
  const profile = useDocument('profiles', workspace?.partnerId ?? null);
  if (!workspace) return null;
  const syncs = Boolean(workspace.sync);

  return (
    <div className="brand-kit">
      <LogoSection brandLogo={brandLogo} />
      {profile.error ? (
        <p role="alert" className="card inline-message">
          Your profile could not be read from this device ({profile.error.message}). Restart the app; if it keeps happening, contact SISO support.
        </p>
      ) : profile.loading ? (
        <p className="card card__text">Reading your profile…</p>
      ) : profile.data ? (
        <BrandDetailsForm key={profile.data.id} db={workspace.db} partnerId={workspace.partnerId} profile={profile.data} syncs={syncs} online={online} />
      ) : (
        <p className="card card__text" role="status">
          Your profile has not reached this device yet. It downloads the first time the app syncs with your account; the brand kit form appears then.
        </p>
      )}
    </div>
  );
}
