/**
 * Tokenisation for mixed Chinese and English legal text.
 *
 * Chinese has no spaces, so a whitespace tokenizer (LangChain's stock BM25Retriever) sees a whole
 * question as one "word". We combine two views of each run of Chinese characters:
 *   - words from `Intl.Segmenter` (ICU's dictionary segmentation: 客户|数据|出境), and
 *   - overlapping character bigrams (客户 户数 数据 据出 出境), which survive segmentation errors and
 *     match legal compounds the dictionary does not know (服务器 → 服务 务器).
 * Bigrams that contain a function character (的, 了, 吗 …) carry no meaning and are dropped.
 * English is lower-cased, stop words are removed, a light suffix stripper folds plurals, and adjacent
 * words also form a pair token, so phrases outrank scattered matches.
 */

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/
const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g
const LATIN_WORD = /[a-z0-9]+(?:[-'+][a-z0-9]+)*/g

/** Characters that glue sentences together; a bigram containing one is noise. */
const FUNCTION_CHARS = new Set('的了吗呢吧啊么着过地得们很也都就还又把被这那哪啥谁我你他她它'.split(''))

/** Words too common in questions to say anything about the law. */
const CHINESE_STOP_WORDS = new Set([
  '我们', '你们', '他们', '公司', '企业', '什么', '怎么', '怎样', '如何', '是否', '可以', '能否', '能不能',
  '会不会', '要不要', '有没有', '需要', '应该', '一个', '这个', '那个', '这种', '哪些', '情况', '问题', '时候',
  '现在', '已经', '还是', '或者', '以及', '如果', '因为', '所以', '但是', '而且', '这样', '那么', '没有', '不是',
])

const ENGLISH_STOP_WORDS = new Set(
  'a an the and or of to in on at for by with from as is are was were be been being do does did done have has had we our us you your they their it its this that these those what which who whom how when where why can could should would may might must shall will not no if then than so such any all some each other into about under over after before between during per via i me my he she his her them there here also just only very more most'.split(
    ' ',
  ),
)

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })

/** Folds English inflections crudely but consistently on both sides: transfers → transfer. */
export function stemEnglish(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3)
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2)
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1)
  return word
}

/** The tokens of a text, in order, with repeats (term frequency matters). */
export function tokenize(text: string): string[] {
  const normalized = text.normalize('NFKC').toLowerCase()
  const tokens: string[] = []
  for (const match of normalized.matchAll(CJK_RUN)) {
    const run = match[0]
    for (const { segment, isWordLike } of segmenter.segment(run)) {
      if (isWordLike && segment.length >= 2 && !CHINESE_STOP_WORDS.has(segment)) tokens.push(segment)
    }
    for (let i = 0; i + 1 < run.length; i++) {
      const a = run[i] as string
      const b = run[i + 1] as string
      if (!FUNCTION_CHARS.has(a) && !FUNCTION_CHARS.has(b)) {
        const bigram = a + b
        if (!CHINESE_STOP_WORDS.has(bigram)) tokens.push(bigram)
      }
    }
  }
  // English: words, and pairs of adjacent words ("personal information" is not "personal bank").
  for (const segment of normalized.split(CJK_RUN)) {
    let previous: string | null = null
    for (const match of segment.matchAll(LATIN_WORD)) {
      // Hyphenated words count as their parts (data-security = data security); n+1 stays whole.
      for (const part of match[0].replace(/'s$/, '').split('-')) {
        if (part.length < 2 || ENGLISH_STOP_WORDS.has(part)) {
          previous = null
          continue
        }
        const word = stemEnglish(part)
        tokens.push(word)
        if (previous) tokens.push(`${previous}_${word}`)
        previous = word
      }
    }
  }
  return tokens
}

export function containsChinese(text: string): boolean {
  return CJK.test(text)
}
