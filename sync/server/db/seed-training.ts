/**
 * Training hub content for the demo database: course modules with short written lessons, one
 * assessment per course (questions in the catalog, answer keys server-only), webinars and coaching
 * slots. Pure data; seed.ts stamps ids and dates.
 */
import type { SeedTier } from './seed-accounts';

/** One module: what it is for, three things to do, and a tip from partners who do it well. */
type ModuleOutline = readonly [title: string, why: string, points: readonly [string, string, string], tip: string];

export interface TrainingCourseSeed {
  slug: string;
  tier: SeedTier;
  track: string;
  level: 'beginner' | 'intermediate' | 'advanced';
  modules: readonly ModuleOutline[];
  /** Each question: prompt, options (text), indexes of the correct options. */
  questions: readonly (readonly [prompt: string, options: readonly string[], correct: readonly number[]])[];
}

export const trainingCourses: readonly TrainingCourseSeed[] = [
  {
    slug: 'sales-fundamentals', tier: 'starter', track: 'Sales', level: 'beginner',
    modules: [
      ['Welcome to the partner programme', 'You earn commission when a client you introduce signs with SISO; your job is the introduction and the trust behind it.', ['Share your referral link, never a generic SISO URL, so the lead is attributed to you.', 'Log every introduction as a lead in the workstation the same day.', 'Read the tier requirements once so you know what unlocks the next rate.'], 'Partners who log leads the day they talk to someone win twice as many deals as those who batch them weekly.'],
      ['Who SISO helps', 'SISO builds custom software for companies whose spreadsheets and off-the-shelf tools no longer fit how they work.', ['Good fits: 20–500 staff, a process run on spreadsheets, a budget owner who feels the pain.', 'Poor fits: a one-page website, a request for the cheapest quote, no one who owns the problem.', 'Ask what the team does manually every week; that is usually the project.'], 'If you cannot name the person who loses sleep over the problem, the lead is not ready yet.'],
      ['Finding the right contacts', 'Referrals come from people who already trust you: clients, former colleagues and your local business network.', ['List ten companies you know well and the operations or finance lead in each.', 'Prefer the person who owns the process over the IT manager for a first conversation.', 'Note how you know each contact; warm context goes in the lead notes.'], 'Start with clients you already serve; they take your call and know your judgement.'],
      ['The first conversation', 'A first conversation is about their problem, not about SISO.', ['Ask what slows their team down and what it costs them each month.', 'Share one short story of a similar company SISO helped.', 'Agree a next step: an introduction call with SISO within two weeks.'], 'Close every first conversation with a date in the diary, not "I will send you something".'],
      ['Qualifying a lead', 'SISO can move fast on leads that arrive qualified, and your conversion rate counts toward your tier.', ['Confirm budget range, decision maker and a reason to act this quarter.', 'Record the estimated deal value and expected close date on the lead.', 'Mark a lead lost early if the answers are no; it keeps your pipeline honest.'], 'Budget, owner, timing: if two of the three are missing, keep nurturing rather than handing over.'],
      ['Handling common objections', 'Most objections are about risk, not price.', ['"It is too expensive": compare with the yearly cost of the manual work.', '"We tried an agency before": ask what went wrong and explain SISO\'s fixed-scope phases.', '"Not now": agree a date to check in and set a follow-up on the lead.'], 'Repeat the objection back in your own words before answering; people relax when they feel heard.'],
      ['Handing over to SISO', 'A clean handover lets SISO\'s team pick up the conversation without repeating your questions.', ['Move the lead to Proposal only when the client has agreed to a call.', 'Write the pain, budget and decision maker in the lead notes.', 'Introduce SISO by e-mail with the client in copy and your account manager named.'], 'Stay on the first call with SISO; clients buy faster when the person they trust is there.'],
      ['Following up and staying in touch', 'Deals take weeks; your follow-up keeps them moving and keeps you attributed.', ['Check your pipeline every Monday and act on leads without activity for 14 days.', 'Log each call or e-mail as an activity so the history is complete.', 'After a win, ask the client who else they know with the same problem.'], 'A short "how is it going?" message a month after go-live is the best source of your next referral.'],
    ],
    questions: [
      ['Which link should you share with a prospect?', ['Your personal referral link', 'The SISO home page', 'A link to the proposal template'], [0]],
      ['Which signs show a lead is qualified? Choose all that apply.', ['A budget range is known', 'The decision maker is identified', 'They asked for the cheapest quote', 'There is a reason to act this quarter'], [0, 1, 3]],
      ['A prospect says "not now". What should you do?', ['Mark the lead lost immediately', 'Agree a date to check in and set a follow-up', 'Send the full price list'], [1]],
      ['Who is usually the best first contact?', ['The person who owns the painful process', 'The most junior IT employee', 'Whoever answers the main phone line'], [0]],
      ['When should a lead move to Proposal?', ['As soon as you log it', 'When the client has agreed to a call with SISO', 'After the contract is signed'], [1]],
    ],
  },
  {
    slug: 'siso-platform-mastery', tier: 'starter', track: 'Platform', level: 'beginner',
    modules: [
      ['Platform overview', 'SISO delivers each client a workspace where their custom software, projects and support live together.', ['The client portal is where clients follow progress and approve milestones.', 'Projects are split into phases with fixed scope and price.', 'Support tickets and releases are tracked in the same workspace.'], 'Describe the platform as "one place to see your project", not by listing features.'],
      ['Accounts and workspaces', 'Every client company gets one workspace; people are invited into it with a role.', ['Owners manage billing and invite colleagues.', 'Members follow projects and raise tickets.', 'Guests see only what they are shared.'], 'Ask who will approve work at the client; they should be an owner from day one.'],
      ['Projects and milestones', 'Projects move through discovery, build and launch, each ending in a milestone the client approves.', ['Discovery produces a written scope and fixed price for the build.', 'Build milestones are demoed before approval.', 'Launch includes training for the client\'s team.'], 'Clients worry about overruns; fixed-price phases are the answer to lead with.'],
      ['Client portal', 'The portal is what clients see every week, so it shapes their opinion of the project.', ['It shows the current phase, next milestone and open decisions.', 'Clients comment on designs and builds directly.', 'Every approval is recorded with a name and date.'], 'Offer a portal walkthrough during the first SISO call; it builds confidence quickly.'],
      ['Reporting', 'Reports show clients what the software is doing for them after launch.', ['Usage reports show who uses which part of the system.', 'Process reports compare time taken before and after launch.', 'Reports export to PDF for board meetings.'], 'Ask clients which number their boss watches, and make sure a report shows it.'],
      ['Integrations', 'Most SISO projects connect to tools the client already uses.', ['Common integrations: accounting, CRM, e-mail and calendar.', 'Integrations run through documented APIs, not screen scraping.', 'Each integration is listed in the scope with its owner.'], 'Write down the client\'s current tools in the lead notes; it speeds up discovery.'],
      ['Billing and plans', 'Clients pay for the build in phases and for hosting and support monthly.', ['Build phases are invoiced on milestone approval.', 'Hosting and support plans are monthly, with yearly discounts.', 'Your commission is calculated on the signed deal value.'], 'Never quote a price yourself; say SISO prices each phase after discovery.'],
      ['Security and compliance', 'Buyers in regulated sectors ask about security before anything else.', ['Data is encrypted in transit and at rest.', 'Access is role-based and every change is logged.', 'SISO completes security questionnaires as part of discovery.'], 'Pass security questions to SISO early; a late questionnaire is a common reason deals stall.'],
      ['Mobile apps', 'Field teams use the same system from their phones.', ['Mobile apps work offline and sync when back online.', 'They are built from the same project, not as a separate product.', 'Photos and signatures captured on site attach to records.'], 'Ask whether staff work away from a desk; it often doubles the value of the project.'],
      ['Admin settings', 'Client administrators manage their own users and permissions.', ['Admins invite, deactivate and change roles of users.', 'Single sign-on can be enabled for larger clients.', 'Audit logs are available to admins.'], 'Larger clients ask "can we manage users ourselves?"; the answer is yes.'],
      ['Demo walkthrough', 'A good demo follows the client\'s own process, not the feature list.', ['Start with the task the client described as painful.', 'Show the same task in a SISO-built system in under five minutes.', 'End on the report that proves the time saved.'], 'Let SISO run the demo; your role is to connect it to what the client told you.'],
      ['Platform review', 'Pull the course together before the assessment.', ['Portal, projects and milestones are what clients see every week.', 'Integrations and mobile apps extend the value of a project.', 'Security and billing questions go to SISO early.'], 'Rewatch any module whose tip you could not repeat from memory.'],
    ],
    questions: [
      ['How is a SISO build priced?', ['Hourly with no cap', 'In phases with fixed scope and price', 'A single yearly licence'], [1]],
      ['Where do clients approve milestones?', ['By phone', 'In the client portal', 'In your referral dashboard'], [1]],
      ['Which are true of SISO mobile apps? Choose all that apply.', ['They work offline', 'They are a separate product with its own contract', 'They attach photos and signatures to records'], [0, 2]],
      ['A prospect asks for a price on the first call. What do you say?', ['Quote from memory', 'SISO prices each phase after discovery', 'Promise a discount'], [1]],
      ['When should security questions go to SISO?', ['Early, as part of discovery', 'After the contract is signed', 'Never; answer them yourself'], [0]],
    ],
  },
  {
    slug: 'client-management', tier: 'active', track: 'Client Success', level: 'intermediate',
    modules: [
      ['Setting expectations', 'Happy clients are the ones whose expectations were set before signing.', ['Agree what "done" means for the first phase in writing.', 'Explain how long discovery takes and what the client must provide.', 'Name who at SISO the client will speak to each week.'], 'Repeat timelines back to the client in an e-mail after the kickoff call.'],
      ['Onboarding check-ins', 'The first month decides whether a client trusts the project.', ['Check in after the kickoff, the first demo and the first milestone.', 'Log each check-in as an activity on the lead.', 'Raise worries with your SISO account manager the same day.'], 'A five-minute call after the first demo catches most misunderstandings early.'],
      ['Measuring satisfaction', 'Satisfaction ratings count toward your tier and predict renewals.', ['Ask clients to rate the project after each milestone.', 'Read comments, not only the score.', 'Follow up personally on any rating below four.'], 'Ask "what would make this a five?"; the answer is usually small and fixable.'],
      ['Spotting upsell moments', 'Upsells come from clients who already see value.', ['Listen for new manual work in other departments.', 'Suggest a follow-on phase when a milestone lands well.', 'Log upsell leads separately so they are attributed.'], 'The best time to mention the next phase is right after the client praises the current one.'],
      ['Escalations', 'Problems handled quickly become proof of good service.', ['Open a support ticket with the facts and the client\'s impact.', 'Tell the client what happens next and when.', 'Follow the ticket until the client confirms it is resolved.'], 'Never promise a fix date yourself; promise when they will hear from SISO.'],
      ['Renewals', 'Hosting and support renew yearly; a renewal is a chance to grow the account.', ['Review usage reports with the client a month before renewal.', 'Collect the improvements they want for next year.', 'Introduce SISO for a planning call if there is a new phase.'], 'Clients who see their usage numbers before renewal almost never cancel.'],
    ],
    questions: [
      ['When should onboarding check-ins happen? Choose all that apply.', ['After the kickoff', 'After the first demo', 'Only at renewal', 'After the first milestone'], [0, 1, 3]],
      ['A client rates a milestone 3 out of 5. What do you do?', ['Nothing; it is a pass', 'Follow up personally and ask what would make it a five', 'Delete the rating'], [1]],
      ['What should you promise during an escalation?', ['A fix date', 'When the client will hear from SISO', 'A refund'], [1]],
      ['When is the best moment to suggest a follow-on phase?', ['Right after the client praises a milestone', 'During an escalation', 'Before the first demo'], [0]],
    ],
  },
  {
    slug: 'marketing-strategies', tier: 'active', track: 'Marketing', level: 'intermediate',
    modules: [
      ['Positioning SISO for your audience', 'Your audience trusts you; position SISO as the answer to a problem they already have.', ['Pick one industry you know and one problem common in it.', 'Write one sentence: who it is for, the problem, the result.', 'Use the same sentence in every campaign.'], 'Specific beats broad: "for logistics firms drowning in spreadsheets" outperforms "custom software".'],
      ['Email campaigns', 'E-mail to people who know you converts better than any ad.', ['Use the approved e-mail templates in the Marketing center.', 'Send to a list of people you know, never a bought list.', 'Include your referral link once, near the end.'], 'Plain-text e-mails from you personally get more replies than designed newsletters.'],
      ['LinkedIn and social media', 'Social posts keep you visible to the people who will refer or buy later.', ['Post a short client story once a week.', 'Use the social media assets in the Marketing center.', 'Reply to comments the same day.'], 'A post that names a real problem gets more meetings than one that names SISO.'],
      ['Events and webinars', 'Small events put you in a room with qualified buyers.', ['Co-host a breakfast or webinar with SISO for your network.', 'Invite people with one specific problem in common.', 'Follow up every attendee within two days.'], 'Ten of the right people beat a hundred of the wrong ones.'],
      ['Content that converts', 'Useful content earns trust before the first call.', ['Write about a problem, its cost and one way to fix it.', 'End with a question the reader can answer by replying.', 'Reuse one piece across e-mail, LinkedIn and your site.'], 'A checklist your audience can use today gets shared more than any brochure.'],
      ['Using UTM parameters', 'UTM parameters tell you which campaign brought each click.', ['Add utm_source and utm_campaign to every link you share.', 'Use the referral link builder to add them consistently.', 'Compare clicks and conversions per campaign monthly.'], 'Name campaigns the same way every time, e.g. "2026-03-newsletter", so reports group them.'],
      ['Co-marketing with SISO', 'SISO supports partners who run campaigns with approved materials.', ['Request co-branded materials through the Marketing center.', 'Follow the brand guidelines for logos and colours.', 'Ask SISO for a case study relevant to your audience.'], 'Co-branded assets carry both logos; never edit the SISO logo yourself.'],
      ['Budgeting your campaigns', 'Spend where your audience already is and measure the return.', ['Set a monthly budget and a target number of leads.', 'Track cost per lead for each channel.', 'Stop channels that bring clicks but no qualified leads.'], 'One won deal usually pays for a year of small campaigns; measure in leads, not likes.'],
      ['Measuring results', 'Your analytics show which activities bring commission.', ['Review clicks, leads and won deals per link monthly.', 'Compare conversion rates between campaigns.', 'Double down on the best channel for the next quarter.'], 'Keep a simple monthly note of what you tried and what it brought.'],
      ['Case study: a 90-day campaign', 'One partner ran a three-month campaign for construction firms and won two deals.', ['Month one: three LinkedIn posts and one e-mail to 40 contacts.', 'Month two: a breakfast event co-hosted with SISO for 12 guests.', 'Month three: personal follow-ups that produced five qualified leads.'], 'The campaign worked because every step targeted the same problem for the same audience.'],
    ],
    questions: [
      ['Which list should you e-mail?', ['People you know', 'A bought list', 'Every address you can find'], [0]],
      ['What do UTM parameters tell you?', ['Which campaign brought a click', 'The client\'s budget', 'Your commission rate'], [0]],
      ['Which are good practice for co-marketing? Choose all that apply.', ['Follow the brand guidelines', 'Redraw the SISO logo in your colours', 'Request co-branded materials in the Marketing center'], [0, 2]],
      ['How should you judge a campaign channel?', ['By likes', 'By qualified leads and won deals', 'By how much it costs'], [1]],
      ['What made the 90-day campaign work?', ['A large ad budget', 'Every step targeted the same problem for the same audience', 'Bought e-mail lists'], [1]],
    ],
  },
  {
    slug: 'technical-basics', tier: 'performer', track: 'Technical', level: 'intermediate',
    modules: [
      ['Architecture at a glance', 'IT buyers want to know what they are buying runs on solid ground.', ['SISO systems are web applications hosted in European data centres.', 'Each client has its own database.', 'Releases are tested and deployed without downtime.'], 'Say "separate database per client"; it answers the most common isolation question.'],
      ['APIs and webhooks', 'Integrations are what make custom software fit a company.', ['Every SISO system exposes a documented REST API.', 'Webhooks notify other systems when records change.', 'API keys are scoped and can be revoked by the client.'], 'Ask which systems must stay in sync; it shapes the integration scope.'],
      ['Single sign-on', 'Larger clients want staff to sign in with their company account.', ['SISO supports SAML and OpenID Connect.', 'Common providers: Microsoft Entra ID, Google Workspace, Okta.', 'Users are deactivated automatically when they leave the company.'], 'Mention SSO to any client with more than 100 staff before they ask.'],
      ['Data residency', 'Regulated clients need to know where their data lives.', ['Data is stored in the EU by default; UK hosting is available.', 'Backups stay in the same region.', 'Clients can export all their data at any time.'], 'If a client names a regulation, pass it to SISO in the lead notes.'],
      ['Answering security questionnaires', 'Security questionnaires are part of most enterprise deals.', ['Send the questionnaire to SISO as soon as the client shares it.', 'Do not answer technical questions yourself.', 'Track the questionnaire as an activity with a due date.'], 'A questionnaire answered within a week keeps the deal moving; a late one can stall it for months.'],
    ],
    questions: [
      ['How are client databases organised?', ['One shared database for all clients', 'A separate database per client', 'Spreadsheets'], [1]],
      ['Which single sign-on standards does SISO support? Choose all that apply.', ['SAML', 'OpenID Connect', 'FTP'], [0, 1]],
      ['Where is data stored by default?', ['In the EU', 'Anywhere', 'On the partner\'s laptop'], [0]],
      ['A client sends a security questionnaire. What do you do?', ['Answer it yourself', 'Send it to SISO straight away', 'Ignore it'], [1]],
    ],
  },
  {
    slug: 'advanced-techniques', tier: 'elite', track: 'Enterprise Sales', level: 'advanced',
    modules: [
      ['Enterprise buying committees', 'Enterprise deals are decided by several people, each with a different worry.', ['Expect a budget holder, a user lead, IT and procurement.', 'Learn what each one needs to say yes.', 'Keep a simple map of who has been met and who has not.'], 'The person who introduced you is rarely the one who signs.'],
      ['Mapping stakeholders', 'A stakeholder map shows where a deal can stall.', ['List each stakeholder, their role and their stance.', 'Find a champion who will speak for the project internally.', 'Plan how to reach anyone who is neutral or opposed.'], 'Ask your champion "who could stop this?" and plan for that person.'],
      ['Business cases and ROI', 'Enterprise buyers need a business case they can take to their board.', ['Quantify the cost of the current manual process per year.', 'Estimate the saving after launch conservatively.', 'Show payback in months, not percentages.'], 'Use the client\'s own numbers; a business case built on your assumptions will be challenged.'],
      ['Procurement and legal', 'Procurement protects the buyer; treat it as a step, not an obstacle.', ['Ask early which documents procurement will need.', 'Send vendor forms and contracts to SISO quickly.', 'Agree the timeline for legal review with the champion.'], 'Most late-stage delays are paperwork nobody asked for in time.'],
      ['Multi-year deals', 'Longer agreements give clients price certainty and SISO a stable roadmap.', ['Offer a roadmap of phases across two or three years.', 'Tie each year to a business outcome.', 'Include review points where the client can adjust scope.'], 'Frame multi-year as "your roadmap", never as a lock-in.'],
      ['Pricing negotiations', 'Negotiation protects value for the client and for SISO.', ['Trade, do not concede: a discount for a longer term or a case study.', 'Keep scope and price together; reduce one, reduce the other.', 'Involve SISO before any number is discussed.'], 'Silence after a price is stated is not a request for a discount.'],
      ['Executive sponsorship', 'An executive sponsor keeps a project funded when priorities change.', ['Identify who owns the business outcome at board level.', 'Arrange a short meeting between them and SISO leadership.', 'Report progress to the sponsor at each milestone.'], 'Sponsors want outcomes in one slide; leave the details to the project team.'],
      ['White-label offers', 'Some partners resell SISO-built software under their own brand.', ['White-label is available to Elite partners with an agreement.', 'SISO builds and hosts; you own the client relationship.', 'Pricing and margins are agreed per offer.'], 'Start with one offer for one industry you know deeply.'],
      ['Building a referral engine', 'Top partners turn one-off referrals into a steady flow.', ['Ask every happy client for two introductions.', 'Run a small event each quarter.', 'Review your pipeline weekly with your SISO account manager.'], 'Consistency beats intensity: a little every week outperforms occasional pushes.'],
      ['Partner-led events', 'Your own events position you as the expert in your market.', ['Choose a theme tied to one business problem.', 'Invite a client to share their results.', 'Follow up every attendee personally within two days.'], 'A client speaking about results persuades more than any presentation.'],
      ['Account planning', 'Large accounts grow when you plan them.', ['List every department that could benefit.', 'Note who you know in each and who you need to meet.', 'Set one goal per quarter per account.'], 'Review account plans with SISO each quarter so both sides push the same goals.'],
      ['Forecasting', 'Accurate forecasts build trust with SISO and help you plan your income.', ['Keep deal values and close dates current on every lead.', 'Only count deals with an agreed next step.', 'Compare your forecast with actual wins each month.'], 'If a close date has moved twice, move the deal to next quarter.'],
      ['Coaching your own team', 'Partners with teams multiply their results through coaching.', ['Share the Sales Fundamentals course with new team members.', 'Review their leads weekly and give one piece of feedback.', 'Celebrate wins publicly.'], 'Ask team members to explain a lost deal; the lesson sticks when they find it themselves.'],
      ['Case study: an elite partner\'s year', 'One Elite partner grew from three to eleven won deals in a year.', ['They focused on logistics and wholesale clients only.', 'They ran four breakfast events with SISO.', 'They asked every won client for two introductions.'], 'Focus on one market made every campaign and event reinforce the others.'],
      ['Programme review', 'Pull the programme together before the final assessment.', ['Map stakeholders and find a champion early.', 'Build business cases on the client\'s own numbers.', 'Plan accounts and forecast honestly.'], 'Choose one technique from this course to apply to your largest open deal this week.'],
    ],
    questions: [
      ['Who usually signs an enterprise deal?', ['The person who introduced you', 'Someone on the buying committee, often the budget holder', 'The IT helpdesk'], [1]],
      ['What belongs in a business case? Choose all that apply.', ['The current process\'s yearly cost', 'A conservative saving estimate', 'Payback in months', 'Your own commission'], [0, 1, 2]],
      ['How should you respond to a request for a discount?', ['Concede immediately', 'Trade it for something, such as a longer term', 'Refuse to talk'], [1]],
      ['A close date has moved twice. What should you do?', ['Keep it in this quarter', 'Move the deal to next quarter', 'Delete the lead'], [1]],
      ['What does a champion do?', ['Speaks for the project inside the client', 'Signs the contract alone', 'Handles procurement forms'], [0]],
      ['What made the elite partner\'s year work?', ['Focus on one market', 'Working with every industry', 'Large ad budgets'], [0]],
    ],
  },
];

