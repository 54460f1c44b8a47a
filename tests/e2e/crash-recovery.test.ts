import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

const ROOT = path.join(import.meta.dirname, '..', '..')

/** A port nobody is listening on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/** Starts the real server as `npm start` does, on a temporary data directory, and waits until it answers. */
async function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  })
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  child.kill('SIGKILL')
  throw new Error('the server did not start')
}

let child: ChildProcess | undefined
afterEach(() => {
  child?.kill('SIGKILL')
})

describe('a server killed with SIGKILL in the middle of a session', () => {
  it('loses no answer that had been acknowledged', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-crash-'))
    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    child = await startServer(dataDir, port)
    const started = (await (await fetch(`${base}/api/v1/sessions`, { method: 'POST' })).json()) as any
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${started.token}` }
    const acknowledged: string[] = []
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${base}/api/v1/sessions/${started.id}/messages`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ text: '1' }),
      })
      expect(res.status).toBe(200)
      const turn = (await res.json()) as any
      acknowledged.push(turn.messages[0].text)
    }
    const before = (await (await fetch(`${base}/api/v1/sessions/${started.id}`, { headers })).json()) as any
    // Kill it without warning while another turn is in flight.
    const inFlight = fetch(`${base}/api/v1/sessions/${started.id}/messages`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ text: '1' }),
    }).catch(() => null)
    child.kill('SIGKILL')
    await inFlight
    await new Promise((r) => child?.once('exit', r))

    child = await startServer(dataDir, port)
    const after = (await (await fetch(`${base}/api/v1/sessions/${started.id}`, { headers })).json()) as any
    // Every acknowledged answer is there; at most the in-flight one was added.
    expect(after.progress.answered).toBeGreaterThanOrEqual(before.progress.answered)
    expect(after.progress.answered).toBeLessThanOrEqual(before.progress.answered + 1)
    const userTexts = after.messages
      .filter((m: { role: string }) => m.role === 'user')
      .map((m: { text: string }) => m.text)
    expect(userTexts.slice(0, acknowledged.length)).toEqual(acknowledged)
    // And the session goes on.
    const next = await fetch(`${base}/api/v1/sessions/${started.id}/messages`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ text: '1' }),
    })
    expect(next.status).toBe(200)
  }, 120_000)
})
