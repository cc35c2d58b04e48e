import type { StoredDriver } from '../repo/goals.js';
import type { NewMilestone } from '../repo/milestones.js';
import {
  driver,
  type GoalSpec,
  type HistoryPoint,
  type MetricSpec,
  type SeedBuilder,
  type SeedCustomer,
  type SeedGoal,
} from './builder.js';
import { DEMO_CSM } from './demo.js';
import { Rand } from './prng.js';

/**
 * About 200 generated customers across segments and CSMs, each with goals, 12 months of
 * measurement history and value drivers, so the portfolio, trends and benchmarks have something
 * to show. Deterministic: the same seed number gives the same portfolio. A few accounts carry
 * the cases the API must handle honestly: no investment (no ROI), no goals (no score), a metric
 * without baseline, another currency (money never summed across currencies).
 */

export const GENERATED_CUSTOMERS = 200;
const SEED = 165_069;

export const CSMS = [
  DEMO_CSM,
  'csm_morgan',
  'csm_avery',
  'csm_jordan',
  'csm_casey',
  'csm_taylor',
] as const;

const PREFIXES = [
  'Apex',
  'Birch',
  'Cobalt',
  'Delta',
  'Ember',
  'Fjord',
  'Granite',
  'Harbor',
  'Indigo',
  'Juniper',
  'Kestrel',
  'Lumen',
  'Meridian',
  'Nimbus',
  'Onyx',
  'Pioneer',
  'Quartz',
  'Redwood',
  'Summit',
  'Tidal',
  'Umber',
  'Vertex',
  'Willow',
  'Xenon',
  'Yarrow',
  'Zenith',
  'Atlas',
  'Beacon',
  'Cascade',
  'Drift',
  'Evergreen',
  'Falcon',
  'Glacier',
  'Horizon',
  'Ironwood',
  'Jasper',
  'Keystone',
  'Lattice',
  'Mosaic',
  'Northwind',
];
const SUFFIXES = [
  'Analytics',
  'Logistics',
  'Health',
  'Foods',
  'Robotics',
  'Energy',
  'Media',
  'Labs',
  'Systems',
  'Retail',
  'Capital',
  'Bio',
  'Networks',
  'Mobility',
  'Learning',
  'Insurance',
  'Dynamics',
  'Studios',
  'Freight',
  'Partners',
];
const INDUSTRIES = [
  'Software',
  'Healthcare',
  'Manufacturing',
  'Retail',
  'Financial services',
  'Logistics',
  'Education',
  'Media',
  'Energy',
];

type Category = GoalSpec['category'];

interface MetricTemplate {
  readonly name: string;
  readonly unit: string;
  readonly baseline: readonly [number, number];
  /** Target from the baseline: `x` multiplies it, `+` adds to it, `=` sets it. */
  readonly target: readonly ['x' | '+' | '=', number, number];
  readonly decimals: number;
  readonly source: string;
}

interface GoalTemplate {
  readonly name: string;
  readonly metrics: readonly MetricTemplate[];
}

