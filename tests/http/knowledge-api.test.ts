import { describe, expect, it } from 'vitest'
import { createKnowledgeSearch } from '../../src/knowledge/search.js'
import { fixtureContent } from '../fixtures/content.js'
import { buildTestApp, client } from '../support/app.js'

const content = fixtureContent()
const { app } = buildTestApp(content)
const c = client(app)

describe('GET and POST /api/v1/knowledge/search', () => {
  it('returns hits with citations, snippet and score', async () => {
    const res = await c.call(
      'GET',
      `/api/v1/knowledge/search?q=${encodeURIComponent('隐私政策应该告知什么')}&k=2`,
    )
    expect(res.status).toBe(200)
    expect(res.json.hits[0]).toMatchObject({
      id: 'pipl-17',
      kind: 'article',
      title: '处理前的告知义务',
      citations: [{ law: '个人信息保护法', article: '17', label: '《个人信息保护法》第十七条' }],
      verified: true,
      score: expect.any(Number),
      snippet: expect.any(String),
    })
    expect(res.json.hits.length).toBeLessThanOrEqual(2)
  })

  it('takes long texts by POST', async () => {
    const q = `${'公司的情况是这样的。'.repeat(200)}章程`
    const res = await c.call('POST', '/api/v1/knowledge/search', { q, k: 3 })
    expect(res.status).toBe(200)
    expect(res.json.hits[0].id).toBe('company-5')
  })

  it('answers in English titles for English queries', async () => {
    const res = await c.call('GET', '/api/v1/knowledge/search?q=articles%20of%20association')
    expect(res.json.hits[0]).toMatchObject({
      id: 'company-5',
      title: 'Binding force of the articles of association',
    })
  })

  it.each([
    ['an empty query', 'GET', '/api/v1/knowledge/search?q=', undefined, 400, 'invalid_query'],
    ['a blank query', 'GET', '/api/v1/knowledge/search?q=%20%20', undefined, 400, 'invalid_query'],
    ['no query', 'GET', '/api/v1/knowledge/search', undefined, 400, 'invalid_query'],
    ['k = 0', 'GET', '/api/v1/knowledge/search?q=x&k=0', undefined, 400, 'invalid_query'],
    ['k too large', 'GET', '/api/v1/knowledge/search?q=x&k=500', undefined, 400, 'invalid_query'],
    ['k not a number', 'GET', '/api/v1/knowledge/search?q=x&k=ten', undefined, 400, 'invalid_query'],
    [
      'a query string too long',
      'GET',
      `/api/v1/knowledge/search?q=${'字'.repeat(2001)}`,
      undefined,
      400,
      'invalid_query',
    ],
    ['an unknown parameter', 'GET', '/api/v1/knowledge/search?q=x&sort=asc', undefined, 400, 'invalid_query'],
    ['a POST without q', 'POST', '/api/v1/knowledge/search', { k: 3 }, 400, 'invalid_request'],
    ['a POST with a number for q', 'POST', '/api/v1/knowledge/search', { q: 5 }, 400, 'invalid_request'],
    [
      'a POST body too long',
      'POST',
      '/api/v1/knowledge/search',
      { q: '字'.repeat(20_001) },
      400,
      'invalid_request',
    ],
    ['malformed JSON', 'POST', '/api/v1/knowledge/search', '{"q":', 400, 'invalid_json'],
    ['an unknown entry', 'GET', '/api/v1/knowledge/entries/nope', undefined, 404, 'entry_not_found'],
  ])('rejects %s', async (_, method, path, body, status, code) => {
    const res = await c.call(method, path, body)
    expect(res.status).toBe(status)
    expect(res.json.error.code).toBe(code)
  })
})

describe('knowledge entries', () => {
  it('lists every entry with citations, version and verification status', async () => {
    const res = await c.call('GET', '/api/v1/knowledge/entries')
    expect(res.json.count).toBe(3)
    expect(res.json.entries[0]).toMatchObject({
      id: 'pipl-17',
      citations: [{ law: '个人信息保护法', article: '17' }],
      verified: true,
      law: { law: '个人信息保护法', version: '2021', effective: '2021-11-01', status: 'in_force' },
    })
    const filtered = await c.call('GET', '/api/v1/knowledge/entries?law=公司法')
    expect(filtered.json.entries.map((e: any) => e.id)).toEqual(['company-5'])
  })

  it('shows one entry in full, with the rules citing it and its imported official text', async () => {
    const res = await c.call('GET', '/api/v1/knowledge/entries/pipl-52')
    expect(res.json).toMatchObject({ id: 'pipl-52', citedBy: ['data.no_dpo'], officialText: [] })
    const search = createKnowledgeSearch(content.knowledge, [
      { law: '个人信息保护法', article: '52', text: '官方条文文本', version: '2021-08-20' },
    ])
    const { app: withText } = buildTestApp(content)
    void withText
    expect(search.officialText('个人信息保护法', '52')?.text).toBe('官方条文文本')
  })
})

describe('GET /api/v1/rules', () => {
  it('returns the ruleset with versions, conditions and citations', async () => {
    const res = await c.call('GET', '/api/v1/rules')
    expect(res.json).toMatchObject({
      version: 'fixture-r1',
      count: 6,
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
    })
    expect(res.json.rules[0]).toMatchObject({
      id: 'data.no_notice',
      version: 1,
      when: { q: 'data.notice', eq: 'no' },
      cites: ['个人信息保护法:17'],
    })
  })
})
