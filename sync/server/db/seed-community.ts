/**
 * Support and community content for the demo database: support settings, forum categories and
 * threads with replies by the seeded partners (some marked helpful), knowledge-base articles, group
 * calls, this month's challenge, and directory opt-ins. The server's triggers turn the posts into
 * points, badges, the leaderboard and the directory when seed.ts inserts them.
 */
import { seedPartners, seedUsers, type SeedTier } from './seed-accounts';
import { sha256Hex, type SeedAssetFile } from './seed-asset-files';
import { trainingVideoSeeds } from './seed-training';

type Row = Record<string, unknown>;
type Block = { type: 'heading' | 'paragraph' | 'tip'; text: string } | { type: 'list'; items: string[] };

const hour = 3600 * 1000;
const day = 24 * hour;

export interface CommunitySeedContext {
  now: number;
  monthStart: number;
  /** The stable id seed.ts gives a name. */
  seedId(name: string): string;
  firstSortOrder: number;
  /** The recording the training videos use; the knowledge base's video tutorial plays the same file. */
  video: SeedAssetFile;
}

export const supportResponseHours: Record<SeedTier, number> = { starter: 72, active: 48, performer: 24, elite: 4 };

export const forumCategorySeeds = [
  { slug: 'success-stories', title: 'Success stories', tier: 'starter', posting: 'partners', description: 'Deals you won and what made them work. Every partner can read and post here.' },
  { slug: 'siso-updates', title: 'SISO updates and announcements', tier: 'starter', posting: 'staff', description: 'Releases, programme changes and events from the SISO team. Partners reply; only SISO starts threads.' },
  { slug: 'general', title: 'General discussion', tier: 'active', posting: 'partners', description: 'Selling custom software, running a referral practice, and anything else partners want to talk through.' },
  { slug: 'technical-troubleshooting', title: 'Technical troubleshooting', tier: 'active', posting: 'partners', description: 'Referral links, proposals, the workstation and sync: ask here and partners who solved it answer.' },
  { slug: 'marketing-tips', title: 'Marketing tips', tier: 'active', posting: 'partners', description: 'Posts, case studies, events and e-mails that bring in qualified introductions.' },
  { slug: 'mastermind', title: 'Performer mastermind', tier: 'performer', posting: 'partners', description: 'Larger deals, pricing conversations and growing a partner practice, among Performer and Elite partners.' },
  { slug: 'elite-circle', title: 'Elite circle', tier: 'elite', posting: 'partners', description: 'A private room for Elite partners and the SISO leadership team.' },
] as const satisfies readonly { slug: string; title: string; tier: SeedTier; posting: 'partners' | 'staff'; description: string }[];

type Author = 'admin' | SeedTier;
interface ThreadSeed {
  key: string;
  category: (typeof forumCategorySeeds)[number]['slug'];
  author: Author;
  subject: string;
  body: string;
  /** Days before now the thread started; fractions of a day fall in this month when small. */
  ageDays: number;
  locked?: boolean;
  pinned?: boolean;
  replies: readonly { author: Author; body: string; helpful?: boolean }[];
}

