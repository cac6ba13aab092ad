/**
 * Fills a new database with the demo accounts and realistic, deterministic data: same ids every
 * run, dates relative to now so "this month" always has activity. Inserts run as the owner
 * (bypassing RLS) with bound parameters, in one transaction.
 */
import { createHash } from 'node:crypto';
import type { DbEngine, SqlExecutor } from './engine';
import { catalogSeed, courseModuleCounts } from './seed-catalog';
import {
  assessmentBody, assessmentKey, assessmentSlug, coachingSlotSeeds, expiringCertificateSeeds, learningPathSeeds, moduleLessons, moduleSlug, trainingCourses, trainingVideoSeeds, webinarSeeds,
} from './seed-training';
import { buildSeedAssetFiles, sha256Hex, type SeedAssetFile } from './seed-asset-files';
import { addCommunitySeed } from './seed-community';
import { seededLeadRegistration } from './seed-deal-registrations';
import { addOnboardingSeed } from './seed-onboarding';
import { addCohortSeed, cohortUserRows } from './seed-cohort';
import { addProposalSeed } from './seed-proposals';
import type { ObjectFiles } from '../storage/object-files';
import { seedPartners, seedPassword, seedUsers, type SeedTier, type SeedUser } from './seed-accounts';
import { hashPassword } from '../auth/passwords';

type Row = Record<string, unknown>;

const day = 24 * 3600 * 1000;
const tierRates: Record<SeedTier, number> = { starter: 20, active: 22, performer: 25, elite: 30 };
const leadCounts: Record<SeedTier, number> = { starter: 3, active: 12, performer: 30, elite: 60 };
const tierOrder: SeedTier[] = ['starter', 'active', 'performer', 'elite'];

