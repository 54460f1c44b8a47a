import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Content loading and the SQLite files make some suites take a second or two on a busy machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
