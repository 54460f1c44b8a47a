import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { type Browser, chromium } from 'playwright-core'

/** Debian's chromium, never a downloaded browser. */
export const CHROMIUM = '/usr/bin/chromium'

/**
 * Whether browser tests can run here. CI installs chromium and sets REQUIRE_BROWSER=1, so there a
 * missing browser is a failure, not a skip.
 */
export function browserAvailable(): boolean {
  const available = fs.existsSync(CHROMIUM)
  if (!available && process.env.REQUIRE_BROWSER === '1')
    throw new Error(`${CHROMIUM} is required (REQUIRE_BROWSER=1)`)
  return available
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  })
}

/** Serves an app on a free local port; returns its base URL and a way to stop it. */
export async function serveOnFreePort(fetch: (request: Request) => Response | Promise<Response>) {
  const server = serve({ fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise((resolve) => server.once('listening', resolve))
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() }
}