/** Pass mark and wait after a failed attempt, the same for every seeded assessment. */
export const ASSESSMENT_PASS_MARK = 0.8;
export const ASSESSMENT_COOLDOWN_HOURS = 24;

export interface WebinarSeed { slug: string; title: string; tier: SeedTier; startDays: number; durationMinutes: number; host: string; capacity: number; description: string }
export const webinarSeeds: readonly WebinarSeed[] = [
  { slug: 'webinar-winning-first-referral', title: 'Winning your first referral', tier: 'starter', startDays: 7, durationMinutes: 45, host: 'Maya Patel, Partner Success', capacity: 100, description: 'A live walkthrough of a first conversation, from introduction to handover, with questions from partners.' },
  { slug: 'webinar-enterprise-playbook', title: 'Enterprise deal playbook (Performer exclusive)', tier: 'performer', startDays: 14, durationMinutes: 60, host: 'Tom Reid, Head of Sales', capacity: 30, description: 'How Performer and Elite partners run multi-stakeholder deals with SISO, with two live case studies.' },
];

export interface CoachingSlotSeed { slug: string; startDays: number; hour: number; durationMinutes: number; coach: string }
export const coachingSlotSeeds: readonly CoachingSlotSeed[] = [
  { slug: 'coaching-slot-1', startDays: 3, hour: 10, durationMinutes: 30, coach: 'Maya Patel' },
  { slug: 'coaching-slot-2', startDays: 5, hour: 14, durationMinutes: 30, coach: 'Tom Reid' },
  { slug: 'coaching-slot-3', startDays: 9, hour: 11, durationMinutes: 45, coach: 'Maya Patel' },
];