export const forumThreadSeeds: readonly ThreadSeed[] = [
  {
    key: 'dental-portal', category: 'success-stories', author: 'elite', ageDays: 24,
    subject: 'A three-practice dental group became a £48k patient portal project',
    body: 'The practice manager told me over coffee that her team re-typed every referral letter into two systems. I asked how many hours a week that was (about 30) and introduced SISO the same week. Phase one was a referral intake form feeding their practice software; phase two is the patient portal. What worked: I never pitched software, I pitched getting those 30 hours back.',
    replies: [
      { author: 'starter', body: 'Really useful, thank you. How did you get the first meeting with SISO booked: did you send the practice manager a deck first?' },
      { author: 'elite', body: 'No deck. I wrote a three-line e-mail introducing her to my SISO account manager with the problem in her own words, and we found a slot while we were all on the thread.' },
      { author: 'performer', body: 'Same pattern for me with clinics: the person who owns the admin pain is the buyer, not the IT contact.' },
    ],
  },
  {
    key: 'florist-booking', category: 'success-stories', author: 'starter', ageDays: 0.4,
    subject: 'First referral closed: a florist chain\'s wedding booking system',
    body: 'Six weeks from the first conversation to a signed phase one. The owner was running wedding bookings from a shared spreadsheet and double-booked two venues last spring. I used the "yearly cost of the manual work" framing from the Sales Fundamentals course and it landed.',
    replies: [
      { author: 'active', body: 'Congratulations! Did they push back on price at all?' },
      { author: 'starter', body: 'A little. Splitting it into a fixed-price first phase made the decision easy for them.' },
      { author: 'elite', body: 'That is exactly how most first deals close. Ask them in a month who else they know with a spreadsheet problem.' },
    ],
  },
  {
    key: 'logistics-comeback', category: 'success-stories', author: 'active', ageDays: 12,
    subject: 'Won a shipment-tracking app three months after the proposal was declined',
    body: 'The first proposal was declined as "not this year". I set a follow-up for their budget planning month, sent one short note about a similar freight company SISO had helped, and they came back with a bigger scope: customer-facing tracking plus the internal dispatch board.',
    replies: [
      { author: 'performer', body: 'Good reminder that "not now" is a date, not a no. What did you put in the note?' },
      { author: 'active', body: 'Two sentences and a link to the case study: what the other company had been doing by hand and how long it took after go-live.' },
    ],
  },
  {
    key: 'december-release', category: 'siso-updates', author: 'admin', ageDays: 0.2, pinned: true,
    subject: 'December release: milestone approvals in the client portal and faster proposals',
    body: 'Clients can now approve project milestones from the portal, which shortens phase sign-off by several days. In the workstation, proposal PDFs are generated locally and open instantly. The group calls this month walk through both.',
    replies: [
      { author: 'performer', body: 'Milestone approvals are a great talking point for finance directors. Is there a short clip we can share with prospects?' },
      { author: 'admin', body: 'Yes: the walkthrough video in the knowledge base shows it, and you can share it with prospects.' },
    ],
  },
  {
    key: 'statement-clawbacks', category: 'siso-updates', author: 'admin', ageDays: 30, locked: true,
    subject: 'Commission statements now list clawbacks line by line',
    body: 'When a won deal is reopened, its commission is reversed with its own line on your statement, linked to the original commission. Nothing changes in how commission is calculated. Questions about a specific line go to a support ticket so we can look at your account.',
    replies: [
      { author: 'active', body: 'Much clearer than the single adjustment figure we had before. Thanks.' },
    ],
  },
  {
    key: 'explain-custom-software', category: 'general', author: 'active', ageDays: 9,
    subject: 'How do you explain "custom software" to an owner who is not technical?',
    body: 'I keep losing people at the words "custom software". They picture a huge IT project. How do you describe what SISO does in one or two sentences?',
    replies: [
      { author: 'performer', helpful: true, body: 'I say: "SISO builds the tool your team wishes it had, around the way you already work, one small phase at a time." Then I ask what they do in spreadsheets every week. The phase part matters: it tells them it is not a big-bang IT project.' },
      { author: 'elite', body: 'Agree with the phases. I also avoid the word software until they have described the problem themselves.' },
      { author: 'active', body: 'Tried the phases line on two calls today. Both asked for an introduction. Marked as the answer, thank you.' },
    ],
  },
  {
    key: 'follow-up-cadence', category: 'general', author: 'performer', ageDays: 0.6,
    subject: 'What is your follow-up cadence after the discovery call?',
    body: 'After SISO\'s discovery call I tend to go quiet and let SISO run the proposal. A few deals have stalled that way. How often do you check in, and with whom?',
    replies: [
      { author: 'elite', helpful: true, body: 'Day 2: a thank-you with the agreed next step. Day 10: check the proposal arrived and ask who else needs to see it. Day 21: ask what would stop them starting this quarter. I log each as an activity so the workstation reminds me.' },
      { author: 'active', body: 'Stealing the day-21 question. I usually find out too late that finance has not seen it.' },
    ],
  },
  {
    key: 'linkedin-clicks', category: 'technical-troubleshooting', author: 'active', ageDays: 5,
    subject: 'Referral link clicks do not show up for my LinkedIn posts',
    body: 'I posted my referral link on LinkedIn on Monday. People told me they clicked it, but the Referral links screen shows almost nothing for that link.',
    replies: [
      { author: 'performer', helpful: true, body: 'Check that you posted the full link and not a shortened one from another tool: some shorteners drop the query string with your partner code. Also, clicks are counted per day overnight, so today\'s clicks show tomorrow.' },
      { author: 'admin', body: 'That is right. If the full link still shows no clicks after a day, open a ticket with the link name and we will check the click log.' },
      { author: 'active', body: 'It was the shortener. Reposted the full link and the clicks are coming through.' },
    ],
  },
  {
    key: 'blurry-logo', category: 'technical-troubleshooting', author: 'performer', ageDays: 16,
    subject: 'My logo looks blurry on proposal PDFs',
    body: 'The logo on my co-branded proposals looks soft when printed. It looks fine on screen.',
    replies: [
      { author: 'elite', helpful: true, body: 'Upload a PNG at least 600 px wide (or an SVG) in Profile, Branding. Small logos get scaled up for print, which blurs them.' },
      { author: 'active', body: 'Had the same issue; the 600 px version fixed it for me too.' },
    ],
  },
  {
    key: 'one-page-case-study', category: 'marketing-tips', author: 'elite', ageDays: 20,
    subject: 'The one-page case study format that books meetings for me',
    body: 'Problem in the client\'s words, what they did before (with hours or cost), what SISO built in phase one, the result after 90 days, and one quote. No screenshots of the software. I send it after a first conversation instead of a brochure.',
    replies: [
      { author: 'active', body: 'Do you need the client\'s permission to share it?' },
      { author: 'elite', body: 'Always, and SISO\'s team will help you get it. Anonymised versions ("a 40-person freight forwarder") work nearly as well.' },
      { author: 'performer', body: 'The "what they did before" line is the one prospects react to in my experience.' },
    ],
  },
  {
    key: 'linkedin-formats', category: 'marketing-tips', author: 'active', ageDays: 0.3,
    subject: 'Which LinkedIn post formats get you introductions?',
    body: 'I have been posting the SISO social cards from Marketing assets. They get likes but few conversations. What works for you?',
    replies: [
      { author: 'performer', body: 'Short text posts about one client problem outperform the cards for me. Put the card in the comments, not the post.' },
      { author: 'elite', body: 'Ask a question at the end ("how does your team handle X?") and reply to every comment with a DM offer to talk.' },
    ],
  },
  {
    key: 'six-figure-pricing', category: 'mastermind', author: 'performer', ageDays: 7,
    subject: 'Handling the pricing conversation on six-figure builds',
    body: 'Two prospects this month have scopes well above £100k. They want a number before SISO\'s discovery call. How do you handle that without scaring them off or guessing?',
    replies: [
      { author: 'elite', helpful: true, body: 'Give a range from a comparable project and anchor it on the cost of their problem per year. Then make the discovery call the way to narrow the range. Never quote a single figure yourself; SISO prices the phases.' },
      { author: 'performer', body: 'Anchoring on the yearly cost is what I was missing. Thank you.' },
    ],
  },
  {
    key: 'white-label-agreements', category: 'elite-circle', author: 'elite', ageDays: 3,
    subject: 'Structuring a white-label arrangement with a design agency',
    body: 'An agency I work with wants to resell SISO builds under their own brand. Has anyone set this up, and who owns the client relationship?',
    replies: [
      { author: 'admin', body: 'We support this under the Elite white-label terms. Your account manager will walk you through the agreement; the short version is that the agency owns the relationship and you keep your commission on every phase.' },
    ],
  },
];