const T: Readonly<Record<Category, readonly GoalTemplate[]>> = {
  efficiency: [
    {
      name: 'Reduce onboarding time',
      metrics: [
        {
          name: 'Onboarding time',
          unit: 'days',
          baseline: [20, 45],
          target: ['x', 0.4, 0.6],
          decimals: 0,
          source: 'Onboarding tracker',
        },
        {
          name: 'Setup steps automated',
          unit: 'steps',
          baseline: [0, 2],
          target: ['+', 6, 12],
          decimals: 0,
          source: 'Process map',
        },
      ],
    },
    {
      name: 'Automate manual workflows',
      metrics: [
        {
          name: 'Automated workflows',
          unit: 'workflows',
          baseline: [0, 3],
          target: ['+', 8, 20],
          decimals: 0,
          source: 'Workflow registry',
        },
        {
          name: 'Manual hours per week',
          unit: 'hours',
          baseline: [40, 120],
          target: ['x', 0.3, 0.6],
          decimals: 0,
          source: 'Time tracking',
        },
      ],
    },
    {
      name: 'Shorten support resolution',
      metrics: [
        {
          name: 'Average resolution time',
          unit: 'hours',
          baseline: [12, 36],
          target: ['x', 0.4, 0.7],
          decimals: 1,
          source: 'Helpdesk export',
        },
        {
          name: 'First contact resolution',
          unit: '%',
          baseline: [45, 65],
          target: ['+', 10, 25],
          decimals: 1,
          source: 'Helpdesk export',
        },
      ],
    },
  ],
  revenue: [
    {
      name: 'Grow expansion revenue',
      metrics: [
        {
          name: 'Expansion revenue closed',
          unit: 'USD',
          baseline: [0, 0],
          target: ['=', 20_000, 200_000],
          decimals: -2,
          source: 'CRM',
        },
      ],
    },
    {
      name: 'Increase trial conversion',
      metrics: [
        {
          name: 'Trial conversion rate',
          unit: '%',
          baseline: [8, 15],
          target: ['+', 5, 10],
          decimals: 1,
          source: 'Product analytics',
        },
        {
          name: 'Qualified pipeline',
          unit: 'deals',
          baseline: [5, 20],
          target: ['x', 1.5, 2.5],
          decimals: 0,
          source: 'CRM',
        },
      ],
    },
  ],
  cost: [
    {
      name: 'Lower infrastructure spend',
      metrics: [
        {
          name: 'Monthly infrastructure cost',
          unit: 'USD',
          baseline: [20_000, 90_000],
          target: ['x', 0.6, 0.85],
          decimals: -2,
          source: 'Cloud billing',
        },
      ],
    },
    {
      name: 'Consolidate tools',
      metrics: [
        {
          name: 'Tools retired',
          unit: 'tools',
          baseline: [0, 0],
          target: ['=', 2, 6],
          decimals: 0,
          source: 'IT asset register',
        },
        {
          name: 'License spend per seat',
          unit: 'USD',
          baseline: [60, 140],
          target: ['x', 0.6, 0.8],
          decimals: 0,
          source: 'Procurement',
        },
      ],
    },
  ],
  quality: [
    {
      name: 'Reduce data errors',
      metrics: [
        {
          name: 'Data error rate',
          unit: '%',
          baseline: [6, 15],
          target: ['x', 0.2, 0.5],
          decimals: 1,
          source: 'Data quality monitor',
        },
        {
          name: 'Audit findings per quarter',
          unit: 'findings',
          baseline: [8, 20],
          target: ['x', 0.2, 0.4],
          decimals: 0,
          source: 'Internal audit',
        },
      ],
    },
    {
      name: 'Improve uptime',
      metrics: [
        {
          name: 'Uptime',
          unit: '%',
          baseline: [98, 99.3],
          target: ['=', 99.9, 99.95],
          decimals: 2,
          source: 'Status page',
        },
        {
          name: 'Incidents per month',
          unit: 'incidents',
          baseline: [6, 15],
          target: ['x', 0.2, 0.5],
          decimals: 0,
          source: 'Incident tracker',
        },
      ],
    },
  ],
  adoption: [
    {
      name: 'Increase active usage',
      metrics: [
        {
          name: 'Weekly active users',
          unit: '%',
          baseline: [25, 50],
          target: ['=', 70, 90],
          decimals: 1,
          source: 'Product usage',
        },
        {
          name: 'Feature adoption',
          unit: '%',
          baseline: [10, 30],
          target: ['+', 25, 45],
          decimals: 1,
          source: 'Product usage',
        },
      ],
    },
    {
      name: 'Roll out to all teams',
      metrics: [
        {
          name: 'Teams onboarded',
          unit: 'teams',
          baseline: [1, 4],
          target: ['+', 6, 16],
          decimals: 0,
          source: 'Onboarding tracker',
        },
      ],
    },
  ],
  satisfaction: [
    {
      name: 'Improve NPS',
      metrics: [
        {
          name: 'Net Promoter Score',
          unit: '',
          baseline: [5, 35],
          target: ['+', 10, 25],
          decimals: 0,
          source: 'NPS survey',
        },
      ],
    },
    {
      name: 'Raise CSAT',
      metrics: [
        {
          name: 'CSAT',
          unit: '%',
          baseline: [70, 82],
          target: ['=', 88, 95],
          decimals: 1,
          source: 'Support surveys',
        },
        {
          name: 'Customer effort score',
          unit: '',
          baseline: [4, 5],
          target: ['=', 6, 6.5],
          decimals: 1,
          source: 'Support surveys',
        },
      ],
    },
  ],
  custom: [
    {
      name: 'Executive sponsor engagement',
      metrics: [
        {
          name: 'Executive meetings per quarter',
          unit: 'meetings',
          baseline: [0, 1],
          target: ['=', 3, 4],
          decimals: 0,
          source: 'Calendar',
        },
      ],
    },
  ],
};

