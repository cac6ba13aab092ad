/** Who wrote a thread or post, as other partners may see them: display name, company and tier badge only. */
import type { Tier } from '../../../../sync/schema/fields';
import { TierBadge } from '../../tiers';

export interface AuthorFields {
  author_name?: string | null;
  author_company?: string | null;
  author_tier?: Tier | null;
  author_role?: string;
}

export function PostAuthor({ author, own, ownName }: { author: AuthorFields; own: boolean; ownName: string | null }) {
  const staff = author.author_role === 'support';
  // The server writes author_* when the post arrives; until then the partner's own post shows their name.
  const name = author.author_name ?? (own ? (ownName ?? 'You') : staff ? 'SISO Support' : 'A partner');
  return (
    <span className="community-author">
      <span className="community-author__name">
        {name}
        {own ? <span className="community-author__you"> (you)</span> : null}
      </span>
      {author.author_company ? <span className="community-author__company">{author.author_company}</span> : null}
      {staff ? <span className="community-author__staff">SISO team</span> : author.author_tier ? <TierBadge tier={author.author_tier} /> : null}
    </span>
  );
}
