// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/** The core never reaches outwards: no web framework, no database driver, no environment. */
const CORE = [
  'src/conditions/**',
  'src/questionnaire/**',
  'src/rules/**',
  'src/knowledge/**',
  'src/checklist/**',
  'src/chat/**',
  'src/content/**',
  'src/shared/**',
]
const noHono = {
  group: ['hono', 'hono/*', '@hono/*'],
  message: 'Only src/http (and the composition root) may import Hono.',
}
const noDrivers = {
  group: ['better-sqlite3', 'pg', 'pg-*', 'ioredis', 'redis'],
  message: 'Only src/store may import a database driver.',
}
const noAdapters = {
  group: ['**/store/sqlite/*', '**/store/open*', '**/http/*', '**/server*', '**/config*'],
  message: 'The core depends on ports (src/store/port.ts), never on adapters, HTTP or configuration.',
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'coverage/**', '.tmp/**', 'scripts/_*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Only src/config.ts reads process.env.',
        },
      ],
      'no-restricted-imports': ['error', { patterns: [noHono, noDrivers] }],
    },
  },
  { files: ['src/config.ts'], rules: { 'no-restricted-syntax': 'off' } },
  {
    files: ['src/http/**/*.ts', 'src/server.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noDrivers] }] },
  },
  { files: ['src/store/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [noHono] }] } },
  {
    files: CORE,
    rules: { 'no-restricted-imports': ['error', { patterns: [noHono, noDrivers, noAdapters] }] },
  },
  {
    // Browser code: plain scripts for the page, no server modules.
    files: ['src/web/**/*.js'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        localStorage: 'readonly',
        fetch: 'readonly',
        Blob: 'readonly',
        URL: 'readonly',
        console: 'readonly',
      },
    },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['*'], message: 'The chat page imports nothing.' }] },
      ],
    },
  },
)
