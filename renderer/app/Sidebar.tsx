import { NavLink } from 'react-router-dom';
import { Icon, type IconName } from '../ui/Icon';
import { useAppInfo } from '../platform';
import { useUiStore } from '../ui/ui-store';
import { useIsAdminSession } from '../session';

interface NavItem {
  to: string;
  label: string;
  icon: IconName;
  end?: boolean;
}

/** Only sections that exist. Each feature adds its entry here when it lands. */
const navItems: readonly NavItem[] = [
  { to: '/', label: 'Dashboard', icon: 'home', end: true },
  { to: '/tiers', label: 'Tier progress', icon: 'tiers' },
  { to: '/leads', label: 'Leads', icon: 'leads' },
  { to: '/referrals', label: 'Referral links', icon: 'link' },
  { to: '/marketing-center', label: 'Marketing center', icon: 'marketing' },
  { to: '/proposals', label: 'Proposals', icon: 'document' },
  { to: '/brand-kit', label: 'Brand kit', icon: 'palette' },
  { to: '/workspace', label: 'Workspace', icon: 'workspace' },
  { to: '/settings', label: 'Settings', icon: 'settings' },
];

/**
 * An admin session (the JWT's role; RLS is what actually refuses non-admins) gets the admin area,
 * the Marketing center as partners see it, and the app's own pages: partner screens would mix
 * every partner's data (see PartnerScreen).
 */
const ADMIN_PATHS: ReadonlySet<string> = new Set(['/marketing-center', '/workspace', '/settings']);
const adminNavItems: readonly NavItem[] = [
  { to: '/admin', label: 'Admin', icon: 'tiers' },
  ...navItems.filter((item) => ADMIN_PATHS.has(item.to)),
];

export function Sidebar() {
  const collapsed = useUiStore((state) => state.sidebarCollapsed);
  const { version } = useAppInfo();
  const isAdmin = useIsAdminSession();

  return (
    <nav id="sidebar" className="sidebar" aria-label="Main" data-collapsed={collapsed}>
      <div className="sidebar__brand">
        <Icon name="logo" className="sidebar__logo" />
        <span className="sidebar__brand-text">
          <span className="sidebar__brand-name">SISO</span>
          <span className="sidebar__brand-product">Partner Workstation</span>
        </span>
      </div>
      <ul className="sidebar__list">
        {(isAdmin ? adminNavItems : navItems).map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end ?? false} className="sidebar__link" title={collapsed ? item.label : undefined}>
              <Icon name={item.icon} />
              <span className="sidebar__label">{item.label}</span>
            </NavLink>
          </li>
        ))}
      </ul>
      <p className="sidebar__footer">Version {version}</p>
    </nav>
  );
}