/**
 * Video lessons: a module with one carries the file on its catalog row (path, sha256, size), so the
 * storage policy gates the bytes by the course's tier. The recording is the platform walkthrough.
 */
export const trainingVideoSeeds: readonly { course: string; moduleIndex: number; path: string; caption: string; durationSeconds: number }[] = [
  { course: 'sales-fundamentals', moduleIndex: 0, path: 'training/sales-fundamentals/welcome.webm', caption: 'A short tour of the workstation you will log your introductions in', durationSeconds: 8 },
  { course: 'sales-fundamentals', moduleIndex: 6, path: 'training/sales-fundamentals/handover.webm', caption: 'Where a handed-over lead shows up for you and for SISO', durationSeconds: 8 },
];

/** Featured learning paths on the Training hub: courses (by slug) in the order to take them. */
export interface LearningPathSeed { slug: string; title: string; summary: string; courses: readonly string[] }
export const learningPathSeeds: readonly LearningPathSeed[] = [
  {
    slug: 'path-close-your-first-deal', title: 'Close your first deal',
    summary: 'From the first conversation to a signed client: how referrals work, then how to look after the client once SISO is on board.',
    courses: ['sales-fundamentals', 'client-management'],
  },
  {
    slug: 'path-siso-specialist', title: 'Become a SISO specialist',
    summary: 'Know the platform well enough to answer IT buyers, then run enterprise deals with several stakeholders.',
    courses: ['siso-platform-mastery', 'technical-basics', 'advanced-techniques'],
  },
  {
    slug: 'path-grow-with-marketing', title: 'Grow with marketing',
    summary: 'Bring in leads with campaigns you can measure, and turn the clients they bring into repeat referrers.',
    courses: ['marketing-strategies', 'client-management'],
  },
];

