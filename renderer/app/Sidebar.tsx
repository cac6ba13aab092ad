/** The main navigation: the screens of the shared screen list (sync/domain/screens.ts) this session may use. */
import { NavLink } from 'react-router-dom';
import { Icon, type IconName } from '../ui/Icon';
import { useAppInfo } from '../platform';
import { useUiStore } from '../ui/ui-store';
import { useIsAdminSession } from '../session';
import { sidebarScreens, type Screen } from '../../sync/domain/screens';

interface NavItem {
  to: string;
  label: string;
  icon: IconName;
  end: boolean;
}

function navItem(screen: Screen): NavItem {
  // Assigning here checks at compile time that every screen's icon is one Icon can draw.
  const icon: IconName = screen.icon;
  return { to: screen.path, label: screen.label, icon, end: screen.path === '/' };
}

/**
 * The sidebar lists the screens the shared screen list marks for it. An admin session (the JWT's
 * role; RLS is what actually refuses non-admins) gets the admin area, the Marketing center as
 * partners see it, and the app's own pages: partner screens would mix every partner's data (see
 * PartnerScreen).
 */
const partnerNavItems: readonly NavItem[] = sidebarScreens(false).map(navItem);
const adminNavItems: readonly NavItem[] = sidebarScreens(true).map(navItem);

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
        {(isAdmin ? adminNavItems : partnerNavItems).map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className="sidebar__link" title={collapsed ? item.label : undefined}>
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
