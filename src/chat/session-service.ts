import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Answer } from '../conditions/schema.js'
import { type ChecklistContent, buildChecklist } from '../checklist/build.js'
import type { Checklist } from '../checklist/schema.js'
import type { SearchKnowledge } from '../knowledge/search-types.js'
import { type AnswerInput, validateAnswer } from '../questionnaire/answer.js'
import { formatAnswer } from '../questionnaire/format.js'
import {
  type Progress,
  type Visibility,
  computeProgress,
  currentQuestion,
  previousQuestion,
  resolveVisibility,
} from '../questionnaire/flow.js'
import type { Question } from '../questionnaire/schema.js'
import { DomainError } from '../shared/errors.js'
import { DEFAULT_LOCALE, type Locale, type Localized, pick } from '../shared/localized.js'
import type { Message, NewAnswerEvent, NewMessage, SessionRecord, Store } from '../store/port.js'
import { StoreConflictError } from '../store/port.js'
import { type Reply, parseReply } from './parse-reply.js'
import { type QuestionView, presentQuestion, questionMessageText } from './present.js'
import { TEXT } from './texts.js'

export interface ChatDeps {
  store: Store
  content: ChecklistContent
  /** The clock; tests pin it. */
  now: () => Date
  /** Session ids; tests pin them. */
  newId: () => string
  /** Respondent tokens (≥128 bits of randomness in production); tests pin them. */
  newToken?: () => string
  /** Knowledge search for free questions; without it the chat says it cannot answer them. */
  search?: SearchKnowledge
  /** The time zone whose calendar date is the assessment date. */
  timeZone?: string
}

/** What every turn returns (API v1). */
export interface TurnResult {
  messages: Message[]
  question: QuestionView | null
  progress: Progress
  done: boolean
}

export interface SessionView extends TurnResult {
  id: string
  status: SessionRecord['status']
  locale: Locale
}

type State = Pick<SessionRecord, 'answers' | 'cursor' | 'status' | 'locale' | 'lastAnsweredAt'>

/** What one turn decided: the new state, the events to log, and what to say. */
interface Outcome {
  state: State
  events: NewAnswerEvent[]
  say: NewMessage[]
  /** The visibility of the new state, when the turn computed it (saves recomputing it for the reply). */
  visibility?: Visibility
}

const KNOWLEDGE_HITS_IN_CHAT = 3

/**
 * The conversation over the questionnaire. Each public method is one request: load the session, check
 * the token, decide the turn (a pure step over the stored state), and commit state, events and messages
 * in one transaction before returning — so nothing is acknowledged that is not stored.
 */
