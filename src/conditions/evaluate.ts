import { type AnswerMap, type Condition, type LeafCondition, isLeaf, leafOperator } from './schema.js'

/** How one leaf came out, with the answer it saw: the "why" of a finding. */
export interface LeafTrace {
  q: string
  op: string
  operand: unknown
  /** The concrete value, `"unsure"`, or null when there was none. */
  answer: unknown
  result: boolean
}

export type ConditionTrace =
  | ({ kind: 'leaf' } & LeafTrace)
  | { kind: 'all' | 'any'; result: boolean; children: ConditionTrace[] }
  | { kind: 'not'; result: boolean; child: ConditionTrace }

type Predicate = (answers: AnswerMap) => boolean
const compiled = new WeakMap<Condition, Predicate>()

/**
 * Evaluates a condition against answers, returning the result only. Conditions are compiled once into
 * closures (cached per condition object): visibility is decided several times per chat turn over every
 * question, and interpreting the tree with a trace each time was most of a turn's cost.
 */
export function evaluateCondition(condition: Condition, answers: AnswerMap): boolean {
  let predicate = compiled.get(condition)
  if (!predicate) {
    predicate = compile(condition)
    compiled.set(condition, predicate)
  }
  return predicate(answers)
}

function compile(condition: Condition): Predicate {
  if (isLeaf(condition)) {
    const { op, operand } = leafOperator(condition)
    const q = condition.q
    if (op === 'answered') return (answers) => (answers[q]?.kind === 'value') === operand
    if (op === 'unsure') return (answers) => (answers[q]?.kind === 'unsure') === operand
    return (answers) => {
      const answer = answers[q]
      return answer?.kind === 'value' && compare(op, answer.value, operand)
    }
  }
  if ('all' in condition) {
    const parts = condition.all.map(compile)
    return (answers) => parts.every((p) => p(answers))
  }
  if ('any' in condition) {
    const parts = condition.any.map(compile)
    return (answers) => parts.some((p) => p(answers))
  }
  const inner = compile(condition.not)
  return (answers) => !inner(answers)
}

/**
 * Evaluates a condition and returns the full trace. Every branch is evaluated (no short circuit) so the
 * trace shows the reviewer each condition, not just the first that decided.
 */
export function traceCondition(condition: Condition, answers: AnswerMap): ConditionTrace {
  if (isLeaf(condition)) return { kind: 'leaf', ...evaluateLeaf(condition, answers) }
  if ('all' in condition) {
    const children = condition.all.map((c) => traceCondition(c, answers))
    return { kind: 'all', result: children.every((c) => c.result), children }
  }
  if ('any' in condition) {
    const children = condition.any.map((c) => traceCondition(c, answers))
    return { kind: 'any', result: children.some((c) => c.result), children }
  }
  const child = traceCondition(condition.not, answers)
  return { kind: 'not', result: !child.result, child }
}

function evaluateLeaf(leaf: LeafCondition, answers: AnswerMap): LeafTrace {
  const { op, operand } = leafOperator(leaf)
  const answer = answers[leaf.q]
  const shown = answer?.kind === 'value' ? answer.value : answer?.kind === 'unsure' ? 'unsure' : null
  const base = { q: leaf.q, op, operand, answer: shown }
  if (op === 'answered') return { ...base, result: (answer?.kind === 'value') === operand }
  if (op === 'unsure') return { ...base, result: (answer?.kind === 'unsure') === operand }
  if (answer?.kind !== 'value') return { ...base, result: false }
  const value = answer.value
  return { ...base, result: compare(op, value, operand) }
}

function compare(op: string, value: unknown, operand: unknown): boolean {
  switch (op) {
    case 'eq':
      return value === operand
    case 'ne':
      return value !== operand
    case 'in':
      return (operand as unknown[]).includes(value)
    case 'notIn':
      return !(operand as unknown[]).includes(value)
    case 'includes':
      return Array.isArray(value) && value.includes(operand as string)
    case 'gt':
      return typeof value === 'number' && value > (operand as number)
    case 'gte':
      return typeof value === 'number' && value >= (operand as number)
    case 'lt':
      return typeof value === 'number' && value < (operand as number)
    case 'lte':
      return typeof value === 'number' && value <= (operand as number)
    default:
      return false
  }
}

/** The leaves that were true in a trace and lie on a path that made the whole condition true. */
export function decisiveLeaves(trace: ConditionTrace): LeafTrace[] {
  if (!trace.result && trace.kind !== 'not') return []
  switch (trace.kind) {
    case 'leaf':
      return trace.result ? [stripKind(trace)] : []
    case 'all':
      return trace.children.flatMap(decisiveLeaves)
    case 'any':
      return trace.children.filter((c) => c.result).flatMap(decisiveLeaves)
    case 'not':
      // A true `not` holds because its child failed; the child's leaves are still what the answers said.
      return trace.result ? allLeaves(trace.child) : []
  }
}

function allLeaves(trace: ConditionTrace): LeafTrace[] {
  if (trace.kind === 'leaf') return [stripKind(trace)]
  if (trace.kind === 'not') return allLeaves(trace.child)
  return trace.children.flatMap(allLeaves)
}

function stripKind(trace: { kind: 'leaf' } & LeafTrace): LeafTrace {
  const { kind: _kind, ...rest } = trace
  return rest
}
