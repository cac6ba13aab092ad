import { NavLink } from 'react-router-dom';

/** Switches between the asset library and the brand guidelines hub. */
export function MarketingTabs() {
  return (
    <nav className="marketing-tabs" aria-label="Marketing center sections">
      <NavLink to="/marketing-center" end className="marketing-tabs__link">
        Assets
      </NavLink>
      <NavLink to="/marketing-center/brand" className="marketing-tabs__link">
        Brand guidelines
      </NavLink>
    </nav>
  );
}
