const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const
const DIGIT_VALUES: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}
const UNIT_VALUES: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }

/**
 * Writes 1..9999 the way statute article numbers are written: 十 not 一十 at the start, 零 for a gap
 * (第一百零三条, 第二百五十三条之一).
 */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 10000)
    throw new RangeError(`cannot write ${n} as an article number`)
  const units = ['千', '百', '十', ''] as const
  const digits = String(n).padStart(4, '0').split('').map(Number)
  let out = ''
  let pendingZero = false
  digits.forEach((d, i) => {
    if (d === 0) {
      if (out) pendingZero = true
      return
    }
    if (pendingZero) out += '零'
    pendingZero = false
    out += `${DIGITS[d]}${units[i]}`
  })
  return out.startsWith('一十') ? out.slice(1) : out
}

/** Reads a Chinese numeral (一百零三, 二百五十三, 十五) or Arabic digits; returns NaN when it is neither. */
export function fromChineseNumeral(text: string): number {
  const s = text.trim()
  if (/^\d+$/.test(s)) return Number(s)
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(s)) return Number.NaN
  let total = 0
  let current = 0
  for (const ch of s) {
    const digit = DIGIT_VALUES[ch]
    if (digit !== undefined) {
      current = digit
      continue
    }
    const unit = UNIT_VALUES[ch] as number
    total += (current || (unit === 10 ? 1 : 0)) * unit
    current = 0
  }
  return total + current
}
