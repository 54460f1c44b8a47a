import { serve } from '@hono/node-server'

export interface Listening {
  address: string
  port: number
  close(done: () => void): void
}

/** Serves a fetch handler on the Node HTTP server; calls `ready` once it listens. */
export function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  options: { port: number; hostname: string },
  ready: (info: { address: string; port: number }) => void,
): Listening {
  let bound = { address: options.hostname, port: options.port }
  const server = serve({ fetch, port: options.port, hostname: options.hostname }, (info) => {
    bound = { address: info.address, port: info.port }
    ready(bound)
  })
  return {
    get address() {
      return bound.address
    },
    get port() {
      return bound.port
    },
    close: (done) => {
      server.close(() => done())
      // Idle keep-alive connections would otherwise hold the shutdown for the keep-alive timeout.
      if ('closeIdleConnections' in server) server.closeIdleConnections()
    },
  }
}