export function createChatService(deps: ChatDeps) {
  const { store, content } = deps
  const { questionnaire } = content
  const newToken = deps.newToken ?? (() => randomBytes(32).toString('base64url'))
  const timeZone = deps.timeZone ?? 'Asia/Shanghai'
  const isoNow = (): string => deps.now().toISOString()

  async function start(options: {
    locale?: Locale
    portal?: string | null
  }): Promise<SessionView & { token: string }> {
    const locale = options.locale ?? DEFAULT_LOCALE
    const token = newToken()
    const at = isoNow()
    const session: SessionRecord = {
      id: deps.newId(),
      tokenHash: hashToken(token),
      locale,
      portal: options.portal ?? null,
      status: 'active',
      answers: {},
      cursor: null,
      rev: 0,
      createdAt: at,
      updatedAt: at,
      lastAnsweredAt: null,
    }
    const visibility = resolveVisibility(questionnaire, {})
    const first = currentQuestion(visibility, null)
    const say: NewMessage[] = [
      assistant(at, 'welcome', pick(TEXT.welcome, locale)),
      assistant(at, 'notice', pick(TEXT.notice, locale)),
      ...(first ? askMessages(first, visibility, null, locale, at, { sectionIntro: true }) : []),
    ]
    const messages = await store.createSession(session, say)
    return { ...viewOf(session, messages), token }
  }

  async function view(id: string, token: string | undefined): Promise<SessionView> {
    const session = await authorize(id, token)
    return viewOf(session, await store.listMessages(id))
  }

  async function message(id: string, token: string | undefined, text: string): Promise<TurnResult> {
    const session = await authorize(id, token)
    const at = isoNow()
    const user: NewMessage = { at, role: 'user', kind: 'text', text }
    const outcome = decideText(session, text, at)
    return commit(session, outcome, [user, ...outcome.say], at)
  }

  async function answer(
    id: string,
    token: string | undefined,
    questionId: string,
    input: AnswerInput,
  ): Promise<TurnResult> {
    const session = await authorize(id, token)
    const question = questionnaire.byId.get(questionId)
    if (!question)
      throw new DomainError('unknown_question', `there is no question ${questionId}`, { questionId })
    const visibility = resolveVisibility(questionnaire, session.answers)
    if (!visibility.visible.includes(question)) {
      throw new DomainError('question_not_asked', `${questionId} is not asked given the answers so far`, {
        questionId,
      })
    }
    const stored = validateAnswer(question, input)
    const at = isoNow()
    const user: NewMessage = {
      at,
      role: 'user',
      kind: 'answer',
      text: formatAnswer(question, stored, session.locale),
      data: { questionId, answer: stored },
    }
    const outcome = applyAnswer(session, visibility, question, stored, at, 'api')
    return commit(session, outcome, [user, ...outcome.say], at)
  }

  async function checklist(id: string, token: string | undefined): Promise<Checklist> {
    const session = await authorize(id, token)
    return buildChecklist(content, {
      answers: session.answers,
      asOf: assessmentDate(session),
      locale: session.locale,
    })
  }

  // ── turns ──────────────────────────────────────────────────────────────────────────────────────

  function decideText(session: SessionRecord, text: string, at: string): Outcome {
    const locale = session.locale
    const visibility = resolveVisibility(questionnaire, session.answers)
    const current = currentQuestion(visibility, session.cursor)
    const reply: Reply = parseReply(text, current)
    const stay = (...say: NewMessage[]): Outcome => ({ state: stateOf(session), events: [], say })
    const say = (kind: string, text: Localized | string, data?: Record<string, unknown>): NewMessage =>
      assistant(at, kind, typeof text === 'string' ? text : pick(text, locale), data)
    const askAgain = (): NewMessage[] =>
      current
        ? askMessages(current, visibility, session.cursor, locale, at, { sectionIntro: false })
        : [say('hint', TEXT.doneHint)]

    switch (reply.kind) {
      case 'empty':
        return stay(say('hint', TEXT.empty), ...askAgain())
      case 'locale': {
        const switched = { ...session, locale: reply.locale }
        const again = current
          ? askMessages(current, visibility, session.cursor, reply.locale, at, { sectionIntro: false })
          : []
        return {
          state: stateOf(switched),
          events: [],
          say: [assistant(at, 'notice', pick(TEXT.switched, reply.locale)), ...again],
        }
      }
      case 'command':
        switch (reply.command) {
          case 'help':
            return stay(say('help', TEXT.help))
          case 'why':
            return current
              ? stay(
                  say('why', `${pick(TEXT.whyPrefix, locale)}${pick(current.why, locale)}`, {
                    questionId: current.id,
                  }),
                )
              : stay(say('hint', TEXT.done), say('hint', TEXT.doneHint))
          case 'progress':
            return stay(
              say('progress', progressText(computeProgress(visibility, current, questionnaire), locale)),
            )
          case 'checklist':
            return stay(...summaryMessages(session, current === null, at))
          case 'back': {
            const previous = previousQuestion(visibility, current?.id ?? null)
            if (!previous) return stay(say('hint', TEXT.firstQuestion), ...askAgain())
            return {
              state: { ...stateOf(session), cursor: previous.id },
              events: [{ at, kind: 'back', questionId: previous.id, source: 'chat' }],
              say: [
                say('back', TEXT.backTo),
                ...askMessages(previous, visibility, previous.id, locale, at, { sectionIntro: false }),
              ],
            }
          }
          case 'skip':
            if (!current) return stay(say('hint', TEXT.done), say('hint', TEXT.doneHint))
            return applyAnswer(
              session,
              visibility,
              current,
              { kind: 'skipped' },
              at,
              'chat',
              say('skip', TEXT.skipped),
            )
        }
        break
      case 'answer': {
        if (!current) return stay(say('hint', TEXT.done), say('hint', TEXT.doneHint))
        let stored: Answer
        try {
          stored = validateAnswer(current, reply.input)
        } catch (error) {
          if (!(error instanceof DomainError)) throw error
          return stay(
            say('hint', `${pick(TEXT.notUnderstood, locale)}${hintFor(current, locale)}`),
            ...askAgain(),
          )
        }
        return applyAnswer(session, visibility, current, stored, at, 'chat')
      }
      case 'question':
        return stay(
          ...knowledgeMessages(reply.text, locale, at),
          ...(current ? [say('resume', TEXT.resume), ...askAgain()] : []),
        )
      case 'unparsed': {
        const lead = reply.reason === 'out_of_range' ? TEXT.outOfRange : TEXT.notUnderstood
        const hint = current ? hintFor(current, locale) : pick(TEXT.doneHint, locale)
        return stay(say('hint', `${pick(lead, locale)}${hint}`), ...askAgain())
      }
    }
    /* c8 ignore next */
    throw new Error('unhandled reply')
  }

  /** Records an answer (or a skip), moves on to the first open question, and finishes when none is left. */
  function applyAnswer(
    session: SessionRecord,
    before: Visibility,
    question: Question,
    stored: Answer,
    at: string,
    source: 'chat' | 'api',
    lead?: NewMessage,
  ): Outcome {
    const locale = session.locale
    const previousAnswer = session.answers[question.id]
    const answers = { ...session.answers, [question.id]: stored }
    const visibility = resolveVisibility(questionnaire, answers)
    const next = currentQuestion(visibility, null)
    const wasCurrent = currentQuestion(before, session.cursor)
    const event: NewAnswerEvent =
      stored.kind === 'value'
        ? { at, kind: 'answer', questionId: question.id, value: stored.value, source }
        : { at, kind: stored.kind === 'unsure' ? 'unsure' : 'skip', questionId: question.id, source }
    const state: State = {
      answers,
      cursor: null,
      status: next ? 'active' : 'completed',
      locale,
      lastAnsweredAt: at,
    }
    const say: NewMessage[] = lead ? [lead] : []
    if (previousAnswer && previousAnswer.kind !== 'skipped')
      say.push(assistant(at, 'ack', pick(TEXT.updated, locale)))
    if (next) {
      // A section intro only when the conversation moves into a section it has not been in.
      const newSection =
        questionnaire.sectionOf.get(next.id) !== questionnaire.sectionOf.get((wasCurrent ?? question).id)
      say.push(...askMessages(next, visibility, null, locale, at, { sectionIntro: newSection }))
    } else {
      say.push(...summaryMessages({ ...session, ...state }, true, at))
    }
    return { state, events: [event], say, visibility }
  }

  // ── messages ───────────────────────────────────────────────────────────────────────────────────

  function askMessages(
    q: Question,
    visibility: Visibility,
    cursor: string | null,
    locale: Locale,
    at: string,
    options: { sectionIntro: boolean },
  ): NewMessage[] {
    const out: NewMessage[] = []
    const section = questionnaire.sectionOf.get(q.id)
    if (options.sectionIntro && section) {
      const intro = section.intro ? `\n${pick(section.intro, locale)}` : ''
      out.push(assistant(at, 'section', `${pick(section.title, locale)}${intro}`, { section: section.id }))
    }
    const current = currentQuestion(visibility, cursor) ?? q
    const existing = visibility.effective[q.id]
    const text = questionMessageText(
      questionnaire,
      q,
      locale,
      computeProgress(visibility, current, questionnaire),
    )
    const answered = existing
      ? `\n${pick(TEXT.currentAnswer, locale)}${formatAnswer(q, existing, locale)}`
      : ''
    out.push(assistant(at, 'question', `${text}${answered}`, { questionId: q.id }))
    return out
  }

  function knowledgeMessages(text: string, locale: Locale, at: string): NewMessage[] {
    const hits = deps.search ? deps.search(text, KNOWLEDGE_HITS_IN_CHAT) : []
    if (hits.length === 0) return [assistant(at, 'knowledge', pick(TEXT.knowledgeNone, locale))]
    const lines = [pick(TEXT.knowledgeIntro, locale)]
    hits.forEach((hit, i) => {
      const e = hit.entry
      // A guidance note may rest on many articles: name the first three, count the rest.
      const shown = e.citations.slice(0, 3).map((c) => c.label)
      const more = e.citations.length - shown.length
      const cites = `${shown.join('、')}${more > 0 ? (locale === 'zh-CN' ? `等${e.citations.length}条` : ` and ${more} more`) : ''}`
      const unverified = e.verified ? '' : pick(TEXT.unverified, locale)
      lines.push(`${i + 1}. ${pick(e.title, locale)}（${cites}${unverified}）：${pick(e.summary, locale)}`)
    })
    return [
      assistant(at, 'knowledge', lines.join('\n'), {
        entries: hits.map((h) => ({
          id: h.entry.id,
          citations: h.entry.citations,
          verified: h.entry.verified,
        })),
      }),
    ]
  }

  function summaryMessages(
    session: Pick<SessionRecord, 'answers' | 'locale' | 'lastAnsweredAt' | 'createdAt'>,
    complete: boolean,
    at: string,
  ): NewMessage[] {
    const locale = session.locale
    const list = buildChecklist(content, { answers: session.answers, asOf: assessmentDate(session), locale })
    const s = list.summary
    const top = list.items.slice(0, 3).map((item, i) => `${i + 1}. [${item.domainLabel}] ${item.title}`)
    const zh = [
      complete ? '自查已完成！' : pick(TEXT.partial, 'zh-CN'),
      `总体风险等级：${list.overall.levelLabel ?? '未评估'}${list.overall.score === null ? '' : `（得分 ${list.overall.score}）`}。`,
      `共 ${s.items} 项整改事项：重大且紧急 ${s.urgent} 项、需关注 ${s.attention} 项、建议优化 ${s.improve} 项；良好实践 ${s.good} 项。`,
      ...(top.length ? ['最需要优先处理的事项：', ...top] : []),
      pick(TEXT.checklistReady, 'zh-CN'),
    ]
    const en = [
      complete ? 'The self-assessment is complete!' : pick(TEXT.partial, 'en'),
      `Overall risk level: ${list.overall.levelLabel ?? 'not assessed'}${list.overall.score === null ? '' : ` (score ${list.overall.score})`}.`,
      `${s.items} items to address: ${s.urgent} major and urgent, ${s.attention} needing attention, ${s.improve} suggested improvements; ${s.good} good practices.`,
      ...(top.length ? ['Address these first:', ...top] : []),
      pick(TEXT.checklistReady, 'en'),
    ]
    return [
      assistant(at, 'summary', (locale === 'zh-CN' ? zh : en).join('\n'), {
        checklistHash: list.hash,
        complete,
        summary: s,
      }),
    ]
  }

  // ── plumbing ───────────────────────────────────────────────────────────────────────────────────

  async function commit(
    session: SessionRecord,
    outcome: Outcome,
    messages: NewMessage[],
    at: string,
  ): Promise<TurnResult> {
    let stored: Message[]
    try {
      stored = await store.commitTurn({
        sessionId: session.id,
        expectedRev: session.rev,
        state: { ...outcome.state, updatedAt: at },
        events: outcome.events,
        messages,
      })
    } catch (error) {
      if (error instanceof StoreConflictError) {
        throw new DomainError(
          'conflict',
          'another request changed this session at the same time; fetch it and retry',
        )
      }
      throw error
    }
    return resultOf({ ...session, ...outcome.state }, stored, outcome.visibility)
  }

  function resultOf(session: State, messages: Message[], known?: Visibility): TurnResult {
    const visibility = known ?? resolveVisibility(questionnaire, session.answers)
    const current = currentQuestion(visibility, session.cursor)
    return {
      messages,
      question: current
        ? presentQuestion(questionnaire, current, session.locale, visibility.effective[current.id])
        : null,
      progress: computeProgress(visibility, current, questionnaire),
      done: current === null,
    }
  }

  function viewOf(session: SessionRecord, messages: Message[]): SessionView {
    return { id: session.id, status: session.status, locale: session.locale, ...resultOf(session, messages) }
  }

  async function authorize(id: string, token: string | undefined): Promise<SessionRecord> {
    if (!token)
      throw new DomainError(
        'token_missing',
        'this route needs the session token: Authorization: Bearer <token>',
      )
    const session = await store.getSession(id)
    if (!session) throw new DomainError('session_not_found', `there is no session ${id}`)
    const given = Buffer.from(hashToken(token), 'hex')
    if (!timingSafeEqual(given, Buffer.from(session.tokenHash, 'hex'))) {
      throw new DomainError('token_invalid', 'the token does not belong to this session')
    }
    return session
  }

  // en-CA formats a date as YYYY-MM-DD; the time zone decides which calendar day an instant falls on.
  const dayFormat = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
  function assessmentDate(session: Pick<SessionRecord, 'lastAnsweredAt' | 'createdAt'>): string {
    return dayFormat.format(new Date(session.lastAnsweredAt ?? session.createdAt))
  }

  return { start, view, message, answer, checklist }
}

