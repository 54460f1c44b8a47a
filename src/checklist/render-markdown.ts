import { type Locale, type Localized, pick } from '../shared/localized.js'
import { EFFORT_LABELS, URGENCY_LABELS, URGENCY_ORDER } from './labels.js'
import type { Checklist, ChecklistCitation, ChecklistItem } from './schema.js'

const L = {
  heading: { 'zh-CN': '法治体检合规整改清单', en: 'Legal Checkup remediation checklist' },
  asOf: { 'zh-CN': '评估日期', en: 'Assessment date' },
  versions: { 'zh-CN': '版本', en: 'Versions' },
  hash: { 'zh-CN': '清单校验码', en: 'Checklist hash' },
  overview: { 'zh-CN': '总体情况', en: 'Overview' },
  overall: { 'zh-CN': '总体风险等级', en: 'Overall risk level' },
  score: { 'zh-CN': '得分', en: 'score' },
  notAssessed: { 'zh-CN': '未评估', en: 'not assessed' },
  table: {
    'zh-CN': '| 领域 | 得分 | 等级 | 风险项 | 待核实 | 良好实践 |',
    en: '| Domain | Score | Level | Risks | To verify | Good practice |',
  },
  finding: { 'zh-CN': '发现', en: 'Finding' },
  basis: { 'zh-CN': '法律依据', en: 'Legal basis' },
  triggers: { 'zh-CN': '触发该项的回答', en: 'Answers that triggered it' },
  remediation: { 'zh-CN': '整改措施', en: 'Remediation' },
  owner: { 'zh-CN': '负责', en: 'owner' },
  effort: { 'zh-CN': '工作量', en: 'effort' },
  due: { 'zh-CN': '建议完成', en: 'suggested by' },
  template: { 'zh-CN': '参考文本提纲', en: 'Template outline' },
  rule: { 'zh-CN': '规则', en: 'Rule' },
  none: { 'zh-CN': '本类无事项。', en: 'Nothing in this group.' },
  good: { 'zh-CN': '良好实践', en: 'Good practice' },
  unverified: { 'zh-CN': '（尚未与官方文本核对）', en: ' (not yet checked against the official text)' },
} satisfies Record<string, Localized>

/**
 * Escapes text that did not come from our content (answers typed by a respondent) so that it shows
 * literally in Markdown: no links, emphasis, headings or HTML can be smuggled in through an answer.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ')
}

/** The checklist as Markdown, grouped the way 法治体检 reports are: 重大且紧急 / 需关注 / 建议优化. */
export function renderChecklistMarkdown(checklist: Checklist): string {
  const locale = checklist.locale
  const p = punctuation(locale)
  const t = (text: Localized): string => pick(text, locale)
  const out: string[] = []
  out.push(`# ${t(L.heading)}`, '')
  out.push(
    `${t(L.asOf)}${p.colon}${checklist.asOf} · ${t(L.versions)}${p.colon}questionnaire ${checklist.versions.questionnaire}, rules ${checklist.versions.ruleset}, knowledge ${checklist.versions.knowledge}`,
  )
  out.push(`${t(L.hash)}${p.colon}\`${checklist.hash}\``, '')
  out.push(`> ${checklist.disclaimer}`, '')
  out.push(`## ${t(L.overview)}`, '')
  const overall = checklist.overall
  out.push(
    `${t(L.overall)}${p.colon}**${overall.levelLabel ?? t(L.notAssessed)}**${overall.score === null ? '' : `${p.open}${t(L.score)} ${overall.score}${p.close}`}`,
    '',
  )
  out.push(t(L.table), '|---|---|---|---|---|---|')
  for (const d of checklist.domains) {
    out.push(
      `| ${d.label} | ${d.score ?? '—'} | ${d.levelLabel ?? t(L.notAssessed)} | ${d.counts.risk} | ${d.counts.verify} | ${d.counts.good} |`,
    )
  }
  out.push('')
  let n = 0
  for (const urgency of URGENCY_ORDER) {
    const items = checklist.items.filter((i) => i.urgency === urgency)
    out.push(`## ${t(URGENCY_LABELS[urgency])}${p.open}${items.length}${p.close}`, '')
    if (items.length === 0) out.push(t(L.none), '')
    for (const item of items) out.push(...renderItem(item, ++n, locale))
  }
  out.push(`## ${t(L.good)}${p.open}${checklist.good.length}${p.close}`, '')
  if (checklist.good.length === 0) out.push(t(L.none), '')
  for (const g of checklist.good) {
    out.push(
      `- **[${g.domainLabel}] ${g.title}**${p.colon}${g.finding}${p.open}${g.citations.map((c) => citationText(c, locale)).join(p.semi)}${p.close}`,
    )
  }
  out.push('')
  return out.join('\n')
}

function renderItem(item: ChecklistItem, n: number, locale: Locale): string[] {
  const p = punctuation(locale)
  const t = (text: Localized): string => pick(text, locale)
  const r = item.remediation
  const out = [`### ${n}. [${item.domainLabel}] ${item.title}`, '']
  out.push(`**${t(L.finding)}**${p.open}${item.severityLabel}${p.close}${p.colon}${item.finding}`, '')
  out.push(`**${t(L.basis)}**${p.colon}`, '')
  for (const c of item.citations) out.push(`- ${citationText(c, locale)}`)
  out.push('', `**${t(L.triggers)}**${p.colon}`, '')
  for (const tr of item.triggers) out.push(`- ${tr.question} — ${escapeMarkdown(tr.answer)}`)
  out.push(
    '',
    `**${t(L.remediation)}**${p.open}${t(L.owner)}${p.colon}${r.ownerLabel} · ${t(L.effort)}${p.colon}${t(EFFORT_LABELS[r.effort])} · ${t(L.due)}${p.colon}${r.dueBy}${p.close}${p.colon}`,
    '',
  )
  r.steps.forEach((s, i) => out.push(`${i + 1}. ${s}`))
  if (r.template) {
    out.push('', `**${t(L.template)}${p.colon}${r.template.title}**`, '')
    for (const line of r.template.outline) out.push(`- ${line}`)
  }
  out.push(
    '',
    `<sub>${t(L.rule)}${p.colon}${item.rules.map((x) => `\`${x.id}\` v${x.version}`).join(', ')}</sub>`,
    '',
  )
  return out
}

/** Chinese text takes full-width punctuation; English does not. */
function punctuation(locale: Locale) {
  return locale === 'zh-CN'
    ? { colon: '：', open: '（', close: '）', semi: '；' }
    : { colon: ': ', open: ' (', close: ')', semi: '; ' }
}

function citationText(c: ChecklistCitation, locale: Locale): string {
  const title = c.title ? (locale === 'zh-CN' ? `（${c.title}）` : ` (${c.title})`) : ''
  return `${c.label}${title}${c.verified ? '' : pick(L.unverified, locale)}`
}
