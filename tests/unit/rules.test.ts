import { describe, expect, it } from 'vitest'
import type { Answer, AnswerMap } from '../../src/conditions/schema.js'
import { resolveVisibility } from '../../src/questionnaire/flow.js'
import { evaluateRules } from '../../src/rules/evaluate.js'
import { buildRuleset } from '../../src/rules/load.js'
import { Rule } from '../../src/rules/schema.js'
import { findingWeight, scoreFindings } from '../../src/rules/scoring.js'
import { fixtureContent } from '../fixtures/content.js'

const content = fixtureContent()
const v = (value: unknown): Answer => ({ kind: 'value', value }) as Answer
const fired = (answers: AnswerMap) => {
  const { effective } = resolveVisibility(content.questionnaire, answers)
  return evaluateRules(content.ruleset, content.questionnaire, effective).findings.map((f) => f.id)
}
const base: AnswerMap = {
  'profile.handles_pi': v(true),
  'profile.staff': v(150),
  'profile.channels': v(['web']),
}

describe('rules fire on the answers that should fire them, and only those', () => {
  it.each<[string, AnswerMap, string[]]>([
    ['no notice', { ...base, 'data.notice': v('no') }, ['data.no_notice']],
    ['partial notice', { ...base, 'data.notice': v('partial') }, ['data.partial_notice']],
    ['full notice', { ...base, 'data.notice': v('yes') }, []],
    ['no officer in a large firm', { ...base, 'data.dpo': v(false) }, ['data.no_dpo']],
    ['an officer in a large firm', { ...base, 'data.dpo': v(true) }, []],
    ['template articles', { ...base, 'governance.charter': v('template') }, ['governance.template_charter']],
    [
      'tailored articles are good practice',
      { ...base, 'governance.charter': v('tailored') },
      ['governance.tailored_charter'],
    ],
    [
      'an app with a partial notice (any/not)',
      { ...base, 'profile.channels': v(['app']), 'data.notice': v('partial') },
      ['data.partial_notice', 'data.app_without_notice'],
    ],
    ['an app with a full notice', { ...base, 'profile.channels': v(['app']), 'data.notice': v('yes') }, []],
    [
      'an app before the notice question (not over missing data fires)',
      { ...base, 'profile.channels': v(['app']) },
      ['data.app_without_notice'],
    ],
  ])('%s', (_, answers, expected) => {
    expect(fired(answers)).toEqual(expected)
  })

  it('ignores answers to questions the branching has hidden', () => {
    // The respondent once said "no notice", then said they process no personal information at all.
    expect(
      fired({ 'profile.handles_pi': v(false), 'data.notice': v('no'), 'profile.staff': v(150) }),
    ).toEqual([])
  })

  it('records the triggering answers and the trace', () => {
    const { effective } = resolveVisibility(content.questionnaire, { ...base, 'data.dpo': v(false) })
    const [finding] = evaluateRules(content.ruleset, content.questionnaire, effective).findings
    expect(finding).toMatchObject({
      id: 'data.no_dpo',
      rules: [{ id: 'data.no_dpo', version: 1 }],
      triggers: [
        { questionId: 'profile.staff', answer: 150 },
        { questionId: 'data.dpo', answer: false },
      ],
      trace: { kind: 'all', result: true },
    })
  })

  it('lists the rules that did not fire with their traces', () => {
    const { effective } = resolveVisibility(content.questionnaire, base)
    const { notFired } = evaluateRules(content.ruleset, content.questionnaire, effective)
    expect(notFired.map((n) => n.id)).toContain('data.no_notice')
    expect(notFired.find((n) => n.id === 'data.no_notice')?.trace).toMatchObject({
      answer: null,
      result: false,
    })
  })
})

describe('"not sure" answers produce verify items', () => {
  it('for a question a risk rule reads', () => {
    const { effective } = resolveVisibility(content.questionnaire, {
      ...base,
      'data.notice': { kind: 'unsure' },
    })
    const verify = evaluateRules(content.ruleset, content.questionnaire, effective).findings.find(
      (f) => f.kind === 'verify',
    )
    expect(verify).toMatchObject({
      id: 'verify:data.notice',
      domain: 'data',
      severity: 'high',
      urgency: 'attention',
      cites: ['个人信息保护法:17'],
      rules: [
        { id: 'data.no_notice', version: 1 },
        { id: 'data.partial_notice', version: 1 },
        { id: 'data.app_without_notice', version: 1 },
      ],
    })
  })

  it('for a gate question that decides whether risky questions are asked', () => {
    const ids = fired({ 'profile.handles_pi': { kind: 'unsure' }, 'profile.staff': v(150) })
    expect(ids).toContain('verify:profile.handles_pi')
  })

  it('not for a question no risk rule depends on', () => {
    expect(fired({ ...base, 'governance.note': { kind: 'unsure' } })).toEqual([])
  })
})

