/**
 * ../shared/data/boundaries/*-admin1-*.geojson + ACLED's weekly file -> web/geo/<ISO3>-admin1.json
 * (one simplified outline file per country, features named by ACLED's admin1, with attribution)
 * and web/geo/unmatched.json (ACLED names without an outline, outlines without an ACLED name).
 *
 * Usage: node web/geo/simplify.ts [shared-data-dir]   (default ../shared/data)
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { RAW_DIR } from '../../data/cli/paths.ts';
import { readWeekly } from '../../data/derive/weekly.ts';
import { COUNTRIES } from '../../model/geography.ts';
import { countryOutlines, OUTLINE_SOURCES, type SourceCollection, WEEKLY_FILE } from './outlines.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** Compact JSON (about 14 bytes a vertex, half of a pretty-printed file); .prettierignore skips these generated files. */
const formatJson = (value: unknown): string => `${JSON.stringify(value)}\n`;

const dir = path.resolve(process.argv[2] ?? RAW_DIR);
const weeklyFile = path.join(dir, WEEKLY_FILE);
if (!existsSync(weeklyFile) || !existsSync(path.join(dir, 'boundaries')))
  throw new Error(`${dir}: needs ${WEEKLY_FILE} and boundaries/ (SOURCES.md); the generated files in web/geo are committed`);

const weekly = await readWeekly([weeklyFile]);
const report: Record<string, unknown> = {};
const rows: string[] = [];
for (const { iso3 } of COUNTRIES) {
  const admin1 = weekly.report.countries[iso3]?.admin1 ?? [];
  const src = JSON.parse(await readFile(path.join(dir, 'boundaries', OUTLINE_SOURCES[iso3].input), 'utf8')) as SourceCollection;
  const out = countryOutlines(iso3, src, admin1);
  if (out.collection.features.length !== src.features.length) throw new Error(`${iso3}: a feature was lost`);
  const text = formatJson(out.collection);
  await writeFile(path.join(HERE, `${iso3}-admin1.json`), text);
  const m = out.matching;
  report[iso3] = {
    admin1: admin1.length,
    outlines: src.features.length,
    renamed: m.matched.filter((x) => x.by !== 'exact').map((x) => `${x.name} = ${x.outline} (${x.by})`),
    unmatched: m.unmatched,
    outlinesWithoutData: m.outlinesWithoutData,
  };
  const bytes = Buffer.byteLength(text);
  rows.push(
    `${iso3}-admin1.json: ${out.collection.features.length} features, ${out.vertices} vertices, ${bytes} bytes (${gzipSync(text).length} gzipped), tolerance ${OUTLINE_SOURCES[iso3].tolerance}°` +
      (out.droppedParts > 0 ? `, ${out.droppedParts} collapsed parts or holes left out` : '') +
      (m.unmatched.length > 0 ? `; ACLED names without an outline: ${m.unmatched.join(', ')}` : '') +
      (m.outlinesWithoutData.length > 0 ? `; outlines without an ACLED name: ${m.outlinesWithoutData.join(', ')}` : ''),
  );
}
await writeFile(path.join(HERE, 'unmatched.json'), formatJson({ admin1From: WEEKLY_FILE, countries: report }));
for (const r of rows) console.log(`web/geo/${r}`);
console.log('web/geo/unmatched.json: ACLED names without an outline and outlines without an ACLED name, per country');
