import type { ReactNode } from 'react';

/** A screen's title (the page's only h1, focused after navigation) and a short description. */
export function PageHeader({ title, description }: { title: string; description?: ReactNode }) {
  return (
    <div className="page-header">
      <h1 tabIndex={-1}>{title}</h1>
      {description ? <p className="page-header__description">{description}</p> : null}
    </div>
  );
}
