import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildChecklist } from '../../src/checklist/build.js'
import { loadContentWithCache } from '../../src/content/startup-cache.js'
import { FIXTURE_KNOWLEDGE_DIR } from '../fixtures/content.js'

const answers = {
  'profile.handles_pi': { kind: 'value', value: true },
  'profile.staff': { kind: 'value', value: 150 },
  'data.notice': { kind: 'value', value: 'no' },
  'data.dpo': { kind: 'value', value: false },
} as const

function copyFixture(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-cache-'))
  fs.cpSync(FIXTURE_KNOWLEDGE_DIR, path.join(dir, 'knowledge'), { recursive: true })
  return dir
}

describe('the start-up cache', () => {
  it('restores exactly what a fresh load builds', () => {
    const dir = copyFixture()
    const cacheDir = path.join(dir, 'cache')
    const fresh = loadContentWithCache(path.join(dir, 'knowledge'), cacheDir, [])
    const cached = loadContentWithCache(path.join(dir, 'knowledge'), cacheDir, [])
    expect([fresh.fromCache, cached.fromCache]).toEqual([false, true])
    const checklist = (c: typeof fresh) =>
      buildChecklist(c.content, { answers, asOf: '2026-11-27', locale: 'zh-CN' })
    expect(JSON.stringify(checklist(cached))).toBe(JSON.stringify(checklist(fresh)))
    for (const q of ['隐私政策', '个人信息保护负责人', 'articles of association', '公司法第五条']) {
      expect(cached.search.search(q, 5)).toEqual(fresh.search.search(q, 5))
    }
  })

  it('rebuilds when any content file changes, and when the cache is corrupt', () => {
    const dir = copyFixture()
    const cacheDir = path.join(dir, 'cache')
    loadContentWithCache(path.join(dir, 'knowledge'), cacheDir, [])
    const rules = path.join(dir, 'knowledge', 'rules', 'rules.yaml')
    fs.writeFileSync(rules, fs.readFileSync(rules, 'utf8').replace('severity: high', 'severity: critical'))
    const changed = loadContentWithCache(path.join(dir, 'knowledge'), cacheDir, [])
    expect(changed.fromCache).toBe(false)
    expect(changed.content.ruleset.byId.get('data.no_notice')?.severity).toBe('critical')
    expect(fs.readdirSync(cacheDir).filter((f) => f.startsWith('startup-'))).toHaveLength(1)
    const [file] = fs.readdirSync(cacheDir)
    fs.writeFileSync(path.join(cacheDir, file!), 'not a cache')
    expect(loadContentWithCache(path.join(dir, 'knowledge'), cacheDir, []).fromCache).toBe(false)
  })

  it('still validates on a miss: broken content fails start-up even with a cache directory', () => {
    const dir = copyFixture()
    const rules = path.join(dir, 'knowledge', 'rules', 'rules.yaml')
    fs.writeFileSync(
      rules,
      fs.readFileSync(rules, 'utf8').replace('个人信息保护法:17]', '个人信息保护法:99]'),
    )
    expect(() => loadContentWithCache(path.join(dir, 'knowledge'), path.join(dir, 'cache'), [])).toThrow(
      'resolves to no knowledge entry',
    )
  })
})
