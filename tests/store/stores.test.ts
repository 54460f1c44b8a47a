import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createMemoryStore } from '../../src/store/memory-store.js'
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js'
import { storeContract } from './contract.js'

const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lc-store-')), 'db', 'test.sqlite')

let file = ''
storeContract(
  'SQLite',
  () => openSqliteStore((file = tempFile())),
  async (previous) => {
    await previous.close()
    return openSqliteStore(file)
  },
)
storeContract('in-memory fake', createMemoryStore)

describe('SQLite specifics', () => {
  it('creates the folder and the file on first open, in WAL mode', async () => {
    const f = tempFile()
    const store = openSqliteStore(f)
    expect(fs.existsSync(f)).toBe(true)
    await store.close()
    expect(fs.readFileSync(f).subarray(18, 20)).toEqual(Buffer.from([2, 2])) // WAL read/write versions
  })
})