interface ArticleSeed {
  slug: string;
  title: string;
  type: 'faq' | 'guide' | 'troubleshooting' | 'best_practice' | 'video';
  topic: string;
  tier?: SeedTier;
  summary: string;
  blocks: readonly Block[];
}

const p = (text: string): Block => ({ type: 'paragraph', text });
const h = (text: string): Block => ({ type: 'heading', text });
const tip = (text: string): Block => ({ type: 'tip', text });
const list = (...items: string[]): Block => ({ type: 'list', items });

export const articleSeeds: readonly ArticleSeed[] = [
  {
    slug: 'kb-how-commission-is-paid', title: 'How and when is commission paid?', type: 'faq', topic: 'commissions',
    summary: 'Commission becomes payable when the client pays SISO; payouts go out monthly once your balance passes the minimum.',
    blocks: [p('Commission is earned when a client you introduced signs with SISO and becomes approved once the client has paid the first invoice.'), list('Pending: the deal is won, the client has not paid yet.', 'Approved: the client paid; the amount counts toward your balance.', 'Paid: it went out in a payout.'), tip('Request a payout from Earnings once your approved balance is above the minimum for your currency.')],
  },
  {
    slug: 'kb-what-is-a-clawback', title: 'What is a clawback line on my statement?', type: 'faq', topic: 'commissions',
    summary: 'When a won deal is reopened or refunded, its commission is reversed by a negative line linked to the original.',
    blocks: [p('A clawback reverses a commission that was recorded for a deal which was later reopened, cancelled or refunded.'), p('It appears as its own negative line on your statement, linked to the commission it reverses, so your totals always add up.'), tip('If you think a clawback is wrong, file a ticket in the Billing category with the deal name.')],
  },
  {
    slug: 'kb-tier-requirements', title: 'What do I need to reach the next tier?', type: 'faq', topic: 'tiers',
    summary: 'Tiers depend on won referrals, training completed and time in tier; the Tier screen shows your progress to the next one.',
    blocks: [p('Each tier has requirements for won deals, completed training and, for the higher tiers, satisfaction ratings.'), list('Starter: where everyone begins.', 'Active: your first won referrals and the core courses.', 'Performer: a steady pipeline and advanced training.', 'Elite: consistent results over several quarters.'), tip('The Tier screen lists exactly what is left for you; it updates as soon as the server records a win.')],
  },
  {
    slug: 'kb-who-owns-the-client', title: 'Who owns the client relationship after a referral?', type: 'faq', topic: 'selling',
    summary: 'SISO runs the project and contract; you stay the trusted introducer and keep earning on every phase the client signs.',
    blocks: [p('SISO contracts with the client directly and runs delivery. You remain attributed to the client for every later phase they sign.'), tip('Stay in touch after go-live: phase two often comes from a short check-in from you.')],
  },
  {
    slug: 'kb-response-times', title: 'How fast will SISO answer my ticket?', type: 'faq', topic: 'support',
    summary: 'Response targets depend on your tier: 72 hours for Starter, 48 for Active, 24 for Performer and 4 for Elite.',
    blocks: [p('Every ticket shows the time its first response is due. The target depends on your tier when you file it.'), list('Starter: 72 hours', 'Active: 48 hours', 'Performer: 24 hours (priority queue)', 'Elite: 4 hours, plus your account manager and direct line'), tip('A ticket marked "Waiting on you" needs your answer before SISO can continue.')],
  },
  {
    slug: 'kb-offline-use', title: 'Can I use the workstation offline?', type: 'faq', topic: 'workstation',
    summary: 'Yes: leads, tickets, forum posts and training progress are saved locally and sent when you are back online.',
    blocks: [p('Everything you write is saved on your computer first. When the connection returns, the workstation sends your changes and pulls everything new.'), tip('The sync indicator in the top bar shows when there are changes waiting to be sent.')],
  },
  {
    slug: 'kb-log-your-first-lead', title: 'Log your first lead step by step', type: 'guide', topic: 'getting-started',
    summary: 'Add a lead from the Leads screen, fill in the contact and value, and set a next action so nothing slips.',
    blocks: [h('Add the lead'), list('Open Leads and choose New lead.', 'Enter the company and the contact you spoke to.', 'Choose the source (for example Partner network).'), h('Make it useful'), list('Add an estimated value and currency.', 'Write the problem in the client\'s words in Notes.', 'Set a next action with a date.'), tip('Log the lead the same day you talk to someone; your conversion rate counts toward your tier.')],
  },
  {
    slug: 'kb-create-a-proposal', title: 'Create a co-branded proposal', type: 'guide', topic: 'proposals', tier: 'active',
    summary: 'Generate a branded PDF proposal for a lead from a template, with your logo and colours.',
    blocks: [list('Open the lead and choose Create proposal.', 'Pick a template and check the client details.', 'Preview the PDF, then save or e-mail it.'), p('Your logo and brand colours come from Profile, Branding.'), tip('Use a PNG logo at least 600 px wide or an SVG so it prints sharply.')],
  },
  {
    slug: 'kb-referral-links-with-utm', title: 'Set up referral links for each campaign', type: 'guide', topic: 'referrals',
    summary: 'Create one referral link per channel with UTM tags so you can see which posts and e-mails bring clicks.',
    blocks: [list('Open Referral links and choose New link.', 'Name it after the campaign, e.g. "LinkedIn posts".', 'Set the UTM medium (social, email) and campaign.'), p('Clicks are counted per day; conversions appear when a referred lead is logged.'), tip('Post the full link. Some link shorteners drop the partner code.')],
  },
  {
    slug: 'kb-hand-over-a-lead', title: 'Hand a qualified lead over to SISO', type: 'guide', topic: 'selling',
    summary: 'Move the lead to Proposal when the client agrees to a call, write down what you learned, and introduce SISO by e-mail.',
    blocks: [list('Confirm budget range, decision maker and timing.', 'Write the pain, budget and decision maker in the lead notes.', 'Move the lead to Proposal.', 'Introduce your account manager by e-mail with the client in copy.'), tip('Join the first call; clients decide faster when the person they trust is there.')],
  },
  {
    slug: 'kb-request-a-payout', title: 'Request a payout', type: 'guide', topic: 'commissions',
    summary: 'Add your bank or PayPal details once, then request a payout from Earnings when your approved balance is above the minimum.',
    blocks: [list('Open Earnings, Payment management and add your payout details.', 'Check your approved balance.', 'Choose Request payout and confirm the amount.'), p('SISO approves requests within a few working days and sends a notification when the payout is on its way.')],
  },
  {
    slug: 'kb-attach-files-to-tickets', title: 'Attach screenshots and files to a ticket', type: 'guide', topic: 'support',
    summary: 'Tickets accept PNG, JPEG, PDF, text, CSV and ZIP files up to 10 MB each.',
    blocks: [p('Add an attachment when you file a ticket or reply. Files are stored privately: only you and the SISO team can open them.'), list('Allowed: PNG, JPEG, PDF, plain text, CSV, ZIP', 'Up to 10 MB per file'), tip('A screenshot of the screen and the time it happened usually saves a round of questions.')],
  },
  {
    slug: 'kb-clicks-not-showing', title: 'Referral link clicks are not showing', type: 'troubleshooting', topic: 'referrals',
    summary: 'Clicks are counted per day; a shortened link or a link without your partner code is the usual cause of missing clicks.',
    blocks: [h('Check these first'), list('Wait a day: clicks are counted per day.', 'Open the link you posted and check it still contains your partner code.', 'Avoid shorteners that strip query strings.'), p('If the full link still shows no clicks after a day, file a ticket in the Technical category with the link name.')],
  },
  {
    slug: 'kb-sync-stuck', title: 'Changes are waiting to sync', type: 'troubleshooting', topic: 'workstation',
    summary: 'If the sync indicator keeps showing waiting changes, check your connection, sign in again, and look at Sync problems.',
    blocks: [list('Check that you are online.', 'If your session expired, sign in again: nothing you wrote is lost.', 'Open Sync problems to see changes the server refused and why.'), tip('A refused change says what to fix; retry it after fixing, or discard it.')],
  },
  {
    slug: 'kb-proposal-pdf-fonts', title: 'Proposal PDF looks different from the preview', type: 'troubleshooting', topic: 'proposals', tier: 'active',
    summary: 'Fonts and logos are embedded in the PDF; a blurry logo or odd colours usually come from the uploaded logo file.',
    blocks: [list('Upload a larger PNG (600 px wide or more) or an SVG logo.', 'Check your brand colours are six-digit hex codes.', 'Generate the proposal again after changing Branding.')],
  },
  {
    slug: 'kb-cannot-sign-in', title: 'I cannot sign in', type: 'troubleshooting', topic: 'account',
    summary: 'Check the e-mail address you registered with, reset your password, and contact support if your account is locked.',
    blocks: [list('Use the e-mail address your invitation was sent to.', 'Reset your password from the sign-in screen.', 'If you are told the account is locked, file a ticket from another partner account or e-mail SISO.'), p('Your local data stays on the computer while you are signed out.')],
  },
  {
    slug: 'kb-payout-rejected', title: 'My payout request was rejected', type: 'troubleshooting', topic: 'commissions',
    summary: 'The rejection reason says what to fix, most often a bank account name that does not match your company name.',
    blocks: [p('Open the rejected request in Earnings to read the reason.'), list('Update your payout details if the account name or IBAN was wrong.', 'Request the payout again; the amount is still in your balance.')],
  },
  {
    slug: 'kb-qualify-before-handover', title: 'Qualify before you hand over', type: 'best_practice', topic: 'selling',
    summary: 'Budget, owner and timing: hand over when at least two are clear, and keep nurturing the rest.',
    blocks: [p('SISO moves fastest on leads that arrive with a known budget range, a named decision maker and a reason to act this quarter.'), list('Ask what the problem costs them each month.', 'Ask who signs off spending of that size.', 'Ask what happens if nothing changes this quarter.'), tip('Marking a lead lost early keeps your conversion rate honest and your pipeline useful.')],
  },
  {
    slug: 'kb-talk-problems-not-software', title: 'Talk about problems, not software', type: 'best_practice', topic: 'selling',
    summary: 'Owners buy back hours and fewer mistakes; describe SISO by the problem it removes, one phase at a time.',
    blocks: [p('Most business owners do not want software; they want the weekly re-typing, double bookings or late invoices to stop.'), list('Ask what the team does by hand every week.', 'Put a number on it: hours or money per month.', 'Describe SISO as building the tool around how they already work, in small fixed-price phases.')],
  },
  {
    slug: 'kb-follow-up-cadence', title: 'A follow-up cadence that keeps deals moving', type: 'best_practice', topic: 'selling', tier: 'active',
    summary: 'Day 2, day 10 and day 21 check-ins after the discovery call, each logged as an activity.',
    blocks: [list('Day 2: thank them and confirm the agreed next step.', 'Day 10: check the proposal arrived and who else should see it.', 'Day 21: ask what would stop them starting this quarter.'), tip('Log each check-in as an activity so the workstation reminds you of stalled leads.')],
  },
  {
    slug: 'kb-case-study-format', title: 'Write a one-page case study', type: 'best_practice', topic: 'marketing', tier: 'active',
    summary: 'Problem, before, what was built, result after 90 days, one quote: a page that books meetings.',
    blocks: [list('The problem in the client\'s words.', 'What they did before, with hours or cost.', 'What SISO built in phase one.', 'The result after 90 days.', 'One short quote.'), tip('Ask permission first; an anonymised version works nearly as well.')],
  },
  {
    slug: 'kb-pricing-large-scopes', title: 'Pricing conversations on large scopes', type: 'best_practice', topic: 'selling', tier: 'performer',
    summary: 'Give a range from a comparable project, anchor it on the yearly cost of the problem, and let SISO price the phases.',
    blocks: [p('Prospects with large scopes often want a number before discovery. Never quote a single figure yourself.'), list('Share a range from a comparable project.', 'Anchor it on what the problem costs them per year.', 'Position discovery as the way to narrow the range.')],
  },
  {
    slug: 'kb-linkedin-posts', title: 'LinkedIn posts that start conversations', type: 'best_practice', topic: 'marketing',
    summary: 'Short text posts about one client problem, a question at the end, and the social card in the comments.',
    blocks: [list('Write about one problem a client had, in plain words.', 'End with a question to your network.', 'Put the SISO social card and your referral link in the first comment.', 'Reply to every comment and offer a short call.')],
  },
  {
    slug: 'kb-video-workstation-tour', title: 'Video: a tour of the workstation', type: 'video', topic: 'getting-started',
    summary: 'A short recorded tour of where you log introductions and follow them through to commission.',
    blocks: [p('This video shows the screens you use every week: Leads, Referral links and Earnings.'), tip('The video is stored on your computer after the first play, so it also works offline.')],
  },
];

