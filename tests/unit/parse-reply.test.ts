import { describe, expect, it } from 'vitest'
import { type Reply, parseReply, readNumber, readOrdinal } from '../../src/chat/parse-reply.js'
import { fixtureContent } from '../fixtures/content.js'

const { questionnaire } = fixtureContent()
const q = (id: string) => questionnaire.byId.get(id)!
const single = q('governance.charter') // tailored, template, none
const boolean = q('profile.handles_pi')
const multi = q('profile.channels') // app, web, none (exclusive)
const number = q('profile.staff') // 1..100000
const text = q('governance.note')

const value = (v: unknown): Reply => ({ kind: 'answer', input: { value: v } })
const unsure: Reply = { kind: 'answer', input: { unsure: true } }

describe('replies to a single-choice question', () => {
  it.each<[string, Reply]>([
    ['1', value('tailored')],
    ['２', value('template')],
    ['第3个', value('none')],
    ['三', value('none')],
    ['4', unsure],
    ['5', { kind: 'unparsed', reason: 'out_of_range' }],
    ['工商登记模板', value('template')],
    ['定制', value('tailored')],
    ['Tailored to us', value('tailored')],
    ['选 2', value('template')],
    ['不确定', unsure],
    ['不知道', unsure],
    ['not sure', unsure],
    ['随便', { kind: 'unparsed', reason: 'not_understood' }],
  ])('%s', (input, expected) => {
    expect(parseReply(input, single)).toEqual(expected)
  })
})

describe('replies to a yes/no question', () => {
  it.each<[string, Reply]>([
    ['是', value(true)],
    ['有', value(true)],
    ['是的。', value(true)],
    ['yes', value(true)],
    ['Y', value(true)],
    ['1', value(true)],
    ['否', value(false)],
    ['没有', value(false)],
    ['不是', value(false)],
    ['no', value(false)],
    ['2', value(false)],
    ['3', unsure],
    ['不清楚', unsure],
    ['7', { kind: 'unparsed', reason: 'out_of_range' }],
  ])('%s', (input, expected) => {
    expect(parseReply(input, boolean)).toEqual(expected)
  })
})

describe('replies to a multi-choice question', () => {
  it.each<[string, Reply]>([
    ['1,2', value(['app', 'web'])],
    ['1、2', value(['app', 'web'])],
    ['1 2', value(['app', 'web'])],
    ['手机应用和网站', value(['app', 'web'])],
    ['2', value(['web'])],
    ['都没有', value(['none'])],
    ['1,9', { kind: 'unparsed', reason: 'out_of_range' }],
  ])('%s', (input, expected) => {
    expect(parseReply(input, multi)).toEqual(expected)
  })
})

describe('replies to a number question', () => {
  it.each<[string, Reply]>([
    ['60', value(60)],
    ['60人', value(60)],
    ['约 300 人', value(300)],
    ['1,200', value(1200)],
    ['2万', value(20000)],
    ['两百', value(200)],
    ['0', { kind: 'unparsed', reason: 'out_of_range' }],
    ['不确定', unsure],
  ])('%s', (input, expected) => {
    expect(parseReply(input, number)).toEqual(expected)
  })

  it('reads numbers and ordinals', () => {
    expect(readNumber('大约2.5万')).toBe(25000)
    expect(readNumber('很多')).toBeNull()
    expect(readOrdinal('⑤')).toBe(5)
    expect(readOrdinal('option 2')).toBe(2)
  })
})

describe('commands, locale switches, questions and noise', () => {
  it.each<[string, Reply]>([
    ['返回上一题', { kind: 'command', command: 'back' }],
    ['上一题', { kind: 'command', command: 'back' }],
    ['Back', { kind: 'command', command: 'back' }],
    ['跳过', { kind: 'command', command: 'skip' }],
    ['进度', { kind: 'command', command: 'progress' }],
    ['查看清单', { kind: 'command', command: 'checklist' }],
    ['为什么问这个', { kind: 'command', command: 'why' }],
    ['为什么问这个？', { kind: 'command', command: 'why' }],
    ['帮助', { kind: 'command', command: 'help' }],
    ['English', { kind: 'locale', locale: 'en' }],
    ['中文', { kind: 'locale', locale: 'zh-CN' }],
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
    [
      '我们把客户数据放在新加坡的服务器上，算数据出境吗？',
      { kind: 'question', text: '我们把客户数据放在新加坡的服务器上，算数据出境吗？' },
    ],
    ['竞业限制最长几年？', { kind: 'question', text: '竞业限制最长几年？' }],
    ['嗯嗯嗯', { kind: 'unparsed', reason: 'not_understood' }],
  ])('%s', (input, expected) => {
    expect(parseReply(input, single)).toEqual(expected)
  })

  it('treats any text as the answer to a free-text question, except commands', () => {
    expect(parseReply('章程去年修订过', text)).toEqual(value('章程去年修订过'))
    expect(parseReply('跳过', text)).toEqual({ kind: 'command', command: 'skip' })
  })

  it('never treats a reply as an answer once the questionnaire is done', () => {
    expect(parseReply('1', null)).toEqual({ kind: 'unparsed', reason: 'not_understood' })
    expect(parseReply('数据出境要做安全评估吗', null)).toMatchObject({ kind: 'question' })
  })
})
