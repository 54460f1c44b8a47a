import {
  type ConditionTrace,
  type LeafTrace,
  decisiveLeaves,
  traceCondition,
} from '../conditions/evaluate.js'
import { type AnswerMap, referencedQuestions } from '../conditions/schema.js'
import type { Questionnaire } from '../questionnaire/schema.js'
import type { Domain } from '../shared/domains.js'
import type { Likelihood, Rule, Ruleset, Severity, Urgency } from './schema.js'

/** An answer that made a rule fire: the question and what was answered. */
export interface Trigger {
  questionId: string
  answer: unknown
}

/** A rule that fired, or a derived "verify" item for a "not sure" answer, with the evidence. */
export interface Finding {
  /** The rule id, or `verify:<questionId>` for a derived verify item. */
  id: string
  kind: 'risk' | 'good' | 'verify'
  domain: Domain
  severity: Severity
  likelihood: Likelihood
  urgency: Urgency
  /** Citation references (`简称:条号`). */
  cites: string[]
  /** The rule and its version; for verify items, the rules the uncertain answer could trigger. */
  rules: Array<{ id: string; version: number }>
  triggers: Trigger[]
  trace: ConditionTrace | null
}

export interface RuleEvaluation {
  findings: Finding[]
  /** Every rule that did not fire, with its trace, for reviewers ("why was this not flagged?"). */
  notFired: Array<{ id: string; trace: ConditionTrace }>
}

const SEVERITY_RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 }

/**
 * Evaluates every rule against the effective answers (answers to visible questions only). Pure: the
 * result depends on the answers and the ruleset alone, and lists findings in ruleset order followed by
 * verify items in questionnaire order.
 *
 * A "not sure" answer never fires a comparison, so it would otherwise stay silent; instead each
 * question answered "not sure" that could influence a risk rule (directly, or through the `showIf` of a
 * question the rule reads) yields one verify item citing those rules' articles.
 */
export function evaluateRules(
  ruleset: Ruleset,
  questionnaire: Questionnaire,
  effective: AnswerMap,
): RuleEvaluation {
  const findings: Finding[] = []
  const notFired: RuleEvaluation['notFired'] = []
  for (const rule of ruleset.rules) {
    const trace = traceCondition(rule.when, effective)
    if (!trace.result) {
      notFired.push({ id: rule.id, trace })
      continue
    }
    findings.push({
      id: rule.id,
      kind: rule.kind,
      domain: rule.domain,
      severity: rule.severity,
      likelihood: rule.likelihood,
      urgency: rule.urgency,
      cites: rule.cites,
      rules: [{ id: rule.id, version: rule.version }],
      triggers: triggersOf(trace),
      trace,
    })
  }
  const influence = influenceOf(ruleset, questionnaire)
  for (const q of questionnaire.questions) {
    if (effective[q.id]?.kind !== 'unsure') continue
    const rules = (influence.get(q.id) ?? []).filter((r) => r.kind === 'risk')
    if (rules.length === 0) continue
    const worst = rules.reduce((a, b) => (SEVERITY_RANK[b.severity] > SEVERITY_RANK[a.severity] ? b : a))
    findings.push({
      id: `verify:${q.id}`,
      kind: 'verify',
      domain: worst.domain,
      severity: worst.severity,
      likelihood: 'medium',
      urgency: 'attention',
      cites: [...new Set(rules.flatMap((r) => r.cites))],
      rules: rules.map((r) => ({ id: r.id, version: r.version })),
      triggers: [{ questionId: q.id, answer: 'unsure' }],
      trace: null,
    })
  }
  return { findings, notFired }
}

/** The influence map depends only on the content, so it is computed once per ruleset and questionnaire. */
const influenceCache = new WeakMap<Ruleset, WeakMap<Questionnaire, Map<string, Rule[]>>>()
function influenceOf(ruleset: Ruleset, questionnaire: Questionnaire): Map<string, Rule[]> {
  let byQuestionnaire = influenceCache.get(ruleset)
  if (!byQuestionnaire) influenceCache.set(ruleset, (byQuestionnaire = new WeakMap()))
  let influence = byQuestionnaire.get(questionnaire)
  if (!influence) byQuestionnaire.set(questionnaire, (influence = rulesInfluencedBy(ruleset, questionnaire)))
  return influence
}

function triggersOf(trace: ConditionTrace): Trigger[] {
  const seen = new Map<string, Trigger>()
  decisiveLeaves(trace).forEach((leaf: LeafTrace) => {
    if (!seen.has(leaf.q)) seen.set(leaf.q, { questionId: leaf.q, answer: leaf.answer })
  })
  return [...seen.values()]
}

/**
 * For each question, the rules whose outcome it can change: the rule reads it, or it decides (through
 * `showIf`, of the question or its section) whether a question the rule reads is asked at all.
 */
export function rulesInfluencedBy(ruleset: Ruleset, questionnaire: Questionnaire): Map<string, Rule[]> {
  const gates = new Map<string, string[]>()
  for (const q of questionnaire.questions) {
    const section = questionnaire.sectionOf.get(q.id)
    gates.set(q.id, [
      ...(q.showIf ? referencedQuestions(q.showIf) : []),
      ...(section?.showIf ? referencedQuestions(section.showIf) : []),
    ])
  }
  const out = new Map<string, Rule[]>()
  for (const rule of ruleset.rules) {
    const seen = new Set<string>()
    const stack = referencedQuestions(rule.when)
    while (stack.length) {
      const id = stack.pop() as string
      if (seen.has(id)) continue
      seen.add(id)
      stack.push(...(gates.get(id) ?? []))
    }
    for (const id of seen) out.set(id, [...(out.get(id) ?? []), rule])
  }
  return out
}
