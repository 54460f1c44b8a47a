import { describe, expect, it } from 'vitest'
import { addDays, buildChecklist } from '../../src/checklist/build.js'
import { renderChecklistHtml, renderSafeHtml } from '../../src/checklist/render-html.js'
import { escapeMarkdown, renderChecklistMarkdown } from '../../src/checklist/render-markdown.js'
import type { Answer, AnswerMap } from '../../src/conditions/schema.js'
import { fixtureContent } from '../fixtures/content.js'

const content = fixtureContent()
const v = (value: unknown): Answer => ({ kind: 'value', value }) as Answer
const answers: AnswerMap = {
  'profile.handles_pi': v(true),
  'profile.staff': v(150),
  'profile.channels': v(['app']),
  'governance.charter': v('template'),
  'governance.note': v('<script>alert(1)</script> [点我](javascript:alert(1)) **粗体**'),
  'data.notice': v('partial'),
  'data.dpo': v(false),
}
const checklist = buildChecklist(content, { answers, asOf: '2026-11-27', locale: 'zh-CN' })

describe('the checklist', () => {
  it('orders items by urgency, then severity, then domain', () => {
    expect(checklist.items.map((i) => [i.id, i.urgency, i.severity])).toEqual([
      ['data.no_dpo', 'urgent', 'critical'],
      ['data.app_without_notice', 'attention', 'high'],
      ['data.partial_notice', 'attention', 'medium'],
      ['governance.template_charter', 'improve', 'medium'],
    ])
    expect(checklist.summary).toEqual({ items: 4, urgent: 1, attention: 2, improve: 1, good: 0 })
  })

  it('gives every item its finding, remediation, owner, deadline, citations and triggering answers', () => {
    const item = checklist.items[0]!
    expect(item).toMatchObject({
      title: '未指定个人信息保护负责人',
      domainLabel: '数据安全与个人信息保护',
      urgencyLabel: '重大且紧急',
      remediation: {
        steps: ['指定负责人。'],
        owner: 'management',
        ownerLabel: '总经理/管理层',
        deadlineDays: 14,
        dueBy: '2026-12-11',
      },
      citations: [
        {
          law: '个人信息保护法',
          article: '52',
          label: '《个人信息保护法》第五十二条',
          title: '个人信息保护负责人',
          entryId: 'pipl-52',
          verified: true,
        },
      ],
      triggers: [
        { questionId: 'profile.staff', question: '员工人数？', answer: '150人' },
        { questionId: 'data.dpo', question: '是否指定了个人信息保护负责人？', answer: '否' },
      ],
      rules: [{ id: 'data.no_dpo', version: 1 }],
    })
    expect(item.trace).toMatchObject({ kind: 'all', result: true })
  })

  it('scores domains and carries the as-of date, versions and the disclaimer', () => {
    expect(checklist.asOf).toBe('2026-11-27')
    expect(checklist.versions).toEqual({
      questionnaire: 'fixture-q1',
      ruleset: 'fixture-r1',
      knowledge: 'fixture-1',
    })
    expect(checklist.disclaimer).toContain('不构成法律意见')
    expect(checklist.domains.find((d) => d.domain === 'data')).toMatchObject({
      level: 'high',
      levelLabel: '高风险',
    })
    expect(checklist.domains.find((d) => d.domain === 'tax')).toMatchObject({ score: null, level: null })
  })

  it('acknowledges good practice separately, without remediation', () => {
    const good = buildChecklist(content, {
      answers: { ...answers, 'governance.charter': v('tailored') },
      asOf: '2026-11-27',
      locale: 'zh-CN',
    })
    expect(good.good).toEqual([
      expect.objectContaining({ id: 'governance.tailored_charter', title: '章程已定制' }),
    ])
    expect(good.items.map((i) => i.id)).not.toContain('governance.tailored_charter')
  })

  it('speaks English when asked, with English citation labels', () => {
    const en = buildChecklist(content, { answers, asOf: '2026-11-27', locale: 'en' })
    expect(en.items[0]).toMatchObject({
      title: 'No PI protection officer',
      urgencyLabel: 'Major and urgent',
      citations: [{ label: 'Personal Information Protection Law of the PRC, Art. 52' }],
    })
  })
})

