/**
 * Runs openapi-typescript on TypeScript 5: `node --import ./typescript5.ts .../openapi-typescript/bin/cli.js`.
 * openapi-typescript builds its output with TypeScript's compiler API, which TypeScript 7 (the
 * project's `typescript`, a native compiler) does not have; `typescript5` (package.json, an npm
 * alias of typescript@5) has it. This hook hands openapi-typescript that package when it imports
 * `typescript`; nothing else is redirected.
 */
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(
    "export async function resolve(specifier, context, next) { return next(specifier === 'typescript' ? 'typescript5' : specifier, context); }",
  )}`,
);
