import { describe, expect, it } from 'vitest'
import { loadKnowledgeBase } from '../../src/knowledge/load.js'
import { KnowledgeRetriever } from '../../src/knowledge/retriever.js'
import { citedArticles, createKnowledgeSearch } from '../../src/knowledge/search.js'
import {
  SupersededTextError,
  compareImport,
  prepareStatuteImport,
  statuteVersion,
} from '../../src/knowledge/statute-import.js'
import { tokenize } from '../../src/knowledge/tokenize.js'
import { REAL_KNOWLEDGE_DIR } from '../fixtures/content.js'

const kb = loadKnowledgeBase(REAL_KNOWLEDGE_DIR)
const search = createKnowledgeSearch(kb)
const top = (q: string, k = 5) =>
  search
    .search(q, k)
    .map((h) => h.entry.citations.map((c) => `${c.law}:${c.article}`))
    .flat()

describe('tokenisation', () => {
  it('segments Chinese into words and bigrams, without function-word bigrams', () => {
    const tokens = tokenize('客户数据放在新加坡的服务器上')
    expect(tokens).toEqual(expect.arrayContaining(['客户', '数据', '新加坡', '服务', '务器']))
    expect(tokens).not.toContain('坡的')
  })
  it('lower-cases, drops stop words and folds plurals in English', () => {
    expect(tokenize('The Transfers of Personal Data')).toEqual([
      'transfer',
      'personal',
      'data',
      'personal_data',
    ])
  })
  it('keeps n+1 and splits hyphenated words', () => {
    expect(tokenize('N+1 data-security')).toEqual(['n+1', 'data', 'n+1_data', 'security', 'data_security'])
  })
  it('pairs adjacent English words, so a phrase outranks scattered words', () => {
    expect(tokenize('personal bank account')).toContain('bank_account')
    expect(tokenize('personal bank account')).not.toContain('personal_account')
  })
})

describe('knowledge search over the bundled knowledge base', () => {
  it.each<[string, string, string | string[]]>([
    ['a colloquial question', '员工入职两个月了还没签劳动合同，要赔钱吗？', '劳动合同法:82'],
    ['conduct instead of legal terms', '销售给客户采购经理送了几万块购物卡拿单', '刑法:164'],
    ['an offshore server', '我们把客户数据放在新加坡的服务器上，算数据出境吗？', '个人信息保护法:38'],
    [
      'an English question',
      'Do we need separate consent to process sensitive personal information?',
      '个人信息保护法:29',
    ],
    [
      'a departing engineer',
      '技术总监离职时拷走了全套图纸去了竞争对手',
      ['商业秘密民事规定:1', '反不正当竞争法:10', '刑法:219'],
    ],
  ])('finds the article for %s', (_, q, expected) => {
    const found = top(q)
    expect(
      [expected].flat().some((c) => found.includes(c)),
      `${q} -> ${found.join(' ')}`,
    ).toBe(true)
  })

  it('finds the conduct in a long narrative of facts', () => {
    const narrative =
      '2023年3月起，某精密铸造公司销售经理张某为维持与某国有集团下属采购中心的合作关系，经公司总经理同意，' +
      '以"技术咨询费"名义通过一家咨询公司向该采购中心主任李某的亲属账户累计转账人民币48万元。' +
      '咨询公司开具了增值税普通发票，但并未提供任何咨询服务。公司账面将该笔支出列为管理费用。' +
      '此后李某在数次招标评审中为公司提供便利，公司中标金额合计约2300万元。'.repeat(2)
    const hits = top(narrative, 5)
    expect(hits.some((c) => ['刑法:393', '刑法:389', '刑法:390', '刑法:391'].includes(c))).toBe(true)
  })

  it('puts an article named in the query first', () => {
    expect(top('公司法第二十二条', 1)).toEqual(['公司法:22'])
    expect(top('《刑法》第二百五十三条之一', 1)).toEqual(['刑法:253-1'])
    expect(top('个人信息保护法:52', 1)).toEqual(['个人信息保护法:52'])
    expect(citedArticles('依据《中华人民共和国公司法》第15条和刑法253条之一', ['公司法', '刑法'])).toEqual([
      '公司法:15',
      '刑法:253-1',
    ])
  })

  it('returns nothing rather than noise for a query with no legal content', () => {
    expect(search.search('的了吗', 5)).toEqual([])
  })

  it('returns hits with a snippet from the summary, in the query language', () => {
    const [hit] = search.search('竞业限制补偿金', 1)
    expect(hit?.snippet.length).toBeGreaterThan(5)
    const [en] = search.search('non-compete compensation', 1)
    expect(en?.snippet).toMatch(/[a-z]/i)
  })
})

