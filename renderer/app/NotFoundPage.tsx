import { Link, useLocation } from 'react-router-dom';
import { PageHeader } from '../ui/PageHeader';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <>
      <title>Page not found · SISO Partner Workstation</title>
      <PageHeader title="Page not found" />
      <div className="card">
        <p>
          There is no screen at <code>{pathname}</code>. The link may be mistyped, or the screen may not be available in
          this version.
        </p>
        <p>
          <Link className="button button--primary" to="/">
            Go to the dashboard
          </Link>
        </p>
      </div>
    </>
  );
}
