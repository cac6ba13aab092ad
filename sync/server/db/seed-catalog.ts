/**
 * Catalog content for the demo database: tier rules, courses, marketing assets, proposal
 * templates, articles, brand guidelines and announcements. Pure data; seed.ts stamps ids and dates.
 */
import { BUNDLED_TEMPLATE_JSON } from '../../domain/proposals/templates';
import { parseProposalTemplate } from '../../domain/proposals/template-schema';
import type { SeedTier } from './seed-accounts';
import { sisoLogoSvg } from './seed-asset-files';
import { trainingCourses } from './seed-training';

export interface CatalogSeedEntry {
  kind: 'asset' | 'template' | 'course' | 'article' | 'tier_rule' | 'announcement' | 'brand_guideline';
  slug: string;
  title: string;
  tierRequired: SeedTier;
  category: string | null;
  tags: string[];
  body: Record<string, unknown>;
  /** The file's path in the `assets` bucket; its bytes come from seed-asset-files.ts. */
  file?: { path: string };
  /** Days before now the entry was published. */
  ageDays: number;
}

const tierRules: CatalogSeedEntry[] = [
  {
    kind: 'tier_rule', slug: 'tier-starter', title: 'Starter', tierRequired: 'starter', category: 'tiers', tags: ['tier'], ageDays: 200,
    body: {
      tier: 'starter', rank: 0, commission_rate: 20,
      requirements: { referred_leads_per_month: 0, training_modules_completed: 0, satisfaction_rating: 0, support_calls_attended: 0, min_days_in_previous_tier: 0 },
      benefits: {
        marketing_categories: ['brochures', 'email_templates', 'brand_assets'],
        training_courses: ['sales-fundamentals', 'siso-platform-mastery'],
        support_channels: ['community_forum', 'knowledge_base'],
        payout_frequency: 'monthly',
        max_discount_percent: 0,
        lead_features: ['lead_list', 'simple_referral_links'],
      },
    },
  },
  {
    kind: 'tier_rule', slug: 'tier-active', title: 'Active', tierRequired: 'starter', category: 'tiers', tags: ['tier'], ageDays: 200,
    body: {
      tier: 'active', rank: 1, commission_rate: 22,
      requirements: { referred_leads_per_month: 3, training_modules_completed: 8, satisfaction_rating: 3.5, support_calls_attended: 1, min_days_in_previous_tier: 30 },
      benefits: {
        marketing_categories: ['brochures', 'email_templates', 'brand_assets', 'social_media', 'proposals', 'customisation'],
        training_courses: ['sales-fundamentals', 'siso-platform-mastery', 'client-management', 'marketing-strategies'],
        support_channels: ['community_forum', 'knowledge_base', 'email', 'monthly_group_calls'],
        payout_frequency: 'bi-weekly',
        max_discount_percent: 5,
        lead_features: ['lead_list', 'simple_referral_links', 'pipeline', 'attribution'],
      },
    },
  },
  {
    kind: 'tier_rule', slug: 'tier-performer', title: 'Performer', tierRequired: 'starter', category: 'tiers', tags: ['tier'], ageDays: 200,
    body: {
      tier: 'performer', rank: 2, commission_rate: 25,
      requirements: { referred_leads_per_month: 8, training_modules_completed: 26, satisfaction_rating: 4.0, support_calls_attended: 3, min_days_in_previous_tier: 60 },
      benefits: {
        marketing_categories: ['brochures', 'email_templates', 'brand_assets', 'social_media', 'proposals', 'customisation', 'video', 'webinar_slides', 'advanced_templates'],
        training_courses: ['sales-fundamentals', 'siso-platform-mastery', 'client-management', 'marketing-strategies', 'technical-basics'],
        support_channels: ['community_forum', 'knowledge_base', 'email', 'monthly_group_calls', 'priority_support', 'weekly_calls', 'slack'],
        payout_frequency: 'weekly',
        max_discount_percent: 10,
        lead_features: ['lead_list', 'simple_referral_links', 'pipeline', 'attribution', 'analytics', 'automation_rules'],
      },
    },
  },
  {
    kind: 'tier_rule', slug: 'tier-elite', title: 'Elite', tierRequired: 'starter', category: 'tiers', tags: ['tier'], ageDays: 200,
    body: {
      tier: 'elite', rank: 3, commission_rate: 30,
      requirements: { referred_leads_per_month: 15, training_modules_completed: 41, satisfaction_rating: 4.5, support_calls_attended: 6, min_days_in_previous_tier: 90 },
      benefits: {
        marketing_categories: ['brochures', 'email_templates', 'brand_assets', 'social_media', 'proposals', 'customisation', 'video', 'webinar_slides', 'advanced_templates', 'white_label', 'co_branded', 'custom_api'],
        training_courses: ['sales-fundamentals', 'siso-platform-mastery', 'client-management', 'marketing-strategies', 'technical-basics', 'advanced-techniques', 'coaching_1on1'],
        support_channels: ['community_forum', 'knowledge_base', 'email', 'monthly_group_calls', 'priority_support', 'weekly_calls', 'slack', 'one_on_one', 'account_manager'],
        payout_frequency: 'real-time',
        max_discount_percent: 15,
        lead_features: ['lead_list', 'simple_referral_links', 'pipeline', 'attribution', 'analytics', 'automation_rules', 'api_access', 'white_label_tracking'],
      },
    },
  },
];

