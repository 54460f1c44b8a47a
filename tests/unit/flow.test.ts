import { describe, expect, it } from 'vitest'
import type { Answer, AnswerMap } from '../../src/conditions/schema.js'
import { validateAnswer } from '../../src/questionnaire/answer.js'
import {
  computeProgress,
  currentQuestion,
  firstOpenQuestion,
  previousQuestion,
  resolveVisibility,
} from '../../src/questionnaire/flow.js'
import { buildQuestionnaire } from '../../src/questionnaire/load.js'
import { Section } from '../../src/questionnaire/schema.js'
import { DomainError } from '../../src/shared/errors.js'
import { fixtureContent } from '../fixtures/content.js'

const { questionnaire } = fixtureContent()
const v = (value: Answer extends infer A ? (A extends { value: infer V } ? V : never) : never): Answer => ({
  kind: 'value',
  value,
})
const ids = (answers: AnswerMap) => resolveVisibility(questionnaire, answers).visible.map((q) => q.id)

describe('branching', () => {
  it('asks only the profile and governance when no personal information is processed', () => {
    expect(ids({ 'profile.handles_pi': v(false) })).toEqual([
      'profile.handles_pi',
      'profile.staff',
      'governance.charter',
      'governance.note',
    ])
  })

  it('opens the data section and the channel question when personal information is processed', () => {
    expect(ids({ 'profile.handles_pi': v(true), 'profile.staff': v(20) })).toEqual([
      'profile.handles_pi',
      'profile.staff',
      'profile.channels',
      'governance.charter',
      'governance.note',
      'data.notice',
    ])
  })

  it('keeps the data section open when the respondent is not sure', () => {
    expect(ids({ 'profile.handles_pi': { kind: 'unsure' } })).toContain('data.notice')
  })

  it('opens a question on a number threshold', () => {
    expect(ids({ 'profile.handles_pi': v(true), 'profile.staff': v(99) })).not.toContain('data.dpo')
    expect(ids({ 'profile.handles_pi': v(true), 'profile.staff': v(100) })).toContain('data.dpo')
  })

  it('ignores the answer to a question that a later change has hidden, without losing it', () => {
    const answers: AnswerMap = { 'profile.handles_pi': v(false), 'data.notice': v('no') }
    const visibility = resolveVisibility(questionnaire, answers)
    expect(visibility.effective['data.notice']).toBeUndefined()
    const reopened = resolveVisibility(questionnaire, { ...answers, 'profile.handles_pi': v(true) })
    expect(reopened.effective['data.notice']).toEqual(v('no'))
  })
})

describe('moving through the questions', () => {
  it('asks the first open question, counting skipped and unsure answers as done', () => {
    const visibility = resolveVisibility(questionnaire, {
      'profile.handles_pi': { kind: 'unsure' },
      'profile.staff': { kind: 'skipped' },
    })
    // profile.channels only shows on a firm yes, so the next open question is in governance.
    expect(firstOpenQuestion(visibility)?.id).toBe('governance.charter')
  })

  it('goes back one visible question at a time and asks the revisited one', () => {
    const visibility = resolveVisibility(questionnaire, {
      'profile.handles_pi': v(false),
      'profile.staff': v(10),
    })
    expect(firstOpenQuestion(visibility)?.id).toBe('governance.charter')
    const back = previousQuestion(visibility, 'governance.charter')
    expect(back?.id).toBe('profile.staff') // profile.channels is hidden, so it is stepped over
    expect(currentQuestion(visibility, back!.id)?.id).toBe('profile.staff')
    expect(previousQuestion(visibility, 'profile.handles_pi')).toBeNull()
  })

  it('ignores a cursor on a question that is no longer shown', () => {
    const visibility = resolveVisibility(questionnaire, { 'profile.handles_pi': v(false) })
    expect(currentQuestion(visibility, 'data.notice')?.id).toBe('profile.staff')
  })

  it('reports progress over the questions shown, reaching 100 only at the end', () => {
    const partial = resolveVisibility(questionnaire, {
      'profile.handles_pi': v(false),
      'profile.staff': v(10),
    })
    expect(computeProgress(partial, firstOpenQuestion(partial), questionnaire)).toEqual({
      answered: 2,
      total: 4,
      percent: 50,
      section: 'governance',
    })
    const done = resolveVisibility(questionnaire, {
      'profile.handles_pi': v(false),
      'profile.staff': v(10),
      'governance.charter': v('tailored'),
      'governance.note': { kind: 'skipped' },
    })
    expect(firstOpenQuestion(done)).toBeNull()
    expect(computeProgress(done, null, questionnaire)).toMatchObject({ percent: 100, section: null })
  })
})

