import { describe, expect, it } from 'vitest'
import { fixtureContent } from '../fixtures/content.js'
import { buildTestApp, client } from '../support/app.js'
import { seededRandom } from '../support/random.js'

function randomValue(rnd: () => number, depth = 0): unknown {
  const pick = Math.floor(rnd() * (depth > 2 ? 6 : 8))
  const strings = [
    '',
    '1',
    '是',
    'unsure',
    'profile.staff',
    'governance.charter',
    '__proto__',
    'constructor',
    '返回上一题',
    '\u0000',
    '<script>',
    '字'.repeat(50),
    'a'.repeat(5000),
  ]
  switch (pick) {
    case 0:
      return null
    case 1:
      return rnd() < 0.5
    case 2:
      return [0, -1, 1e308, -0, 3.5, Number.MAX_SAFE_INTEGER][Math.floor(rnd() * 6)]
    case 3:
    case 4:
      return strings[Math.floor(rnd() * strings.length)]
    case 5:
      return {}
    case 6:
      return Array.from({ length: Math.floor(rnd() * 4) }, () => randomValue(rnd, depth + 1))
    default: {
      const keys = ['text', 'questionId', 'value', 'unsure', 'skip', 'locale', 'portal', 'q', 'k', 'extra']
      const out: Record<string, unknown> = {}
      for (let i = 0; i < 1 + Math.floor(rnd() * 4); i++)
        out[keys[Math.floor(rnd() * keys.length)] as string] = randomValue(rnd, depth + 1)
      return out
    }
  }
}

describe('nothing a client sends produces a 500 or changes a session it should not', () => {
  it('survives 600 random bodies across every POST route', async () => {
    const { app, store } = buildTestApp(fixtureContent())
    const c = client(app)
    const { id, token } = await c.start()
    const rnd = seededRandom(20261127)
    const routes = [
      '/api/v1/sessions',
      `/api/v1/sessions/${id}/messages`,
      `/api/v1/sessions/${id}/answers`,
      '/api/v1/knowledge/search',
    ]
    const statuses = new Map<number, number>()
    for (let i = 0; i < 600; i++) {
      const route = routes[i % routes.length] as string
      const body = rnd() < 0.1 ? '{"broken": ' : JSON.stringify(randomValue(rnd))
      const before = await store.getSession(id)
      const res = await c.call('POST', route, body, token)
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
      expect(res.status, `${route} ${body.slice(0, 80)}`).toBeLessThan(500)
      if (res.status >= 400) {
        expect(res.json?.error?.code, body.slice(0, 80)).toEqual(expect.any(String))
        expect(await store.getSession(id)).toEqual(before)
      }
    }
    // The inputs exercised both acceptance and rejection.
    expect(
      [...statuses.keys()].some((s) => s < 300),
      JSON.stringify([...statuses]),
    ).toBe(true)
    expect([...statuses.keys()].some((s) => s >= 400)).toBe(true)
  })

  it('survives malformed query strings and paths', async () => {
    const { app } = buildTestApp(fixtureContent())
    const c = client(app)
    const { id, token } = await c.start()
    for (const path of [
      '/api/v1/knowledge/search?q=%E0%A4%A',
      '/api/v1/knowledge/search?q=%',
      '/api/v1/knowledge/search?q=a&q=b&k=1&k=2',
      '/api/v1/sessions/%E0%A4%A',
      '/api/v1/knowledge/entries/%E0%A4%A',
      `/api/v1/sessions/${id}/checklist?format=json&format=md`,
      '/static/..%2F..%2Fpackage.json',
      '/static/%2e%2e%2fconfig.ts',
    ]) {
      const res = await c.call('GET', path, undefined, token)
      expect(res.status, path).toBeLessThan(500)
      expect(res.text, path).not.toContain('"dependencies"')
    }
  })
})
