import { describe, expect, it } from 'vitest'
import { checkCitationVersions } from '../../src/content/check-versions.js'
import { checkRenumberingTraps } from '../../src/content/lint.js'
import { createSatisfiabilityChecker } from '../../src/content/reachability.js'
import { Condition } from '../../src/conditions/schema.js'
import { parseStatute } from '../../src/knowledge/statute-parser.js'
import {
  checkCitationsAgainstOfficialText,
  checkEntriesAreOwnWords,
  findCopiedRun,
  statuteShingles,
} from '../../src/knowledge/verify.js'
import { Rule } from '../../src/rules/schema.js'
import { fixtureContent } from '../fixtures/content.js'

const { knowledge, questionnaire } = fixtureContent()
const pipl = parseStatute(
  '# 中华人民共和国个人信息保护法\n\n2021年8月20日 通过\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第十七条 （测试用虚构条文）经营者在收集资料之前须用醒目的办法和浅白的文字把处理目的、使用范围以及保管年限逐项说给当事人听。\n\n第五十二条 （测试用虚构条文）规模较大的经营者须安排一名个人信息保护负责人。\n',
)
const company = parseStatute(
  '# 中华人民共和国公司法\n\n<!-- INFO END -->\n\n第五条 （测试用虚构条文）开办公司须订立公司章程。\n',
)
const texts = new Map([
  ['个人信息保护法.md', pipl],
  ['公司法.md', company],
])

describe('citations checked against the official text', () => {
  it('accepts entries whose articles exist and whose anchors occur in them', () => {
    expect(checkCitationsAgainstOfficialText(knowledge, texts)).toEqual([])
  })

  it('fails an entry citing an article that does not exist', () => {
    const entries = knowledge.entries.map((e) =>
      e.id === 'pipl-52' ? { ...e, citations: [{ ...e.citations[0]!, article: '520' }] } : e,
    )
    expect(checkCitationsAgainstOfficialText({ ...knowledge, entries }, texts)).toEqual([
      expect.stringContaining('does not exist in the official text'),
    ])
  })

  it('fails an entry whose anchors are not in the article it cites (a wrong number)', () => {
    const entries = knowledge.entries.map((e) =>
      e.id === 'pipl-52' ? { ...e, citations: [{ ...e.citations[0]!, article: '17' }] } : e,
    )
    expect(checkCitationsAgainstOfficialText({ ...knowledge, entries }, texts)).toEqual([
      expect.stringContaining('anchor "个人信息保护负责人" is not in'),
    ])
  })

  it('requires anchors of a verified entry', () => {
    const entries = knowledge.entries.map((e) => (e.id === 'company-5' ? { ...e, anchors: [] } : e))
    expect(checkCitationsAgainstOfficialText({ ...knowledge, entries }, texts)).toEqual([
      expect.stringContaining('needs at least one anchor'),
    ])
  })
})

describe('our own words', () => {
  const shingles = statuteShingles(texts)
  it('finds 30 copied characters, ignoring punctuation and spaces', () => {
    expect(
      findCopiedRun('须用醒目的办法 和浅白的文字，把处理目的、使用范围以及保管年限逐项说', shingles),
    ).not.toBeNull()
    expect(findCopiedRun('收集前要用清楚易懂的话告诉用户处理目的、方式和保存期限。', shingles)).toBeNull()
  })
  it('fails an entry that pastes statute text', () => {
    const entries = knowledge.entries.map((e) =>
      e.id === 'pipl-17'
        ? {
            ...e,
            summary: {
              ...e.summary,
              'zh-CN':
                '经营者在收集资料之前须用醒目的办法和浅白的文字把处理目的、使用范围以及保管年限逐项说给当事人听。',
            },
          }
        : e,
    )
    expect(checkEntriesAreOwnWords({ ...knowledge, entries }, shingles)).toEqual([
      expect.stringContaining('pipl-17: repeats statute text'),
    ])
  })
})

