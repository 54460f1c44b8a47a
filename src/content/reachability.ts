import { evaluateCondition } from '../conditions/evaluate.js'
import {
  type Answer,
  type Condition,
  leafOperator,
  leaves,
  referencedQuestions,
} from '../conditions/schema.js'
import type { Question, Questionnaire } from '../questionnaire/schema.js'

/**
 * How many partial answer sets the search may visit before a condition is reported as too complex to
 * check. The search stops at the first satisfying set and skips the answers of questions that are not
 * asked, so it visits far fewer sets than the product of the candidates.
 */
const VISIT_LIMIT = 2_000_000

export type Satisfiability = 'satisfiable' | 'unsatisfiable' | 'too_complex'

/**
 * Builds a checker that decides whether some set of answers makes a condition true while every question it reads is actually
 * asked. It enumerates, in asking order, the answers that matter to the questions the condition reads
 * and to the questions that gate them (their `showIf`s, transitively): each option, "not sure", no
 * answer; for numbers, each threshold and its neighbours; for multi-choice, the subsets of the options
 * that conditions name. A question whose own gate is closed can only be unanswered, which is what makes
 * "no path reaches it" detectable.
 */
export function createSatisfiabilityChecker(questionnaire: Questionnaire, otherConditions: Condition[] = []) {
  const operands = collectOperands(questionnaire, otherConditions)
  return (condition: Condition, extraGates: Condition[] = []): Satisfiability =>
    checkSatisfiable(condition, questionnaire, operands, extraGates)
}

function checkSatisfiable(
  condition: Condition,
  questionnaire: Questionnaire,
  operands: ReadonlyMap<string, unknown[]>,
  extraGates: Condition[],
): Satisfiability {
  const closure = gateClosure([condition, ...extraGates], questionnaire)
  const candidates = closure.map((q) => candidateAnswers(q, operands.get(q.id) ?? []))
  const answers: Record<string, Answer> = {}
  let visits = 0
  const search = (i: number): boolean => {
    if (++visits > VISIT_LIMIT) throw new TooComplex()
    if (i === closure.length) {
      return extraGates.every((g) => evaluateCondition(g, answers)) && evaluateCondition(condition, answers)
    }
    const q = closure[i] as Question
    if (!isAsked(q, questionnaire, answers)) return search(i + 1)
    for (const candidate of candidates[i] as Array<Answer | null>) {
      if (candidate) answers[q.id] = candidate
      else delete answers[q.id]
      if (search(i + 1)) return true
    }
    delete answers[q.id]
    return false
  }
  try {
    return search(0) ? 'satisfiable' : 'unsatisfiable'
  } catch (error) {
    if (error instanceof TooComplex) return 'too_complex'
    throw error
  }
}

class TooComplex extends Error {}

/** Whether a question is asked, given the answers to the questions before it. */
export function isAsked(q: Question, questionnaire: Questionnaire, answers: Record<string, Answer>): boolean {
  const section = questionnaire.sectionOf.get(q.id)
  if (section?.showIf && !evaluateCondition(section.showIf, answers)) return false
  return !q.showIf || evaluateCondition(q.showIf, answers)
}

/** The gates of a question: its own and its section's showIf. */
export function gatesOf(q: Question, questionnaire: Questionnaire): Condition[] {
  const section = questionnaire.sectionOf.get(q.id)
  return [...(section?.showIf ? [section.showIf] : []), ...(q.showIf ? [q.showIf] : [])]
}

function gateClosure(conditions: Condition[], questionnaire: Questionnaire): Question[] {
  const seen = new Set<string>()
  const stack = conditions.flatMap(referencedQuestions)
  while (stack.length) {
    const id = stack.pop() as string
    if (seen.has(id)) continue
    seen.add(id)
    const q = questionnaire.byId.get(id)
    if (q) gatesOf(q, questionnaire).forEach((g) => stack.push(...referencedQuestions(g)))
  }
  return questionnaire.questions.filter((q) => seen.has(q.id))
}

/** The answers worth trying for a question; null stands for "not answered". */
function candidateAnswers(q: Question, operands: unknown[]): Array<Answer | null> {
  const value = (
    v: Answer extends infer A ? (A extends { kind: 'value'; value: infer V } ? V : never) : never,
  ): Answer => ({ kind: 'value', value: v })
  const base: Array<Answer | null> = [null, { kind: 'unsure' }]
  const options = (q.options ?? []).map((o) => o.value)
  switch (q.type) {
    case 'single':
      return [...base, ...options.map(value)]
    case 'boolean':
      return [...base, value(true), value(false)]
    case 'text':
      return [...base, value('text')]
    case 'number': {
      const points = new Set<number>()
      for (const operand of operands) {
        if (typeof operand === 'number') [operand - 1, operand, operand + 1].forEach((n) => points.add(n))
      }
      if (points.size === 0) points.add(q.min ?? 0)
      const inRange = [...points].filter(
        (n) => (q.min === undefined || n >= q.min) && (q.max === undefined || n <= q.max),
      )
      return [...base, ...inRange.map(value)]
    }
    case 'multi': {
      const named = [...new Set(operands.filter((o): o is string => typeof o === 'string'))]
      const exclusive = new Set((q.options ?? []).filter((o) => o.exclusive).map((o) => o.value))
      const plain = named.filter((v) => !exclusive.has(v)).slice(0, 12)
      const other = options.find((v) => !named.includes(v) && !exclusive.has(v))
      const subsets: string[][] = []
      for (let mask = 1; mask < 1 << plain.length; mask++)
        subsets.push(plain.filter((_, i) => mask & (1 << i)))
      if (other) subsets.push([other])
      exclusive.forEach((v) => subsets.push([v]))
      return [...base, ...subsets.map(value)]
    }
  }
}

/**
 * Every operand the content compares each question with: the gates of all questions and the other
 * conditions given (the rules), so that the candidates include every threshold that matters.
 */
function collectOperands(questionnaire: Questionnaire, otherConditions: Condition[]): Map<string, unknown[]> {
  const operands = new Map<string, unknown[]>()
  const all = [...questionnaire.questions.flatMap((q) => gatesOf(q, questionnaire)), ...otherConditions]
  for (const leaf of all.flatMap(leaves)) {
    const { operand } = leafOperator(leaf)
    const list = operands.get(leaf.q) ?? []
    list.push(...(Array.isArray(operand) ? operand : [operand]))
    operands.set(leaf.q, list)
  }
  return operands
}