function catalogRow(context: CommunitySeedContext, entry: { slug: string; kind: string; title: string; tier: SeedTier; category: string; body: unknown; at: number; sortOffset: number }): Row {
  return {
    id: context.seedId(`catalog:${entry.slug}`), kind: entry.kind, title: entry.title, slug: entry.slug, body: JSON.stringify(entry.body),
    tier_required: entry.tier, category: entry.category, tags: [entry.kind], file_path: null, file_sha256: null, file_size: null, mime_type: null,
    version: 1, published: true, sort_order: context.firstSortOrder + entry.sortOffset,
    created_at: new Date(entry.at).toISOString(), updated_at: new Date(entry.at).toISOString(),
  };
}

function monthLabel(ms: number): { key: string; name: string } {
  const date = new Date(ms);
  return { key: date.toISOString().slice(0, 7), name: date.toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }) };
}

export const groupCallHost = 'SISO Partner Success team';

/** Catalog rows: support settings, forum categories, articles, group calls and this month's challenge. */
function buildCommunityCatalog(context: CommunitySeedContext): Row[] {
  const rows: Row[] = [];
  const at = context.now - 60 * day;
  const add = (entry: Omit<Parameters<typeof catalogRow>[1], 'sortOffset'>) => rows.push(catalogRow(context, { ...entry, sortOffset: rows.length }));

  add({
    slug: 'support', kind: 'support_settings', title: 'Support settings', tier: 'starter', category: 'support', at,
    body: { response_hours: supportResponseHours, slack_url: 'https://siso-partners.slack.com', direct_line: '+44 20 7946 0999', account_manager: 'Priya Sharma' },
  });
  for (const category of forumCategorySeeds) {
    add({ slug: category.slug, kind: 'forum_category', title: category.title, tier: category.tier, category: 'community', at, body: { description: category.description, posting: category.posting } });
  }
  const video = trainingVideoSeeds[0];
  articleSeeds.forEach((article, index) => {
    const row = catalogRow(context, {
      slug: article.slug, kind: 'article', title: article.title, tier: article.tier ?? 'starter', category: article.topic,
      at: context.now - (90 - index * 3) * day, sortOffset: rows.length,
      body: { article_type: article.type, summary: article.summary, blocks: article.blocks },
    });
    rows.push(article.type === 'video' && video
      ? { ...row, file_path: video.path, file_sha256: sha256Hex(context.video.bytes), file_size: context.video.bytes.length, mime_type: context.video.mimeType }
      : row);
  });

  // Calls start at 15:00 UTC on whole days ahead: one Active call a month, weekly Performer calls.
  const startOf = (daysAhead: number) => {
    const ms = context.now + daysAhead * day;
    return new Date(ms - (ms % day) + 15 * hour).toISOString();
  };
  const calls = [
    { slug: 'group-call-active-monthly-1', title: 'Monthly partner group call', tier: 'active' as const, days: 6, capacity: 40, agenda: 'Programme news, the month\'s release, and your questions on selling SISO builds.' },
    { slug: 'group-call-active-monthly-2', title: 'Monthly partner group call', tier: 'active' as const, days: 34, capacity: 40, agenda: 'Pipeline reviews from volunteers and open questions.' },
    ...[2, 9, 16, 23].map((days, week) => ({
      slug: `group-call-performer-weekly-${week + 1}`, title: 'Performer weekly call', tier: 'performer' as const, days, capacity: 15,
      agenda: ['Large-scope deals and pricing.', 'Case studies that convert.', 'Handover quality and first calls.', 'Open floor: your deals this week.'][week] ?? 'Open floor.',
    })),
  ];
  for (const call of calls) {
    add({
      slug: call.slug, kind: 'group_call', title: call.title, tier: call.tier, category: 'group-calls', at: context.now - 7 * day,
      body: { starts_at: startOf(call.days), duration_minutes: 45, host: groupCallHost, join_url: `https://meet.siso.test/${call.slug}`, capacity: call.capacity, agenda: call.agenda },
    });
  }

  const month = monthLabel(context.now);
  add({
    slug: `challenge-${month.key}`, kind: 'challenge', title: `${month.name} challenge: answer three questions`, tier: 'starter', category: 'community',
    at: context.monthStart,
    body: { month: month.key, description: 'Have three of your forum replies marked as the helpful answer this month.', metric: 'helpful_answers', target: 3, reward_points: 50 },
  });
  return rows;
}

