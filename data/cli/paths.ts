/** The repository's location -> where the pipeline reads and writes. */

import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Raw ACLED inputs: outside the repository, never committed (ACLED terms). */
export const RAW_DIR = path.resolve(ROOT, '..', 'shared', 'data');
/** Monthly aggregates derived from the raw inputs: committed, what `npm start` builds from. */
export const AGGREGATES_DIR = path.join(ROOT, 'data', 'aggregates');
export const SOURCES_FILE = path.join(AGGREGATES_DIR, 'sources.json');
export const CLAIMS_FILE = path.join(ROOT, 'data', 'claims.json');
/** Built KV entries, ready to publish. */
export const KV_DIR = path.join(ROOT, 'dist', 'kv');
