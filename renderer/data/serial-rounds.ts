/**
 * Rounds of queued work (uploads, reports kept offline), one at a time per key: a call while a
 * round runs joins the single follow-up round that starts when it ends, so two callers never send
 * the same item twice and an item kept mid-round (not in the running round's list) is not left
 * waiting for the next trigger.
 */
export type SerialRounds<T> = (key: string, round: () => Promise<T>) => Promise<T>;

export function createSerialRounds<T>(): SerialRounds<T> {
  const rounds = new Map<string, { running: Promise<T>; next: Promise<T> | null }>();

  function start(key: string, round: () => Promise<T>): Promise<T> {
    const running = round();
    const entry: { running: Promise<T>; next: Promise<T> | null } = { running, next: null };
    rounds.set(key, entry);
    const finish = () => {
      if (rounds.get(key) === entry && entry.next === null) rounds.delete(key);
    };
    running.then(finish, finish);
    return running;
  }

  return (key, round) => {
    const current = rounds.get(key);
    if (!current) return start(key, round);
    if (current.next) return current.next;
    const next = current.running.then(
      () => start(key, round),
      () => start(key, round),
    );
    current.next = next;
    return next;
  };
}
