// Lint rules that hold the house together: type-aware TypeScript, and the import boundaries of
// STYLE.md made mechanical (who may import whom), plus a ban on hidden nondeterminism in game/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nondeterminism = [
  { object: 'Math', property: 'random', message: 'game/ is deterministic: use the seeded RNG in game/rng.ts.' },
  { object: 'Date', property: 'now', message: 'game/ has no clock: time is the turn counter.' },
  { object: 'performance', property: 'now', message: 'game/ has no clock.' },
  // Engines may round these differently; replays must match across browsers: use game/det-math.ts.
  ...[
    'exp',
    'log',
    'pow',
    'sin',
    'cos',
    'tan',
    'atan',
    'atan2',
    'log10',
    'log2',
    'log1p',
    'expm1',
    'cbrt',
    'hypot',
    'sinh',
    'cosh',
    'tanh',
  ].map((property) => ({ object: 'Math', property, message: `Math.${property} may differ between engines: use game/det-math.ts.` })),
];

const noElectronInRenderer = { name: 'electron', message: 'The renderer has no Electron: go through renderer/platform.' };
const rendererPatterns = [
  { group: ['node:*'], message: 'The renderer has no Node: go through renderer/platform.' },
  { group: ['**/main/**', '../main/*', '../../main/*'], message: 'The renderer must not import the main process.' },
  { group: ['**/cli/**', '../../cli/*'], message: 'The renderer must not import the command line.' },
  { group: ['**/game/phases/*', '**/game/phases/**'], message: 'Use the game public API (game/index.ts), not engine internals.' },
];
/** UI libraries, Electron and Node: what pure shared code (game/, report/, i18n/) must not import. */
const UI_AND_ELECTRON = ['react', 'react-*', 'react/*', 'phaser', 'phaser/*', 'electron', 'electron/*'];
const NODE_APIS = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process'];
/** Shared code without a platform: no UI, no Electron, no Node. */
const platformFree = (dir) => [
  { group: UI_AND_ELECTRON, message: `${dir}/ is DOM-free and platform-free.` },
  { group: NODE_APIS, message: `${dir}/ runs in the browser too: no Node APIs.` },
];
/** What the board may not take from the engine's public API: anything that resolves or replays turns. */
const BOARD_FORBIDDEN_ENGINE = [
  'resolveTurn',
  'resolveTurnInPlace',
  'validateTurnInput',
  'PHASES',
  'replay',
  'createGame',
  'bot',
  'appendTurn',
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.reports/**',
      'runs/**',
      'scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.es2022 },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { ...globals.node } },
  },
  {
    files: ['game/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: UI_AND_ELECTRON, message: 'game/ is pure: no UI or Electron.' },
            { group: NODE_APIS, message: 'game/ is pure: no Node APIs.' },
            {
              group: ['**/renderer/**', '**/main/**', '**/cli/**', '**/report/**', '**/i18n/**', '../renderer/*', '../main/*'],
              message: 'game/ must not know the app exists.',
            },
          ],
        },
      ],
      'no-restricted-properties': ['error', ...nondeterminism],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'No DOM in game/.' },
        { name: 'document', message: 'No DOM in game/.' },
        { name: 'process', message: 'No Node in game/.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: 'game/ has no clock.' },
        { selector: "BinaryExpression[operator='**']", message: '** may differ between engines: use game/det-math.ts.' },
      ],
    },
  },
  {
    // The model's behaviour lives in the scenario's parameters (each with a source), never in the
    // code: the phases and what they share may write 0, 1 and −1 and the named units of
    // game/units.ts; any other number is a parameter (docs/model.md §5).
    files: ['game/phases/**/*.ts', 'game/create.ts', 'game/derive.ts', 'game/modifiers.ts', 'game/context.ts'],
    rules: {
      '@typescript-eslint/no-magic-numbers': [
        'error',
        {
          ignore: [0, 1, -1],
          ignoreArrayIndexes: true,
          ignoreDefaultValues: true,
          ignoreEnums: true,
          ignoreTypeIndexes: true,
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { paths: [noElectronInRenderer], patterns: rendererPatterns }] },
  },
  {
    // Panels and app state: no Phaser (only the board talks to it).
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/board/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectronInRenderer],
          patterns: [...rendererPatterns, { group: ['phaser', 'phaser/*'], message: 'Only renderer/board/ talks to Phaser.' }],
        },
      ],
    },
  },
  {
    // The board draws a view model and turns input into intents: it never resolves turns.
    files: ['renderer/board/**/*.ts', 'renderer/board/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectronInRenderer],
          patterns: [
            ...rendererPatterns,
            {
              group: ['**/game/resolve', '**/game/context', '**/game/phases', '**/game/log', '**/game/ai/*'],
              message: 'The board draws a view model: no engine resolution.',
            },
            {
              group: ['**/game', '**/game/index', '**/app-state/engine'],
              importNames: BOARD_FORBIDDEN_ENGINE,
              message: 'The board draws a view model: no engine resolution.',
            },
          ],
        },
      ],
    },
  },
  {
    // Shared by the app and the command line (tsconfig: no DOM types): pure TypeScript, no platform.
    files: ['report/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...platformFree('report'),
            {
              group: ['**/renderer/**', '**/main/**', '**/cli/**', '../renderer/*', '../main/*', '../cli/*'],
              message: 'report/ is used by the app and the command line: it imports neither.',
            },
            {
              group: ['**/game/phases/**', '**/game/resolve', '**/game/context'],
              message: 'report/ reads the game through its public API (game/index.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    // The bottom layer: shared by the app, the desktop menus and the command line.
    files: ['i18n/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...platformFree('i18n'),
            {
              group: ['**/renderer/**', '**/main/**', '**/cli/**', '**/game/**', '**/report/**', '../*/**'],
              message: 'i18n/ is the bottom layer: strings and the translator only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', '../renderer/*'],
              message: 'The command line shares game/, report/ and i18n/ with the app, never renderer/.',
            },
            { group: ['**/main/**', '../main/*'], message: 'The command line does not use the desktop shell.' },
            { group: ['react', 'react-*', 'phaser', 'electron'], message: 'The command line is headless.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/preload/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**', '../renderer/*'], message: 'main/ must not import the renderer.' },
            {
              group: ['**/cli/**', '../cli/*', '**/report/**', '../report/*'],
              message: 'main/ is the shell: game schemas and the catalogues only.',
            },
            { group: ['react', 'phaser'], message: 'main/ has no UI libraries.' },
          ],
        },
      ],
    },
  },
  {
    // The sandboxed preload can load 'electron' only; type-only imports vanish from the bundle.
    files: ['main/preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['*', '!electron'], message: 'The sandboxed preload may import electron only.', allowTypeImports: true }],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.ts', 'cli/**/*.ts', '*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
