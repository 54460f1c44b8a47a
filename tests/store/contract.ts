import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type SessionRecord, type Store, StoreConflictError, type Turn } from '../../src/store/port.js'

/**
 * The contract every store adapter must pass. Run it with a factory that gives a fresh, empty store and
 * (optionally) a way to reopen the same storage, to check durability.
 */
export function storeContract(name: string, open: () => Store, reopen?: (previous: Store) => Promise<Store>) {
  describe(`store contract: ${name}`, () => {
    let store: Store
    beforeEach(() => {
      store = open()
    })
    afterEach(async () => {
      await store.close()
    })

    const session = (id = 's1'): SessionRecord => ({
      id,
      tokenHash: 'ab'.repeat(32),
      locale: 'zh-CN',
      portal: null,
      status: 'active',
      answers: {},
      cursor: null,
      rev: 0,
      createdAt: '2026-11-27T01:00:00.000Z',
      updatedAt: '2026-11-27T01:00:00.000Z',
      lastAnsweredAt: null,
    })
    const turn = (over: Partial<Turn> = {}): Turn => ({
      sessionId: 's1',
      expectedRev: 0,
      state: {
        answers: { 'profile.staff': { kind: 'value', value: 60 } },
        cursor: null,
        status: 'active',
        locale: 'zh-CN',
        updatedAt: '2026-11-27T01:01:00.000Z',
        lastAnsweredAt: '2026-11-27T01:01:00.000Z',
      },
      events: [
        {
          at: '2026-11-27T01:01:00.000Z',
          kind: 'answer',
          questionId: 'profile.staff',
          value: 60,
          source: 'chat',
        },
      ],
      messages: [
        { at: '2026-11-27T01:01:00.000Z', role: 'user', kind: 'text', text: '60人' },
        {
          at: '2026-11-27T01:01:00.000Z',
          role: 'assistant',
          kind: 'question',
          text: '下一题',
          data: { questionId: 'profile.x' },
        },
      ],
      ...over,
    })

    it('creates a session with its first messages, numbered from 1', async () => {
      const stored = await store.createSession(session(), [
        { at: 'a', role: 'assistant', kind: 'welcome', text: '您好' },
      ])
      expect(stored).toEqual([{ seq: 1, at: 'a', role: 'assistant', kind: 'welcome', text: '您好' }])
      expect(await store.getSession('s1')).toEqual(session())
    })

    it('returns null for an unknown session', async () => {
      expect(await store.getSession('nope')).toBeNull()
    })

    it('commits a turn: state, events and messages together, and bumps the revision', async () => {
      await store.createSession(session(), [{ at: 'a', role: 'assistant', kind: 'welcome', text: '您好' }])
      const messages = await store.commitTurn(turn())
      expect(messages.map((m) => m.seq)).toEqual([2, 3])
      const s = await store.getSession('s1')
      expect(s).toMatchObject({
        rev: 1,
        answers: { 'profile.staff': { kind: 'value', value: 60 } },
        lastAnsweredAt: '2026-11-27T01:01:00.000Z',
      })
      expect(await store.listEvents('s1')).toEqual([
        {
          seq: 1,
          at: '2026-11-27T01:01:00.000Z',
          kind: 'answer',
          questionId: 'profile.staff',
          value: 60,
          source: 'chat',
        },
      ])
      expect((await store.listMessages('s1')).map((m) => [m.seq, m.role, m.text, m.data])).toEqual([
        [1, 'assistant', '您好', undefined],
        [2, 'user', '60人', undefined],
        [3, 'assistant', '下一题', { questionId: 'profile.x' }],
      ])
    })

    it('keeps the answer log append-only: changing an answer adds an event', async () => {
      await store.createSession(session(), [])
      await store.commitTurn(turn())
      await store.commitTurn(
        turn({
          expectedRev: 1,
          state: { ...turn().state, answers: { 'profile.staff': { kind: 'value', value: 80 } } },
          events: [{ at: 'b', kind: 'answer', questionId: 'profile.staff', value: 80, source: 'api' }],
          messages: [],
        }),
      )
      expect((await store.listEvents('s1')).map((e) => [e.seq, e.value])).toEqual([
        [1, 60],
        [2, 80],
      ])
    })

    it('refuses a turn based on a stale revision and stores nothing of it', async () => {
      await store.createSession(session(), [])
      await store.commitTurn(turn())
      await expect(store.commitTurn(turn({ expectedRev: 0 }))).rejects.toBeInstanceOf(StoreConflictError)
      expect(await store.listEvents('s1')).toHaveLength(1)
      expect(await store.listMessages('s1')).toHaveLength(2)
      expect((await store.getSession('s1'))?.rev).toBe(1)
    })

    it('refuses a turn on an unknown session', async () => {
      await expect(store.commitTurn(turn({ sessionId: 'ghost' }))).rejects.toBeInstanceOf(StoreConflictError)
    })

    it('keeps sessions apart', async () => {
      await store.createSession(session('s1'), [{ at: 'a', role: 'assistant', kind: 'welcome', text: 'one' }])
      await store.createSession(session('s2'), [{ at: 'a', role: 'assistant', kind: 'welcome', text: 'two' }])
      await store.commitTurn(turn())
      expect(await store.listMessages('s2')).toEqual([
        { seq: 1, at: 'a', role: 'assistant', kind: 'welcome', text: 'two' },
      ])
      expect(await store.listEvents('s2')).toEqual([])
    })

    it('stores unicode and awkward text exactly', async () => {
      const text = '引号"\'`、换行\n表情🙂、NUL之外的一切 <script>'
      await store.createSession(session(), [{ at: 'a', role: 'user', kind: 'text', text }])
      expect((await store.listMessages('s1'))[0]?.text).toBe(text)
    })

    it('replaces an imported statute and keeps the newer version', async () => {
      const statute = {
        law: '数据安全法',
        version: '2021',
        title: 't',
        importedAt: 'x',
        articles: [{ article: '1', text: 'a' }],
      }
      await store.putStatute(statute)
      await store.putStatute({ ...statute, version: '2027', articles: [{ article: '1', text: 'b' }] })
      expect(await store.listStatutes()).toEqual([
        { ...statute, version: '2027', articles: [{ article: '1', text: 'b' }] },
      ])
    })

    if (reopen) {
      it('keeps everything committed when reopened', async () => {
        await store.createSession(session(), [])
        await store.commitTurn(turn())
        store = await reopen(store)
        expect((await store.getSession('s1'))?.answers).toEqual({
          'profile.staff': { kind: 'value', value: 60 },
        })
        expect(await store.listEvents('s1')).toHaveLength(1)
      })
    }
  })
}
