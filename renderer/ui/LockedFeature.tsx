/**
 * What a locked feature shows instead of itself: what it is, which tier unlocks it and, when
 * given, what it takes to get there — never a dead control.
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { availableRoute } from './known-routes';
import './locked-feature.css';

export interface LockedFeatureProps {
  /** The feature's name, used as the heading. */
  title: string;
  headingLevel?: 2 | 3;
  /** What the feature would show, one sentence. */
  description: string;
  /** The entitlement's sentence, e.g. "Unlocks at the Performer tier." */
  message: string;
  /** What reaching the unlocking tier still needs (e.g. a list of open requirements). */
  children?: ReactNode;
}

export function LockedFeature({ title, headingLevel = 2, description, message, children }: LockedFeatureProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const tiersRoute = availableRoute('/tiers');
  return (
    <section className="card locked-feature" aria-label={`${title} (locked)`} data-testid="locked-feature">
      <Heading className="locked-feature__title">
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false" className="locked-feature__icon">
          <path d="M6 10V7a6 6 0 0 1 12 0v3M5 10h14v11H5z" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
        </svg>
        {title} <span className="locked-feature__badge">Locked</span>
      </Heading>
      <p className="card__text">{description}</p>
      <p className="locked-feature__message">{message}</p>
      {children}
      {tiersRoute ? (
        <Link className="locked-feature__link" to={tiersRoute}>
          See what the next tier needs
        </Link>
      ) : null}
    </section>
  );
}