/** A stable UUID-shaped id from a name, so re-seeding produces the same ids. */
export function seedId(name: string): string {
  const hex = createHash('sha1').update(`siso-seed:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** mulberry32: small deterministic PRNG so the demo data is the same on every machine. */
function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

const companies = [
  'Brightwater Logistics', 'Kestrel Analytics', 'Hollow Oak Studio', 'Meridian Dental Group', 'Copperfield & Hart LLP',
  'Nordlys Energi AS', 'Alpine Route Travel', 'Greenleaf Grocers', 'Bluefin Marine Supplies', 'Sable Architecture',
  'Crescent Health Clinics', 'Ironbridge Manufacturing', 'Lumen Events', 'Parkside Property Management', 'Quayside Coffee Roasters',
  'Redwood Legal', 'Silverline Fitness', 'Tidewater Insurance Brokers', 'Umbra Creative Agency', 'Vantage Recruitment',
  'Willow & Finch Interiors', 'Xylo Software GmbH', 'Yellowstone Outfitters', 'Zephyr Wind Services', 'Atlas Freight Forwarding',
  'Beacon Accountancy', 'Cobalt Security Systems', 'Driftwood Hospitality', 'Evergreen Care Homes', 'Foxglove Florists',
  'Granite Peak Construction', 'Harbourlight Media', 'Indigo Print Works', 'Juniper Veterinary', 'Kingfisher Estates',
  'Lighthouse Education Trust', 'Marlow Wealth Advisers', 'Northgate Automotive', 'Orchard Lane Bakery', 'Pinnacle Engineering',
  'Quartz Dental Labs', 'Riverside Physiotherapy', 'Saffron Restaurants Ltd', 'Thornbury Golf Club', 'Upland Farms Co-op',
  'Verity Market Research', 'Westbrook Solicitors', 'Yarrow Wellness', 'Zenith Aviation Services', 'Amberley Opticians',
  'Birchwood Schools Group', 'Castlegate Hotels', 'Dunmore Distillery', 'Elmstead Vets', 'Fairhaven Housing Association',
  'Glenrock Outdoor', 'Hawthorn Pharmacy', 'Ivybridge Telecom', 'Jasper Jewellers', 'Kelvin HVAC Services',
  'Larkspur Photography', 'Millbrook Dairy', 'Newhaven Ferries', 'Oakridge Surveyors',
];
const firstNames = ['Amelia', 'Oliver', 'Priya', 'Mateo', 'Sofia', 'Jonas', 'Aoife', 'Kwame', 'Hannah', 'Luca', 'Mei', 'Tomasz', 'Isla', 'Rafael', 'Noor', 'Freya'];
const lastNames = ['Hughes', 'Bennett', 'Sharma', 'García', 'Rossi', 'Müller', 'Murphy', 'Mensah', 'Clarke', 'Bianchi', 'Chen', 'Nowak', 'Fraser', 'Silva', 'Haddad', 'Larsen'];
const sources = ['referral_link', 'website', 'event', 'cold_outreach', 'partner_network', 'other'] as const;
const stages = ['new', 'contacted', 'qualified', 'proposal', 'won', 'lost'] as const;
const currencies = ['GBP', 'EUR', 'USD'] as const;
const lostReasons = ['Chose a competitor', 'No budget this year', 'Project postponed', 'No response after three follow-ups'];
const nextActions = ['Send proposal', 'Book demo with SISO', 'Follow-up call', 'Share case study', 'Introduce to SISO sales'];

function slugify(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

interface Clock {
  now: number;
  monthStart: number;
  iso(ms: number): string;
  /** A moment in the current month up to now, so "this month" rows stay current. */
  thisMonth(fraction: number): number;
}

function clockAt(now: Date): Clock {
  const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  return {
    now: now.getTime(),
    monthStart,
    iso: (ms) => new Date(ms).toISOString(),
    thisMonth: (fraction) => monthStart + Math.floor((now.getTime() - monthStart) * fraction),
  };
}

/** One stored file: a marketing asset in `assets` (under the catalog row's file_path) or a proposal in `proposals`. */
export interface SeedObject {
  id: string;
  bucket: 'assets' | 'proposals';
  name: string;
  mimeType: string;
  bytes: Uint8Array;
  sha256: string;
}

interface SeedData {
  users: Row[];
  tables: [table: string, rows: Row[]][];
  objects: SeedObject[];
}

async function buildUsers(clock: Clock): Promise<Row[]> {
  const users: SeedUser[] = [seedUsers.admin, ...seedPartners, seedUsers.new];
  return Promise.all(
    users.map(async (user, index) => ({
      id: user.id,
      email: user.email,
      encrypted_password: await hashPassword(seedPassword),
      raw_app_meta_data: JSON.stringify({ provider: 'email', providers: ['email'], role: user.role }),
      raw_user_meta_data: JSON.stringify({ display_name: user.displayName }),
      created_at: clock.iso(clock.now - (400 - index * 60) * day),
      updated_at: clock.iso(clock.now - 3 * day),
    })),
  );
}

/** Tier rules name their courses by slug in the seed data; the app reads catalog ids. */
function withCourseIds(body: Record<string, unknown>): Record<string, unknown> {
  const benefits = body.benefits as { training_courses?: unknown } | undefined;
  if (!benefits || !Array.isArray(benefits.training_courses)) return body;
  const courseSlugs = new Set(catalogSeed.filter((entry) => entry.kind === 'course').map((entry) => entry.slug));
  const training_courses = benefits.training_courses.map((slug: unknown) =>
    typeof slug === 'string' && courseSlugs.has(slug) ? seedId(`catalog:${slug}`) : slug,
  );
  return { ...body, benefits: { ...benefits, training_courses } };
}

function buildCatalog(clock: Clock, files: ReadonlyMap<string, SeedAssetFile>): Row[] {
  return catalogSeed.map((entry, index) => {
    const createdAt = clock.now - entry.ageDays * day;
    const file = entry.file ? files.get(entry.slug) : undefined;
    if (entry.file && !file) throw new Error(`The seed has no file for the asset ${entry.slug}`);
    const body = entry.kind === 'tier_rule' ? withCourseIds(entry.body) : file?.thumbnail ? { ...entry.body, thumbnail: file.thumbnail } : entry.body;
    return {
      id: seedId(`catalog:${entry.slug}`),
      kind: entry.kind,
      title: entry.title,
      slug: entry.slug,
      body: JSON.stringify(body),
      tier_required: entry.tierRequired,
      category: entry.category,
      tags: entry.tags,
      file_path: entry.file?.path ?? null,
      file_sha256: file ? sha256Hex(file.bytes) : null,
      file_size: file ? file.bytes.length : null,
      mime_type: file?.mimeType ?? null,
      version: 1,
      published: true,
      sort_order: index,
      created_at: clock.iso(createdAt),
      updated_at: clock.iso(createdAt),
    };
  });
}

/** Promotions partners see in bonus tracking: dated around now, so one is always running. */
function buildPromotions(clock: Clock, firstSortOrder: number): Row[] {
  const promotions = [
    {
      slug: 'winter-referral-sprint', title: 'Winter referral sprint', tier: 'starter', startDays: -10, endDays: 40,
      body: { headline: 'Three won referrals this winter earn a bonus', description: 'Win three referred deals before the sprint ends and SISO adds a bonus line to your commissions.', reward: '£250 bonus' },
    },
    {
      slug: 'elite-upsell-boost', title: 'Elite upsell boost', tier: 'performer', startDays: -3, endDays: 60,
      body: { headline: 'Extra commission on upsells', description: 'Upsells closed during the boost earn five points more than your tier rate.', reward: '+5% commission on upsells' },
    },
  ] as const;
  return promotions.map((promotion, index) => ({
    id: seedId(`catalog:${promotion.slug}`),
    kind: 'promotion',
    title: promotion.title,
    slug: promotion.slug,
    body: JSON.stringify({ ...promotion.body, starts_at: clock.iso(clock.now + promotion.startDays * day), ends_at: clock.iso(clock.now + promotion.endDays * day) }),
    tier_required: promotion.tier,
    category: 'promotions',
    tags: ['promotion'],
    file_path: null,
    file_sha256: null,
    file_size: null,
    mime_type: null,
    version: 1,
    published: true,
    sort_order: firstSortOrder + index,
    created_at: clock.iso(clock.now + promotion.startDays * day),
    updated_at: clock.iso(clock.now + promotion.startDays * day),
  }));
}

/** Training hub content: modules and assessments carry their course's tier (the lock), webinars and slots are dated around now. */
function buildTraining(clock: Clock, firstSortOrder: number, video: SeedAssetFile): { catalog: Row[]; keys: Row[] } {
  const publishedAt = clock.iso(clock.now - 180 * day);
  const entry = (slug: string, kind: string, title: string, tier: string, category: string, body: Record<string, unknown>, sortOffset: number, at = publishedAt): Row => ({
    id: seedId(`catalog:${slug}`), kind, title, slug, body: JSON.stringify(body), tier_required: tier, category, tags: [kind],
    file_path: null, file_sha256: null, file_size: null, mime_type: null, version: 1, published: true,
    sort_order: firstSortOrder + sortOffset, created_at: at, updated_at: at,
  });
  const catalog: Row[] = [];
  const keys: Row[] = [];
  for (const course of trainingCourses) {
    const courseId = seedId(`catalog:${course.slug}`);
    const courseEntry = catalogSeed.find((candidate) => candidate.slug === course.slug);
    if (!courseEntry) throw new Error(`The seed has training content for the unknown course ${course.slug}`);
    const minutes = Math.round(Number(courseEntry.body.duration_minutes) / course.modules.length);
    course.modules.forEach((outline, index) => {
      const lesson = trainingVideoSeeds.find((candidate) => candidate.course === course.slug && candidate.moduleIndex === index);
      const videoLessons = lesson ? [{ kind: 'video', asset_path: lesson.path, duration_seconds: lesson.durationSeconds, caption: lesson.caption }] : [];
      const row = entry(moduleSlug(course.slug, index), 'module', outline[0], course.tier, 'training', {
        course_id: courseId, index, title: outline[0], duration_minutes: minutes, lessons: [...moduleLessons(outline), ...videoLessons],
      }, catalog.length);
      catalog.push(lesson ? { ...row, file_path: lesson.path, file_sha256: sha256Hex(video.bytes), file_size: video.bytes.length, mime_type: video.mimeType } : row);
    });
    const assessmentId = seedId(`catalog:${assessmentSlug(course.slug)}`);
    catalog.push(entry(assessmentSlug(course.slug), 'assessment', `${courseEntry.title} assessment`, course.tier, 'training', assessmentBody(course, courseId), catalog.length));
    for (const [questionId, correct] of Object.entries(assessmentKey(course))) {
      keys.push({ assessment_id: assessmentId, question_id: questionId, correct_option_ids: correct });
    }
  }
  for (const webinar of webinarSeeds) {
    const startsAt = clock.now + webinar.startDays * day;
    catalog.push(entry(webinar.slug, 'webinar', webinar.title, webinar.tier, 'webinars', {
      starts_at: clock.iso(startsAt - (startsAt % day) + 15 * 3600_000), duration_minutes: webinar.durationMinutes, host: webinar.host,
      join_url: `https://meet.siso.test/${webinar.slug}`, capacity: webinar.capacity, description: webinar.description,
    }, catalog.length, clock.iso(clock.now - 7 * day)));
  }
  for (const slot of coachingSlotSeeds) {
    const startsAt = clock.now + slot.startDays * day;
    catalog.push(entry(slot.slug, 'coaching_slot', `Coaching with ${slot.coach}`, 'elite', 'coaching', {
      starts_at: clock.iso(startsAt - (startsAt % day) + slot.hour * 3600_000), duration_minutes: slot.durationMinutes, coach: slot.coach,
    }, catalog.length, clock.iso(clock.now - 7 * day)));
  }
  for (const path of learningPathSeeds) {
    const unknown = path.courses.find((slug) => !trainingCourses.some((course) => course.slug === slug));
    if (unknown) throw new Error(`The learning path ${path.slug} names the unknown course ${unknown}`);
    catalog.push(entry(path.slug, 'learning_path', path.title, 'starter', 'training', {
      summary: path.summary, course_ids: path.courses.map((slug) => seedId(`catalog:${slug}`)), featured: true,
    }, catalog.length));
  }
  return { catalog, keys };
}

