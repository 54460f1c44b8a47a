import type { ConditionTrace } from '../conditions/evaluate.js'
import type { RiskLevel } from '../rules/scoring.js'
import type { Effort, Likelihood, OwnerRole, Severity, Urgency } from '../rules/schema.js'
import type { Domain } from '../shared/domains.js'
import type { Locale } from '../shared/localized.js'

export interface ChecklistCitation {
  law: string
  article: string
  /** 《个人信息保护法》第五十二条 (or the English form in an English checklist). */
  label: string
  /** The knowledge entry's title: what the article is about. */
  title: string
  /** The knowledge entry's id, to look up the summary. */
  entryId: string
  /** Whether the entry was checked against the official text of the version in force. */
  verified: boolean
}

export interface ChecklistTrigger {
  questionId: string
  question: string
  /** The answer as the respondent saw it (option labels, 是/否, "不确定"). */
  answer: string
}

export interface ChecklistItem {
  id: string
  kind: 'risk' | 'verify'
  domain: Domain
  domainLabel: string
  urgency: Urgency
  urgencyLabel: string
  severity: Severity
  severityLabel: string
  likelihood: Likelihood
  title: string
  finding: string
  remediation: {
    steps: string[]
    owner: OwnerRole
    ownerLabel: string
    effort: Effort
    deadlineDays: number
    /** asOf + deadlineDays */
    dueBy: string
    template?: { title: string; outline: string[] }
  }
  citations: ChecklistCitation[]
  triggers: ChecklistTrigger[]
  rules: Array<{ id: string; version: number }>
  trace: ConditionTrace | null
}

export interface GoodPractice {
  id: string
  domain: Domain
  domainLabel: string
  title: string
  finding: string
  citations: ChecklistCitation[]
  triggers: ChecklistTrigger[]
}

export interface Checklist {
  /** sha256 over the effective answers and the questionnaire, ruleset and knowledge versions and digests. */
  hash: string
  /** The assessment date: the laws cited are those in force on it; deadlines count from it. */
  asOf: string
  locale: Locale
  versions: { questionnaire: string; ruleset: string; knowledge: string }
  disclaimer: string
  overall: { score: number | null; level: RiskLevel | null; levelLabel: string | null }
  domains: Array<{
    domain: Domain
    label: string
    score: number | null
    level: RiskLevel | null
    levelLabel: string | null
    counts: { risk: number; verify: number; good: number }
  }>
  summary: { items: number; urgent: number; attention: number; improve: number; good: number }
  /** Ordered by urgency (重大且紧急 first), then severity, then domain, then ruleset order. */
  items: ChecklistItem[]
  good: GoodPractice[]
}
