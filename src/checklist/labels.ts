import type { Localized } from '../shared/localized.js'
import type { RiskLevel } from '../rules/scoring.js'
import type { Effort, Likelihood, OwnerRole, Severity, Urgency } from '../rules/schema.js'

export const URGENCY_LABELS: Record<Urgency, Localized> = {
  urgent: { 'zh-CN': '重大且紧急', en: 'Major and urgent' },
  attention: { 'zh-CN': '需关注', en: 'Needs attention' },
  improve: { 'zh-CN': '建议优化', en: 'Suggested improvement' },
}
export const URGENCY_ORDER: readonly Urgency[] = ['urgent', 'attention', 'improve']

export const SEVERITY_LABELS: Record<Severity, Localized> = {
  critical: { 'zh-CN': '极高', en: 'Critical' },
  high: { 'zh-CN': '高', en: 'High' },
  medium: { 'zh-CN': '中', en: 'Medium' },
  low: { 'zh-CN': '低', en: 'Low' },
}

export const LIKELIHOOD_LABELS: Record<Likelihood, Localized> = {
  high: { 'zh-CN': '较大', en: 'Likely' },
  medium: { 'zh-CN': '一般', en: 'Possible' },
  low: { 'zh-CN': '较小', en: 'Unlikely' },
}

export const LEVEL_LABELS: Record<RiskLevel, Localized> = {
  high: { 'zh-CN': '高风险', en: 'High risk' },
  medium: { 'zh-CN': '中风险', en: 'Medium risk' },
  low: { 'zh-CN': '低风险', en: 'Low risk' },
}

export const OWNER_LABELS: Record<OwnerRole, Localized> = {
  board: { 'zh-CN': '董事会/股东会', en: 'Board / shareholders' },
  management: { 'zh-CN': '总经理/管理层', en: 'Management' },
  legal: { 'zh-CN': '法务/合规', en: 'Legal / compliance' },
  finance: { 'zh-CN': '财务', en: 'Finance' },
  hr: { 'zh-CN': '人力资源', en: 'HR' },
  it_security: { 'zh-CN': '信息技术/安全', en: 'IT / security' },
  rd: { 'zh-CN': '研发', en: 'R&D' },
  sales: { 'zh-CN': '销售/采购', en: 'Sales / procurement' },
  operations: { 'zh-CN': '生产/安全环保', en: 'Operations / EHS' },
}

export const EFFORT_LABELS: Record<Effort, Localized> = {
  low: { 'zh-CN': '小', en: 'Low' },
  medium: { 'zh-CN': '中', en: 'Medium' },
  high: { 'zh-CN': '大', en: 'High' },
}

export const KIND_LABELS: Record<'risk' | 'verify' | 'good', Localized> = {
  risk: { 'zh-CN': '风险', en: 'Risk' },
  verify: { 'zh-CN': '待核实', en: 'To verify' },
  good: { 'zh-CN': '良好实践', en: 'Good practice' },
}

export const DISCLAIMER: Localized = {
  'zh-CN':
    '本清单由系统根据您的回答按既定规则自动生成，是企业合规自查的辅助材料，不构成法律意见。所列法律依据以评估日期有效的版本为准；具体事项请咨询执业律师。',
  en: 'This checklist was generated automatically from your answers by fixed rules. It is a self-assessment aid, not legal advice. The legal bases cited are the versions in force on the assessment date; consult a practising lawyer on any specific matter.',
}