/**
 * Certificates close to expiry (expiringCertificateSeeds) with the passed attempts behind them.
 * Inserted on their own: insertRows takes a table's columns from its first row, a module row.
 */
function buildExpiringCertificates(clock: Clock): Row[] {
  return expiringCertificateSeeds.flatMap((seed) => {
    const course = trainingCourses.find((candidate) => candidate.slug === seed.course);
    const partner = seedPartners.find((candidate) => candidate.tier === seed.partner);
    if (!course || !partner) throw new Error(`The seed has an expiring certificate for an unknown course or tier: ${seed.course}, ${seed.partner}`);
    const expiresAt = clock.now + seed.expiresInDays * day;
    const issuedAt = clock.iso(expiresAt - 365 * day);
    const attemptId = seedId(`${partner.key}:attempt:${seed.course}`);
    const common = {
      partner_id: partner.id, module_index: 0, answers: null, score: 1, status: 'passed', track: null, verification_code: null,
      issued_at: null, expires_at: null, ref_id: null, completed_at: issuedAt, created_at: issuedAt, updated_at: issuedAt,
    };
    return [
      { ...common, id: attemptId, kind: 'attempt', course_id: seedId(`catalog:${assessmentSlug(seed.course)}`), answers: JSON.stringify(assessmentKey(course)) },
      {
        ...common, id: `cert-${attemptId}`, kind: 'certificate', course_id: seedId(`catalog:${seed.course}`), ref_id: attemptId, track: seed.track,
        verification_code: seed.verificationCode, issued_at: issuedAt, expires_at: clock.iso(expiresAt),
      },
    ];
  });
}