describe('scoring', () => {
  const finding = (
    kind: 'risk' | 'verify' | 'good',
    severity: 'low' | 'medium' | 'high' | 'critical',
    likelihood: 'low' | 'medium' | 'high',
    domain = 'data',
  ) =>
    ({
      id: 'x',
      kind,
      severity,
      likelihood,
      domain,
      urgency: 'attention',
      cites: [],
      rules: [],
      triggers: [],
      trace: null,
    }) as const

  it.each<[string, ReturnType<typeof finding>[], number, string]>([
    ['no findings', [], 100, 'low'],
    ['one low finding', [finding('risk', 'low', 'high')], 96, 'low'],
    ['one medium finding', [finding('risk', 'medium', 'high')], 90, 'low'],
    ['one high finding sets a floor of medium', [finding('risk', 'high', 'low')], 89, 'medium'],
    [
      'one critical finding is high risk whatever the score',
      [finding('risk', 'critical', 'low')],
      80,
      'high',
    ],
    [
      'many medium findings add up to high risk',
      Array(6).fill(finding('risk', 'medium', 'high')),
      53,
      'high',
    ],
    ['verify items count half', [finding('verify', 'high', 'high')], 89, 'medium'],
    ['good practice costs nothing', [finding('good', 'high', 'high')], 100, 'low'],
  ])('%s', (_, findings, score, level) => {
    const scores = scoreFindings(findings as never, ['data'], new Set(['data']))
    expect(scores.domains[0]).toMatchObject({ score, level })
  })

  it('never goes below zero and takes less for each further finding', () => {
    const many = Array(40).fill(finding('risk', 'critical', 'high'))
    const { domains } = scoreFindings(many as never, ['data'], new Set(['data']))
    expect(domains[0]!.score).toBe(0)
    expect(findingWeight(finding('risk', 'critical', 'high'))).toBe(0.4)
  })

  it('leaves unassessed domains unscored and takes the worst level overall', () => {
    const scores = scoreFindings(
      [finding('risk', 'critical', 'high', 'criminal')] as never,
      ['governance', 'criminal', 'tax'],
      new Set(['governance', 'criminal']),
    )
    expect(scores.domains.map((d) => [d.domain, d.score, d.level])).toEqual([
      ['governance', 100, 'low'],
      ['criminal', 60, 'high'],
      ['tax', null, null],
    ])
    expect(scores.overall).toEqual({ score: 80, level: 'high' })
  })
})

describe('ruleset loading', () => {
  const rule = (over: Record<string, unknown>) =>
    Rule.parse({
      id: 'data.x',
      version: 1,
      domain: 'data',
      when: { q: 'data.notice', eq: 'no' },
      severity: 'high',
      likelihood: 'high',
      urgency: 'urgent',
      cites: ['个人信息保护法:17'],
      title: { 'zh-CN': '题', en: 'T' },
      finding: { 'zh-CN': '发现', en: 'F' },
      remediation: { steps: [{ 'zh-CN': '做', en: 'Do' }], owner: 'legal', effort: 'low', deadlineDays: 30 },
      ...over,
    })
  const hasEntry = (key: string) => content.knowledge.byCitation.has(key)

  it.each([
    ['an unknown question', { when: { q: 'data.nothing', eq: 'no' } }, 'unknown question data.nothing'],
    ['an unknown option', { when: { q: 'data.notice', eq: 'sometimes' } }, 'has no option sometimes'],
    ['a citation without an entry', { cites: ['个人信息保护法:99'] }, 'resolves to no knowledge entry'],
  ])('fails on %s', (_, over, message) => {
    expect(() => buildRuleset('t', [rule(over)], content.questionnaire, hasEntry)).toThrow(message)
  })

  it('fails on a duplicate id', () => {
    expect(() => buildRuleset('t', [rule({}), rule({})], content.questionnaire, hasEntry)).toThrow(
      'duplicate rule id data.x',
    )
  })

  it('requires remediation for a risk rule', () => {
    expect(() => rule({ remediation: undefined })).toThrow('needs remediation')
  })
})
