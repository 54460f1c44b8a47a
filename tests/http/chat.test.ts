import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SearchKnowledge } from '../../src/knowledge/search-types.js'
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js'
import { fixtureContent } from '../fixtures/content.js'
import { buildTestApp, client } from '../support/app.js'

const content = fixtureContent()
const assistantKinds = (r: { json: any }) =>
  r.json.messages.filter((m: any) => m.role === 'assistant').map((m: any) => m.kind)
const lastText = (r: { json: any }) => r.json.messages.at(-1).text as string

async function started(options: Parameters<typeof buildTestApp>[1] = {}) {
  const built = buildTestApp(content, options)
  const c = client(built.app)
  const { id, token } = await c.start()
  return { ...built, c, id, token, say: (text: string) => c.say(id, token, text) }
}

describe('chat turns', () => {
  it('goes back, shows the earlier answer, and after a new answer returns to the first open question', async () => {
    const s = await started()
    await s.say('是')
    await s.say('20')
    const back = await s.say('返回上一题')
    expect(back.json.question).toMatchObject({ id: 'profile.staff', answer: { display: '20人' } })
    expect(assistantKinds(back)).toEqual(['back', 'question'])
    expect(lastText(back)).toContain('您之前的回答：20人')
    const changed = await s.say('150')
    expect(assistantKinds(changed)).toEqual(['ack', 'question'])
    expect(changed.json.question.id).toBe('profile.channels')
  })

  it('steps back over hidden questions and stops at the first one', async () => {
    const s = await started()
    await s.say('否')
    await s.say('5')
    expect((await s.say('上一题')).json.question.id).toBe('profile.staff')
    expect((await s.say('上一题')).json.question.id).toBe('profile.handles_pi')
    const first = await s.say('上一题')
    expect(first.json.question.id).toBe('profile.handles_pi')
    expect(first.json.messages.find((m: any) => m.kind === 'hint').text).toBe('已经是第一题了。')
  })

  it('skips a question and counts it in the progress', async () => {
    const s = await started()
    const skipped = await s.say('跳过')
    expect(skipped.json.question.id).toBe('profile.staff')
    expect(skipped.json.progress).toMatchObject({ answered: 1 })
  })

  it('records "not sure" and keeps the gated section open', async () => {
    const s = await started()
    await s.say('不确定')
    await s.say('100')
    await s.say('1')
    const r = await s.say('没有别的要补充')
    expect(r.json.question.id).toBe('data.notice')
    expect((await s.say('这里没有别的要补充了')).json.question.id).toBe('data.notice')
  })

  it('explains why, shows progress and help without moving on', async () => {
    const s = await started()
    const why = await s.say('为什么问这个')
    expect(lastText(why)).toBe('为什么问这个：决定是否询问个人信息问题。')
    expect(why.json.question.id).toBe('profile.handles_pi')
    const progress = await s.say('进度')
    expect(lastText(progress)).toMatch(/已回答 0 题/)
    expect(assistantKinds(await s.say('帮助'))).toEqual(['help'])
  })

  it('answers something it cannot parse with a hint and the question again, never an error', async () => {
    const s = await started()
    for (const text of ['嗯嗯嗯', '7', '', '   ', '\u0000\u0001', '<script>alert(1)</script>']) {
      const r = await s.say(text)
      expect(r.status).toBe(200)
      expect(assistantKinds(r).slice(-1)).toEqual(['question'])
      expect(r.json.question.id).toBe('profile.handles_pi')
    }
  })

  it('switches to English and back', async () => {
    const s = await started()
    const en = await s.say('English')
    expect(en.json.messages.at(-2).text).toBe('Switched to English.')
    expect(en.json.question.text).toBe("Do you process customers' personal information?")
    const r = await s.say('yes')
    expect(r.json.question.text).toBe('How many staff?')
    const zh = await s.say('中文')
    expect(zh.json.question.text).toBe('员工人数？')
  })

  it('answers a free question from the knowledge base with citations, then asks the question again', async () => {
    const search: SearchKnowledge = (query) =>
      query.includes('隐私政策')
        ? [{ entry: content.knowledge.byId.get('pipl-17')!, score: 3, snippet: '' }]
        : []
    const s = await started({ search })
    const r = await s.say('我们的隐私政策要写哪些内容？')
    expect(assistantKinds(r)).toEqual(['knowledge', 'resume', 'question'])
    const knowledge = r.json.messages.find((m: any) => m.kind === 'knowledge')
    expect(knowledge.text).toContain('一般性法律信息')
    expect(knowledge.text).toContain('《个人信息保护法》第十七条')
    expect(knowledge.data.entries[0]).toMatchObject({
      id: 'pipl-17',
      citations: [{ law: '个人信息保护法', article: '17' }],
    })
    expect(r.json.question.id).toBe('profile.handles_pi')
    const none = await s.say('外星人的法律地位是什么？')
    expect(none.json.messages.find((m: any) => m.kind === 'knowledge').text).toContain('没有找到')
  })

  it('finishes with a summary and keeps answering afterwards', async () => {
    const s = await started()
    const replies = ['是', '150', '1', '2', '无', '3', '否']
    let r: Awaited<ReturnType<typeof s.say>> | undefined
    for (const text of replies) r = await s.say(text)
    expect(r!.json).toMatchObject({ done: true, question: null, progress: { percent: 100 } })
    const summary = r!.json.messages.find((m: any) => m.kind === 'summary')
    expect(summary.text).toContain('自查已完成')
    expect(summary.text).toContain('重大且紧急 2 项')
    expect(summary.data.checklistHash).toMatch(/^[0-9a-f]{64}$/)
    const view = await s.c.call('GET', `/api/v1/sessions/${s.id}`, undefined, s.token)
    expect(view.json.status).toBe('completed')
    expect(assistantKinds(await s.say('查看清单'))).toEqual(['summary'])
    expect(assistantKinds(await s.say('1'))).toEqual(['hint', 'hint'])
    const back = await s.say('返回上一题')
    expect(back.json.question.id).toBe('data.dpo')
  })
})

describe('persistence', () => {
  it('continues where it stopped when the app is rebuilt over the same database file', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lc-persist-')), 'lc.sqlite')
    const first = buildTestApp(content, { store: openSqliteStore(file) })
    const c1 = client(first.app)
    const { id, token } = await c1.start()
    await c1.say(id, token, '是')
    await c1.say(id, token, '150')
    await first.store.close()

    const second = buildTestApp(content, { store: openSqliteStore(file) })
    const c2 = client(second.app)
    const view = await c2.call('GET', `/api/v1/sessions/${id}`, undefined, token)
    expect(view.json).toMatchObject({ question: { id: 'profile.channels' }, progress: { answered: 2 } })
    const next = await c2.say(id, token, '1')
    expect(next.json.question.id).toBe('governance.charter')
    expect((await second.store.listEvents(id)).map((e) => e.questionId)).toEqual([
      'profile.handles_pi',
      'profile.staff',
      'profile.channels',
    ])
    await second.store.close()
  })
})

describe('two sessions with the same answers', () => {
  it('get the same checklist hash and the same checklist', async () => {
    const { app } = buildTestApp(content)
    const c = client(app)
    const checklists = []
    for (let i = 0; i < 2; i++) {
      const { id, token } = await c.start()
      for (const text of ['是', '150', '1,2', '1', '备注', '2', '是']) await c.say(id, token, text)
      checklists.push((await c.call('GET', `/api/v1/sessions/${id}/checklist`, undefined, token)).json)
    }
    expect(checklists[0].hash).toBe(checklists[1].hash)
    expect(checklists[0]).toEqual(checklists[1])
  })
})
