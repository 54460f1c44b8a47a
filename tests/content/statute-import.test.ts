import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadKnowledgeBase } from '../../src/knowledge/load.js'
import { createKnowledgeSearch, importedArticles } from '../../src/knowledge/search.js'
import { SupersededTextError, prepareStatuteImport } from '../../src/knowledge/statute-import.js'
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js'
import { REAL_KNOWLEDGE_DIR, SHARED_LAWS_DIR } from '../fixtures/content.js'

const ROOT = path.join(import.meta.dirname, '..', '..')
const haveLaws = fs.existsSync(SHARED_LAWS_DIR)
const kb = loadKnowledgeBase(REAL_KNOWLEDGE_DIR)

describe.skipIf(!haveLaws)('importing the official texts of ../shared/laws', () => {
  const read = (f: string) => fs.readFileSync(path.join(SHARED_LAWS_DIR, f), 'utf8')

  it('parses every held text into the number of articles its README states, with 之一 articles', () => {
    const counts: Record<string, number> = {
      '公司法.md': 266,
      '刑法.md': 505,
      '民法典.md': 1260,
      '网络安全法.md': 81,
      '数据安全法.md': 55,
    }
    for (const [file, n] of Object.entries(counts)) {
      const { record } = prepareStatuteImport(read(file), file, kb.laws, 'now')
      expect(record.articles, file).toHaveLength(n)
    }
    const criminal = prepareStatuteImport(read('刑法.md'), '刑法.md', kb.laws, 'now').record
    expect(criminal.articles.find((a) => a.article === '253-1')?.text).toContain('公民个人信息')
  })

  it('refuses the superseded 2016 网络安全法 and the 2019 反不正当竞争法', () => {
    expect(() =>
      prepareStatuteImport(read('网络安全法(2016).md'), '网络安全法(2016).md', kb.laws, 'now'),
    ).toThrow(SupersededTextError)
    expect(() =>
      prepareStatuteImport(read('反不正当竞争法.md'), '反不正当竞争法.md', kb.laws, 'now'),
    ).toThrow(SupersededTextError)
  })

  it('stores the text in the data directory, shows it with the entry, and makes articles without entries searchable', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-import-'))
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/kb-import.ts', path.join(SHARED_LAWS_DIR, '数据安全法.md')],
      {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: dataDir },
        encoding: 'utf8',
      },
    )
    expect(output).toMatch(/new\s+数据安全法 2021-06-10: 55 articles/)
    const store = openSqliteStore(path.join(dataDir, 'legal-checkup.sqlite'))
    const statutes = await store.listStatutes()
    await store.close()
    expect(statutes.map((s) => [s.law, s.version, s.articles.length])).toEqual([
      ['数据安全法', '2021-06-10', 55],
    ])
    const search = createKnowledgeSearch(kb, importedArticles(statutes))
    expect(search.officialText('数据安全法', '21')?.text).toContain('分类分级')
    // Article 1 (the law's purpose) has no entry of its own: it is found as official text.
    const [hit] = search.search('数据安全法第一条', 1)
    expect(hit?.entry).toMatchObject({ kind: 'statute', citations: [{ law: '数据安全法', article: '1' }] })
  })

  it('replaces an older import with a newer version, records the version, and keeps the newer one', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-import-'))
    const amended = path.join(dataDir, '数据安全法.md')
    fs.writeFileSync(
      amended,
      read('数据安全法.md').replace(
        '<!-- INFO END -->',
        '2027年1月1日 第十五届全国人民代表大会常务委员会某次会议修正\n\n<!-- INFO END -->',
      ),
    )
    const run = (file: string) =>
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/kb-import.ts', file], {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: dataDir },
        encoding: 'utf8',
      })
    expect(run(path.join(SHARED_LAWS_DIR, '数据安全法.md'))).toMatch(/new\s+数据安全法 2021-06-10/)
    expect(run(amended)).toMatch(
      /newer\s+数据安全法 2027-01-01: 55 articles \(newer than the 2021 version the knowledge base cites/,
    )
    expect(run(path.join(SHARED_LAWS_DIR, '数据安全法.md'))).toMatch(
      /skip\s+数据安全法 2021-06-10: older than the stored 2027-01-01/,
    )
    const store = openSqliteStore(path.join(dataDir, 'legal-checkup.sqlite'))
    const [stored] = await store.listStatutes()
    await store.close()
    expect(stored?.version).toBe('2027-01-01')
    // A text newer than the version cited is searchable on its own but never shown under an entry.
    const search = createKnowledgeSearch(kb, importedArticles([stored!]))
    expect(search.officialText('数据安全法', '21')).toBeUndefined()
  })
})
