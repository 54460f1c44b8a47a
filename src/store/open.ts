import path from 'node:path'
import type { Store } from './port.js'
import { openSqliteStore } from './sqlite/sqlite-store.js'

/** Opens the store the configuration names. Unset DATABASE_URL: SQLite under DATA_DIR. */
export function openStore(config: {
  DATA_DIR: string
  DATABASE_URL?: string | undefined
  SQLITE_SYNCHRONOUS?: 'NORMAL' | 'FULL'
}): Store {
  if (!config.DATABASE_URL) {
    return openSqliteStore(path.join(config.DATA_DIR, 'legal-checkup.sqlite'), {
      synchronous: config.SQLITE_SYNCHRONOUS ?? 'NORMAL',
    })
  }
  throw new Error(
    `DATABASE_URL (${config.DATABASE_URL.split(':')[0]}): only the embedded SQLite store is available in this version; unset DATABASE_URL`,
  )
}
