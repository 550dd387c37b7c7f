import { existsSync } from 'node:fs';
import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { AcledFake, NIGER_EVENTS_FILE } from './tests/fixtures/acled-fake.ts';

// The fake ACLED API the Worker's refresh Workflow reaches in tests (every outbound fetch of the
// Worker goes to it: the Worker fetches nothing else). Tests set it up through its /__fake control.
const acled = new AcledFake({ rows: [] });

// Tests that build a dataset from the real aggregates take 2-8 s, more on a loaded machine; the
// limit is a guard against hangs, never a speed target (speed is measured in `npm run bench`).
const BUILDS = { testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    projects: [
      // The shared model (model/), pure, on Node.
      { test: { name: 'model', environment: 'node', include: ['tests/model/**/*.test.ts'] } },
      // The pipeline's stages (derive, build, publish) and the CLI's I/O, on Node.
      { test: { name: 'data', environment: 'node', include: ['tests/data/**/*.test.ts'], ...BUILDS } },
      // The Worker, inside workerd with Miniflare KV, configured from wrangler.toml.
      {
        // No pointer caching in tests: each test publishes its own dataset.
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                POINTER_CACHE_SECONDS: '0',
                ACLED_API_URL: 'http://acled.test',
                ACLED_USERNAME: acled.state.username,
                ACLED_PASSWORD: acled.state.password,
                // The Workflow tests feed the fake the Niger event file's rows (../shared/data): they skip where it is absent.
                NIGER_EVENTS_PRESENT: existsSync(NIGER_EVENTS_FILE) ? 'yes' : '',
              },
              outboundService: acled.fetch,
            },
          }),
        ],
        test: { name: 'worker', include: ['tests/worker/**/*.test.ts'], ...BUILDS },
      },
      // Pure front-end shaping code.
      { test: { name: 'web', environment: 'node', include: ['tests/web/**/*.test.ts'] } },
      // The dashboard in Debian's Chromium against `wrangler dev` on real data.
      { test: { name: 'e2e', environment: 'node', include: ['tests/e2e/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 180_000 } },
    ],
  },
});
