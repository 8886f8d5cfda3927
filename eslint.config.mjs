// Lint: the layering the README describes, as import boundaries, plus a few rules that catch
// real mistakes. Formatting belongs to Prettier (eslint-config-prettier turns style rules off).
// TypeScript is parsed by Babel's preset: typescript-eslint does not support TypeScript 7 yet,
// and these rules need syntax only, not types.
import babelParser from '@babel/eslint-parser';
import prettier from 'eslint-config-prettier';

const layers = ['extension', 'webview', 'lab', 'cloud', 'localcloud', 'asl', 'cli', 'shared'];

/** An import of any of these top-level folders of src/ (matched as a whole path segment). */
function forbidLayers(from, names, why) {
  return {
    files: [`src/${from}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'Only src/extension imports vscode.' }],
          patterns: [{ regex: `(^|/)(${names.join('|')})(/|$)`, message: why }],
        },
      ],
    },
  };
}

export default [
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      '.code-server/**',
      'labs/*/.build/**',
      'labs/*/functions/**/node_modules/**',
      'test-results/**',
      'test/fixtures/**/*broken*/**',
      'test/fixtures/invalid-lessons/**',
    ],
  },
  {
    files: ['**/*.ts', '**/*.mts'],
    languageOptions: {
      parser: babelParser,
      parserOptions: {
        requireConfigFile: false,
        sourceType: 'module',
        babelOptions: {
          babelrc: false,
          configFile: false,
          presets: [['@babel/preset-typescript', { allExtensions: true }]],
        },
      },
    },
  },
  {
    files: ['**/*.ts', '**/*.mts', '**/*.mjs', '**/*.js'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: 'Only src/extension (and the in-editor test suite) imports vscode.' }] },
      ],
      'no-debugger': 'error',
      'no-dupe-keys': 'error',
      'no-duplicate-case': 'error',
      'no-self-assign': 'error',
      'no-self-compare': 'error',
      'no-unreachable': 'error',
      'no-unsafe-finally': 'error',
      'no-cond-assign': 'error',
      'no-constant-binary-expression': 'error',
      'no-sparse-arrays': 'error',
      'no-template-curly-in-string': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
    },
  },
  { files: ['src/extension/**/*.ts', 'test/integration/**/*.ts'], rules: { 'no-restricted-imports': 'off' } },
  forbidLayers(
    'localcloud',
    ['cloud', 'lab', 'extension', 'webview', 'cli'],
    'The local cloud stands alone: it imports only asl and shared.',
  ),
  forbidLayers(
    'webview',
    ['cloud', 'lab', 'extension', 'localcloud', 'cli'],
    'Webview code runs in the browser: it imports only shared and asl.',
  ),
  forbidLayers(
    'asl',
    layers.filter((l) => l !== 'asl' && l !== 'shared'),
    'asl is pure: it imports only shared.',
  ),
  forbidLayers(
    'shared',
    layers.filter((l) => l !== 'shared'),
    'shared holds types and protocols; it imports no layer.',
  ),
  forbidLayers(
    'cloud',
    ['extension', 'webview', 'lab', 'cli', 'localcloud'],
    'cloud talks to targets through the AWS SDK; it imports no editor, lesson or emulator code.',
  ),
  forbidLayers(
    'lab',
    ['extension', 'webview', 'cli', 'localcloud'],
    'lab runs on any target through cloud; it imports no editor or emulator code.',
  ),
  forbidLayers('cli', ['extension', 'webview'], 'The CLI never imports editor code.'),
  {
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'Webviews talk to the host through messages.' }],
          patterns: [
            {
              regex: '(^|/)(cloud|lab|extension|localcloud|cli)(/|$)',
              message: 'Webview code imports only shared and asl.',
            },
            { regex: '^node:', message: 'Webview code runs in the browser: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  prettier,
];
