import { z } from 'zod'

/** Question ids look like `section.name`: `data.pi_scale`. */
export const QuestionId = z.string().regex(/^[a-z]+\.[a-z0-9_]+$/, 'question ids look like section.name')
export type QuestionId = z.infer<typeof QuestionId>

/** Option values are snake_case; `unsure` is reserved for the "not sure" answer every question allows. */
export const OptionValue = z
  .string()
  .regex(/^[a-z0-9_]+$/, 'option values are snake_case')
  .refine((v) => v !== 'unsure', '"unsure" is reserved')
export type OptionValue = z.infer<typeof OptionValue>

/** A concrete answer value. Which shape is allowed depends on the question type. */
export const AnswerValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])
export type AnswerValue = z.infer<typeof AnswerValue>

/**
 * What is known about one question: a value, "not sure", or skipped. Unanswered questions are absent.
 */
export type Answer = { kind: 'value'; value: AnswerValue } | { kind: 'unsure' } | { kind: 'skipped' }

/** Answers by question id. Only the answers to visible questions count when rules are evaluated. */
export type AnswerMap = Readonly<Record<string, Answer>>

const Scalar = z.union([z.string(), z.number(), z.boolean()])

/**
 * The closed operator set. A leaf names one question and exactly one operator.
 *
 * Semantics (documented in docs/rules.md): every comparison (eq, ne, in, notIn, includes, gt, gte, lt,
 * lte) is false when the question has no concrete value — unanswered, skipped, hidden or "not sure".
 * `answered: true` holds when it has a concrete value; `unsure: true` when the answer is "not sure".
 * So `ne` never fires on missing data; write `{ not: { q, eq } }` only when that is what you mean.
 */
const leaf = <K extends string, T extends z.ZodType>(op: K, operand: T) =>
  z.object({ q: QuestionId, [op]: operand } as { q: typeof QuestionId } & Record<K, T>).strict()

export const LeafCondition = z.union([
  leaf('eq', Scalar),
  leaf('ne', Scalar),
  leaf('in', z.array(Scalar).min(1)),
  leaf('notIn', z.array(Scalar).min(1)),
  leaf('includes', z.string()),
  leaf('gt', z.number()),
  leaf('gte', z.number()),
  leaf('lt', z.number()),
  leaf('lte', z.number()),
  leaf('answered', z.boolean()),
  leaf('unsure', z.boolean()),
])
export type LeafCondition = z.infer<typeof LeafCondition>

export const OPERATORS = [
  'eq',
  'ne',
  'in',
  'notIn',
  'includes',
  'gt',
  'gte',
  'lt',
  'lte',
  'answered',
  'unsure',
] as const
export type Operator = (typeof OPERATORS)[number]

export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition }

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    LeafCondition,
    z.object({ all: z.array(Condition).min(1) }).strict(),
    z.object({ any: z.array(Condition).min(1) }).strict(),
    z.object({ not: Condition }).strict(),
  ]),
)

/** The operator of a leaf and its operand. */
export function leafOperator(leafCondition: LeafCondition): { op: Operator; operand: unknown } {
  for (const op of OPERATORS) {
    if (op in leafCondition) return { op, operand: (leafCondition as Record<string, unknown>)[op] }
  }
  /* c8 ignore next */
  throw new Error('a leaf condition without an operator passed validation')
}

export function isLeaf(c: Condition): c is LeafCondition {
  return 'q' in c
}

/** Every question id a condition reads, in order of appearance, without duplicates. */
export function referencedQuestions(c: Condition): string[] {
  const out = new Set<string>()
  const walk = (node: Condition): void => {
    if (isLeaf(node)) out.add(node.q)
    else if ('all' in node) node.all.forEach(walk)
    else if ('any' in node) node.any.forEach(walk)
    else walk(node.not)
  }
  walk(c)
  return [...out]
}

/** Every leaf of a condition, depth first. */
export function leaves(c: Condition): LeafCondition[] {
  if (isLeaf(c)) return [c]
  if ('all' in c) return c.all.flatMap(leaves)
  if ('any' in c) return c.any.flatMap(leaves)
  return leaves(c.not)
}
