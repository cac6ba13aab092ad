/**
 * Catalog content for the demo database: tier rules, courses, marketing assets, proposal
 * templates, articles, brand guidelines and announcements. Pure data; seed.ts stamps ids and dates.
 */
import { BUNDLED_TEMPLATE_JSON } from '../../domain/proposals/templates';
import { parseProposalTemplate } from '../../domain/proposals/template-schema';
import type { SeedTier } from './seed-accounts';

export interface CatalogSeedEntry {
  kind: 'asset' | 'template' | 'course' | 'article' | 'tier_rule' | 'announcement' | 'brand_guideline';
  slug: string;
  title: string;
  tierRequired: SeedTier;
  category: string | null;
  tags: string[];
  body: Record<string, unknown>;
  file?: { path: string; mimeType: string; size: number };
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
    'Demo walkthrough', 'Certification quiz',
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
    'Final assessment',
  ]),
];

function asset(
  slug: string, title: string, tier: SeedTier, category: string, file: string, mimeType: string, size: number, description: string,
): CatalogSeedEntry {
  return {
    kind: 'asset', slug, title, tierRequired: tier, category, tags: [category], ageDays: 120,
    body: { description },
    file: { path: `${category}/${file}`, mimeType, size },
  };
}

const assets: CatalogSeedEntry[] = [
  asset('siso-overview-brochure', 'SISO Overview Brochure', 'starter', 'brochures', 'siso-overview.pdf', 'application/pdf', 842_311, 'Two-page introduction to SISO for first meetings.'),
  asset('siso-pricing-brochure', 'Plans and Pricing Brochure', 'starter', 'brochures', 'siso-pricing.pdf', 'application/pdf', 615_022, 'Current plans, what each includes, and pricing.'),
  asset('intro-email-template', 'Introduction Email', 'starter', 'email_templates', 'introduction.html', 'text/html', 8_420, 'A short first email introducing SISO to a contact.'),
  asset('follow-up-email-template', 'Follow-up Email', 'starter', 'email_templates', 'follow-up.html', 'text/html', 7_905, 'A polite follow-up after a first call.'),
  asset('siso-logo-pack', 'SISO Logo Pack', 'starter', 'brand_assets', 'siso-logos.zip', 'application/zip', 1_204_113, 'SISO logos in PNG and SVG, light and dark.'),
  asset('social-launch-kit', 'Social Media Launch Kit', 'active', 'social_media', 'launch-kit.zip', 'application/zip', 4_880_120, 'LinkedIn and X posts with images, ready to schedule.'),
  asset('social-case-study-cards', 'Case Study Cards', 'active', 'social_media', 'case-study-cards.zip', 'application/zip', 3_120_554, 'Square images with client results for social posts.'),
  asset('proposal-deck', 'Proposal Deck', 'active', 'proposals', 'proposal-deck.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 5_402_987, 'Editable slides for a proposal meeting.'),
  asset('product-demo-video', 'Product Demo Video', 'performer', 'video', 'product-demo.mp4', 'video/mp4', 38_554_210, 'A six-minute walkthrough of the platform.'),
  asset('webinar-slides', 'Webinar Slides', 'performer', 'webinar_slides', 'webinar-slides.pdf', 'application/pdf', 9_870_331, 'Slides for hosting your own SISO webinar.'),
  asset('white-label-kit', 'White-label Kit', 'elite', 'white_label', 'white-label-kit.zip', 'application/zip', 22_310_876, 'Unbranded materials to present SISO under your own brand.'),
  asset('co-branded-brochure-source', 'Co-branded Brochure Source Files', 'elite', 'co_branded', 'co-branded-source.zip', 'application/zip', 17_002_443, 'Design files for co-branded print brochures.'),
];

/** The three proposal templates, exactly as the app bundles them: the catalog is where partners get them. */
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
];

const articles: CatalogSeedEntry[] = [
  {
    kind: 'article', slug: 'how-commissions-are-paid', title: 'How commissions are paid', tierRequired: 'starter', category: 'knowledge_base',
    tags: ['earnings'], ageDays: 150,
    body: { markdown: 'Commissions are earned when a referred deal is won and the client\'s first invoice is paid. Your tier\'s rate applies on the day the deal closes.' },
  },
  {
    kind: 'article', slug: 'qualifying-a-lead', title: 'Qualifying a lead in five questions', tierRequired: 'starter', category: 'knowledge_base',
    tags: ['leads'], ageDays: 110,
    body: { markdown: 'Budget, timing, decision maker, current tools and the problem they want solved: ask these before handing a lead to SISO.' },
  },
  {
    kind: 'article', slug: 'using-utm-parameters', title: 'Using UTM parameters on referral links', tierRequired: 'active', category: 'knowledge_base',
    tags: ['referral_links'], ageDays: 70,
    body: { markdown: 'Set utm_campaign per campaign and utm_content per post so the attribution report shows what works.' },
  },
];

const brandGuidelines: CatalogSeedEntry[] = [
  {
    kind: 'brand_guideline', slug: 'siso-brand-guidelines', title: 'SISO Brand Guidelines', tierRequired: 'starter', category: 'brand_assets',
    tags: ['brand'], ageDays: 160,
    body: {
      colours: [{ name: 'SISO Orange', hex: '#FF5722' }, { name: 'Ink', hex: '#1A1A2E' }, { name: 'Paper', hex: '#FAFAF7' }],
      logo_clear_space: 'Half the logo height on every side.',
      do: ['Use the full-colour logo on light backgrounds', 'Keep your logo and SISO\'s the same height when co-branding'],
      dont: ['Stretch or recolour the logo', 'Place the logo on busy photographs'],
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
