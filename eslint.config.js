// Lint rules that keep the shape of the project (see README "Project map"):
// - src/ is the core: it never imports a platform SDK or an adapter.
// - adapters/ reach the core only through src/index.ts, never its internals.
// - no production file (src/, adapters/) imports from tests/.
// (tests/architecture.test.ts checks the rest: no platform variable name in src/, one folder per platform.)
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const platformSdks = ['discord.js', '@discordjs/*', '@slack/*'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      // import('discord.js') would slip past no-restricted-imports; src/runtime/discover-platforms.ts
      // loads adapters by computed path at run time, which is how the core stays free of them.
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportExpression[source.value=/^(discord\\.js|@discordjs\\/|@slack\\/)/]",
          message: 'src/ is the platform-free core: platform SDKs belong in adapters/.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: platformSdks, message: 'src/ is the platform-free core: platform SDKs belong in adapters/.' },
            { group: ['**/adapters/**', '../adapters/*'], message: 'The core never imports an adapter.' },
            { group: ['**/tests/**'], message: 'Production code never imports from tests/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['adapters/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\./)?(\\.\\./)+src/(?!index\\.ts$).+',
              message: 'Adapters use the core only through src/index.ts.',
            },
            { regex: '(^|/)tests/', message: 'Production code never imports from tests/.' },
          ],
        },
      ],
    },
  },
);
