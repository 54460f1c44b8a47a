import { describe, expect, it } from 'vitest'
import { fixtureContent } from '../fixtures/content.js'
import { buildTestApp, client } from '../support/app.js'

const content = fixtureContent()

describe('POST /api/v1/sessions', () => {
  it('starts a session with a token, the welcome, the notice and the first question', async () => {
    const { app } = buildTestApp(content)
    const { res } = await client(app).start()
    expect(res.status).toBe(201)
    expect(res.json).toMatchObject({
      id: 'session-1',
      token: expect.stringMatching(/^token-1-/),
      status: 'active',
      locale: 'zh-CN',
      done: false,
      question: {
        id: 'profile.handles_pi',
        type: 'boolean',
        section: 'profile',
        options: [
          { value: true, label: '是' },
          { value: false, label: '否' },
        ],
      },
      progress: { answered: 0, section: 'profile' },
    })
    expect(res.json.messages.map((m: any) => m.kind)).toEqual(['welcome', 'notice', 'section', 'question'])
  })

  it('accepts an empty body and an English locale', async () => {
    const { app } = buildTestApp(content)
    const empty = await client(app).call('POST', '/api/v1/sessions')
    expect(empty.status).toBe(201)
    const en = await client(app).start({ locale: 'en' })
    expect(en.res.json.question.text).toBe("Do you process customers' personal information?")
  })

  it('uses a random 256-bit token by default', async () => {
    const { createChatService } = await import('../../src/chat/session-service.js')
    const { createMemoryStore } = await import('../../src/store/memory-store.js')
    const chat = createChatService({
      store: createMemoryStore(),
      content,
      now: () => new Date(),
      newId: () => 'a',
    })
    const { token } = await chat.start({})
    expect(Buffer.from(token, 'base64url')).toHaveLength(32)
  })
})

describe('a session through the API', () => {
  it('answers by message and by structured answer, stores both, and serves the transcript', async () => {
    const { app } = buildTestApp(content)
    const c = client(app)
    const { id, token } = await c.start()
    const turn = await c.say(id, token, '是')
    expect(turn.status).toBe(200)
    expect(turn.json).toMatchObject({ done: false, question: { id: 'profile.staff' } })
    expect(turn.json.messages[0]).toMatchObject({ role: 'user', text: '是' })
    const structured = await c.answer(id, token, { questionId: 'profile.staff', value: 120 })
    expect(structured.json).toMatchObject({ question: { id: 'profile.channels', type: 'multi' } })
    const view = await c.call('GET', `/api/v1/sessions/${id}`, undefined, token)
    expect(view.status).toBe(200)
    expect(view.json).toMatchObject({
      id,
      status: 'active',
      question: { id: 'profile.channels' },
      progress: { answered: 2 },
    })
    expect(view.json.messages.filter((m: any) => m.role === 'user').map((m: any) => m.text)).toEqual([
      '是',
      '120人',
    ])
  })

  it('lets a structured answer change an earlier question and records it as a new event', async () => {
    const { app, store } = buildTestApp(content)
    const c = client(app)
    const { id, token } = await c.start()
    await c.say(id, token, '1')
    await c.say(id, token, '200')
    const changed = await c.answer(id, token, { questionId: 'profile.handles_pi', value: false })
    expect(changed.json.question.id).toBe('governance.charter')
    expect((await store.listEvents(id)).map((e) => [e.questionId, e.value])).toEqual([
      ['profile.handles_pi', true],
      ['profile.staff', 200],
      ['profile.handles_pi', false],
    ])
  })

  it('serves the checklist as JSON, Markdown and sanitised HTML', async () => {
    const { app } = buildTestApp(content)
    const c = client(app)
    const { id, token } = await c.start()
    for (const text of ['是', '150', '1', '2', '<img src=x onerror=alert(1)>', '3', '否'])
      await c.say(id, token, text)
    const json = await c.call('GET', `/api/v1/sessions/${id}/checklist`, undefined, token)
    expect(json.status).toBe(200)
    expect(json.json.items.map((i: any) => i.id)).toEqual([
      'data.no_dpo',
      'data.no_notice',
      'data.app_without_notice',
      'governance.template_charter',
    ])
    const md = await c.call('GET', `/api/v1/sessions/${id}/checklist?format=md`, undefined, token)
    expect(md.headers.get('content-type')).toContain('text/markdown')
    expect(md.text).toContain('## 重大且紧急（2）')
    const html = await c.call('GET', `/api/v1/sessions/${id}/checklist?format=html`, undefined, token)
    expect(html.headers.get('content-type')).toContain('text/html')
    expect(html.text).toContain('<h2>重大且紧急（2）</h2>')
    expect(html.text).not.toMatch(/<img/i)
  })
})