function userOf(author: Author): { id: string } {
  return author === 'admin' ? seedUsers.admin : seedUsers[author];
}

/**
 * Forum threads and their messages. Each row has every column the ticket rows of seed.ts have plus
 * the new ones, since the seed inserts a table with the first row's columns.
 */
function buildForum(context: CommunitySeedContext): { tickets: Row[]; messages: Row[] } {
  const tickets: Row[] = [];
  const messages: Row[] = [];
  const sinceMonthStart = Math.max(context.now - context.monthStart, hour);
  for (const thread of forumThreadSeeds) {
    const ticketId = context.seedId(`forum:${thread.key}`);
    // A thread younger than a day stays inside the current month, however early in the month it is.
    const startedAt = thread.ageDays < 1 ? context.now - sinceMonthStart * thread.ageDays : context.now - thread.ageDays * day;
    const step = Math.min(3 * hour, (context.now - startedAt) / (thread.replies.length + 1));
    const posts = [{ author: thread.author, body: thread.body, helpful: false }, ...thread.replies];
    const helpful = posts.findIndex((post) => post.helpful);
    posts.forEach((post, index) => {
      const postedAt = new Date(startedAt + index * step).toISOString();
      messages.push({
        id: context.seedId(`forum:${thread.key}:post:${index}`), partner_id: userOf(post.author).id, ticket_id: ticketId,
        author_role: post.author === 'admin' ? 'support' : 'partner', body: post.body, visibility: 'public', hidden: false,
        helpful: post.helpful ?? false, created_at: postedAt, updated_at: postedAt,
      });
    });
    tickets.push({
      id: ticketId, partner_id: userOf(thread.author).id, subject: thread.subject, category: thread.category, priority: 'normal', status: 'open',
      kind: 'forum', locked: thread.locked ?? false, hidden: false, pinned: thread.pinned ?? false,
      helpful_message_id: helpful > 0 ? context.seedId(`forum:${thread.key}:post:${helpful}`) : null,
      created_at: new Date(startedAt).toISOString(), updated_at: new Date(startedAt + posts.length * step).toISOString(),
    });
  }
  return { tickets, messages };
}