function buildObjects(files: ReadonlyMap<string, SeedAssetFile>, video: SeedAssetFile): SeedObject[] {
  const assetObjects = catalogSeed.flatMap((entry) => {
    const file = entry.file ? files.get(entry.slug) : undefined;
    if (!entry.file || !file) return [];
    return [{ id: seedId(`asset-object:${entry.file.path}`), bucket: 'assets' as const, name: entry.file.path, mimeType: file.mimeType, bytes: file.bytes, sha256: sha256Hex(file.bytes) }];
  });
  const videoObjects = trainingVideoSeeds.map((lesson) => ({
    id: seedId(`asset-object:${lesson.path}`), bucket: 'assets' as const, name: lesson.path, mimeType: video.mimeType, bytes: video.bytes, sha256: sha256Hex(video.bytes),
  }));
  return [...assetObjects, ...videoObjects];
}

function buildPartnerData(partner: (typeof seedPartners)[number], partnerIndex: number, clock: Clock, rows: Map<string, Row[]>): void {
  const tier = partner.tier;
  const rank = tierOrder.indexOf(tier);
  const rate = tierRates[tier];
  const random = randomSource(1000 + partnerIndex * 7919);
  const add = (table: string, row: Row) => rows.get(table)?.push(row) ?? rows.set(table, [row]);
  const partnerId = partner.id;
  const joinedAt = clock.now - (120 + rank * 110) * day;
  const key = partner.key;

  // payout and tax details: the full values stay in the server-only table, the profile gets a mask
  const iban = seedIban(`${60161331926819 + partnerIndex * 1111}`);
  const taxId = `GB${String(123456789 + partnerIndex * 1111111)}`;
  add('payout_details', {
    partner_id: partnerId, method: 'bank', account_holder: partner.company, iban, bic: 'NWBKGB2L', paypal_email: null,
    legal_name: partner.company, tax_country: 'GB', tax_id: taxId,
    method_updated_at: clock.iso(joinedAt + day), tax_updated_at: clock.iso(joinedAt + day),
  });

  // profile
  add('profiles', {
    id: partnerId, partner_id: partnerId, display_name: partner.displayName, company: partner.company, email: partner.email,
    phone: `+44 20 7946 0${String(100 + partnerIndex * 37).padStart(3, '0')}`,
    website: `https://${slugify(partner.company)}.example`, tagline: 'Helping growing teams work better with SISO',
    brand_primary: ['#1F6FEB', '#0E8A5F', '#8E44AD', '#C0392B'][partnerIndex] ?? '#1F6FEB', brand_secondary: '#F5F5F0',
    logo_path: rank >= 1 ? `${partnerId}/logo.png` : null, payout_method: 'bank',
    payout_details: JSON.stringify({ kind: 'bank', account_holder: partner.company, country: 'GB', last4: iban.slice(-4) }),
    tax_details: JSON.stringify({ legal_name: partner.company, country: 'GB', tax_id_last4: taxId.slice(-4) }),
    onboarding_step: rank === 0 ? 2 : 5, leaderboard_opt_in: rank >= 2, timezone: 'Europe/London', currency: 'GBP',
    created_at: clock.iso(joinedAt), updated_at: clock.iso(clock.now - 10 * day),
  });

  // partner_status with tier history
  const history: { tier: SeedTier; from: string; to: string | null }[] = [];
  let from = joinedAt;
  for (let step = 0; step <= rank; step += 1) {
    const to = step === rank ? null : from + (90 + step * 20) * day;
    history.push({ tier: tierOrder[step] as SeedTier, from: clock.iso(from), to: to === null ? null : clock.iso(to) });
    if (to !== null) from = to;
  }
  const tierSince = from;

  // referral links and daily clicks for the last 30 days
  const linkCount = [1, 2, 4, 6][rank] ?? 1;
  const links: string[] = [];
  const campaigns = ['spring-newsletter', 'linkedin-posts', 'trade-show', 'webinar-follow-up', 'partner-blog', 'case-study'];
  for (let index = 0; index < linkCount; index += 1) {
    const id = seedId(`${key}:link:${index}`);
    links.push(id);
    const campaign = campaigns[index] ?? `campaign-${index}`;
    add('referral_links', {
      id, partner_id: partnerId, name: campaign.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()),
      destination: 'https://siso.agency/partners/start', utm_source: slugify(partner.company), utm_medium: index % 2 ? 'social' : 'email',
      utm_campaign: campaign, utm_term: null, utm_content: index === 0 ? 'main' : null,
      created_at: clock.iso(joinedAt + (index + 1) * 5 * day), updated_at: clock.iso(joinedAt + (index + 1) * 5 * day),
    });
    for (let back = 0; back < 30; back += 1) {
      const clicks = random.int(0, 3 + rank * 6);
      if (clicks === 0) continue;
      const date = new Date(clock.now - back * day).toISOString().slice(0, 10);
      add('link_clicks', {
        id: seedId(`${key}:clicks:${index}:${date}`), partner_id: partnerId, referral_link_id: id, day: date, clicks,
        conversions: random.next() < 0.15 ? 1 : 0, created_at: clock.iso(clock.now - back * day), updated_at: clock.iso(clock.now - back * day),
      });
    }
  }

  // leads across every stage, about half created this month
  const leadCount = leadCounts[tier];
  for (let index = 0; index < leadCount; index += 1) {
    const id = seedId(`${key}:lead:${index}`);
    const listedCompany = companies[(index * 7 + partnerIndex * 13) % companies.length] ?? 'Acme Ltd';
    const deal = seededLeadRegistration(tier, index, slugify(listedCompany), clock.now);
    const company = deal.company ?? listedCompany;
    const stage = stages[index % stages.length] as (typeof stages)[number];
    // Half this month; the parity shifts every six leads so won deals (every sixth) fall in past months too.
    const createdThisMonth = (index + Math.floor(index / stages.length)) % 2 === 0;
    const createdAt = createdThisMonth ? clock.thisMonth(random.next()) : clock.now - random.int(32, 150) * day;
    const stageChangedAt = Math.min(clock.now, createdAt + random.int(0, 20) * day);
    const first = random.pick(firstNames);
    const last = random.pick(lastNames);
    const currency = random.pick(currencies);
    const value = random.int(6, 120) * 500;
    const source = links.length > 0 && index % 3 === 0 ? 'referral_link' : random.pick(sources.filter((s) => s !== 'referral_link'));
    const open = stage !== 'won' && stage !== 'lost';
    add('leads', {
      id, partner_id: partnerId, company, contact_name: `${first} ${last}`,
      email: `${slugify(first)}.${slugify(last)}@${deal.emailDomain ?? `${slugify(company)}.example`}`, phone: `+44 7700 9${String(index).padStart(5, '0')}`,
      source, stage, lost_reason: stage === 'lost' ? random.pick(lostReasons) : null, estimated_value: value, currency,
      referral_link_id: source === 'referral_link' ? random.pick(links) : null,
      notes: `${company} wants to bring client projects into one place. ${first} is the decision maker.`,
      next_action: open ? random.pick(nextActions) : null,
      next_action_at: open ? clock.iso(clock.now + random.int(-3, 14) * day) : null,
      stage_changed_at: clock.iso(stageChangedAt), created_at: clock.iso(createdAt), updated_at: clock.iso(stageChangedAt),
      ...deal.columns,
    });
    const activityKinds = ['call', 'email', 'meeting', 'note'] as const;
    const activityCount = random.int(1, 3);
    for (let a = 0; a < activityCount; a += 1) {
      const at = Math.min(clock.now, createdAt + (a + 1) * random.int(1, 4) * day);
      const kind = activityKinds[(index + a) % activityKinds.length] as (typeof activityKinds)[number];
      add('activities', {
        id: seedId(`${key}:lead:${index}:activity:${a}`), partner_id: partnerId, lead_id: id, kind,
        body: { call: `Call with ${first}`, email: `Emailed ${first} the overview brochure`, meeting: `Meeting with ${first} and their team`, note: 'Interested in the client portal' }[kind],
        occurred_at: clock.iso(at), meta: null, created_at: clock.iso(at), updated_at: clock.iso(at),
      });
    }
    if (stage !== 'new') {
      add('activities', {
        id: seedId(`${key}:lead:${index}:stage`), partner_id: partnerId, lead_id: id, kind: 'stage_change', body: `Moved to ${stage}`,
        occurred_at: clock.iso(stageChangedAt), meta: JSON.stringify({ to: stage }), created_at: clock.iso(stageChangedAt), updated_at: clock.iso(stageChangedAt),
      });
    }
    if (stage === 'proposal' && rank >= 1) {
      add('activities', {
        id: seedId(`${key}:lead:${index}:proposal`), partner_id: partnerId, lead_id: id, kind: 'proposal_created',
        body: `Proposal for ${company}`, occurred_at: clock.iso(stageChangedAt),
        meta: JSON.stringify({ template: 'four-page-proposal', file_name: `${slugify(company)}-proposal.pdf` }),
        created_at: clock.iso(stageChangedAt), updated_at: clock.iso(stageChangedAt),
      });
    }
    // Commissions are what the won-lead trigger would have made (lead_win 1), so inserting the
    // won lead afterwards finds its commission and adds none.
    if (stage === 'won') {
      const paid = stageChangedAt < clock.now - 20 * day;
      add('earnings', {
        id: seedId(`${key}:lead:${index}:commission`), partner_id: partnerId, kind: 'commission', lead_id: id, deal_name: `${company} — annual plan`,
        commission_type: index % 4 === 0 ? 'upsell' : 'referral', amount: Math.round(value * rate) / 100, currency, rate, tier, deal_value: value,
        status: paid ? 'paid' : random.pick(['pending', 'processing', 'approved'] as const), period: clock.iso(stageChangedAt).slice(0, 7),
        paid_at: paid ? clock.iso(stageChangedAt + 14 * day) : null, lead_win: 1, payout_id: null, reason: null, reverses_id: null,
        created_at: clock.iso(stageChangedAt), updated_at: clock.iso(stageChangedAt),
      });
    }
    // One deal per experienced partner was won, paid, then reopened: its clawback is visible.
    if (stage === 'proposal' && rank >= 2 && index === 3) {
      const wonAt = createdAt + 2 * day;
      const commission = Math.round(value * rate) / 100;
      const commissionId = seedId(`${key}:lead:${index}:commission`);
      add('earnings', {
        id: commissionId, partner_id: partnerId, kind: 'commission', lead_id: id, deal_name: `${company} — annual plan`,
        commission_type: 'referral', amount: commission, currency, rate, tier, deal_value: value, status: 'approved',
        period: clock.iso(wonAt).slice(0, 7), paid_at: null, lead_win: 1, payout_id: null, reason: null, reverses_id: null,
        created_at: clock.iso(wonAt), updated_at: clock.iso(wonAt),
      });
      add('earnings', {
        id: seedId(`${key}:lead:${index}:clawback`), partner_id: partnerId, kind: 'commission', lead_id: id, deal_name: `${company} — annual plan`,
        commission_type: 'clawback', amount: -commission, currency, rate, tier, deal_value: value, status: 'approved',
        period: clock.iso(stageChangedAt).slice(0, 7), paid_at: null, lead_win: null, payout_id: null,
        reason: 'The lead was moved from won back to proposal, so its commission is reversed.', reverses_id: commissionId,
        created_at: clock.iso(stageChangedAt), updated_at: clock.iso(stageChangedAt),
      });
    }
  }

  // bonuses: a monthly performance bonus for Performer and Elite partners, the older ones paid
  if (rank >= 2) {
    for (let month = 0; month < 3; month += 1) {
      const at = month === 0 ? clock.thisMonth(0.5) : clock.monthStart - (month - 1) * 30 * day - 20 * day;
      add('earnings', {
        id: seedId(`${key}:bonus:${month}`), partner_id: partnerId, kind: 'commission', lead_id: null, deal_name: 'Monthly performance bonus',
        commission_type: 'bonus', amount: 150 * rank, currency: 'GBP', rate: null, tier, deal_value: null,
        status: month === 0 ? 'approved' : 'paid', period: clock.iso(at).slice(0, 7), paid_at: month === 0 ? null : clock.iso(at + 10 * day),
        lead_win: null, payout_id: null, reason: 'Met the monthly referral target.', reverses_id: null,
        created_at: clock.iso(at), updated_at: clock.iso(at),
      });
    }
  }

  // training progress: modules completed in unlocked courses
  const completedModules = [3, 14, 28, 45][rank] ?? 0;
  let remaining = completedModules;
  for (const course of ['sales-fundamentals', 'siso-platform-mastery', 'client-management', 'marketing-strategies', 'technical-basics', 'advanced-techniques']) {
    const modules = courseModuleCounts[course] ?? 0;
    for (let moduleIndex = 0; moduleIndex < modules && remaining > 0; moduleIndex += 1, remaining -= 1) {
      const at = joinedAt + (completedModules - remaining + 1) * 2 * day;
      add('training_progress', {
        id: seedId(`${key}:training:${course}:${moduleIndex}`), partner_id: partnerId, course_id: seedId(`catalog:${course}`),
        module_index: moduleIndex, module_id: seedId(`catalog:${moduleSlug(course, moduleIndex)}`), completed_at: clock.iso(Math.min(at, clock.now - day)), score: random.int(70, 100),
        created_at: clock.iso(Math.min(at, clock.now - day)), updated_at: clock.iso(Math.min(at, clock.now - day)),
      });
    }
  }

  add('partner_status', {
    id: seedId(`${key}:status`), partner_id: partnerId, tier, tier_since: clock.iso(tierSince), commission_rate: rate,
    satisfaction_rating: [3.2, 3.9, 4.3, 4.8][rank], support_calls_attended: [0, 2, 4, 9][rank],
    history: JSON.stringify(history),
    metrics: JSON.stringify({ leads_this_month: Math.ceil(leadCount / 2), training_modules: completedModules, days_in_tier: Math.floor((clock.now - tierSince) / day) }),
    created_at: clock.iso(joinedAt), updated_at: clock.iso(tierSince),
  });

  // tickets with a short thread
  const subjects = [
    ['Commission missing for a won deal', 'billing', 'high'],
    ['How do I add my logo to proposals?', 'account', 'normal'],
    ['Referral link shows no clicks', 'technical', 'normal'],
  ] as const;
  for (let t = 0; t < Math.min(subjects.length, rank + 1); t += 1) {
    const [subject, category, priority] = subjects[t] as (typeof subjects)[number];
    const ticketId = seedId(`${key}:ticket:${t}`);
    const openedAt = clock.now - (t * 9 + 2) * day;
    const resolved = t > 0;
    add('tickets', {
      id: ticketId, partner_id: partnerId, subject, category, priority, status: resolved ? 'resolved' : 'waiting',
      created_at: clock.iso(openedAt), updated_at: clock.iso(openedAt + day),
    });
    const thread = [
      ['partner', `Hi, ${subject.toLowerCase()} — could you take a look?`],
      ['support', 'Thanks for getting in touch. We are looking into it and will reply within one working day.'],
      ...(resolved ? [['support', 'This is sorted now — let us know if anything else comes up.']] : []),
    ] as const;
    thread.forEach(([authorRole, body], m) => {
      const at = openedAt + m * 6 * 3600 * 1000;
      add('ticket_messages', {
        id: seedId(`${key}:ticket:${t}:message:${m}`), partner_id: partnerId, ticket_id: ticketId, author_role: authorRole, body,
        created_at: clock.iso(at), updated_at: clock.iso(at),
      });
    });
  }

  // notifications, the newest unread
  const notes = [
    ['Welcome to the SISO partner programme', 'Start with Sales Fundamentals to learn how referrals work.', '/training', 'welcome'],
    ['New proposal templates are live', 'Create a one-page introduction for any lead.', '/marketing-center', 'announcement'],
    ['Payout sent', 'Your latest payout is on its way to your bank account.', '/commissions', 'payout'],
    [`You reached ${tier.charAt(0).toUpperCase()}${tier.slice(1)}`, `Your commission rate is now ${rate}%.`, '/tiers', 'tier_change'],
    ['Support replied to your ticket', 'Open the ticket to read the reply.', '/support', 'ticket_reply'],
  ] as const;
  notes.forEach(([title, body, link, kind], n) => {
    const at = clock.now - (notes.length - n) * 4 * day;
    add('notifications', {
      id: seedId(`${key}:notification:${n}`), partner_id: partnerId, title, body, link, kind,
      read_at: n < 3 ? clock.iso(at + day) : null, created_at: clock.iso(at), updated_at: clock.iso(at),
    });
  });
}

