import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import type { z } from 'zod'

/** Raised when content under knowledge/ is malformed or inconsistent. Start-up fails on it. */
export class ContentError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [message],
  ) {
    super(
      problems.length === 1 && problems[0] === message
        ? message
        : `${message}\n  - ${problems.join('\n  - ')}`,
    )
    this.name = 'ContentError'
  }
}

/** Reads a YAML file and parses it with a zod schema; errors name the file and the path inside it. */
export function readYamlFile<T extends z.ZodType>(file: string, schema: T): z.output<T> {
  let raw: unknown
  try {
    raw = parse(fs.readFileSync(file, 'utf8'), { prettyErrors: true })
  } catch (error) {
    throw new ContentError(`${file}: ${(error as Error).message}`)
  }
  const result = schema.safeParse(raw)
  if (!result.success) {
    const problems = result.error.issues.map(
      (i) => `${path.basename(file)} ${i.path.join('.')}: ${i.message}`,
    )
    throw new ContentError(`${file} does not match its schema`, problems)
  }
  return result.data
}

/** The YAML files directly inside a folder, sorted by name; none when the folder does not exist. */
export function yamlFilesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f) && f !== 'index.yaml')
    .sort()
    .map((f) => path.join(dir, f))
}