describe('versions in force', () => {
  const laws = new Map(knowledge.laws)
  laws.set('合同法', { ...laws.get('公司法')!, law: '合同法', status: 'repealed', until: '2020-12-31' })
  laws.set('增值税法', { ...laws.get('公司法')!, law: '增值税法', version: '2024', effective: '2026-01-01' })
  const kb = { ...knowledge, laws }
  it.each([
    ['a repealed law', { law: '合同法', article: '52' }, '2026-11-27', 'no longer in force'],
    [
      'a law not yet in force on the as-of date',
      { law: '增值税法', article: '3' },
      '2025-06-01',
      'not in force until 2026-01-01',
    ],
    [
      'a superseded version pinned with @',
      { law: '公司法', article: '16', version: '2018' },
      '2026-11-27',
      'a superseded version',
    ],
    ['a law missing from the registry', { law: '外星法', article: '1' }, '2026-11-27', 'not in laws.yaml'],
  ])('fails %s', (_, ref, asOf, message) => {
    expect(checkCitationVersions(kb, [{ ref, where: 'rule x' }], asOf)).toEqual([
      expect.stringContaining(message),
    ])
  })
  it('accepts a law in force', () => {
    expect(
      checkCitationVersions(kb, [{ ref: { law: '增值税法', article: '3' }, where: 'rule x' }], '2026-11-27'),
    ).toEqual([])
  })

  it('catches a rule citing the 2018 company-law number of its topic', () => {
    const withTraps = new Map(laws)
    withTraps.set('公司法', { ...laws.get('公司法')!, renumbered: [{ old: '16', now: '15', topic: '担保' }] })
    const rule = (cites: string[]) =>
      Rule.parse({
        id: 'governance.x',
        version: 1,
        domain: 'governance',
        when: { q: 'governance.charter', eq: 'none' },
        severity: 'high',
        likelihood: 'high',
        urgency: 'urgent',
        cites,
        title: { 'zh-CN': '对外担保未经决议', en: 'Guarantees' },
        finding: { 'zh-CN': '公司为他人提供担保没有股东会决议。', en: 'No resolution.' },
        remediation: {
          steps: [{ 'zh-CN': '补决议', en: 'Resolve' }],
          owner: 'board',
          effort: 'low',
          deadlineDays: 30,
        },
      })
    expect(checkRenumberingTraps({ rules: [rule(['公司法:16'])] }, { laws: withTraps })).toEqual([
      expect.stringContaining('in the version in force it is 公司法:15'),
    ])
    expect(checkRenumberingTraps({ rules: [rule(['公司法:15'])] }, { laws: withTraps })).toEqual([])
  })
})

describe('reachability', () => {
  const check = createSatisfiabilityChecker(questionnaire)
  it.each<[string, unknown, string]>([
    ['a satisfiable condition', { q: 'data.notice', eq: 'no' }, 'satisfiable'],
    [
      'a contradiction',
      {
        all: [
          { q: 'data.notice', eq: 'no' },
          { q: 'data.notice', eq: 'yes' },
        ],
      },
      'unsatisfiable',
    ],
    [
      'a question whose gate cannot open together with the condition',
      {
        all: [
          { q: 'profile.handles_pi', eq: false },
          { q: 'data.notice', eq: 'no' },
        ],
      },
      'unsatisfiable',
    ],
    [
      'a number threshold',
      {
        all: [
          { q: 'profile.staff', gte: 100 },
          { q: 'data.dpo', eq: false },
        ],
      },
      'satisfiable',
    ],
    [
      'a threshold the gate contradicts',
      {
        all: [
          { q: 'profile.staff', lt: 50 },
          { q: 'data.dpo', eq: false },
        ],
      },
      'unsatisfiable',
    ],
    [
      'an exclusive option with another',
      {
        all: [
          { q: 'profile.channels', includes: 'none' },
          { q: 'profile.channels', includes: 'app' },
        ],
      },
      'unsatisfiable',
    ],
  ])('%s', (_, condition, expected) => {
    expect(check(Condition.parse(condition))).toBe(expected)
  })
})
