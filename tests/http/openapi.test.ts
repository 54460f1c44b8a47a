import { describe, expect, it } from 'vitest'
import { fixtureContent } from '../fixtures/content.js'
import { buildTestApp, client } from '../support/app.js'

const { app } = buildTestApp(fixtureContent())

describe('the OpenAPI description', () => {
  it('is served and lists every API route the app serves, and nothing more', async () => {
    const doc = (await client(app).call('GET', '/api/v1/openapi.json')).json
    expect(doc.openapi).toBe('3.1.0')
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    )
    const served = new Set(
      app.routes
        .filter(
          (r) =>
            (r.path.startsWith('/api/') || r.path === '/healthz') &&
            r.method !== 'ALL' &&
            !r.path.includes('*'),
        )
        .map((r) => `${r.method} ${r.path}`),
    )
    expect([...served].sort()).toEqual([...documented].sort())
  })

  it('documents every error code the product uses', async () => {
    const { ERROR_CODES } = await import('../../src/shared/errors.js')
    const doc = (await client(app).call('GET', '/api/v1/openapi.json')).json
    expect(doc.components.schemas.Error.properties.error.properties.code.enum.sort()).toEqual(
      [...ERROR_CODES].sort(),
    )
  })
})
