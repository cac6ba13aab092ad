/** The partner's own leaderboard rank as stat-card text, shared by the dashboard and the commission center. */
import { Link } from 'react-router-dom';
import type { LeaderboardStanding } from '../../sync/domain/leaderboard';
import { formatMonthKey, plural } from './format';
import { availableRoute } from './known-routes';

export function LeaderboardRank({ standing }: { standing: LeaderboardStanding }) {
  switch (standing.state) {
    case 'ranked':
      return (
        <>
          <p className="stat-card__value">
            #{standing.rank}
            <span className="stat-card__note"> of {standing.of}</span>
          </p>
          <p className="stat-card__note">
            {plural(standing.score, 'deal', 'deals')} won in {formatMonthKey(standing.month).long}
          </p>
        </>
      );
    case 'waiting':
      return (
        <>
          <p className="stat-card__value stat-card__value--muted">Not available offline</p>
          <p className="stat-card__note">{standing.message}</p>
        </>
      );
    case 'opted-out': {
      const settings = availableRoute('/settings');
      return (
        <p className="stat-card__note">
          You are not on the leaderboard — opt in under {settings ? <Link to={settings}>Settings</Link> : 'Settings'}.
        </p>
      );
    }
    case 'no-profile':
      return <p className="stat-card__note">Your profile has not reached this device yet.</p>;
  }
}
