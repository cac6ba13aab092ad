/**
 * The community's reputation side: the partner's own standing, the month's challenge with progress
 * counted from their own posts, the month's top contributors and the partner directory. Points and
 * badges come from the server; nothing here awards any.
 */
import type { ChallengeProgress } from '../../../../sync/domain/community';
import type { ChallengeMetric, CommunityLeaderboardBody, CommunityStanding, PartnerDirectoryBody } from '../../../../sync/schema/community-bodies';
import { ProgressBar } from '../../../ui/ProgressBar';
import { formatMonthKey, plural } from '../../../ui/format';
import { TierBadge } from '../../tiers';
import type { Challenge } from '../use-community-data';

export function StandingRegion({ standing }: { standing: CommunityStanding | null }) {
  return (
    <section className="card community-panel" aria-labelledby="community-standing">
      <h2 id="community-standing">Your standing</h2>
      {standing ? (
        <>
          <dl className="community-stats">
            <div>
              <dt>Points</dt>
              <dd>{standing.points}</dd>
            </div>
            <div>
              <dt>This month</dt>
              <dd>{standing.month_points}</dd>
            </div>
            <div>
              <dt>Helpful answers</dt>
              <dd>{standing.helpful_answers}</dd>
            </div>
          </dl>
          {standing.badges.length > 0 ? (
            <ul className="community-badges" aria-label="Your badges">
              {standing.badges.map((badge) => (
                <li key={badge}>{badge}</li>
              ))}
            </ul>
          ) : (
            <p className="card__text">No badges yet: your first post earns “First post”.</p>
          )}
          <p className="community-panel__note">5 points a thread, 2 a reply, 15 when a thread’s author marks your reply helpful. SISO counts them after sync.</p>
        </>
      ) : (
        <p className="card__text">Your points appear after your first post reaches SISO and sync brings your standing back.</p>
      )}
    </section>
  );
}

const METRIC_WORDS: Record<ChallengeMetric, [string, string]> = {
  threads: ['thread started', 'threads started'],
  replies: ['reply posted', 'replies posted'],
  helpful_answers: ['helpful answer', 'helpful answers'],
};

export function ChallengeRegion({ challenge, progress }: { challenge: Challenge | null; progress: ChallengeProgress | null }) {
  return (
    <section className="card community-panel" aria-labelledby="community-challenge">
      <h2 id="community-challenge">Monthly challenge</h2>
      {challenge && progress ? (
        <>
          <p className="community-panel__title">{challenge.title}</p>
          <p className="card__text">{challenge.description}</p>
          <ProgressBar
            fraction={Math.min(1, progress.count / progress.target)}
            label={`${challenge.title} progress`}
            valueText={`${progress.count} of ${plural(progress.target, METRIC_WORDS[challenge.metric][0], METRIC_WORDS[challenge.metric][1])}`}
          />
          <p className="community-panel__note">
            {progress.count} of {plural(progress.target, METRIC_WORDS[challenge.metric][0], METRIC_WORDS[challenge.metric][1])} this month · Reward: {challenge.reward_points} points
            {progress.met ? '. Target met: SISO adds the reward once your posts have synced.' : '.'}
          </p>
        </>
      ) : (
        <p className="card__text">No challenge has been published for this month yet.</p>
      )}
    </section>
  );
}

export function TopContributorsRegion({ leaderboard, month }: { leaderboard: CommunityLeaderboardBody | null; month: string }) {
  return (
    <section className="card community-panel" aria-labelledby="community-top">
      <h2 id="community-top">Top contributors</h2>
      <p className="community-panel__note">{formatMonthKey(month).long}</p>
      {leaderboard && leaderboard.entries.length > 0 ? (
        <ol className="community-people">
          {leaderboard.entries.map((entry, index) => (
            <li key={`${entry.display_name}-${index}`}>
              <span className="community-people__name">{entry.display_name}</span>
              {entry.company ? <span className="community-people__meta">{entry.company}</span> : null}
              <TierBadge tier={entry.tier} />
              <span className="community-people__points">{plural(entry.points, 'point')}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="card__text">Nobody has earned points this month yet. Start a thread or answer one to lead the board.</p>
      )}
    </section>
  );
}

export function DirectoryRegion({ directory }: { directory: PartnerDirectoryBody | null }) {
  return (
    <section className="card community-panel" aria-labelledby="community-directory">
      <h2 id="community-directory">Partner directory</h2>
      <p className="community-panel__note">Partners who chose to be listed. Every tier can read it; it shows names, companies, tiers, badges and countries only.</p>
      {directory && directory.entries.length > 0 ? (
        <ul className="community-people">
          {directory.entries.map((entry, index) => (
            <li key={`${entry.display_name}-${index}`}>
              <span className="community-people__name">{entry.display_name}</span>
              {entry.company ? <span className="community-people__meta">{entry.company}</span> : null}
              <TierBadge tier={entry.tier} />
              {entry.country ? <span className="community-people__meta">{entry.country}</span> : null}
              {entry.badges.length > 0 ? <span className="community-people__meta">{entry.badges.join(', ')}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="card__text">No partners are listed yet, or the directory has not reached this device. Connect to sync it.</p>
      )}
    </section>
  );
}
