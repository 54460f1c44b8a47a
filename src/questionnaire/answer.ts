import type { Answer, AnswerValue } from '../conditions/schema.js'
import { DomainError } from '../shared/errors.js'
import type { Question } from './schema.js'

/** What a client may send for one question: a value, or one of the two markers. */
export type AnswerInput = { value: unknown } | { unsure: true } | { skip: true }

/**
 * Checks a structured answer against its question and returns what is stored. The literal value
 * `"unsure"` means "not sure" for every type (no option may be called `unsure`), so a client that only
 * knows `{ questionId, value }` can still say it.
 */
export function validateAnswer(question: Question, input: AnswerInput): Answer {
  if ('skip' in input) return { kind: 'skipped' }
  if ('unsure' in input || input.value === 'unsure') {
    if (!question.allowUnsure) throw new DomainError('invalid_answer', `${question.id} needs an answer`)
    return { kind: 'unsure' }
  }
  return { kind: 'value', value: checkValue(question, input.value) }
}

function checkValue(question: Question, value: unknown): AnswerValue {
  const fail = (message: string): never => {
    throw new DomainError('invalid_answer', `${question.id}: ${message}`, { questionId: question.id })
  }
  const options = question.options ?? []
  switch (question.type) {
    case 'single': {
      if (typeof value !== 'string') return fail('expects one option value (a string)')
      if (!options.some((o) => o.value === value)) {
        throw new DomainError('unknown_option', `${question.id} has no option "${value}"`, {
          questionId: question.id,
          options: options.map((o) => o.value),
        })
      }
      return value
    }
    case 'multi': {
      if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== 'string')) {
        return fail('expects a non-empty list of option values')
      }
      const chosen = [...new Set(value as string[])]
      const unknown = chosen.find((v) => !options.some((o) => o.value === v))
      if (unknown !== undefined) {
        throw new DomainError('unknown_option', `${question.id} has no option "${unknown}"`, {
          questionId: question.id,
          options: options.map((o) => o.value),
        })
      }
      const exclusive = chosen.filter((v) => options.find((o) => o.value === v)?.exclusive)
      if (exclusive.length > 0 && chosen.length > 1)
        fail(`"${exclusive[0]}" cannot be combined with other options`)
      // Stored in the questionnaire's option order, so equal choices hash equally.
      return options.map((o) => o.value).filter((v) => chosen.includes(v))
    }
    case 'boolean':
      if (typeof value !== 'boolean') return fail('expects true or false')
      return value
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail('expects a number')
      if (question.min !== undefined && value < question.min) fail(`must be at least ${question.min}`)
      if (question.max !== undefined && value > question.max) fail(`must be at most ${question.max}`)
      return value
    }
    case 'text': {
      if (typeof value !== 'string' || value.trim() === '') return fail('expects a non-empty text')
      const max = question.maxLength ?? 500
      if (value.length > max) fail(`must be at most ${max} characters`)
      return value.trim()
    }
  }
}