export type ChatService = ReturnType<typeof createChatService>

function stateOf(session: State): State {
  return {
    answers: session.answers,
    cursor: session.cursor,
    status: session.status,
    locale: session.locale,
    lastAnsweredAt: session.lastAnsweredAt,
  }
}

function assistant(at: string, kind: string, text: string, data?: Record<string, unknown>): NewMessage {
  return { at, role: 'assistant', kind, text, ...(data ? { data } : {}) }
}

function hintFor(q: Question, locale: Locale): string {
  switch (q.type) {
    case 'boolean':
      return pick(TEXT.optionsHintBoolean, locale)
    case 'multi':
      return pick(TEXT.optionsHintMulti, locale)
    case 'number': {
      const range = q.min !== undefined && q.max !== undefined ? `（${q.min}–${q.max}）` : ''
      return `${pick(TEXT.numberHint, locale)}${range}${locale === 'zh-CN' ? '。' : '.'}`
    }
    case 'text':
      return pick(TEXT.textHint, locale)
    default:
      return pick(TEXT.optionsHintSingle, locale)
  }
}

function progressText(p: Progress, locale: Locale): string {
  return locale === 'zh-CN'
    ? `已回答 ${p.answered} 题，按目前的回答共约 ${p.total} 题（${p.percent}%）。`
    : `${p.answered} of about ${p.total} questions answered so far (${p.percent}%).`
}

/** sha256 of a token, hex: what is stored and compared. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