function course(
  slug: string, title: string, tier: SeedTier, hours: number, summary: string, modules: string[],
): CatalogSeedEntry {
  return {
    kind: 'course', slug, title, tierRequired: tier, category: 'training', tags: ['course'], ageDays: 180,
    body: {
      summary,
      duration_minutes: Math.round(hours * 60),
      module_count: modules.length,
      level: trainingCourses.find((entry) => entry.slug === slug)?.level,
      track: trainingCourses.find((entry) => entry.slug === slug)?.track,
      modules: modules.map((moduleTitle, index) => ({
        index,
        title: moduleTitle,
        duration_minutes: Math.round((hours * 60) / modules.length),
      })),
    },
  };
}

const courses: CatalogSeedEntry[] = [
  course('sales-fundamentals', 'Sales Fundamentals', 'starter', 2, 'How SISO sells, who buys, and how to start a referral conversation.', [
    'Welcome to the partner programme', 'Who SISO helps', 'Finding the right contacts', 'The first conversation',
    'Qualifying a lead', 'Handling common objections', 'Handing over to SISO', 'Following up and staying in touch',
  ]),
  course('siso-platform-mastery', 'SISO Platform Mastery', 'starter', 3, 'Every part of the SISO platform your clients will use.', [
    'Platform overview', 'Accounts and workspaces', 'Projects and milestones', 'Client portal', 'Reporting',
    'Integrations', 'Billing and plans', 'Security and compliance', 'Mobile apps', 'Admin settings',
    'Demo walkthrough', 'Platform review',
  ]),
  course('client-management', 'Client Management', 'active', 1.5, 'Keeping referred clients happy from signature to renewal.', [
    'Setting expectations', 'Onboarding check-ins', 'Measuring satisfaction', 'Spotting upsell moments',
    'Escalations', 'Renewals',
  ]),
  course('marketing-strategies', 'Marketing Strategies', 'active', 2.5, 'Campaigns that bring qualified leads to your referral links.', [
    'Positioning SISO for your audience', 'Email campaigns', 'LinkedIn and social media', 'Events and webinars',
    'Content that converts', 'Using UTM parameters', 'Co-marketing with SISO', 'Budgeting your campaigns',
    'Measuring results', 'Case study: a 90-day campaign',
  ]),
  course('technical-basics', 'Technical Basics', 'performer', 1, 'Enough technical depth to answer an IT buyer\'s first questions.', [
    'Architecture at a glance', 'APIs and webhooks', 'Single sign-on', 'Data residency', 'Answering security questionnaires',
  ]),
  course('advanced-techniques', 'Advanced Techniques', 'elite', 4, 'Enterprise deals, multi-stakeholder sales and partner-led growth.', [
    'Enterprise buying committees', 'Mapping stakeholders', 'Business cases and ROI', 'Procurement and legal',
    'Multi-year deals', 'Pricing negotiations', 'Executive sponsorship', 'White-label offers', 'Building a referral engine',
    'Partner-led events', 'Account planning', 'Forecasting', 'Coaching your own team', 'Case study: an elite partner\'s year',
    'Programme review',
  ]),
];

/**
 * Asset rows; their files are generated by seed-asset-files.ts (by slug), which also gives the
 * MIME type, size, sha256 and, for images, the thumbnail.
 */
function asset(
  slug: string, title: string, tier: SeedTier, category: string, file: string, description: string,
  extra: { tags?: string[]; customizeTemplate?: string; ageDays?: number } = {},
): CatalogSeedEntry {
  return {
    kind: 'asset', slug, title, tierRequired: tier, category, tags: extra.tags ?? [category], ageDays: extra.ageDays ?? 120,
    body: { description, ...(extra.customizeTemplate ? { customize_template: extra.customizeTemplate } : {}) },
    file: { path: `${category}/${file}` },
  };
}

