import {
  type AnswerEvent,
  type Message,
  type NewMessage,
  type SessionRecord,
  type StatuteRecord,
  type Store,
  StoreConflictError,
} from './port.js'

/**
 * An in-memory store: the fake beside the port, for unit tests that do not care about persistence.
 * It passes the same contract suite as the real adapters. Values are cloned on the way in and out, so
 * callers cannot mutate stored state by accident (as with a real database).
 */
export function createMemoryStore(): Store {
  const sessions = new Map<string, SessionRecord>()
  const messages = new Map<string, Message[]>()
  const events = new Map<string, AnswerEvent[]>()
  const statutes = new Map<string, StatuteRecord>()
  const clone = <T>(v: T): T => structuredClone(v)

  const append = (sessionId: string, list: NewMessage[]): Message[] => {
    const stored = messages.get(sessionId) ?? []
    const added = list.map((m, i) => ({ ...clone(m), seq: stored.length + i + 1 }))
    messages.set(sessionId, [...stored, ...added])
    return clone(added)
  }

  return {
    async createSession(session, initial) {
      if (sessions.has(session.id)) throw new Error(`session ${session.id} exists`)
      sessions.set(session.id, clone(session))
      return append(session.id, initial)
    },
    async getSession(id) {
      const s = sessions.get(id)
      return s ? clone(s) : null
    },
    async commitTurn(turn) {
      const s = sessions.get(turn.sessionId)
      if (!s || s.rev !== turn.expectedRev) throw new StoreConflictError(turn.sessionId)
      sessions.set(turn.sessionId, { ...s, ...clone(turn.state), rev: s.rev + 1 })
      const log = events.get(turn.sessionId) ?? []
      events.set(turn.sessionId, [
        ...log,
        ...turn.events.map((e, i) => ({ ...clone(e), seq: log.length + i + 1 })),
      ])
      return append(turn.sessionId, turn.messages)
    },
    async listMessages(id) {
      return clone(messages.get(id) ?? [])
    },
    async listEvents(id) {
      return clone(events.get(id) ?? [])
    },
    async putStatute(statute) {
      statutes.set(statute.law, clone(statute))
    },
    async listStatutes() {
      return [...statutes.values()].sort((a, b) => a.law.localeCompare(b.law)).map(clone)
    },
    async close() {},
  }
}
