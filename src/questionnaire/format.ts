import type { Answer } from '../conditions/schema.js'
import { type Locale, pick } from '../shared/localized.js'
import type { Question } from './schema.js'

const WORDS = {
  yes: { 'zh-CN': '是', en: 'Yes' },
  no: { 'zh-CN': '否', en: 'No' },
  unsure: { 'zh-CN': '不确定', en: 'Not sure' },
  skipped: { 'zh-CN': '（已跳过）', en: '(skipped)' },
  unanswered: { 'zh-CN': '（未回答）', en: '(not answered)' },
} as const

/** An answer as the respondent would recognise it: option labels, 是/否, the number with its unit. */
export function formatAnswer(question: Question, answer: Answer | undefined | null, locale: Locale): string {
  if (!answer) return WORDS.unanswered[locale]
  if (answer.kind === 'unsure') return WORDS.unsure[locale]
  if (answer.kind === 'skipped') return WORDS.skipped[locale]
  const value = answer.value
  const label = (v: string): string => {
    const option = question.options?.find((o) => o.value === v)
    return option ? pick(option.label, locale) : v
  }
  switch (question.type) {
    case 'single':
      return label(String(value))
    case 'multi':
      return (value as string[]).map(label).join(locale === 'zh-CN' ? '、' : ', ')
    case 'boolean':
      return value ? WORDS.yes[locale] : WORDS.no[locale]
    case 'number':
      return `${value}${question.unit ? (locale === 'zh-CN' ? '' : ' ') + pick(question.unit, locale) : ''}`
    case 'text':
      return String(value)
  }
}