/** A valid GB IBAN (NatWest sort code) for a 14-digit sort code + account number. */
function seedIban(sortCodeAndAccount: string): string {
  const bban = `NWBK${sortCodeAndAccount}`;
  const digits = `${bban}GB00`.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  const remainder = [...digits].reduce((rest, digit) => (rest * 10 + Number(digit)) % 97, 0);
  return `GB${String(98 - remainder).padStart(2, '0')}${bban}`;
}

/**
 * Payouts that paid the paid lines (one per partner, currency and month, each line pointing at
 * its payout), plus open requests in other states for partners with approved money waiting.
 */
function buildPayouts(earnings: Row[], clock: Clock): Row[] {
  const payouts: Row[] = [];
  const groups = new Map<string, Row[]>();
  for (const line of earnings) {
    if (line.status !== 'paid' || typeof line.paid_at !== 'string') continue;
    const group = `${String(line.partner_id)}|${String(line.currency)}|${line.paid_at.slice(0, 7)}`;
    groups.set(group, [...(groups.get(group) ?? []), line]);
  }
  for (const [group, lines] of groups) {
    const [partnerId, currency, month] = group.split('|') as [string, string, string];
    const paidAt = lines.map((line) => String(line.paid_at)).sort().at(-1) as string;
    const id = seedId(`payout:${group}`);
    const amount = Math.round(lines.reduce((sum, line) => sum + Number(line.amount), 0) * 100) / 100;
    for (const line of lines) line.payout_id = id;
    payouts.push({
      id, partner_id: partnerId, amount, currency, method: 'bank', status: 'paid', reason: null,
      reference: `SISO-${month.replace('-', '')}-${id.slice(0, 6).toUpperCase()}`, approved_at: paidAt, paid_at: paidAt,
      created_at: clock.iso(Date.parse(paidAt) - 3 * day), updated_at: paidAt,
    });
  }
  // Performer and Elite: a request awaiting approval, an approved one and a rejected one, in GBP.
  for (const partner of seedPartners.filter((p) => p.tier === 'performer' || p.tier === 'elite')) {
    const approvedGbp = earnings
      .filter((line) => line.partner_id === partner.id && line.currency === 'GBP' && line.status === 'approved')
      .reduce((sum, line) => sum + Number(line.amount), 0);
    const open = Math.floor(approvedGbp / 4);
    const at = (daysAgo: number) => clock.iso(clock.now - daysAgo * day);
    if (open >= 50) {
      payouts.push({ id: seedId(`${partner.key}:payout:approved`), partner_id: partner.id, amount: open, currency: 'GBP', method: 'bank', status: 'approved', reason: null, reference: null, approved_at: at(1), paid_at: null, created_at: at(3), updated_at: at(1) });
      payouts.push({ id: seedId(`${partner.key}:payout:requested`), partner_id: partner.id, amount: open, currency: 'GBP', method: 'bank', status: 'requested', reason: null, reference: null, approved_at: null, paid_at: null, created_at: at(0.5), updated_at: at(0.5) });
    }
    payouts.push({
      id: seedId(`${partner.key}:payout:rejected`), partner_id: partner.id, amount: 75, currency: 'GBP', method: 'bank', status: 'rejected',
      reason: 'The bank account name did not match your company name. Update it under Payment management and request again.',
      reference: null, approved_at: null, paid_at: null, created_at: at(12), updated_at: at(11),
    });
  }
  return payouts;
}

