/**
 * The server side of `npm run bench:chat`: the real app (SQLite in a fresh temporary directory, the
 * bundled content) on one port and a bare Hono JSON echo on another, in the same process, so both are
 * measured on the same runtime. Prints the two ports as JSON when ready.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { composeApp } from '../src/compose.js'
import { createLogger } from '../src/log.js'
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js'

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-bench-'))
const sessionsArg = process.argv.indexOf('--sessions')
const preload = sessionsArg > 0 ? Number(process.argv[sessionsArg + 1]) : 0
if (preload > 0) {
  // Fill the database in a store that is then closed, so the server starts over 'preload' stored sessions
  // as it would after a restart.
  const filler = openSqliteStore(path.join(dataDir, 'bench.sqlite'))
  const at = new Date().toISOString()
  for (let i = 0; i < preload; i++) {
    await filler.createSession(
      {
        id: `stored-${i}`,
        tokenHash: '00'.repeat(32),
        locale: 'zh-CN',
        portal: null,
        status: 'completed',
        answers: { 'profile.staff': { kind: 'value', value: '20_99' } },
        cursor: null,
        rev: 0,
        createdAt: at,
        updatedAt: at,
        lastAnsweredAt: at,
      },
      [{ at, role: 'assistant', kind: 'welcome', text: '您好'.repeat(100) }],
    )
  }
  await filler.close()
}
const store = openSqliteStore(path.join(dataDir, 'bench.sqlite'))
// The start-up cache lives where the server keeps it (./data/cache), as after any first start.
const { app } = await composeApp({
  store,
  logger: createLogger('silent'),
  knowledgeDir: path.resolve(import.meta.dirname, '..', 'knowledge'),
  cacheDir: path.resolve(import.meta.dirname, '..', 'data', 'cache'),
  bodyLimitBytes: 256 * 1024,
})

const echo = new Hono()
echo.post('/echo', async (c) => c.json(await c.req.json()))

const ports: number[] = []
for (const fetch of [app.fetch, echo.fetch]) {
  await new Promise<void>((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      ports.push(info.port)
      resolve()
    })
    void server
  })
}
console.log(JSON.stringify({ app: ports[0], echo: ports[1], dataDir }))
// A line on stdin asks for the resident memory after a full garbage collection.
process.stdin.setEncoding('utf8').on('data', () => {
  globalThis.gc?.()
  console.log(JSON.stringify({ rssMB: Math.round(process.memoryUsage().rss / 1e6) }))
})
