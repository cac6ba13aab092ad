/**
 * The monthly leaderboard opt-in (default off), saying exactly what other partners will see: the
 * same profile flag also lists the partner in the community directory (migration support_community).
 */
import { useState } from 'react';
import { useDatabase } from '../../data/DatabaseProvider';
import { useDocument } from '../../data/use-query';
import { useOpenWorkspace } from '../../session';
import { errorMessage } from '../../ui/error-message';
import { FormAlert } from '../../ui/FormField';
import { setLeaderboardOptIn } from './settings-writes';

export function LeaderboardSetting() {
  const db = useDatabase();
  const workspace = useOpenWorkspace();
  const partnerId = workspace?.partnerId ?? null;
  const profile = useDocument('profiles', partnerId);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  if (!db || !partnerId || !profile.data) return null;
  const optedIn = profile.data.leaderboard_opt_in;

  async function change(optIn: boolean) {
    if (!db || !partnerId) return;
    setSaving(true);
    try {
      await setLeaderboardOptIn(db, partnerId, optIn);
      setProblem(null);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="card settings-section" aria-labelledby="settings-leaderboard">
      <h2 id="settings-leaderboard">Leaderboard</h2>
      <label className="choice">
        <input
          type="checkbox"
          role="switch"
          checked={optedIn}
          disabled={saving}
          aria-describedby="settings-leaderboard-hint"
          onChange={(event) => void change(event.target.checked)}
        />
        <span className="choice__text">
          <span className="choice__label">Show me on the monthly leaderboard</span>
          <span className="choice__hint" id="settings-leaderboard-hint">
            On the monthly leaderboard other partners will see your display name ({profile.data.display_name || 'SISO partner'}), your tier,
            your rank and how many deals you won this month; the same choice lists you in the community partner directory with your company,
            country and badges. Your leads and earnings are never shown. Turning this off removes you from both as soon as the app syncs.
            Your own rank appears on the dashboard and in the Commission center.
          </span>
        </span>
      </label>
      <FormAlert message={problem} />
    </section>
  );
}