describe('errors: every kind of bad input gets its own 4xx and code', () => {
  const setup = async () => {
    const { app, store } = buildTestApp(content, { bodyLimitBytes: 16 * 1024 })
    const c = client(app)
    const { id, token } = await c.start()
    return { c, id, token, store }
  }

  it.each<
    [string, (s: Awaited<ReturnType<typeof setup>>) => Promise<{ status: number; json: any }>, number, string]
  >([
    [
      'malformed JSON',
      ({ c, id, token }) => c.call('POST', `/api/v1/sessions/${id}/messages`, '{"text": ', token),
      400,
      'invalid_json',
    ],
    [
      'a wrong type',
      ({ c, id, token }) => c.call('POST', `/api/v1/sessions/${id}/messages`, { text: 42 }, token),
      400,
      'invalid_request',
    ],
    [
      'a missing field',
      ({ c, id, token }) => c.call('POST', `/api/v1/sessions/${id}/messages`, {}, token),
      400,
      'invalid_request',
    ],
    [
      'an unknown field',
      ({ c, id, token }) =>
        c.call('POST', `/api/v1/sessions/${id}/messages`, { text: 'hi', admin: true }, token),
      400,
      'invalid_request',
    ],
    [
      'an array body',
      ({ c, id, token }) => c.call('POST', `/api/v1/sessions/${id}/messages`, [1, 2], token),
      400,
      'invalid_request',
    ],
    [
      'a message over 4000 characters',
      ({ c, id, token }) => c.say(id, token, '字'.repeat(4001)),
      400,
      'invalid_request',
    ],
    [
      'an unknown locale',
      ({ c }) => c.call('POST', '/api/v1/sessions', { locale: 'fr' }),
      400,
      'invalid_request',
    ],
    [
      'an answer with both value and skip',
      ({ c, id, token }) => c.answer(id, token, { questionId: 'profile.staff', value: 3, skip: true }),
      400,
      'invalid_request',
    ],
    [
      'an answer with neither value nor marker',
      ({ c, id, token }) => c.answer(id, token, { questionId: 'profile.staff' }),
      400,
      'invalid_request',
    ],
    [
      'an unknown question',
      ({ c, id, token }) => c.answer(id, token, { questionId: 'data.nothing', value: 1 }),
      422,
      'unknown_question',
    ],
    [
      'an unknown option',
      ({ c, id, token }) => c.answer(id, token, { questionId: 'governance.charter', value: 'maybe' }),
      422,
      'unknown_option',
    ],
    [
      'a value of the wrong type for the question',
      ({ c, id, token }) => c.answer(id, token, { questionId: 'profile.handles_pi', value: 'yes' }),
      422,
      'invalid_answer',
    ],
    [
      'a number out of range',
      ({ c, id, token }) => c.answer(id, token, { questionId: 'profile.staff', value: -5 }),
      422,
      'invalid_answer',
    ],
    [
      'a question hidden by the answers so far',
      ({ c, id, token }) => c.answer(id, token, { questionId: 'data.dpo', value: true }),
      409,
      'question_not_asked',
    ],
    [
      'an oversized body',
      ({ c, id, token }) =>
        c.call('POST', `/api/v1/sessions/${id}/messages`, { text: 'a'.repeat(20_000) }, token),
      413,
      'payload_too_large',
    ],
    [
      'a non-JSON content type',
      ({ c, id, token }) =>
        c.call('POST', `/api/v1/sessions/${id}/messages`, 'text=hi', token, {
          'content-type': 'application/x-www-form-urlencoded',
        }),
      415,
      'unsupported_media_type',
    ],
    [
      'an unknown session',
      ({ c, token }) => c.call('GET', '/api/v1/sessions/nope', undefined, token),
      404,
      'session_not_found',
    ],
    ['a missing token', ({ c, id }) => c.call('GET', `/api/v1/sessions/${id}`), 401, 'token_missing'],
    [
      'a malformed authorization header',
      ({ c, id }) =>
        c.call('GET', `/api/v1/sessions/${id}`, undefined, undefined, { authorization: 'Basic abc' }),
      401,
      'token_missing',
    ],
    [
      'a wrong token',
      ({ c, id }) => c.call('GET', `/api/v1/sessions/${id}`, undefined, 'not-the-token'),
      403,
      'token_invalid',
    ],
    [
      "another session's token",
      async ({ c, id }) => c.call('GET', `/api/v1/sessions/${id}`, undefined, (await c.start()).token),
      403,
      'token_invalid',
    ],
    [
      'a wrong token on the checklist',
      ({ c, id }) => c.call('GET', `/api/v1/sessions/${id}/checklist`, undefined, 'nope'),
      403,
      'token_invalid',
    ],
    [
      'an unknown checklist format',
      ({ c, id, token }) => c.call('GET', `/api/v1/sessions/${id}/checklist?format=pdf`, undefined, token),
      400,
      'invalid_query',
    ],
    ['an unknown route', ({ c }) => c.call('GET', '/api/v1/nothing'), 404, 'not_found'],
    [
      'an unknown session sub-route',
      ({ c, id, token }) => c.call('GET', `/api/v1/sessions/${id}/nothing`, undefined, token),
      404,
      'not_found',
    ],
  ])('%s', async (_, request, status, code) => {
    const s = await setup()
    const before = await s.store.getSession(s.id)
    const res = await request(s)
    expect(res.status).toBe(status)
    expect(res.json).toEqual({
      error: {
        code,
        message: expect.any(String),
        requestId: expect.stringMatching(/^req-/),
        ...(res.json?.error?.details ? { details: expect.anything() } : {}),
      },
    })
    // Nothing a rejected request sent reaches the stored session.
    expect(await s.store.getSession(s.id)).toEqual(before)
  })
})

describe('other routes', () => {
  it('GET /healthz reports liveness and content versions', async () => {
    const { app } = buildTestApp(content)
    const res = await client(app).call('GET', '/healthz')
    expect(res.json).toEqual({
      status: 'ok',
      versions: { questionnaire: 'fixture-q1', ruleset: 'fixture-r1', knowledge: 'fixture-1' },
    })
  })

  it('GET /api/v1/questionnaire returns the definition', async () => {
    const { app } = buildTestApp(content)
    const res = await client(app).call('GET', '/api/v1/questionnaire')
    expect(res.json.version).toBe('fixture-q1')
    expect(res.json.sections.map((s: any) => s.id)).toEqual(['profile', 'governance', 'data'])
  })

  it('sets security headers, including a content security policy', async () => {
    const { app } = buildTestApp(content)
    const res = await client(app).call('GET', '/healthz')
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-request-id')).toMatch(/^req-/)
  })
})