describe('the checklist hash', () => {
  const hashOf = (a: AnswerMap, asOf = '2026-11-27', locale: 'zh-CN' | 'en' = 'zh-CN') =>
    buildChecklist(content, { answers: a, asOf, locale }).hash

  it('is the same for the same answers, whatever the day, the locale or the order of keys', () => {
    const reversed = Object.fromEntries(Object.entries(answers).reverse())
    expect(hashOf(reversed, '2027-01-05', 'en')).toBe(checklist.hash)
  })

  it('moves when an answer that counts moves', () => {
    expect(hashOf({ ...answers, 'data.dpo': v(true) })).not.toBe(checklist.hash)
  })

  it('ignores answers to hidden questions', () => {
    const hidden = { 'profile.handles_pi': v(false), 'profile.staff': v(5) }
    expect(hashOf({ ...hidden, 'data.notice': v('no') })).toBe(hashOf(hidden))
  })

  it('moves with the ruleset', () => {
    const changed = { ...content, ruleset: { ...content.ruleset, version: 'fixture-r2' } }
    expect(buildChecklist(changed, { answers, asOf: '2026-11-27', locale: 'zh-CN' }).hash).not.toBe(
      checklist.hash,
    )
  })

  it('makes the JSON byte-identical for identical inputs', () => {
    const again = buildChecklist(fixtureContent(), { answers, asOf: '2026-11-27', locale: 'zh-CN' })
    expect(JSON.stringify(again)).toBe(JSON.stringify(checklist))
  })
})

describe('renderings', () => {
  it('renders Markdown grouped by urgency, with citations and templates', () => {
    const md = renderChecklistMarkdown(checklist)
    expect(md).toMatch(/^# 法治体检合规整改清单/)
    expect(md.indexOf('## 重大且紧急（1）')).toBeLessThan(md.indexOf('## 需关注（2）'))
    expect(md).toContain('《个人信息保护法》第五十二条（个人信息保护负责人）')
    expect(md).toContain('不构成法律意见')
    expect(md).toContain(checklist.hash)
  })

  it('escapes what respondents typed so that it shows literally', () => {
    expect(escapeMarkdown('[a](javascript:x) **b**')).toBe('\\[a\\]\\(javascript:x\\) \\*\\*b\\*\\*')
  })

  it('sanitises the HTML: no script, no javascript: links, no event handlers', () => {
    const withNote = buildChecklist(content, {
      answers: { ...answers, 'governance.note': v('x') },
      asOf: '2026-11-27',
      locale: 'zh-CN',
    })
    const html = renderChecklistHtml(withNote)
    expect(html).toContain('<h1>法治体检合规整改清单</h1>')
    expect(html).toContain('<table>')
    const hostile = renderSafeHtml(
      '<script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1)) <a href="http://evil">e</a>',
    )
    // Disallowed tags are escaped into visible text, so nothing executes and nothing is silently lost.
    expect(hostile).not.toMatch(/<(script|img|a)\b/i)
    expect(hostile).toContain('&lt;script&gt;')
    expect(hostile).not.toMatch(/<[^>]*\son\w+=/i)
  })
})

describe('dates', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-20', 14)).toBe('2027-01-03')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
  })
})

describe('screening questions in a chat bubble', () => {
  it('lists what to check against one point per line, in both languages', async () => {
    const { checklistLines } = await import('../../src/chat/present.js')
    expect(checklistLines('做到了哪一步？请对照：甲已做；乙已做；丙已做。')).toEqual([
      '做到了哪一步？请对照：',
      '· 甲已做',
      '· 乙已做',
      '· 丙已做。',
    ])
    expect(checklistLines('How far? Check against this: a is done; b is done; and c is done.')).toEqual([
      'How far? Check against this:',
      '· a is done',
      '· b is done',
      '· c is done.',
    ])
    expect(checklistLines('公司章程是怎么来的？')).toEqual(['公司章程是怎么来的？'])
  })
})
