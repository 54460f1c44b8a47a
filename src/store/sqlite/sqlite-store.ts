import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import {
  type AnswerEvent,
  type Message,
  type NewMessage,
  type SessionRecord,
  type StatuteRecord,
  type Store,
  StoreConflictError,
  type Turn,
} from '../port.js'
import { MIGRATIONS } from './migrations.js'

interface SessionRow {
  id: string
  token_hash: string
  locale: string
  portal: string | null
  status: string
  answers: string
  cursor: string | null
  rev: number
  created_at: string
  updated_at: string
  last_answered_at: string | null
}

export interface SqliteOptions {
  /**
   * `NORMAL` (default): in WAL mode a committed turn survives the process being killed at any moment; a
   * power cut or OS crash may lose the last few commits. `FULL`: every commit is also fsynced, so it
   * survives power loss, at roughly a fifth of the throughput on ordinary disks.
   */
  synchronous?: 'NORMAL' | 'FULL'
}

/**
 * The embedded default: one SQLite file in WAL mode. better-sqlite3 is synchronous, so each turn is one
 * transaction that has committed before the promise resolves and the HTTP response is written.
 */
export function openSqliteStore(file: string, options: SqliteOptions = {}): Store {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`)
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  migrate(db)

  const insertSession = db.prepare(
    `INSERT INTO sessions (id, token_hash, locale, portal, status, answers, cursor, rev, created_at, updated_at, last_answered_at)
     VALUES (@id, @token_hash, @locale, @portal, @status, @answers, @cursor, @rev, @created_at, @updated_at, @last_answered_at)`,
  )
  const selectSession = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?')
  const updateSession = db.prepare(
    `UPDATE sessions SET answers = @answers, cursor = @cursor, status = @status, locale = @locale,
       updated_at = @updated_at, last_answered_at = @last_answered_at, rev = rev + 1
     WHERE id = @id AND rev = @expected_rev`,
  )
  const maxMessageSeq = db.prepare<[string], { n: number | null }>(
    'SELECT MAX(seq) AS n FROM messages WHERE session_id = ?',
  )
  const maxEventSeq = db.prepare<[string], { n: number | null }>(
    'SELECT MAX(seq) AS n FROM answer_events WHERE session_id = ?',
  )
  const insertMessage = db.prepare(
    'INSERT INTO messages (session_id, seq, at, role, kind, text, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  const insertEvent = db.prepare(
    'INSERT INTO answer_events (session_id, seq, at, kind, question_id, value, source) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  const selectMessages = db.prepare<[string], Record<string, unknown>>(
    'SELECT seq, at, role, kind, text, data FROM messages WHERE session_id = ? ORDER BY seq',
  )
  const selectEvents = db.prepare<[string], Record<string, unknown>>(
    'SELECT seq, at, kind, question_id, value, source FROM answer_events WHERE session_id = ? ORDER BY seq',
  )
  const upsertStatute = db.prepare(
    `INSERT INTO statutes (law, version, title, imported_at, articles) VALUES (@law, @version, @title, @imported_at, @articles)
     ON CONFLICT (law) DO UPDATE SET version = excluded.version, title = excluded.title,
       imported_at = excluded.imported_at, articles = excluded.articles`,
  )
  const selectStatutes = db.prepare<[], Record<string, string>>('SELECT * FROM statutes ORDER BY law')

  const appendMessages = (sessionId: string, messages: NewMessage[]): Message[] => {
    let seq = maxMessageSeq.get(sessionId)?.n ?? 0
    return messages.map((m) => {
      seq += 1
      insertMessage.run(sessionId, seq, m.at, m.role, m.kind, m.text, m.data ? JSON.stringify(m.data) : null)
      return { ...m, seq }
    })
  }

  const create = db.transaction((session: SessionRecord, messages: NewMessage[]): Message[] => {
    insertSession.run({
      id: session.id,
      token_hash: session.tokenHash,
      locale: session.locale,
      portal: session.portal,
      status: session.status,
      answers: JSON.stringify(session.answers),
      cursor: session.cursor,
      rev: session.rev,
      created_at: session.createdAt,
      updated_at: session.updatedAt,
      last_answered_at: session.lastAnsweredAt,
    })
    return appendMessages(session.id, messages)
  })

  const commit = db.transaction((turn: Turn): Message[] => {
    const changed = updateSession.run({
      id: turn.sessionId,
      expected_rev: turn.expectedRev,
      answers: JSON.stringify(turn.state.answers),
      cursor: turn.state.cursor,
      status: turn.state.status,
      locale: turn.state.locale,
      updated_at: turn.state.updatedAt,
      last_answered_at: turn.state.lastAnsweredAt,
    }).changes
    if (changed !== 1) throw new StoreConflictError(turn.sessionId)
    let seq = maxEventSeq.get(turn.sessionId)?.n ?? 0
    for (const e of turn.events) {
      seq += 1
      insertEvent.run(
        turn.sessionId,
        seq,
        e.at,
        e.kind,
        e.questionId,
        e.value === undefined ? null : JSON.stringify(e.value),
        e.source,
      )
    }
    return appendMessages(turn.sessionId, turn.messages)
  })

  return {
    async createSession(session, messages) {
      return create(session, messages)
    },
    async getSession(id) {
      const row = selectSession.get(id)
      return row ? toSession(row) : null
    },
    async commitTurn(turn) {
      return commit(turn)
    },
    async listMessages(sessionId) {
      return selectMessages.all(sessionId).map((r) => ({
        seq: r.seq as number,
        at: r.at as string,
        role: r.role as Message['role'],
        kind: r.kind as string,
        text: r.text as string,
        ...(r.data ? { data: JSON.parse(r.data as string) as Record<string, unknown> } : {}),
      }))
    },
    async listEvents(sessionId) {
      return selectEvents.all(sessionId).map((r): AnswerEvent => ({
        seq: r.seq as number,
        at: r.at as string,
        kind: r.kind as AnswerEvent['kind'],
        questionId: r.question_id as string,
        ...(r.value === null ? {} : { value: JSON.parse(r.value as string) as unknown }),
        source: r.source as AnswerEvent['source'],
      }))
    },
    async putStatute(statute: StatuteRecord) {
      upsertStatute.run({
        law: statute.law,
        version: statute.version,
        title: statute.title,
        imported_at: statute.importedAt,
        articles: JSON.stringify(statute.articles),
      })
    },
    async listStatutes() {
      return selectStatutes.all().map((r) => ({
        law: r.law as string,
        version: r.version as string,
        title: r.title as string,
        importedAt: r.imported_at as string,
        articles: JSON.parse(r.articles as string) as StatuteRecord['articles'],
      }))
    },
    async close() {
      db.close()
    },
  }
}

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] as string)
      db.pragma(`user_version = ${v + 1}`)
    })()
  }
}

function toSession(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    tokenHash: row.token_hash,
    locale: row.locale as SessionRecord['locale'],
    portal: row.portal,
    status: row.status as SessionRecord['status'],
    answers: JSON.parse(row.answers) as SessionRecord['answers'],
    cursor: row.cursor,
    rev: row.rev,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastAnsweredAt: row.last_answered_at,
  }
}
