import { z } from 'zod'
import { Condition, OptionValue, QuestionId } from '../conditions/schema.js'
import { Localized } from '../shared/localized.js'

export const QuestionType = z.enum(['single', 'multi', 'boolean', 'number', 'text'])
export type QuestionType = z.infer<typeof QuestionType>

export const SectionId = z.enum(['profile', 'governance', 'ip', 'data', 'criminal', 'labour', 'tax'])
export type SectionId = z.infer<typeof SectionId>

export const Option = z
  .object({
    value: OptionValue,
    label: Localized,
    /** For multi questions: choosing this option excludes every other (e.g. "none of these"). */
    exclusive: z.boolean().optional(),
  })
  .strict()
export type Option = z.infer<typeof Option>

export const Question = z
  .object({
    id: QuestionId,
    type: QuestionType,
    text: Localized,
    /** "Why we ask": shown on request, and always for criminal-risk questions. */
    why: Localized,
    options: z.array(Option).min(2).optional(),
    /** For number questions. */
    min: z.number().optional(),
    max: z.number().optional(),
    unit: Localized.optional(),
    /** For text questions: the longest accepted answer. */
    maxLength: z.number().int().positive().max(2000).optional(),
    showIf: Condition.optional(),
    /** Every question accepts "not sure" unless this says otherwise. */
    allowUnsure: z.boolean().default(true),
    /** LEGAL.md topics this question probes (for the coverage report). */
    topics: z.array(z.string()).default([]),
  })
  .strict()
  .superRefine((q, ctx) => {
    const needsOptions = q.type === 'single' || q.type === 'multi'
    if (needsOptions && !q.options)
      ctx.addIssue({ code: 'custom', message: `${q.id}: ${q.type} needs options` })
    if (!needsOptions && q.options)
      ctx.addIssue({ code: 'custom', message: `${q.id}: ${q.type} takes no options` })
    if (q.options) {
      const values = q.options.map((o) => o.value)
      const dup = values.find((v, i) => values.indexOf(v) !== i)
      if (dup) ctx.addIssue({ code: 'custom', message: `${q.id}: duplicate option ${dup}` })
    }
  })
export type Question = z.output<typeof Question>

export const Section = z
  .object({
    id: SectionId,
    title: Localized,
    intro: Localized.optional(),
    /** Shows the whole section only when this holds. */
    showIf: Condition.optional(),
    questions: z.array(Question).min(1),
  })
  .strict()
export type Section = z.output<typeof Section>

export const QuestionnaireIndex = z
  .object({
    version: z.string().min(1),
    sections: z.array(SectionId).min(1),
  })
  .strict()

/** A loaded questionnaire: sections in order, and every question flattened in asking order. */
export interface Questionnaire {
  version: string
  sections: Section[]
  questions: Question[]
  byId: ReadonlyMap<string, Question>
  sectionOf: ReadonlyMap<string, Section>
}
