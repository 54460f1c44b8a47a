import type { Answer } from '../conditions/schema.js'
import { formatAnswer } from '../questionnaire/format.js'
import type { Progress } from '../questionnaire/flow.js'
import type { Question, Questionnaire } from '../questionnaire/schema.js'
import { type Locale, pick } from '../shared/localized.js'
import { TEXT } from './texts.js'

/** A question as clients see it (API v1): everything already in the session's locale. */
export interface QuestionView {
  id: string
  section: string
  sectionTitle: string
  type: Question['type']
  text: string
  why: string
  options: Array<{ value: string | boolean; label: string; exclusive?: boolean }>
  allowUnsure: boolean
  unit?: string
  min?: number
  max?: number
  /** The answer already given, when the respondent has come back to this question. */
  answer?: { kind: Answer['kind']; value?: unknown; display: string }
}

export function presentQuestion(
  questionnaire: Questionnaire,
  q: Question,
  locale: Locale,
  existing: Answer | undefined,
): QuestionView {
  const section = questionnaire.sectionOf.get(q.id)
  const options =
    q.type === 'boolean'
      ? [
          { value: true, label: pick(TEXT.yes, locale) },
          { value: false, label: pick(TEXT.no, locale) },
        ]
      : (q.options ?? []).map((o) => ({
          value: o.value,
          label: pick(o.label, locale),
          ...(o.exclusive ? { exclusive: true } : {}),
        }))
  return {
    id: q.id,
    section: section?.id ?? '',
    sectionTitle: section ? pick(section.title, locale) : '',
    type: q.type,
    text: pick(q.text, locale),
    why: pick(q.why, locale),
    options,
    allowUnsure: q.allowUnsure,
    ...(q.unit ? { unit: pick(q.unit, locale) } : {}),
    ...(q.min !== undefined ? { min: q.min } : {}),
    ...(q.max !== undefined ? { max: q.max } : {}),
    ...(existing
      ? {
          answer: {
            kind: existing.kind,
            ...(existing.kind === 'value' ? { value: existing.value } : {}),
            display: formatAnswer(q, existing, locale),
          },
        }
      : {}),
  }
}

/**
 * Screening questions list what to check against ("请对照：a；b；c。"); in a chat bubble that reads better
 * as one point per line. Only the message text is laid out; the question itself is unchanged.
 */
export function checklistLines(text: string): string[] {
  const m = /^(.*?(?:请对照：|Check against this: ))(.+)$/s.exec(text)
  if (!m) return [text]
  const separator = m[1]!.endsWith('：') ? /；/ : /; (?=[a-z])/
  const points = m[2]!
    .split(separator)
    .map((p) => p.trim().replace(/^and /, ''))
    .filter(Boolean)
  return points.length < 3 ? [text] : [m[1]!.trim(), ...points.map((p) => `· ${p}`)]
}

/**
 * The question as a chat message: usable as plain text by any client (numbered options, how to reply).
 * Criminal-risk questions always carry their reason, so nobody wonders why a practice is asked about.
 */
export function questionMessageText(
  questionnaire: Questionnaire,
  q: Question,
  locale: Locale,
  progress: Progress,
): string {
  const view = presentQuestion(questionnaire, q, locale, undefined)
  const header =
    locale === 'zh-CN'
      ? `【${view.sectionTitle} · ${progress.percent}%】`
      : `[${view.sectionTitle} · ${progress.percent}%]`
  const lines = [header, ...checklistLines(view.text)]
  const numbered = [
    ...view.options.map((o) => o.label),
    ...(q.allowUnsure ? [pick(TEXT.unsure, locale)] : []),
  ]
  if (q.type === 'single' || q.type === 'multi' || q.type === 'boolean') {
    numbered.forEach((label, i) => lines.push(`${i + 1}. ${label}`))
    const hint =
      q.type === 'multi'
        ? TEXT.optionsHintMulti
        : q.type === 'boolean'
          ? TEXT.optionsHintBoolean
          : TEXT.optionsHintSingle
    lines.push(pick(hint, locale))
  } else if (q.type === 'number') {
    lines.push(
      `${pick(TEXT.numberHint, locale)}${view.unit ? (locale === 'zh-CN' ? `（${view.unit}）` : ` (${view.unit})`) : ''}${locale === 'zh-CN' ? '，或回复“不确定”。' : ', or “not sure”.'}`,
    )
  } else {
    lines.push(pick(TEXT.textHint, locale))
  }
  if (view.section === 'criminal') lines.push(`${pick(TEXT.whyPrefix, locale)}${view.why}`)
  return lines.join('\n')
}