export async function buildSeedData(now = new Date()): Promise<SeedData> {
  const clock = clockAt(now);
  const rows = new Map<string, Row[]>();
  seedPartners.forEach((partner, index) => buildPartnerData(partner, index, clock, rows));
  const proposalObjects = await addProposalSeed({ now: clock.now, seedId }, rows);
  rows.set('payouts', buildPayouts(rows.get('earnings') ?? [], clock));
  // earnings before leads: the won-lead trigger then finds each won lead's commission already there.
  const order = ['profiles', 'payout_details', 'partner_status', 'referral_links', 'link_clicks', 'earnings', 'payouts', 'leads', 'activities', 'training_progress', 'tickets', 'ticket_messages', 'notifications'];
  const files = await buildSeedAssetFiles();
  const trainingVideo = files.get('product-demo-video');
  if (!trainingVideo) throw new Error('The seed has no recording for its training videos');
  const training = buildTraining(clock, catalogSeed.length + 100, trainingVideo);
  const community = addCommunitySeed({ now: clock.now, monthStart: clock.monthStart, seedId, firstSortOrder: catalogSeed.length + 1000, video: trainingVideo }, rows);
  const onboarding = addOnboardingSeed({ now: clock.now, seedId, firstSortOrder: catalogSeed.length + 2000 }, rows);
  addCohortSeed({ now: clock.now, monthStart: clock.monthStart, seedId }, rows, onboarding.acceptances);
  return {
    users: [...(await buildUsers(clock)), ...(await cohortUserRows(clock.now))],
    tables: [
      ['catalog', [...buildCatalog(clock, files), ...buildPromotions(clock, catalogSeed.length), ...training.catalog, ...community, ...onboarding.catalog]],
      ['assessment_keys', training.keys],
      ...order.map((table): [string, Row[]] => [table, rows.get(table) ?? []]),
      ['training_progress', buildExpiringCertificates(clock)],
      ['agreement_acceptances', onboarding.acceptances]],
    objects: [...buildObjects(files, trainingVideo), ...proposalObjects],
  };
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function insertRows(tx: SqlExecutor, schema: string, table: string, rows: Row[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const batchSize = Math.max(1, Math.floor(1000 / columns.length));
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const params: unknown[] = [];
    const tuples = batch.map((row) => {
      const placeholders = columns.map((column) => {
        params.push(row[column] ?? null);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await tx.query(
      `insert into ${quoteIdent(schema)}.${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) values ${tuples.join(', ')}`,
      params,
    );
  }
}

export interface SeedOptions {
  now?: Date;
  /** Where storage keeps object bytes; without it only the catalog rows are seeded, not the asset files. */
  files?: ObjectFiles;
}

export async function seedDatabase(engine: DbEngine, options: SeedOptions = {}): Promise<void> {
  const data = await buildSeedData(options.now ?? new Date());
  const { files } = options;
  const staged = files ? await Promise.all(data.objects.map(async (object) => ({ object, path: await files.stage(object.bucket, object.bytes) }))) : [];
  try {
    await engine.transaction(async (tx) => {
      await insertRows(tx, 'auth', 'users', data.users);
      for (const [table, rows] of data.tables) await insertRows(tx, 'public', table, rows);
      await insertRows(
        tx,
        'storage',
        'objects',
        staged.map(({ object }) => ({
          id: object.id,
          bucket_id: object.bucket,
          name: object.name,
          owner: null,
          metadata: JSON.stringify({
            size: object.bytes.length,
            mimetype: object.mimeType,
            sha256: object.sha256,
            eTag: `"${createHash('md5').update(object.bytes).digest('hex')}"`,
            cacheControl: 'max-age=3600',
            contentLength: object.bytes.length,
            httpStatusCode: 200,
          }),
        })),
      );
      // What the scheduled jobs would publish, so a fresh backend already shows the program comparison and leaderboard.
      await tx.query('select "public"."publish_program_aggregates"(), "public"."publish_leaderboard"()');
    });
  } catch (error) {
    if (files) await Promise.all(staged.map(({ path }) => files.discard(path)));
    throw error;
  }
  if (files) for (const { object, path } of staged) await files.commit(path, object.bucket, object.id);
}