/**
 * Adds the community content to seed.ts's tables: returns the catalog rows, appends forum threads
 * and messages (and one internal note) to the ticket tables, and opts the Active partner into the
 * directory (Performer and Elite already are).
 */
export function addCommunitySeed(context: CommunitySeedContext, rows: Map<string, Row[]>): Row[] {
  const supportTickets = (rows.get('tickets') ?? []).map((ticket): Row => ({ kind: 'support', locked: false, hidden: false, pinned: false, helpful_message_id: null, ...ticket }));
  const supportMessages = (rows.get('ticket_messages') ?? []).map((message): Row => ({ visibility: 'public', hidden: false, helpful: false, ...message }));
  const active = seedUsers.active;
  const activeTicket = supportTickets.find((ticket) => ticket.partner_id === active.id);
  if (activeTicket) {
    const at = new Date(Date.parse(String(activeTicket.created_at)) + 2 * hour).toISOString();
    supportMessages.push({
      id: context.seedId('active:ticket:internal-note'), partner_id: active.id, ticket_id: activeTicket.id, author_role: 'support',
      body: 'Internal: the deal was marked won after the monthly commission run; it will be on next month\'s statement. Tell the partner once finance confirms.',
      visibility: 'internal', hidden: false, helpful: false, created_at: at, updated_at: at,
    });
  }
  const forum = buildForum(context);
  rows.set('tickets', [...supportTickets, ...forum.tickets]);
  rows.set('ticket_messages', [...supportMessages, ...forum.messages]);
  for (const profile of rows.get('profiles') ?? []) {
    if (profile.partner_id === active.id) profile.leaderboard_opt_in = true;
  }
  if (!seedPartners.every((partner) => (rows.get('profiles') ?? []).some((profile) => profile.partner_id === partner.id))) {
    throw new Error('The community seed needs every seeded partner\'s profile');
  }
  return buildCommunityCatalog(context);
}
