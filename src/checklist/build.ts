import type { AnswerMap } from '../conditions/schema.js'
import type { KnowledgeBase } from '../knowledge/load.js'
import { citationLabelEn } from '../knowledge/load.js'
import { formatAnswer } from '../questionnaire/format.js'
import { resolveVisibility } from '../questionnaire/flow.js'
import type { Questionnaire } from '../questionnaire/schema.js'
import { type Finding, evaluateRules } from '../rules/evaluate.js'
import type { Rule, Ruleset, Severity } from '../rules/schema.js'
import { scoreFindings } from '../rules/scoring.js'
import { digest } from '../shared/canonical-json.js'
import { citationKey, parseCitation } from '../shared/citation.js'
import { DOMAIN_LABELS, DOMAIN_ORDER, type Domain } from '../shared/domains.js'
import { type Locale, type Localized, pick } from '../shared/localized.js'
import {
  DISCLAIMER,
  LEVEL_LABELS,
  OWNER_LABELS,
  SEVERITY_LABELS,
  URGENCY_LABELS,
  URGENCY_ORDER,
} from './labels.js'
import type { Checklist, ChecklistCitation, ChecklistItem, ChecklistTrigger, GoodPractice } from './schema.js'

export interface ChecklistContent {
  questionnaire: Questionnaire
  ruleset: Ruleset
  knowledge: KnowledgeBase
}

export interface ChecklistInput {
  answers: AnswerMap
  /** The assessment date, YYYY-MM-DD. */
  asOf: string
  locale: Locale
}

const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 }

/**
 * The content hash of an assessment: the answers that count and the exact content that judged them.
 * Same answers + same questionnaire, ruleset and knowledge ⇒ same hash, whatever the session, the day
 * or the locale. The digests make the hash move when content changes even if someone forgot to bump a
 * version (the persona golden tests then ask for the bump).
 */
export function checklistHash(content: ChecklistContent, effective: AnswerMap): string {
  return digest({
    answers: effective,
    questionnaire: content.questionnaire.version,
    ruleset: { version: content.ruleset.version, digest: content.ruleset.digest },
    knowledge: { version: content.knowledge.version, digest: content.knowledge.digest },
  })
}

/** Findings → a prioritised, cited checklist. Deterministic: no clock, no randomness, no model. */
export function buildChecklist(content: ChecklistContent, input: ChecklistInput): Checklist {
  const { questionnaire, ruleset, knowledge } = content
  const { locale, asOf } = input
  const t = (text: Localized): string => pick(text, locale)
  const visibility = resolveVisibility(questionnaire, input.answers)
  const { findings } = evaluateRules(ruleset, questionnaire, visibility.effective)

  const assessed = new Set<Domain>()
  for (const [id, answer] of Object.entries(visibility.effective)) {
    const section = questionnaire.sectionOf.get(id)?.id
    if (answer.kind !== 'skipped' && section && section !== 'profile') assessed.add(section as Domain)
  }
  const scores = scoreFindings(findings, DOMAIN_ORDER, assessed)

  const citations = (refs: string[]): ChecklistCitation[] =>
    refs.map((ref) => {
      const c = parseCitation(ref)
      const entry = knowledge.byCitation.get(citationKey(c))
      return {
        law: c.law,
        article: c.article,
        label: locale === 'zh-CN' ? (entry?.citations[0]?.label ?? ref) : citationLabelEn(c, knowledge.laws),
        title: entry ? t(entry.title) : '',
        entryId: entry?.id ?? '',
        verified: entry?.verified ?? false,
      }
    })
  const triggers = (f: Finding): ChecklistTrigger[] =>
    f.triggers.map(({ questionId }) => {
      const q = questionnaire.byId.get(questionId)
      return {
        questionId,
        question: q ? t(q.text) : questionId,
        answer: q ? formatAnswer(q, visibility.effective[questionId], locale) : '',
      }
    })

  const items: ChecklistItem[] = []
  const good: GoodPractice[] = []
  for (const f of findings) {
    if (f.kind === 'good') {
      const rule = ruleset.byId.get(f.id) as Rule
      good.push({
        id: f.id,
        domain: f.domain,
        domainLabel: t(DOMAIN_LABELS[f.domain]),
        title: t(rule.title),
        finding: t(rule.finding),
        citations: citations(f.cites),
        triggers: triggers(f),
      })
      continue
    }
    const text = f.kind === 'verify' ? verifyText(f, content, t) : ruleText(ruleset.byId.get(f.id) as Rule, t)
    items.push({
      id: f.id,
      kind: f.kind,
      domain: f.domain,
      domainLabel: t(DOMAIN_LABELS[f.domain]),
      urgency: f.urgency,
      urgencyLabel: t(URGENCY_LABELS[f.urgency]),
      severity: f.severity,
      severityLabel: t(SEVERITY_LABELS[f.severity]),
      likelihood: f.likelihood,
      title: text.title,
      finding: text.finding,
      remediation: {
        ...text.remediation,
        ownerLabel: t(OWNER_LABELS[text.remediation.owner]),
        dueBy: addDays(asOf, text.remediation.deadlineDays),
      },
      citations: citations(f.cites),
      triggers: triggers(f),
      rules: f.rules,
      trace: f.trace,
    })
  }
  // Stable sort: ruleset order breaks the remaining ties.
  items.sort(
    (a, b) =>
      URGENCY_ORDER.indexOf(a.urgency) - URGENCY_ORDER.indexOf(b.urgency) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      DOMAIN_ORDER.indexOf(a.domain) - DOMAIN_ORDER.indexOf(b.domain),
  )

  const count = (u: string): number => items.filter((i) => i.urgency === u).length
  return {
    hash: checklistHash(content, visibility.effective),
    asOf,
    locale,
    versions: {
      questionnaire: questionnaire.version,
      ruleset: ruleset.version,
      knowledge: knowledge.version,
    },
    disclaimer: t(DISCLAIMER),
    overall: {
      ...scores.overall,
      levelLabel: scores.overall.level ? t(LEVEL_LABELS[scores.overall.level]) : null,
    },
    domains: scores.domains.map((d) => ({
      ...d,
      label: t(DOMAIN_LABELS[d.domain]),
      levelLabel: d.level ? t(LEVEL_LABELS[d.level]) : null,
    })),
    summary: {
      items: items.length,
      urgent: count('urgent'),
      attention: count('attention'),
      improve: count('improve'),
      good: good.length,
    },
    items,
    good,
  }
}