/**
 * Certificates issued a year ago and about to expire, so the renewal reminder (a notification) and
 * the Certifications page's notice show on a fresh backend. Issued with a passed attempt that
 * answered every question right.
 */
export interface ExpiringCertificateSeed { partner: SeedTier; course: string; track: string; expiresInDays: number; verificationCode: string }
export const expiringCertificateSeeds: readonly ExpiringCertificateSeed[] = [
  { partner: 'active', course: 'sales-fundamentals', track: 'Sales', expiresInDays: 20, verificationCode: 'ACT1VE5A1E52' },
];

export function moduleSlug(courseSlug: string, index: number): string {
  return `${courseSlug}-module-${index + 1}`;
}
export function assessmentSlug(courseSlug: string): string {
  return `${courseSlug}-assessment`;
}
export function questionId(index: number): string {
  return `q${index + 1}`;
}
export function optionId(index: number): string {
  return `o${index + 1}`;
}

/** A module's written lesson as structured blocks (never HTML). */
export function moduleLessons(outline: ModuleOutline): { kind: 'text'; blocks: { type: 'heading' | 'paragraph' | 'list' | 'tip'; text?: string; items?: string[] }[] }[] {
  const [title, why, points, tip] = outline;
  return [{
    kind: 'text',
    blocks: [
      { type: 'heading', text: title },
      { type: 'paragraph', text: why },
      { type: 'list', items: [...points] },
      { type: 'tip', text: tip },
    ],
  }];
}

/** The partner-visible assessment body (questions without answers) for `course`, given the course's catalog id. */
export function assessmentBody(course: TrainingCourseSeed, courseId: string): Record<string, unknown> {
  return {
    course_id: courseId,
    pass_mark: ASSESSMENT_PASS_MARK,
    cooldown_hours: ASSESSMENT_COOLDOWN_HOURS,
    questions: course.questions.map(([prompt, options, correct], index) => ({
      id: questionId(index),
      prompt,
      kind: correct.length > 1 ? 'multiple' : 'single',
      options: options.map((text, optionIndex) => ({ id: optionId(optionIndex), text })),
    })),
  };
}

/** The server-only key: question id → correct option ids. */
export function assessmentKey(course: TrainingCourseSeed): Record<string, string[]> {
  return Object.fromEntries(course.questions.map(([, , correct], index) => [questionId(index), correct.map(optionId)]));
}
