import type { AnswerInput } from '../questionnaire/answer.js'
import type { Question } from '../questionnaire/schema.js'
import { fromChineseNumeral } from '../shared/chinese-numerals.js'
import type { Locale } from '../shared/localized.js'

export type Command = 'back' | 'skip' | 'progress' | 'checklist' | 'why' | 'help'

/** What one chat turn means. */
export type Reply =
  | { kind: 'answer'; input: AnswerInput }
  | { kind: 'command'; command: Command }
  | { kind: 'locale'; locale: Locale }
  | { kind: 'question'; text: string }
  | { kind: 'unparsed'; reason: 'not_understood' | 'out_of_range' }
  | { kind: 'empty' }

const COMMANDS: Record<Command, readonly string[]> = {
  back: [
    '返回上一题',
    '上一题',
    '返回',
    '上一步',
    '后退',
    '回到上一题',
    'back',
    'previous',
    'prev',
    'go back',
  ],
  skip: ['跳过', '跳过这题', '跳过此题', '先跳过', '略过', '下一题', 'skip', 'next', 'pass'],
  progress: ['进度', '查看进度', '进度如何', '完成多少了', '还有多少题', 'progress', 'status'],
  checklist: [
    '查看清单',
    '清单',
    '看清单',
    '查看结果',
    '结果',
    '报告',
    '查看报告',
    'checklist',
    'report',
    'results',
    'show checklist',
  ],
  why: [
    '为什么问这个',
    '为什么问这个问题',
    '为什么要问这个',
    '为什么',
    '为啥',
    '为什么问',
    'why',
    'why do you ask',
    'why ask',
    'why this question',
  ],
  help: ['帮助', '怎么用', '使用说明', '说明', 'help', '?', '？'],
}
const LOCALES: Record<string, Locale> = {
  english: 'en',
  英文: 'en',
  'in english': 'en',
  中文: 'zh-CN',
  chinese: 'zh-CN',
  简体中文: 'zh-CN',
}

const UNSURE = [
  '不确定',
  '不知道',
  '不清楚',
  '不太清楚',
  '说不准',
  '说不清',
  '不了解',
  '不好说',
  '没把握',
  '不太确定',
  '待确认',
  'unsure',
  'not sure',
  "don't know",
  'dont know',
  'do not know',
  'unknown',
  'idk',
  'no idea',
]
const YES = [
  '是',
  '是的',
  '对',
  '对的',
  '有',
  '有的',
  '有了',
  '已经',
  '已',
  '嗯',
  '好的',
  '没错',
  '当然',
  '确实',
  'yes',
  'y',
  'yeah',
  'yep',
  'true',
  'correct',
  'we do',
  'sure',
]
const NO = [
  '否',
  '不是',
  '不',
  '没有',
  '没',
  '无',
  '还没有',
  '还没',
  '尚未',
  '暂无',
  '从来没有',
  '从未',
  'no',
  'n',
  'nope',
  'false',
  'none',
  'not yet',
  'we do not',
  "we don't",
]
const NONE_OF_THEM = [
  '都没有',
  '都不是',
  '都不',
  '以上都没有',
  '以上都不是',
  '无',
  '没有',
  'none',
  'none of these',
  'none of them',
  'neither',
]

const QUESTION_WORDS =
  /[吗嘛呢？?]|什么|怎么|怎样|如何|为何|是否|能否|能不能|可不可以|可以吗|会不会|要不要|需不需要|哪些|哪个|多少|多久|多长|谁|算不算|有没有|违法|合法|法律|规定|\b(what|how|why|when|which|who|can|could|should|does|do|is|are|must|may)\b/i

/** NFKC folds full-width digits and letters; trailing sentence punctuation and polite fillers go. */
export function normalizeReply(text: string): string {
  return text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/^(请|麻烦|我选|选|选择|答案是|我的回答是|回答)\s*/, '')
    .replace(/[\s。.!！~～?？]+$/, '')
    .replace(/\s+/g, ' ')
}

/**
 * Reads a chat turn against the current question (null when the questionnaire is complete). The order
 * is: commands, then an answer the question can take, then — when it reads like a question or a story —
 * a free question for the knowledge base; anything else is `unparsed`, which the chat answers with a
 * hint and the question again. It never throws.
 */
export function parseReply(text: string, question: Question | null): Reply {
  const raw = text.trim()
  const s = normalizeReply(text)
  if (!s) return { kind: 'empty' }
  for (const [command, words] of Object.entries(COMMANDS) as Array<[Command, readonly string[]]>) {
    if (words.includes(s)) return { kind: 'command', command }
  }
  const locale = LOCALES[s]
  if (locale) return { kind: 'locale', locale }
  if (question) {
    if (question.allowUnsure && UNSURE.includes(s)) return { kind: 'answer', input: { unsure: true } }
    const answer = parseAnswer(s, question)
    if (answer) return answer
  }
  if (looksLikeQuestion(raw.normalize('NFKC'))) return { kind: 'question', text: raw }
  return { kind: 'unparsed', reason: 'not_understood' }
}

/** A free question or a narrative: it asks something, or it is too long to be an answer. */
export function looksLikeQuestion(text: string): boolean {
  return QUESTION_WORDS.test(text) || [...text].length >= 14
}

function parseAnswer(s: string, q: Question): Reply | null {
  switch (q.type) {
    case 'boolean':
      return parseBoolean(s, q)
    case 'single':
      return parseSingle(s, q)
    case 'multi':
      return parseMulti(s, q)
    case 'number':
      return parseNumberAnswer(s, q)
    case 'text':
      // Free text is the answer, whatever it says (commands were handled before).
      return { kind: 'answer', input: { value: s.length ? s : '' } }
  }
}

