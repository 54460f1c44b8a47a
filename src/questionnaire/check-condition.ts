import { type Condition, leafOperator, leaves } from '../conditions/schema.js'
import type { Question } from './schema.js'

/** The operators each question type supports, and what their operand must be. */
const ALLOWED: Record<Question['type'], readonly string[]> = {
  single: ['eq', 'ne', 'in', 'notIn', 'answered', 'unsure'],
  boolean: ['eq', 'ne', 'answered', 'unsure'],
  multi: ['includes', 'answered', 'unsure'],
  number: ['eq', 'ne', 'in', 'notIn', 'gt', 'gte', 'lt', 'lte', 'answered', 'unsure'],
  text: ['answered', 'unsure'],
}

/**
 * Checks a condition against the questions it reads: the question exists, the operator suits its type,
 * and every operand is a value the question can take (an option value, a boolean, a number). Returns
 * the problems, each prefixed with `where`.
 */
export function checkCondition(
  condition: Condition,
  questions: ReadonlyMap<string, Question>,
  where: string,
): string[] {
  const problems: string[] = []
  for (const leaf of leaves(condition)) {
    const q = questions.get(leaf.q)
    if (!q) {
      problems.push(`${where}: refers to unknown question ${leaf.q}`)
      continue
    }
    const { op, operand } = leafOperator(leaf)
    if (!ALLOWED[q.type].includes(op)) {
      problems.push(`${where}: operator ${op} does not apply to ${q.type} question ${q.id}`)
      continue
    }
    if (op === 'answered' || op === 'unsure') continue
    const operands = Array.isArray(operand) ? operand : [operand]
    for (const value of operands) {
      const problem = checkOperand(q, value)
      if (problem) problems.push(`${where}: ${problem}`)
    }
  }
  return problems
}

function checkOperand(q: Question, value: unknown): string | null {
  switch (q.type) {
    case 'single':
    case 'multi':
      return q.options?.some((o) => o.value === value) ? null : `${q.id} has no option ${String(value)}`
    case 'boolean':
      return typeof value === 'boolean' ? null : `${q.id} is yes/no; compare it with true or false`
    case 'number':
      return typeof value === 'number' ? null : `${q.id} is a number; compare it with a number`
    default:
      return `${q.id} is free text and cannot be compared`
  }
}