const assets: CatalogSeedEntry[] = [
  asset('siso-overview-brochure', 'SISO Overview Brochure', 'starter', 'brochures', 'siso-overview.pdf', 'Two-page introduction to SISO for first meetings.', { customizeTemplate: 'co-branded-brochure' }),
  asset('siso-pricing-brochure', 'Plans and Pricing Brochure', 'starter', 'brochures', 'siso-pricing.pdf', 'Current plans, what each includes, and pricing.', { ageDays: 6 }),
  asset('intro-email-template', 'Introduction Email', 'starter', 'email_templates', 'introduction.html', 'A short first email introducing SISO to a contact.', { tags: ['email_templates', 'basic_emails'] }),
  asset('follow-up-email-template', 'Follow-up Email', 'starter', 'email_templates', 'follow-up.html', 'A polite follow-up after a first call.', { tags: ['email_templates', 'basic_emails'] }),
  asset('siso-logo-pack', 'SISO Logo (SVG)', 'starter', 'brand_assets', 'siso-logo-colour.svg', 'The full-colour SISO logo as a scalable SVG; light and dark variations are in the brand guidelines.', { tags: ['brand_assets', 'logo_files'] }),
  asset('social-launch-kit', 'Social Media Launch Card', 'active', 'social_media', 'launch-card.png', 'A 1200 × 628 image for LinkedIn and X launch posts.'),
  asset('social-case-study-cards', 'Case Study Card', 'active', 'social_media', 'case-study-card.png', 'A square image with client results for social posts.'),
  asset('proposal-deck', 'Proposal Deck', 'active', 'proposals', 'proposal-deck.pdf', 'Slides for a proposal meeting.', { customizeTemplate: 'four-page-proposal' }),
  asset('product-demo-video', 'Product Walkthrough Video', 'performer', 'video', 'product-walkthrough.webm', 'A short animated tour of the platform\'s main screens.'),
  asset('webinar-slides', 'Webinar Slides', 'performer', 'proposals', 'webinar-slides.pdf', 'Slides for hosting your own SISO webinar.', { tags: ['webinar_slides'] }),
  asset('white-label-kit', 'White-label Brochure', 'elite', 'brochures', 'white-label-brochure.pdf', 'An unbranded brochure to present SISO under your own brand.', { tags: ['white_label'] }),
  asset('co-branded-brochure-source', 'Co-branded Brochure Copy Deck', 'elite', 'brand_assets', 'co-branded-copy-deck.txt', 'Headlines and panel copy for your own co-branded print brochures.', { tags: ['co_branded'], customizeTemplate: 'co-branded-brochure' }),
];

/** The proposal templates, exactly as the app bundles them: the catalog is where partners get them. */
function template(json: unknown, tierRequired: SeedTier, ageDays: number): CatalogSeedEntry {
  const parsed = parseProposalTemplate(json);
  return {
    kind: 'template', slug: parsed.id, title: parsed.name, tierRequired, category: parsed.category,
    tags: ['proposal'], ageDays, body: json as Record<string, unknown>,
  };
}

const templates: CatalogSeedEntry[] = [
  template(BUNDLED_TEMPLATE_JSON[0], 'starter', 90),
  template(BUNDLED_TEMPLATE_JSON[1], 'active', 90),
  template(BUNDLED_TEMPLATE_JSON[2], 'elite', 60),
  template(BUNDLED_TEMPLATE_JSON[3], 'active', 30),
];

