import { loadContent } from '../src/content/load.ts'
import { resolveVisibility, firstOpenQuestion } from '../src/questionnaire/flow.ts'
import type { Answer } from '../src/conditions/schema.ts'
const c = loadContent('knowledge')
const profiles: Record<string, Record<string, unknown>> = {
  typical_mfg: { 'profile.company_form': 'llc', 'profile.industry': 'manufacturing', 'profile.staff': '20_99', 'profile.revenue': '10m_100m', 'profile.ownership': 'founder_family', 'profile.soe_customers': true, 'profile.listing_plan': 'none', 'profile.handles_pi': false, 'profile.overseas': ['customers'], 'profile.rd': true, 'profile.patents': 'few', 'profile.software': ['embedded'], 'profile.trade_secrets': true, 'profile.tenders': false, 'profile.hazards': ['special_equipment'], 'profile.emissions': ['water_air'], 'profile.cash': 'small' },
  typical_soft: { 'profile.company_form': 'llc', 'profile.industry': 'software_it', 'profile.staff': '20_99', 'profile.revenue': '10m_100m', 'profile.ownership': 'investor_backed', 'profile.soe_customers': false, 'profile.listing_plan': 'none', 'profile.handles_pi': true, 'profile.pi_scale': '10k_100k', 'profile.sensitive_pi': ['none'], 'profile.overseas': ['none'], 'profile.rd': true, 'profile.patents': 'pending', 'profile.software': ['product'], 'profile.trade_secrets': true, 'profile.tenders': false, 'profile.hazards': ['none'], 'profile.emissions': ['none'], 'profile.cash': 'rare' },
  chem_large: { 'profile.company_form': 'joint_stock', 'profile.industry': 'chemicals_energy', 'profile.staff': '300_999', 'profile.revenue': '100m_400m', 'profile.ownership': 'state_invested', 'profile.soe_customers': true, 'profile.listing_plan': 'none', 'profile.handles_pi': false, 'profile.overseas': ['customers'], 'profile.rd': true, 'profile.patents': 'many', 'profile.software': ['embedded'], 'profile.trade_secrets': true, 'profile.tenders': true, 'profile.hazards': ['chemicals', 'confined_space', 'special_equipment', 'hot_work'], 'profile.emissions': ['water_air', 'hazardous_waste'], 'profile.cash': 'rare' },
  biomed_rd: { 'profile.company_form': 'llc', 'profile.industry': 'biomedical', 'profile.staff': '100_299', 'profile.revenue': '10m_100m', 'profile.ownership': 'investor_backed', 'profile.soe_customers': true, 'profile.listing_plan': 'none', 'profile.handles_pi': true, 'profile.pi_scale': '10k_100k', 'profile.sensitive_pi': ['health'], 'profile.overseas': ['customers', 'staff_access'], 'profile.rd': true, 'profile.patents': 'few', 'profile.software': ['none'], 'profile.trade_secrets': true, 'profile.tenders': false, 'profile.hazards': ['chemicals'], 'profile.emissions': ['hazardous_waste'], 'profile.cash': 'rare' },
  app_2m_users: { 'profile.company_form': 'llc', 'profile.industry': 'software_it', 'profile.staff': '100_299', 'profile.revenue': '100m_400m', 'profile.ownership': 'investor_backed', 'profile.soe_customers': false, 'profile.listing_plan': 'none', 'profile.handles_pi': true, 'profile.pi_scale': '1m_10m', 'profile.sensitive_pi': ['location', 'financial'], 'profile.overseas': ['cloud'], 'profile.rd': true, 'profile.patents': 'pending', 'profile.software': ['public_app'], 'profile.trade_secrets': true, 'profile.tenders': false, 'profile.hazards': ['none'], 'profile.emissions': ['none'], 'profile.cash': 'rare' },
  bse_listing: { 'profile.company_form': 'joint_stock', 'profile.industry': 'manufacturing', 'profile.staff': '100_299', 'profile.revenue': '100m_400m', 'profile.ownership': 'investor_backed', 'profile.soe_customers': true, 'profile.listing_plan': 'bse', 'profile.handles_pi': false, 'profile.overseas': ['customers'], 'profile.rd': true, 'profile.patents': 'many', 'profile.software': ['embedded'], 'profile.trade_secrets': true, 'profile.tenders': true, 'profile.hazards': ['special_equipment', 'hot_work'], 'profile.emissions': ['water_air'], 'profile.cash': 'rare' },
  small_trader: { 'profile.company_form': 'one_person_llc', 'profile.industry': 'trade_services', 'profile.staff': 'lt_20', 'profile.revenue': 'lt_10m', 'profile.ownership': 'founder_family', 'profile.soe_customers': false, 'profile.listing_plan': 'none', 'profile.handles_pi': false, 'profile.overseas': ['none'], 'profile.rd': false, 'profile.patents': 'none', 'profile.software': ['none'], 'profile.trade_secrets': false, 'profile.tenders': false, 'profile.hazards': ['none'], 'profile.emissions': ['none'], 'profile.cash': 'small' },
}
for (const [name, prof] of Object.entries(profiles)) {
  for (const mode of ['first', 'last']) {
    const answers: Record<string, Answer> = {}
    for (const [k, v] of Object.entries(prof)) answers[k] = { kind: 'value', value: v as never }
    for (;;) {
      const vis = resolveVisibility(c.questionnaire, answers)
      const q = firstOpenQuestion(vis)
      if (!q) break
      const opts = (q.options ?? []).filter(o => !o.exclusive).map(o => o.value)
      let v: unknown
      if (q.type === 'boolean') v = mode === 'first'
      else if (q.type === 'number') v = 10
      else if (q.type === 'text') v = 'x'
      else if (q.type === 'multi') v = [mode === 'first' ? opts[0] : opts[opts.length - 1]]
      else v = mode === 'first' ? opts[0] : opts[opts.length - 1]
      answers[q.id] = { kind: 'value', value: v as never }
    }
    const vis = resolveVisibility(c.questionnaire, answers)
    const bySection: Record<string, number> = {}
    for (const q of vis.visible) { const s = q.id.split('.')[0]!; bySection[s] = (bySection[s] ?? 0) + 1 }
    console.log(name.padEnd(14), mode.padEnd(6), vis.visible.length, JSON.stringify(bySection))
  }
}
