/**
 * npm run bench:chat [-- --seconds 10 --concurrency 50]
 *
 * Drives a chat turn (validate, load the session, apply the answer, persist the turn in SQLite) and a bare
 * Hono JSON echo on the same machine with the same number of concurrent clients, and prints requests/s,
 * p50 and p99 for both, with the ratio. Then fills the store with 10,000 sessions and prints the server's
 * resident memory. The server runs in a child process (scripts/bench-server.ts); this process only loads it.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import readline from 'node:readline'

const args = process.argv.slice(2)
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(name)
  return i >= 0 ? Number(args[i + 1]) : fallback
}
const seconds = arg('--seconds', 10)
const concurrency = arg('--concurrency', 50)
const root = path.resolve(import.meta.dirname, '..')

function startServer(sessions: number) {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'scripts/bench-server.ts', '--sessions', String(sessions)],
    {
      cwd: root,
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  )
  const lines = readline.createInterface({ input: child.stdout! })
  const next = () => new Promise<any>((resolve) => lines.once('line', (line) => resolve(JSON.parse(line))))
  return { child, next, rss: async () => (child.stdin!.write('rss\n'), (await next()).rssMB as number) }
}
const server = startServer(0)
const ready = await server.next()
const appUrl = `http://127.0.0.1:${ready.app}`
const echoUrl = `http://127.0.0.1:${ready.echo}`
const json = { 'content-type': 'application/json' }

async function load(
  name: string,
  turn: (client: { state: any }) => Promise<void>,
  setup: (client: { state: any }) => Promise<void>,
) {
  const latencies: number[] = []
  const until = performance.now() + seconds * 1000
  let errors = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const client = { state: null as any }
      await setup(client)
      while (performance.now() < until) {
        const t = performance.now()
        try {
          await turn(client)
          latencies.push(performance.now() - t)
        } catch {
          errors++
        }
      }
    }),
  )
  latencies.sort((a, b) => a - b)
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? NaN
  const result = { name, rps: latencies.length / seconds, p50: p(0.5), p99: p(0.99), errors }
  console.log(
    `${name.padEnd(30)} ${result.rps.toFixed(0).padStart(7)} req/s   p50 ${result.p50.toFixed(1).padStart(6)} ms   p99 ${result.p99.toFixed(1).padStart(6)} ms   errors ${errors}`,
  )
  return result
}

async function startSession(client: { state: any }) {
  const res = await fetch(`${appUrl}/api/v1/sessions`, { method: 'POST' })
  const body = (await res.json()) as any
  client.state = {
    id: body.id,
    headers: { ...json, authorization: `Bearer ${body.token}` },
    question: body.question,
  }
}

/** One chat turn: the current question's first option (or a number / a word), as the chat page would send it. */
async function chatTurn(client: { state: any }) {
  const q = client.state.question
  if (!q) return startSession(client)
  const text = q.type === 'number' ? '50' : q.type === 'text' ? '无' : '1'
  const res = await fetch(`${appUrl}/api/v1/sessions/${client.state.id}/messages`, {
    method: 'POST',
    headers: client.state.headers,
    body: JSON.stringify({ text }),
  })
  if (!res.ok) throw new Error(String(res.status))
  client.state.question = ((await res.json()) as any).question
}

async function echoTurn() {
  const res = await fetch(`${echoUrl}/echo`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ text: '1' }),
  })
  if (!res.ok) throw new Error(String(res.status))
  await res.json()
}

console.log(`${concurrency} concurrent clients, ${seconds} s each`)
const echo = await load('bare Hono JSON echo', echoTurn, async () => {})
const turn = await load('chat turn (answer, persisted)', chatTurn, startSession)
console.log(`chat turn / echo throughput: ${((turn.rps / echo.rps) * 100).toFixed(0)}%`)

server.child.kill()

// Memory: a server over an empty database and one over 10,000 stored sessions, each after 500 turns.
for (const stored of [0, 10_000]) {
  const s = startServer(stored)
  const { app } = await s.next()
  const url = `http://127.0.0.1:${app}`
  let turns = 0
  const client = { state: null as any }
  const run = async () => {
    const res = await fetch(`${url}/api/v1/sessions`, { method: 'POST' })
    const body = (await res.json()) as any
    let q = body.question
    while (q && turns < 500) {
      const r = (await (
        await fetch(`${url}/api/v1/sessions/${body.id}/messages`, {
          method: 'POST',
          headers: { ...json, authorization: `Bearer ${body.token}` },
          body: JSON.stringify({ text: q.type === 'number' ? '50' : q.type === 'text' ? '无' : '1' }),
        })
      ).json()) as any
      q = r.question
      turns++
    }
  }
  while (turns < 500) await run()
  void client
  console.log(
    `server RSS after 500 turns, ${String(stored).padStart(5)} stored sessions: ${await s.rss()} MB`,
  )
  s.child.kill()
}
