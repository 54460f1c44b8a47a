import { z } from 'zod'
import { Condition } from '../conditions/schema.js'
import { CitationRef } from '../shared/citation.js'
import { Domain } from '../shared/domains.js'
import { Localized } from '../shared/localized.js'

/** Consequence if the risk materialises: criminal exposure and large fines are high or critical. */
export const Severity = z.enum(['low', 'medium', 'high', 'critical'])
export type Severity = z.infer<typeof Severity>

export const Likelihood = z.enum(['low', 'medium', 'high'])
export type Likelihood = z.infer<typeof Likelihood>

/** How a 法治体检 report groups items: 重大且紧急 / 需关注 / 建议优化. */
export const Urgency = z.enum(['urgent', 'attention', 'improve'])
export type Urgency = z.infer<typeof Urgency>

/**
 * `risk`: a gap to remediate. `good`: a practice worth acknowledging in the report (no remediation,
 * no score penalty). Verify items for "not sure" answers are derived by the evaluator, not written.
 */
export const RuleKind = z.enum(['risk', 'good'])
export type RuleKind = z.infer<typeof RuleKind>

export const OwnerRole = z.enum([
  'board',
  'management',
  'legal',
  'finance',
  'hr',
  'it_security',
  'rd',
  'sales',
  'operations',
])
export type OwnerRole = z.infer<typeof OwnerRole>

export const Effort = z.enum(['low', 'medium', 'high'])
export type Effort = z.infer<typeof Effort>

export const Template = z
  .object({
    title: Localized,
    /** The outline of the document to draft or review: clauses, sections, checks. */
    outline: z.array(Localized).min(2),
  })
  .strict()
export type Template = z.infer<typeof Template>

export const Remediation = z
  .object({
    steps: z.array(Localized).min(1),
    owner: OwnerRole,
    effort: Effort,
    /** Suggested deadline, in days from the assessment date. */
    deadlineDays: z.number().int().positive().max(730),
    template: Template.optional(),
  })
  .strict()
export type Remediation = z.infer<typeof Remediation>

export const Rule = z
  .object({
    id: z.string().regex(/^[a-z]+\.[a-z0-9_]+$/, 'rule ids look like domain.name'),
    /** Bumped when the rule's meaning changes; the ruleset version moves with it. */
    version: z.number().int().positive(),
    domain: Domain,
    kind: RuleKind.default('risk'),
    when: Condition,
    severity: Severity,
    likelihood: Likelihood,
    urgency: Urgency,
    cites: z.array(CitationRef).min(1),
    title: Localized,
    finding: Localized,
    remediation: Remediation.optional(),
    /** LEGAL.md topics this rule covers (for the coverage report). */
    topics: z.array(z.string()).default([]),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.kind === 'risk' && !r.remediation)
      ctx.addIssue({ code: 'custom', message: `${r.id}: a risk rule needs remediation` })
  })
export type Rule = z.output<typeof Rule>

export const RulesetIndex = z
  .object({
    /** The ruleset version: every checklist records it, and its hash covers it. */
    version: z.string().min(1),
    files: z.array(z.string().min(1)).min(1),
  })
  .strict()

export interface Ruleset {
  version: string
  rules: Rule[]
  byId: ReadonlyMap<string, Rule>
  /** sha256 over the canonical rules: moves whenever any rule changes. */
  digest: string
}