describe('imported official text', () => {
  const laws = kb.laws
  const text = (title: string, header: string, body: string) =>
    `# ${title}\n\n${header}\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n${body}`

  it('reads the version from the latest adoption or amendment date, not the date it takes effect', () => {
    expect(
      statuteVersion('2016年11月7日 通过\n根据2025年10月28日 决定修正\n（修正决定自2026年1月1日起施行。）'),
    ).toBe('2025-10-28')
    expect(statuteVersion('2022年1月29日 通过\n2022年3月20日 施行')).toBe('2022-01-29')
    expect(statuteVersion('')).toBe('unknown')
  })

  it('refuses a superseded version of a law the knowledge base cites', () => {
    const old = text(
      '中华人民共和国网络安全法',
      '2016年11月7日 第十二届全国人民代表大会常务委员会第二十四次会议通过',
      '第二十一条 国家实行网络安全等级保护制度。',
    )
    expect(() => prepareStatuteImport(old, '网络安全法(2016).md', laws, 'now')).toThrow(SupersededTextError)
  })

  it('attaches the cited version to its entry and indexes it there', () => {
    const current = text(
      '中华人民共和国个人信息保护法',
      '2021年8月20日 第十三届全国人民代表大会常务委员会第三十次会议通过',
      '第五十二条 处理个人信息达到规定数量的处理者应当指定负责人。\n\n第九十九条 这是一条只在导入文本里出现的测试条文，涉及火星殖民地登记。',
    )
    const prepared = prepareStatuteImport(current, 'x.md', laws, 'now')
    expect(prepared.verdict).toBe('current')
    expect(prepared.record).toMatchObject({
      law: '个人信息保护法',
      version: '2021-08-20',
      articles: [{ article: '52' }, { article: '99' }],
    })
    const imported = prepared.record.articles.map((a) => ({
      ...a,
      law: '个人信息保护法',
      version: '2021-08-20',
    }))
    const withText = createKnowledgeSearch(kb, imported)
    expect(withText.officialText('个人信息保护法', '52')?.text).toContain('指定负责人')
    expect(withText.size).toBe(search.size + 1) // article 99 has no entry: it becomes a statute document
    const [hit] = withText.search('火星殖民地登记', 1)
    expect(hit?.entry).toMatchObject({
      kind: 'statute',
      citations: [{ law: '个人信息保护法', article: '99' }],
      verified: false,
    })
  })

  it('replaces an older stored import with a newer one, and not the other way round', () => {
    const record = (version: string) => ({ law: 'x', version, title: 't', importedAt: 'n', articles: [] })
    expect(compareImport(undefined, record('2020-01-01'))).toBe('new')
    expect(compareImport(record('2020-01-01'), record('2024-01-01'))).toBe('newer')
    expect(compareImport(record('2024-01-01'), record('2020-01-01'))).toBe('older')
    expect(compareImport(record('2024-01-01'), record('2024-01-01'))).toBe('same')
  })
})

describe('the LangChain retriever', () => {
  it('returns documents carrying the citations of what was retrieved', async () => {
    const retriever = new KnowledgeRetriever({ search, k: 3 })
    const docs = await retriever.invoke('数据出境安全评估')
    expect(docs).toHaveLength(3)
    expect(docs[0]?.metadata.citations[0]).toMatchObject({
      law: expect.any(String),
      article: expect.any(String),
      label: expect.stringMatching(/^《/),
    })
    expect(docs[0]?.pageContent).toContain('《')
  })
})
