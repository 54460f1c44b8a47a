import type { Answer } from '../conditions/schema.js'
import type { Locale } from '../shared/localized.js'

/**
 * The storage port. The chat service owns it; adapters (SQLite by default, others later) implement it
 * and must pass tests/store/contract.ts. It is deliberately small: sessions with a materialised state,
 * an append-only log of answer events, the transcript, and imported statute texts.
 */
export interface SessionRecord {
  id: string
  /** sha256 of the respondent token, hex. The token itself is never stored. */
  tokenHash: string
  locale: Locale
  portal: string | null
  status: 'active' | 'completed'
  /** Answers by question id: the fold of the answer events, kept for fast reads. */
  answers: Record<string, Answer>
  /** Set while the respondent revisits an earlier question; null means "the first open question". */
  cursor: string | null
  /** Bumped by every committed turn: the optimistic-concurrency check. */
  rev: number
  createdAt: string
  updatedAt: string
  /** When the last answer event was recorded: the checklist's as-of date comes from it. */
  lastAnsweredAt: string | null
}

export type AnswerEventKind = 'answer' | 'unsure' | 'skip' | 'back'

export interface AnswerEvent {
  seq: number
  at: string
  kind: AnswerEventKind
  questionId: string
  /** The value for `answer` events. */
  value?: unknown
  source: 'chat' | 'api'
}

export type MessageRole = 'user' | 'assistant'

export interface Message {
  seq: number
  at: string
  role: MessageRole
  /** What the message is: a question, an acknowledgement, a hint, a knowledge answer, a summary… */
  kind: string
  text: string
  /** Structured extras: the question id, citations of a knowledge answer. */
  data?: Record<string, unknown>
}

export type NewAnswerEvent = Omit<AnswerEvent, 'seq'>
export type NewMessage = Omit<Message, 'seq'>

/** One chat turn, committed atomically: state, events and messages, or nothing. */
export interface Turn {
  sessionId: string
  /** The rev read before the turn; a different stored rev means another turn won: `StoreConflictError`. */
  expectedRev: number
  state: Pick<SessionRecord, 'answers' | 'cursor' | 'status' | 'locale' | 'updatedAt' | 'lastAnsweredAt'>
  events: NewAnswerEvent[]
  messages: NewMessage[]
}

export interface StatuteRecord {
  law: string
  /** The version the imported text says it is (from its header), e.g. the last amendment date. */
  version: string
  title: string
  importedAt: string
  articles: Array<{ article: string; chapter?: string; text: string }>
}

export interface Store {
  createSession(session: SessionRecord, messages: NewMessage[]): Promise<Message[]>
  getSession(id: string): Promise<SessionRecord | null>
  /** Commits a turn and returns the stored messages with their sequence numbers. */
  commitTurn(turn: Turn): Promise<Message[]>
  listMessages(sessionId: string): Promise<Message[]>
  listEvents(sessionId: string): Promise<AnswerEvent[]>
  /** Stores a law's imported text, replacing any earlier import of the same law. */
  putStatute(statute: StatuteRecord): Promise<void>
  listStatutes(): Promise<StatuteRecord[]>
  close(): Promise<void>
}

/** Another turn on the same session committed first. */
export class StoreConflictError extends Error {
  constructor(sessionId: string) {
    super(`session ${sessionId} was changed by another request`)
    this.name = 'StoreConflictError'
  }
}
