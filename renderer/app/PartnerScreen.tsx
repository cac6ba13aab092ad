/**
 * Partner screens (dashboard, tiers, leads, referral links, proposals, brand kit) show one
 * partner's own data. An admin's store holds every partner's rows, so for an admin session these
 * screens would mix everyone's leads and earnings as if they were the admin's: the dashboard
 * opens the admin area instead and the other screens say where admins work.
 */
import type { ReactNode } from 'react';
import { Link, Navigate } from 'react-router-dom';
import { PageHeader } from '../ui/PageHeader';
import { useIsAdminSession } from '../session';

export function PartnerScreen({ title, children, home = false }: { title: string; children: ReactNode; home?: boolean }) {
  const isAdmin = useIsAdminSession();
  if (!isAdmin) return children;
  if (home) return <Navigate to="/admin" replace />;
  return (
    <>
      <title>{`${title} · SISO Partner Workstation`}</title>
      <PageHeader title={title} />
      <div className="card">
        <p>
          {title} shows a partner’s own data, and this is a SISO admin account. Partners’ assets, tiers and usage are
          managed in the admin area; the Marketing center shows what partners see.
        </p>
        <p>
          <Link className="button button--primary" to="/admin">
            Go to Admin
          </Link>
        </p>
      </div>
    </>
  );
}
