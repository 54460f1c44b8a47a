/**
 * npx tsx scripts/count-questions.mts
 *
 * How many questions a few typical profiles are asked. Modes: "first" (the first option everywhere, mostly
 * the compliant answer), "last" (the last option), and, over seeded runs, "mixed" (screening questions
 * answered all done / partly / mostly not, everything else the first option) and "random" (other answers
 * varied as well). FREQ=<profile> [MODE=mixed|random] prints how often each question is asked instead;
 * LIST=<profile> [MODE=first|last|mixed|random] [SEED=n] lists the questions one walk asks.
 */
import { loadContent } from '../src/content/load.ts'
import { resolveVisibility, firstOpenQuestion } from '../src/questionnaire/flow.ts'
import type { Answer } from '../src/conditions/schema.ts'
const c = loadContent('knowledge')
const profiles: Record<string, Record<string, unknown>> = {
  typical_mfg: {
    'profile.company_form': 'llc',
    'profile.industry': 'manufacturing',
    'profile.staff': '20_99',
    'profile.revenue': '10m_100m',
    'profile.ownership': 'founder_family',
    'profile.soe_customers': true,
    'profile.listing_plan': 'none',
    'profile.handles_pi': false,
    'profile.overseas': ['customers'],
    'profile.rd': true,
    'profile.patents': 'few',
    'profile.software': ['embedded'],
    'profile.trade_secrets': true,
    'profile.tenders': false,
    'profile.hazards': ['special_equipment'],
    'profile.emissions': ['water_air'],
    'profile.cash': 'small',
  },
  typical_soft: {
    'profile.company_form': 'llc',
    'profile.industry': 'software_it',
    'profile.staff': '20_99',
    'profile.revenue': '10m_100m',
    'profile.ownership': 'investor_backed',
    'profile.soe_customers': false,
    'profile.listing_plan': 'none',
    'profile.handles_pi': true,
    'profile.pi_scale': '10k_100k',
    'profile.sensitive_pi': ['none'],
    'profile.overseas': ['none'],
    'profile.rd': true,
    'profile.patents': 'pending',
    'profile.software': ['product'],
    'profile.trade_secrets': true,
    'profile.tenders': false,
    'profile.hazards': ['none'],
    'profile.emissions': ['none'],
    'profile.cash': 'rare',
  },
  chem_large: {
    'profile.company_form': 'joint_stock',
    'profile.industry': 'chemicals_energy',
    'profile.staff': '300_999',
    'profile.revenue': '100m_400m',
    'profile.ownership': 'state_invested',
    'profile.soe_customers': true,
    'profile.listing_plan': 'none',
    'profile.handles_pi': false,
    'profile.overseas': ['customers'],
    'profile.rd': true,
    'profile.patents': 'many',
    'profile.software': ['embedded'],
    'profile.trade_secrets': true,
    'profile.tenders': true,
    'profile.hazards': ['chemicals', 'confined_space', 'special_equipment', 'hot_work'],
    'profile.emissions': ['water_air', 'hazardous_waste'],
    'profile.cash': 'rare',
  },
  biomed_rd: {
    'profile.company_form': 'llc',
    'profile.industry': 'biomedical',
    'profile.staff': '100_299',
    'profile.revenue': '10m_100m',
    'profile.ownership': 'investor_backed',
    'profile.soe_customers': true,
    'profile.listing_plan': 'none',
    'profile.handles_pi': true,
    'profile.pi_scale': '10k_100k',
    'profile.sensitive_pi': ['health'],
    'profile.overseas': ['customers', 'staff_access'],
    'profile.rd': true,
    'profile.patents': 'few',
    'profile.software': ['none'],
    'profile.trade_secrets': true,
    'profile.tenders': false,
    'profile.hazards': ['chemicals'],
    'profile.emissions': ['hazardous_waste'],
    'profile.cash': 'rare',
  },
  app_2m_users: {
    'profile.company_form': 'llc',
    'profile.industry': 'software_it',
    'profile.staff': '100_299',
    'profile.revenue': '100m_400m',
    'profile.ownership': 'investor_backed',
    'profile.soe_customers': false,
    'profile.listing_plan': 'none',
    'profile.handles_pi': true,
    'profile.pi_scale': '1m_10m',
    'profile.sensitive_pi': ['location', 'financial'],
    'profile.overseas': ['cloud'],
    'profile.rd': true,
    'profile.patents': 'pending',
    'profile.software': ['public_app'],
    'profile.trade_secrets': true,
    'profile.tenders': false,
    'profile.hazards': ['none'],
    'profile.emissions': ['none'],
    'profile.cash': 'rare',
  },
  bse_listing: {
    'profile.company_form': 'joint_stock',
    'profile.industry': 'manufacturing',
    'profile.staff': '100_299',
    'profile.revenue': '100m_400m',
    'profile.ownership': 'investor_backed',
    'profile.soe_customers': true,
    'profile.listing_plan': 'bse',
    'profile.handles_pi': false,
    'profile.overseas': ['customers'],
    'profile.rd': true,
    'profile.patents': 'many',
    'profile.software': ['embedded'],
    'profile.trade_secrets': true,
    'profile.tenders': true,
    'profile.hazards': ['special_equipment', 'hot_work'],
    'profile.emissions': ['water_air'],
    'profile.cash': 'rare',
  },
  small_trader: {
    'profile.company_form': 'one_person_llc',
    'profile.industry': 'trade_services',
    'profile.staff': 'lt_20',
    'profile.revenue': 'lt_10m',
    'profile.ownership': 'founder_family',
    'profile.soe_customers': false,
    'profile.listing_plan': 'none',
    'profile.handles_pi': false,
    'profile.overseas': ['none'],
    'profile.rd': false,
    'profile.patents': 'none',
    'profile.software': ['none'],
    'profile.trade_secrets': false,
    'profile.tenders': false,
    'profile.hazards': ['none'],
    'profile.emissions': ['none'],
    'profile.cash': 'small',
  },
}
/** A small seeded generator, so that the "mixed" runs are repeatable. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Screening questions: their options are, in order, "all done", "partly", "mostly not". */
const isScreener = (id: string) => /_overview$|^criminal\.finance_controls$/.test(id)
/** The "which points are still open?" question after a "partly" answer (it has a 说不清 option). */
const isGapsQuestion = (q: { type: string; options?: Array<{ value: string }> }) =>
  q.type === 'multi' && (q.options ?? []).some((o) => o.value === 'cannot_tell')