const articles: CatalogSeedEntry[] = [
  {
    kind: 'article', slug: 'how-commissions-are-paid', title: 'How commissions are paid', tierRequired: 'starter', category: 'knowledge_base',
    tags: ['earnings'], ageDays: 150,
    body: {
      article_type: 'faq',
      summary: 'When a commission is earned, which rate applies and when it is paid.',
      blocks: [
        { type: 'paragraph', text: 'Commissions are earned when a referred deal is won and the client\'s first invoice is paid.' },
        { type: 'list', items: ['Your tier\'s rate on the day the deal closes applies, even if your tier changes later.', 'Approved commissions are paid on your tier\'s payout schedule.', 'The Commission center shows each line with its status.'] },
        { type: 'tip', text: 'Ask SISO support if a won deal has no commission line after the first invoice is paid.' },
      ],
    },
  },
  {
    kind: 'article', slug: 'qualifying-a-lead', title: 'Qualifying a lead in five questions', tierRequired: 'starter', category: 'knowledge_base',
    tags: ['leads'], ageDays: 110,
    body: {
      article_type: 'best_practice',
      summary: 'Five questions to ask before you hand a lead to SISO.',
      blocks: [
        { type: 'paragraph', text: 'A qualified lead saves everyone time and closes faster. Ask these before you register it:' },
        { type: 'list', items: ['Budget: is money set aside for this project?', 'Timing: when do they need it live?', 'Decision maker: who signs, and are they involved?', 'Current tools: what do they use today?', 'Problem: what do they want solved, in their words?'] },
      ],
    },
  },
  {
    kind: 'article', slug: 'using-utm-parameters', title: 'Using UTM parameters on referral links', tierRequired: 'active', category: 'knowledge_base',
    tags: ['referral_links'], ageDays: 70,
    body: {
      article_type: 'guide',
      summary: 'Tag referral links so the attribution report shows which campaigns and posts work.',
      blocks: [
        { type: 'heading', text: 'Two parameters are enough' },
        { type: 'list', items: ['utm_campaign: one value per campaign, e.g. spring-webinar.', 'utm_content: one value per post or placement, e.g. linkedin-carousel.'] },
        { type: 'paragraph', text: 'Set them when you create the link in Referral links; the attribution report groups clicks and leads by them.' },
      ],
    },
  },
];

const brandGuidelines: CatalogSeedEntry[] = [
  {
    kind: 'brand_guideline', slug: 'siso-brand-guidelines', title: 'SISO Brand Guidelines', tierRequired: 'starter', category: 'brand_assets',
    tags: ['brand'], ageDays: 160,
    body: {
      intro: 'How to present SISO alongside your own brand: which logo to use where, our colours and type, and how we sound.',
      logos: [
        { variant: 'colour', svg: sisoLogoSvg('colour'), usage: 'The default. Use it on white or light backgrounds.' },
        { variant: 'dark', svg: sisoLogoSvg('dark'), usage: 'One-colour print and light backgrounds where orange clashes.' },
        { variant: 'light', svg: sisoLogoSvg('light'), usage: 'On SISO Ink, photographs darkened to at least 60% and other dark backgrounds.' },
      ],
      palette: [
        { name: 'SISO Orange', hex: '#FF5722', usage: 'The logo mark, calls to action and highlights. Not for body text on white.' },
        { name: 'Ink', hex: '#1A1A2E', usage: 'Text and dark backgrounds.' },
        { name: 'Paper', hex: '#FAFAF7', usage: 'Page backgrounds.' },
        { name: 'Teal', hex: '#008C8C', usage: 'Charts and secondary accents.' },
      ],
      typography: [
        { role: 'Headings', family: 'Inter Bold', usage: 'Sentence case, tight line height.' },
        { role: 'Body text', family: 'Inter Regular', usage: '16 px on screen, 10–11 pt in print.' },
        { role: 'Fallback', family: 'Helvetica, Arial', usage: 'Where Inter is not available, e.g. email.' },
      ],
      logo_clear_space: 'Half the logo height on every side.',
      do: ['Use the full-colour logo on light backgrounds', 'Keep your logo and SISO\'s the same height when co-branding', 'Leave clear space of half the logo height around it'],
      dont: ['Stretch or recolour the logo', 'Place the logo on busy photographs', 'Set body text in SISO Orange'],
      voice: 'Plain, confident and helpful. Say what SISO does for the client in their words, use short sentences, and back claims with numbers. Avoid jargon, hype and exclamation marks.',
    },
  },
];

const announcements: CatalogSeedEntry[] = [
  {
    kind: 'announcement', slug: 'new-proposal-templates', title: 'New proposal templates are live', tierRequired: 'starter', category: 'news',
    tags: ['templates'], ageDays: 5,
    body: { markdown: 'Create a one-page introduction for any lead in seconds from the Leads page.' },
  },
  {
    kind: 'announcement', slug: 'quarterly-partner-webinar', title: 'Quarterly partner webinar', tierRequired: 'starter', category: 'events',
    tags: ['webinar'], ageDays: 2,
    body: { markdown: 'Join the product team for the roadmap and live Q&A. Recording available afterwards.' },
  },
];

export const catalogSeed: CatalogSeedEntry[] = [
  ...tierRules, ...courses, ...assets, ...templates, ...articles, ...brandGuidelines, ...announcements,
];

export const courseModuleCounts: Record<string, number> = Object.fromEntries(
  courses.map((entry) => [entry.slug, (entry.body.modules as unknown[]).length]),
);
