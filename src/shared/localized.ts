import { z } from 'zod'

/** The locales the product speaks. Chinese first; English second. */
export const Locale = z.enum(['zh-CN', 'en'])
export type Locale = z.infer<typeof Locale>
export const DEFAULT_LOCALE: Locale = 'zh-CN'

/** A text in both locales. Content must carry both; a missing translation fails loading. */
export const Localized = z
  .object({
    'zh-CN': z.string().trim().min(1),
    en: z.string().trim().min(1),
  })
  .strict()
export type Localized = z.infer<typeof Localized>

/** Picks the text for a locale. Both locales are required by the schema, so this never falls back. */
export function pick(text: Localized, locale: Locale): string {
  return text[locale]
}