/**
 * One walk through the questionnaire. "first" answers every question with its first option (mostly the
 * compliant one), "last" with its last. "mixed" answers the screening questions with a mix of all done
 * (40%), partly (40%) and mostly not (20%), ticks one to three open points after "partly", and gives every
 * other question its first option. "random" does the same for screening questions but also gives other
 * questions a non-first answer 40% of the time (other multi-choice questions their "none" option half the
 * time): a pessimistic firm with gaps everywhere.
 */
function walk(prof: Record<string, unknown>, mode: string, seed = 1) {
  const rand = rng(seed)
  const pick = <T,>(xs: T[]): T => xs[Math.floor(rand() * xs.length)] as T
  const answers: Record<string, Answer> = {}
  for (const [k, v] of Object.entries(prof)) answers[k] = { kind: 'value', value: v as never }
  for (;;) {
    const vis = resolveVisibility(c.questionnaire, answers)
    const q = firstOpenQuestion(vis)
    if (!q) break
    const opts = (q.options ?? []).filter((o) => !o.exclusive).map((o) => o.value)
    let v: unknown
    if (mode === 'mixed' || mode === 'random') {
      // Both modes answer screeners, gap lists, yes/no and number/text questions alike; they differ only
      // in the other questions: mixed gives the first option, random any option.
      if (q.type === 'boolean') v = rand() < 0.5
      else if (q.type === 'number') v = 10
      else if (q.type === 'text') v = 'x'
      else if (isScreener(q.id)) {
        const r = rand()
        v = r < 0.4 ? opts[0] : r < 0.8 ? opts[1] : opts[2]
      } else if (isGapsQuestion(q)) {
        const n = 1 + Math.floor(rand() * Math.min(3, opts.length))
        v = [...opts].sort(() => rand() - 0.5).slice(0, n)
      } else if (mode === 'mixed') v = q.type === 'multi' ? [opts[0]] : opts[0]
      else if (q.type === 'multi') {
        const exclusive = (q.options ?? []).filter((o) => o.exclusive).map((o) => o.value)
        v = exclusive.length && rand() < 0.5 ? [exclusive[0]] : [pick(opts)]
      } else v = rand() < 0.6 ? opts[0] : pick(opts.slice(1))
    } else if (q.type === 'boolean') v = mode === 'first'
    else if (q.type === 'number') v = 10
    else if (q.type === 'text') v = 'x'
    else if (q.type === 'multi') v = [mode === 'first' ? opts[0] : opts[opts.length - 1]]
    else v = mode === 'first' ? opts[0] : opts[opts.length - 1]
    answers[q.id] = { kind: 'value', value: v as never }
  }
  return resolveVisibility(c.questionnaire, answers).visible
}

const RUNS = Number(process.env.RUNS ?? 200)
if (process.env.LIST) {
  // LIST=<profile> [MODE=first|last|mixed|random] [SEED=n]: the questions one walk asks, in order
  for (const q of walk(
    profiles[process.env.LIST]!,
    process.env.MODE ?? 'first',
    Number(process.env.SEED ?? 1),
  ))
    console.log(q.id)
  process.exit(0)
}
if (process.env.FREQ) {
  const prof = profiles[process.env.FREQ]!
  const freq: Record<string, number> = {}
  for (let i = 1; i <= RUNS; i++)
    for (const q of walk(prof, process.env.MODE ?? 'mixed', i)) freq[q.id] = (freq[q.id] ?? 0) + 1
  for (const [id, n] of Object.entries(freq)) console.log((n / RUNS).toFixed(2), id)
  process.exit(0)
}
for (const [name, prof] of Object.entries(profiles)) {
  for (const mode of ['first', 'last']) {
    const visible = walk(prof, mode)
    const bySection: Record<string, number> = {}
    for (const q of visible) {
      const s = q.id.split('.')[0]!
      bySection[s] = (bySection[s] ?? 0) + 1
    }
    console.log(name.padEnd(14), mode.padEnd(6), visible.length, JSON.stringify(bySection))
  }
  for (const mode of ['mixed', 'random']) {
    const counts = Array.from({ length: RUNS }, (_, i) => walk(prof, mode, i + 1).length).sort(
      (a, b) => a - b,
    )
    const mean = counts.reduce((a, b) => a + b, 0) / RUNS
    const pct = (p: number) => counts[Math.min(RUNS - 1, Math.floor(p * RUNS))]
    console.log(
      name.padEnd(14),
      mode.padEnd(6),
      `mean ${mean.toFixed(1)}  p10 ${pct(0.1)}  median ${pct(0.5)}  p90 ${pct(0.9)}  min ${counts[0]}  max ${counts[RUNS - 1]}  (${RUNS} seeded runs)`,
    )
  }
}
