import { describe, expect, it } from 'vitest'
import { decisiveLeaves, evaluateCondition, traceCondition } from '../../src/conditions/evaluate.js'
import { type AnswerMap, Condition } from '../../src/conditions/schema.js'

const answers: AnswerMap = {
  'a.single': { kind: 'value', value: 'yes' },
  'a.bool': { kind: 'value', value: false },
  'a.num': { kind: 'value', value: 120 },
  'a.multi': { kind: 'value', value: ['app', 'web'] },
  'a.unsure': { kind: 'unsure' },
  'a.skipped': { kind: 'skipped' },
}

describe('condition operators', () => {
  it.each<[string, Condition, boolean]>([
    ['eq on a value', { q: 'a.single', eq: 'yes' }, true],
    ['eq on another value', { q: 'a.single', eq: 'no' }, false],
    ['eq on a boolean', { q: 'a.bool', eq: false }, true],
    ['ne on a value', { q: 'a.single', ne: 'no' }, true],
    ['ne never fires on an unanswered question', { q: 'a.missing', ne: 'no' }, false],
    ['ne never fires on "not sure"', { q: 'a.unsure', ne: 'no' }, false],
    ['ne never fires on a skipped question', { q: 'a.skipped', ne: 'no' }, false],
    ['in', { q: 'a.single', in: ['no', 'yes'] }, true],
    ['notIn', { q: 'a.single', notIn: ['no', 'partial'] }, true],
    ['notIn on missing data', { q: 'a.missing', notIn: ['no'] }, false],
    ['includes', { q: 'a.multi', includes: 'web' }, true],
    ['includes a value not chosen', { q: 'a.multi', includes: 'wechat' }, false],
    ['gt', { q: 'a.num', gt: 100 }, true],
    ['gte at the boundary', { q: 'a.num', gte: 120 }, true],
    ['lt', { q: 'a.num', lt: 120 }, false],
    ['lte at the boundary', { q: 'a.num', lte: 120 }, true],
    ['a comparison on "not sure" is false', { q: 'a.unsure', lt: 1000 }, false],
    ['answered: true on a value', { q: 'a.single', answered: true }, true],
    ['answered: true on "not sure"', { q: 'a.unsure', answered: true }, false],
    ['answered: false on a skipped question', { q: 'a.skipped', answered: false }, true],
    ['unsure: true', { q: 'a.unsure', unsure: true }, true],
    ['unsure: true on a value', { q: 'a.single', unsure: true }, false],
    [
      'all',
      {
        all: [
          { q: 'a.single', eq: 'yes' },
          { q: 'a.num', gt: 100 },
        ],
      },
      true,
    ],
    [
      'all with one false',
      {
        all: [
          { q: 'a.single', eq: 'yes' },
          { q: 'a.num', gt: 500 },
        ],
      },
      false,
    ],
    [
      'any',
      {
        any: [
          { q: 'a.single', eq: 'no' },
          { q: 'a.num', gt: 100 },
        ],
      },
      true,
    ],
    ['not', { not: { q: 'a.single', eq: 'no' } }, true],
    ['not over missing data is true', { not: { q: 'a.missing', eq: 'no' } }, true],
  ])('%s', (_, condition, expected) => {
    expect(evaluateCondition(Condition.parse(condition), answers)).toBe(expected)
  })
})

describe('condition schema', () => {
  it.each([
    ['two operators in one leaf', { q: 'a.single', eq: 'yes', ne: 'no' }],
    ['an unknown operator', { q: 'a.single', like: 'y%' }],
    ['an empty all', { all: [] }],
    ['a malformed question id', { q: 'Single', eq: 'yes' }],
    ['in without a list', { q: 'a.single', in: 'yes' }],
  ])('rejects %s', (_, raw) => {
    expect(Condition.safeParse(raw).success).toBe(false)
  })
})

describe('traces', () => {
  it('records every leaf with the answer it saw, and the decisive ones', () => {
    const condition = Condition.parse({
      any: [
        { q: 'a.single', eq: 'no' },
        {
          all: [
            { q: 'a.num', gt: 100 },
            { q: 'a.multi', includes: 'app' },
          ],
        },
      ],
    })
    const trace = traceCondition(condition, answers)
    expect(trace.result).toBe(true)
    expect(trace).toMatchObject({
      kind: 'any',
      children: [
        { kind: 'leaf', q: 'a.single', op: 'eq', operand: 'no', answer: 'yes', result: false },
        { kind: 'all', result: true },
      ],
    })
    expect(decisiveLeaves(trace).map((l) => l.q)).toEqual(['a.num', 'a.multi'])
  })

  it('shows "unsure" as the answer a leaf saw', () => {
    const trace = traceCondition(Condition.parse({ q: 'a.unsure', eq: 'yes' }), answers)
    expect(trace).toMatchObject({ answer: 'unsure', result: false })
  })
})