type ItemText = Pick<ChecklistItem, 'title' | 'finding'> & {
  remediation: Omit<ChecklistItem['remediation'], 'ownerLabel' | 'dueBy'>
}

function ruleText(rule: Rule, t: (text: Localized) => string): ItemText {
  const r = rule.remediation as NonNullable<Rule['remediation']>
  return {
    title: t(rule.title),
    finding: t(rule.finding),
    remediation: {
      steps: r.steps.map(t),
      owner: r.owner,
      effort: r.effort,
      deadlineDays: r.deadlineDays,
      ...(r.template ? { template: { title: t(r.template.title), outline: r.template.outline.map(t) } } : {}),
    },
  }
}

/** A verify item: the uncertain question, what it could lead to, and who should check it. */
function verifyText(f: Finding, content: ChecklistContent, t: (text: Localized) => string): ItemText {
  const questionId = f.triggers[0]?.questionId as string
  const question = content.questionnaire.byId.get(questionId)
  const rules = f.rules.map((r) => content.ruleset.byId.get(r.id) as Rule)
  const worst = rules.find((r) => r.severity === f.severity) ?? (rules[0] as Rule)
  const topics = rules.map((r) => t(r.title))
  const questionText = question ? t(question.text) : questionId
  return {
    title: t({ 'zh-CN': `核实：${questionText}`, en: `Verify: ${questionText}` }),
    finding: t({
      'zh-CN': `您对这个问题回答了“不确定”。它关系到以下评估：${topics.join('；')}。核实之前，这些风险既不能排除，也无法确认。`,
      en: `You answered "not sure" here. It bears on: ${topics.join('; ')}. Until it is checked, these risks can be neither ruled out nor confirmed.`,
    }),
    remediation: {
      steps: [
        t({
          'zh-CN': '向负责该事项的同事或外部顾问核实实际情况，并保留核实依据（制度文件、合同、记录）。',
          en: 'Check the facts with the colleague or adviser responsible, and keep the evidence (policies, contracts, records).',
        }),
        t({
          'zh-CN': '回到自查问卷更新这一题的答案，系统将重新生成清单。',
          en: 'Return to the questionnaire and update this answer; the checklist is regenerated.',
        }),
      ],
      owner: worst.remediation?.owner ?? 'legal',
      effort: 'low',
      deadlineDays: 30,
    },
  }
}

/** YYYY-MM-DD plus whole days, in UTC (dates only, no time zone drift). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}