const CATEGORIES = Object.keys(T) as Category[];
const SCALE = { enterprise: 3, mid_market: 1, smb: 0.25 } as const;

function round(value: number, decimals: number): number {
  if (decimals < 0) {
    const step = 10 ** -decimals;
    return Math.round(value / step) * step;
  }
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

function metricSpec(
  r: Rand,
  t: MetricTemplate,
  id: string,
  health: number,
  startOffset: number,
  lastOffset: number,
): MetricSpec {
  const baseline = round(r.between(t.baseline[0], t.baseline[1]), t.decimals);
  const [op, lo, hi] = t.target;
  let target = round(
    op === 'x'
      ? baseline * r.between(lo, hi)
      : op === '+'
        ? baseline + r.between(lo, hi)
        : r.between(lo, hi),
    t.decimals,
  );
  if (target === baseline) target = baseline + (op === 'x' && hi < 1 ? -1 : 1);
  // How far this metric gets: the account's health, varied per metric; some overshoot.
  const reach = Math.max(-0.15, Math.min(1.35, health * r.between(0.65, 1.3)));
  const history: HistoryPoint[] = [];
  // Month-ends of the last 12 months that fall inside the goal's timeline.
  for (let k = 11; k >= 0; k--) {
    const day = lastOffset - k * 30;
    if (day < startOffset) continue;
    const share = 1 - k / 11;
    const eased = Math.sqrt(Math.max(0, share));
    const noise = 1 + r.between(-0.06, 0.06);
    history.push([day, round(baseline + (target - baseline) * reach * eased * noise, t.decimals)]);
  }
  return {
    id,
    name: t.name,
    unit: t.unit,
    baseline,
    target,
    dataSource: t.source,
    frequency: 'monthly',
    source: 'integration',
    history,
  };
}

function drivers(r: Rand, category: Category, scale: number): StoredDriver[] {
  const out: StoredDriver[] = [];
  const money = (min: number, max: number) => Math.round((r.between(min, max) * scale) / 100) * 100;
  if (category === 'efficiency' || (category !== 'revenue' && r.chance(0.25))) {
    out.push(
      r.chance(0.6)
        ? driver('time_saved', 'Time Savings', r.pick(['high', 'medium'] as const), {
            hours_per_unit: round(r.between(0.5, 6), 1),
            units_per_month: r.int(20, 200),
            hourly_rate: r.int(35, 90),
          })
        : driver('time_saved', 'Hours Saved', r.pick(['medium', 'low'] as const), {
            hours_per_month: r.int(20, 300),
          }),
    );
  }
  if (category === 'cost' || category === 'quality' || r.chance(0.2)) {
    out.push(
      driver(
        'cost_reduction',
        category === 'quality' ? 'Error Reduction' : 'Cost Reduction',
        r.pick(['high', 'medium', 'low'] as const),
        { annual_amount: money(8_000, 60_000) },
      ),
    );
  }
  if (category === 'revenue' || category === 'satisfaction' || r.chance(0.15)) {
    out.push(
      driver('revenue_increase', 'Revenue Impact', r.pick(['medium', 'low'] as const), {
        monthly_amount: money(800, 6_000),
      }),
    );
  }
  return out;
}

export function generatedCustomers(b: SeedBuilder, count = GENERATED_CUSTOMERS): SeedCustomer[] {
  const r = new Rand(SEED);
  const names = r.shuffle(PREFIXES.flatMap((p) => SUFFIXES.map((s) => `${p} ${s}`)));
  const out: SeedCustomer[] = [];
  for (let n = 1; n <= count; n++) {
    const id = `cus_${String(n).padStart(4, '0')}`;
    const u = r.next();
    const segment = u < 0.22 ? 'enterprise' : u < 0.62 ? 'mid_market' : 'smb';
    const scale = SCALE[segment];
    const csm = n % 50 === 0 ? null : (CSMS[r.int(0, CSMS.length - 1)] ?? null);
    // A handful of accounts of one CSM are billed in euros or pounds.
    const currency = csm === 'csm_avery' && r.chance(0.3) ? r.pick(['EUR', 'GBP'] as const) : 'USD';
    const health = r.between(0.35, 1.15);
    const lastOffset = -r.int(1, 6);
    const goalCount = n % 67 === 0 ? 0 : r.int(1, 5);
    const goals: SeedGoal[] = [];
    const used = new Set<string>();
    for (let g = 1; g <= goalCount; g++) {
      const category = r.pick(CATEGORIES);
      const template = r.pick(T[category]);
      if (used.has(template.name)) continue;
      used.add(template.name);
      const start = r.chance(0.6) ? -r.int(330, 400) : -r.int(60, 300);
      const target = start + r.int(300, 540);
      const goalId = `goal_${id.slice(4)}_${g}`;
      const metricCount = Math.min(template.metrics.length, r.int(1, 3));
      const metrics = template.metrics.slice(0, metricCount).map((t, i) => {
        const spec = metricSpec(
          r,
          t,
          `met_${id.slice(4)}_${g}_${i + 1}`,
          health,
          start,
          lastOffset,
        );
        // One metric in the portfolio has no baseline yet (PRD-069: "Baseline not set").
        return n === 7 && g === 1 && i === 0 ? { ...spec, baseline: null } : spec;
      });
      goals.push(
        b.goal({
          id: goalId,
          customerId: id,
          name: template.name,
          description: '',
          category,
          weight: r.chance(0.2) ? 2 : 1,
          start,
          target,
          drivers: drivers(r, category, scale),
          metrics,
        }),
      );
    }
    const contractDays = r.int(60, 900);
    const milestones: NewMilestone[] = [];
    const linkable = goals.map((g) => g.goal.id);
    for (let k = 1; k <= r.int(0, 4); k++) {
      const targetDay = r.int(-250, 90);
      const achieved =
        targetDay < 0 && r.chance(0.7) ? Math.min(-1, targetDay + r.int(-20, 10)) : undefined;
      milestones.push(
        b.milestone({
          id: `ms_${id.slice(4)}_${k}`,
          customerId: id,
          ...(linkable.length > 0 && r.chance(0.4) ? { goalId: r.pick(linkable) } : {}),
          name: r.pick([
            'Kickoff completed',
            'First value delivered',
            'Executive business review',
            'Integration live',
            'Renewal review',
            'Team training completed',
          ]),
          target: targetDay,
          ...(achieved === undefined ? {} : { achieved }),
          ...(achieved === undefined && targetDay > 0 && r.chance(0.25)
            ? { flag: 'at_risk' as const }
            : {}),
          created: Math.min(targetDay, achieved ?? 0, -1) - r.int(10, 60),
        }),
      );
    }
    out.push({
      customer: {
        id,
        name: names[n - 1] ?? `Customer ${n}`,
        segment,
        industry: r.pick(INDUSTRIES),
        csm_id: csm,
        currency,
        contract_start: n === 13 ? null : b.day(-contractDays),
        investment:
          n % 41 === 0 ? null : Math.round((r.between(8_000, 40_000) * scale * 4) / 1000) * 1000,
        parent_id: null,
      },
      goals,
      milestones,
    });
  }
  return out;
}