describe('answer validation', () => {
  const q = (id: string) => questionnaire.byId.get(id)!
  it.each<[string, string, Parameters<typeof validateAnswer>[1], Answer]>([
    ['an option', 'governance.charter', { value: 'template' }, v('template')],
    ['a boolean', 'profile.handles_pi', { value: false }, v(false)],
    ['a number', 'profile.staff', { value: 12 }, v(12)],
    [
      'options in questionnaire order',
      'profile.channels',
      { value: ['web', 'app', 'web'] },
      v(['app', 'web']),
    ],
    ['trimmed text', 'governance.note', { value: '  无  ' }, v('无')],
    ['"unsure" as a value', 'governance.charter', { value: 'unsure' }, { kind: 'unsure' }],
    ['the unsure marker', 'profile.staff', { unsure: true }, { kind: 'unsure' }],
    ['a skip', 'profile.staff', { skip: true }, { kind: 'skipped' }],
  ])('accepts %s', (_, id, input, expected) => {
    expect(validateAnswer(q(id), input)).toEqual(expected)
  })

  it.each<[string, string, unknown, string]>([
    ['an unknown option', 'governance.charter', 'maybe', 'unknown_option'],
    ['a number for an option', 'governance.charter', 2, 'invalid_answer'],
    ['a string for a boolean', 'profile.handles_pi', 'yes', 'invalid_answer'],
    ['a number below the minimum', 'profile.staff', 0, 'invalid_answer'],
    ['a number as text', 'profile.staff', '12', 'invalid_answer'],
    ['an empty choice', 'profile.channels', [], 'invalid_answer'],
    ['an unknown choice', 'profile.channels', ['fax'], 'unknown_option'],
    ['"none" with another choice', 'profile.channels', ['none', 'app'], 'invalid_answer'],
    ['an empty text', 'governance.note', '   ', 'invalid_answer'],
    ['a text over the limit', 'governance.note', 'x'.repeat(201), 'invalid_answer'],
  ])('rejects %s', (_, id, value, code) => {
    expect(() => validateAnswer(q(id), { value })).toThrow(expect.objectContaining({ code }) as DomainError)
  })
})

describe('questionnaire loading', () => {
  const section = (questions: unknown[]) =>
    Section.parse({ id: 'profile', title: { 'zh-CN': '基本', en: 'Basics' }, questions })
  const base = { type: 'boolean', text: { 'zh-CN': '问', en: 'Q' }, why: { 'zh-CN': '因', en: 'Why' } }

  it.each([
    [
      'a duplicate id',
      [
        { ...base, id: 'profile.a' },
        { ...base, id: 'profile.a' },
      ],
      'duplicate question id',
    ],
    [
      'a showIf looking ahead',
      [
        { ...base, id: 'profile.a', showIf: { q: 'profile.b', eq: true } },
        { ...base, id: 'profile.b' },
      ],
      'not asked before',
    ],
    [
      'an unknown question',
      [{ ...base, id: 'profile.a', showIf: { q: 'profile.zzz', eq: true } }],
      'profile.zzz',
    ],
    [
      'an operator that does not fit',
      [
        { ...base, id: 'profile.a' },
        { ...base, id: 'profile.b', showIf: { q: 'profile.a', includes: 'x' } },
      ],
      'does not apply',
    ],
    [
      'a string compared with a boolean',
      [
        { ...base, id: 'profile.a' },
        { ...base, id: 'profile.b', showIf: { q: 'profile.a', eq: 'yes' } },
      ],
      'true or false',
    ],
    ['an id outside its section', [{ ...base, id: 'data.a' }], 'start with "profile."'],
  ])('fails on %s', (_, questions, message) => {
    expect(() => buildQuestionnaire('t', [section(questions)])).toThrow(message)
  })
})
