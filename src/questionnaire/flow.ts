import type { Answer, AnswerMap } from '../conditions/schema.js'
import { evaluateCondition } from '../conditions/evaluate.js'
import type { Question, Questionnaire, Section } from './schema.js'

/** Which questions are asked given the answers so far, and the answers that count. */
export interface Visibility {
  /** Visible questions, in asking order. */
  visible: Question[]
  /** The answers to visible questions only: what rules see. A hidden question's old answer is ignored. */
  effective: AnswerMap
}

/**
 * Walks the questionnaire in order. A question is visible when its section's and its own `showIf` hold
 * against the effective answers of the questions before it. `showIf` only looks back (the loader checks),
 * so one pass settles everything, and an answer to a question that a later change has hidden stops
 * counting without being deleted (it comes back if the branch reopens).
 */
export function resolveVisibility(questionnaire: Questionnaire, answers: AnswerMap): Visibility {
  const visible: Question[] = []
  const effective: Record<string, Answer> = {}
  const sectionShown = new Map<Section, boolean>()
  for (const q of questionnaire.questions) {
    const section = questionnaire.sectionOf.get(q.id) as Section
    let shown = sectionShown.get(section)
    if (shown === undefined) {
      shown = !section.showIf || evaluateCondition(section.showIf, effective)
      sectionShown.set(section, shown)
    }
    if (!shown) continue
    if (q.showIf && !evaluateCondition(q.showIf, effective)) continue
    visible.push(q)
    const answer = answers[q.id]
    if (answer) effective[q.id] = answer
  }
  return { visible, effective }
}

export interface Progress {
  /** Visible questions with an answer (a value, "not sure", or skipped). */
  answered: number
  /** Visible questions now; grows or shrinks as branches open and close. */
  total: number
  /** Whole percent, 100 only when nothing is left. */
  percent: number
  /** The section of the current question, or null when done. */
  section: string | null
}

/** The first visible question without any answer, or null when the questionnaire is complete. */
export function firstOpenQuestion(visibility: Visibility): Question | null {
  return visibility.visible.find((q) => !visibility.effective[q.id]) ?? null
}

/**
 * The question to ask now. `cursor` is set while the respondent is revisiting an earlier question
 * (after "back"); otherwise the first open question is asked. A cursor on a question that is no longer
 * visible is ignored.
 */
export function currentQuestion(visibility: Visibility, cursor: string | null): Question | null {
  if (cursor) {
    const q = visibility.visible.find((v) => v.id === cursor)
    if (q) return q
  }
  return firstOpenQuestion(visibility)
}

/**
 * The visible question before `fromId` (or before the first open question when `fromId` is null), or
 * null at the start.
 */
export function previousQuestion(visibility: Visibility, fromId: string | null): Question | null {
  const list = visibility.visible
  const index = fromId === null ? list.length : list.findIndex((q) => q.id === fromId)
  if (index <= 0) return null
  return list[index - 1] ?? null
}

export function computeProgress(
  visibility: Visibility,
  current: Question | null,
  questionnaire: Questionnaire,
): Progress {
  const total = visibility.visible.length
  const answered = visibility.visible.filter((q) => visibility.effective[q.id]).length
  return {
    answered,
    total,
    percent: total === 0 ? 100 : Math.floor((answered / total) * 100),
    section: current ? (questionnaire.sectionOf.get(current.id)?.id ?? null) : null,
  }
}