const answer = (value: unknown): Reply => ({ kind: 'answer', input: { value } })

/** 1, ①, 一, 第2个, 2号, (2), 选项2 → the 1-based index, or NaN. */
export function readOrdinal(s: string): number {
  const m =
    /^(?:第|选项|option\s*)?\(?([0-9]{1,2}|[一二两三四五六七八九十]{1,3})\)?(?:个|项|号|\.|、|\))?$/.exec(s)
  if (m) return fromChineseNumeral(m[1] as string)
  const circled = '①②③④⑤⑥⑦⑧⑨⑩'.indexOf(s)
  return circled >= 0 && s.length === 1 ? circled + 1 : Number.NaN
}

function parseBoolean(s: string, q: Question): Reply | null {
  const n = readOrdinal(s)
  if (n === 1 || YES.includes(s)) return answer(true)
  if (n === 2 || NO.includes(s)) return answer(false)
  if (n === 3 && q.allowUnsure) return { kind: 'answer', input: { unsure: true } }
  if (!Number.isNaN(n)) return { kind: 'unparsed', reason: 'out_of_range' }
  return null
}

function parseSingle(s: string, q: Question): Reply | null {
  const options = q.options ?? []
  const n = readOrdinal(s)
  if (!Number.isNaN(n)) {
    if (n >= 1 && n <= options.length) return answer(options[n - 1]?.value)
    if (n === options.length + 1 && q.allowUnsure) return { kind: 'answer', input: { unsure: true } }
    return { kind: 'unparsed', reason: 'out_of_range' }
  }
  const option = matchOption(s, q)
  if (option) return answer(option)
  // 是/否 for questions whose options are yes / no (and perhaps partial).
  const values = options.map((o) => o.value)
  if (values.includes('yes') && YES.includes(s)) return answer('yes')
  if (values.includes('no') && NO.includes(s)) return answer('no')
  return null
}

function parseMulti(s: string, q: Question): Reply | null {
  const options = q.options ?? []
  const exclusive = options.find((o) => o.exclusive)
  if (exclusive && NONE_OF_THEM.includes(s)) return answer([exclusive.value])
  // A label may itself contain a separator (宗教信仰、特定身份), so an exact label wins before splitting.
  const exact = options.find(
    (o) => normalizeReply(o.label['zh-CN']) === s || normalizeReply(o.label.en) === s,
  )
  if (exact) return answer([exact.value])
  const parts = s.split(/\s*(?:[,，、;；/]|\s|和|及|与|以及|and)\s*/).filter(Boolean)
  const chosen: string[] = []
  for (const part of parts) {
    const n = readOrdinal(part)
    if (!Number.isNaN(n)) {
      const option = options[n - 1]
      if (!option) return { kind: 'unparsed', reason: 'out_of_range' }
      chosen.push(option.value)
      continue
    }
    const matched = matchOption(part, q)
    if (!matched) return null
    chosen.push(matched)
  }
  return chosen.length ? answer([...new Set(chosen)]) : null
}

/** An option whose label or value equals the text, or the only option whose label contains it (≥2 chars). */
function matchOption(s: string, q: Question): string | null {
  const options = q.options ?? []
  const norm = (t: string): string => normalizeReply(t)
  for (const o of options) {
    if (norm(o.label['zh-CN']) === s || norm(o.label.en) === s || o.value === s) return o.value
  }
  if ([...s].length < 2) return null
  const containing = options.filter((o) => norm(o.label['zh-CN']).includes(s) || norm(o.label.en).includes(s))
  if (containing.length === 1) return (containing[0] as { value: string }).value
  // "我们没有" → 没有; but only in a short reply, so a sentence that happens to contain a label is not
  // taken as an answer (a wrong answer recorded is worse than asking again).
  const contained = options.filter((o) => {
    const label = norm(o.label['zh-CN'])
    return s.includes(label) && [...s].length <= [...label].length + 3
  })
  return contained.length === 1 ? (contained[0] as { value: string }).value : null
}

const MULTIPLIERS: Record<string, number> = {
  十: 10,
  百: 100,
  千: 1000,
  万: 10_000,
  亿: 100_000_000,
  k: 1000,
  m: 1_000_000,
}

/** 60, 60人, 约60, 2.5万, 两千, 1,200 → a number; ranges and words without a number → null. */
export function readNumber(s: string): number | null {
  const cleaned = s
    .replace(/^(大约|大概|约|差不多|将近|接近|about|around|approx\.?|~)\s*/, '')
    .replace(/,(?=\d{3})/g, '')
  const m = /^(-?\d+(?:\.\d+)?)\s*(万|千|百|亿|k|m)?\s*([^\d\s-].{0,6})?$/.exec(cleaned)
  if (m) {
    const base = Number(m[1])
    return m[2] ? base * (MULTIPLIERS[m[2]] as number) : base
  }
  const cn = /^([零〇一二两三四五六七八九十百千]+)(万|亿)?/.exec(cleaned)
  if (cn) {
    const base = fromChineseNumeral(cn[1] as string)
    if (!Number.isNaN(base)) return cn[2] ? base * (MULTIPLIERS[cn[2]] as number) : base
  }
  return null
}

function parseNumberAnswer(s: string, q: Question): Reply | null {
  const n = readNumber(s)
  if (n === null) return null
  if ((q.min !== undefined && n < q.min) || (q.max !== undefined && n > q.max)) {
    return { kind: 'unparsed', reason: 'out_of_range' }
  }
  return answer(n)
}
