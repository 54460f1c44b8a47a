import { z } from 'zod'
import type { Localized } from './localized.js'

/**
 * The domains a checklist is grouped by. `profile` only holds questions (the firm profile the rest
 * branches on); it produces no findings.
 */
export const Domain = z.enum(['governance', 'ip', 'data', 'criminal', 'labour', 'tax'])
export type Domain = z.infer<typeof Domain>

export const DOMAIN_ORDER: readonly Domain[] = Domain.options

export const DOMAIN_LABELS: Record<Domain, Localized> = {
  governance: { 'zh-CN': '公司治理', en: 'Corporate governance' },
  ip: { 'zh-CN': '知识产权', en: 'Intellectual property' },
  data: { 'zh-CN': '数据安全与个人信息保护', en: 'Data security and personal information' },
  criminal: { 'zh-CN': '企业刑事风险', en: 'Criminal risk of the enterprise' },
  labour: { 'zh-CN': '劳动用工', en: 'Labour and employment' },
  tax: { 'zh-CN': '财税', en: 'Tax and accounting' },
}
