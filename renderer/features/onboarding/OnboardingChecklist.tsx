/**
 * The first-week checklist by tier — on the onboarding page and as the dashboard's card until every
 * item is ticked. Ticks are saved on the profile (offline too); each item opens its screen.
 */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { toggleChecklistItem } from '../../../sync/domain/onboarding';
import { plural } from '../../ui/format';
import { errorMessage } from '../../ui/error-message';
import { availableRoute } from '../../ui/known-routes';
import { useNow } from '../../ui/use-now';
import { saveChecklist } from './onboarding-writes';
import { useOnboardingData, type OnboardingData } from './use-onboarding-data';
import './onboarding.css';

export function OnboardingChecklist({ data }: { data: OnboardingData }) {
  const [failure, setFailure] = useState<string | null>(null);
  // The tick shows at once; the profile's value replaces it as soon as the local store has it.
  const [ticked, setTicked] = useState<readonly string[] | null>(null);
  const [stored, setStored] = useState(data.done);
  if (stored !== data.done) {
    setStored(data.done);
    setTicked(null);
  }
  const done = ticked ?? data.done;

  async function toggle(id: string, checked: boolean) {
    if (!data.db || !data.partnerId) return;
    setFailure(null);
    const next = toggleChecklistItem(done, id, checked);
    setTicked(next);
    try {
      await saveChecklist(data.db, data.partnerId, next);
    } catch (error) {
      setTicked(null);
      setFailure(errorMessage(error));
    }
  }

  return (
    <>
      <ul className="onboarding-checklist">
        {data.checklist.map((item) => {
          const route = availableRoute(item.route);
          const checkboxId = `onboarding-item-${item.id}`;
          return (
            <li key={item.id} className="onboarding-checklist__item" data-done={done.includes(item.id)}>
              <input id={checkboxId} type="checkbox" checked={done.includes(item.id)} onChange={(event) => void toggle(item.id, event.target.checked)} />
              <div>
                <label htmlFor={checkboxId} className="onboarding-checklist__label">
                  {item.label}
                </label>
                <p className="onboarding-checklist__detail">
                  {item.detail}{' '}
                  {route ? (
                    <Link to={route}>
                      {item.linkLabel}
                      <span className="visually-hidden"> for “{item.label}”</span>
                    </Link>
                  ) : null}
                </p>
              </div>
            </li>
          );
        })}
      </ul>
      {failure ? (
        <p className="inline-message" role="alert">
          {failure}
        </p>
      ) : null}
    </>
  );
}

const FIRST_WEEK_MS = 7 * 24 * 3600 * 1000;

/** The dashboard's card: for a partner account still onboarding or in its first week, until every item is ticked. */
export function OnboardingChecklistCard() {
  const data = useOnboardingData();
  const now = useNow(3_600_000);
  const completedAt = data.profile?.onboarding_completed_at;
  const inFirstWeek = !completedAt || now.getTime() - Date.parse(completedAt) < FIRST_WEEK_MS;
  if (!data.isAccount || data.isAdmin || !data.profile || !inFirstWeek || data.checklistComplete) return null;
  const left = data.checklist.filter((item) => !data.done.includes(item.id)).length;
  return (
    <section className="card onboarding-card" aria-labelledby="onboarding-card-heading">
      <div className="dashboard__card-head">
        <h2 id="onboarding-card-heading">Your first week</h2>
        <span className="count-pill">{plural(left, 'item left', 'items left')}</span>
      </div>
      {!completedAt ? (
        <p className="card__text">
          <Link to="/onboarding">Continue onboarding</Link>
        </p>
      ) : null}
      <OnboardingChecklist data={data} />
    </section>
  );
}
