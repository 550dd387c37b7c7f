/**
 * The text of data/claims.json and data/aggregates/sources.json -> claims and source reports,
 * validated against schemas that match the model's types exactly (checked at compile time); a
 * malformed file fails naming the file, each offending field and the reason. Pure: the CLI reads
 * the files.
 */
import { z } from 'zod';
import { CATEGORY_IDS, MEASURES } from '../../model/categories.ts';
import type { Claim } from '../../model/claim.ts';
import { REFRESH_FAILURES } from '../../model/refresh-failures.ts';
import { RELATION_KINDS } from '../../model/relations.ts';
import type { SourceInfo } from '../../model/types.ts';

// Strict objects: a misspelt optional field (`alternative` for `alternatives`) is an error, not
// silently ignored.
const Reading = z.strictObject({
  country: z.string(),
  admin1: z.string().nullable(),
  category: z.enum(CATEGORY_IDS),
  measure: z.enum(MEASURES),
  before: z.string().nullable(),
  after: z.string(),
  relation: z.strictObject({ kind: z.enum(RELATION_KINDS), value: z.number(), wording: z.string() }),
});

const ClaimSchema = z.strictObject({
  id: z.string().min(1),
  quote: z.string(),
  claimant: z.strictObject({ name: z.string(), date: z.string().nullable(), url: z.string().nullable() }),
  interpretation: z.string(),
  readings: z.array(Reading),
  alternatives: z.array(z.strictObject({ interpretation: z.string(), readings: z.array(Reading) })).optional(),
  // Every claim is given in French too (the French page and lang=fr show it): a missing part fails the build.
  fr: z.strictObject({
    quote: z.string().min(1),
    claimant: z.string().min(1),
    note: z.string().min(1).optional(),
    interpretation: z.string().min(1),
    wordings: z.record(z.string(), z.string().min(1)),
    alternatives: z.array(z.string().min(1)).optional(),
  }),
});

const Rejection = z.strictObject({ file: z.string().optional(), line: z.number(), reason: z.string(), sheet: z.string().optional() });
const Count = z.number().int().nonnegative();
const Counts = z.strictObject({ events: Count, fatalities: Count });
const CrossCheck = z.strictObject({
  against: z.string(),
  unit: z.enum(['week', 'month']),
  country: z.string(),
  from: z.string(),
  to: z.string(),
  note: z.string(),
  categories: z.array(
    z.strictObject({
      category: z.enum(CATEGORY_IDS),
      otherCategory: z.enum(CATEGORY_IDS).optional(),
      periods: Count,
      equalEvents: Count,
      equalBoth: Count,
      differences: z.array(
        z.strictObject({
          period: z.string(),
          source: Counts,
          other: Counts,
          riots: Count.optional(),
          verdict: z.enum(['within riots', 'beyond riots', 'below']).optional(),
        }),
      ),
    }),
  ),
});

const SourceInfoSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  kind: z.enum(['event', 'aggregate']),
  origin: z.string(),
  retrieved: z.string(),
  file: z.string(),
  sha256: z.string(),
  coverage: z.strictObject({ from: z.string(), through: z.string() }),
  aggregates: z.string().min(1),
  rows: z.strictObject({
    read: Count,
    accepted: Count,
    rejected: Count,
    byReason: z.record(z.string(), Count),
    duplicates: Count.optional(),
    filtered: Count.optional(),
    filteredByCountry: z.record(z.string(), Count).optional(),
  }),
  rejections: z.array(Rejection),
  duplicates: z.array(Rejection).optional(),
  coverageBasis: z.enum(['last event', 'last month', 'stated export date']).optional(),
  countries: z
    .record(
      z.string(),
      z.strictObject({
        from: z.string(),
        through: z.string(),
        accepted: Count,
        weeks: z.strictObject({ from: z.string(), to: z.string() }).optional(),
      }),
    )
    .optional(),
  totals: z.strictObject({ events: Count, fatalities: Count }).optional(),
  files: z
    .array(z.strictObject({ file: z.string(), sha256: z.string(), format: z.enum(['csv', 'json']), layout: z.string(), read: Count }))
    .optional(),
  daily: z.strictObject({ file: z.string().min(1), from: z.string(), through: z.string(), rows: Count }).optional(),
  unit: z.enum(['day', 'week', 'month']).optional(),
  categories: z.array(z.enum(CATEGORY_IDS)).optional(),
  measures: z.array(z.enum(MEASURES)).optional(),
  indicator: z.enum(['political_violence', 'civilian_targeting', 'demonstrations']).optional(),
  inputs: z
    .array(
      z.strictObject({
        file: z.string(),
        sha256: z.string(),
        format: z.enum(['csv', 'xlsx']),
        read: Count,
        skippedSheets: z.array(z.string()),
      }),
    )
    .optional(),
  crosschecks: z.array(CrossCheck).optional(),
  refresh: z
    .strictObject({
      at: z.string(),
      by: z.enum(['cli', 'workflow']),
      window: z.strictObject({ since: z.string(), through: z.string() }),
      countries: z.array(z.string()),
      rows: z.strictObject({ read: Count, accepted: Count, rejected: Count, duplicates: Count, byReason: z.record(z.string(), Count) }),
      outcome: z.enum(['published', 'unchanged', 'failed']),
      reason: z.string().nullable(),
      code: z.enum(REFRESH_FAILURES).nullable().optional(),
      version: z.string().nullable(),
    })
    .optional(),
});

// The schemas must describe exactly the model's types (a compile error otherwise).
type Probe<X> = <T>() => T extends X ? 1 : 2;
type Equal<A, B> = Probe<A> extends Probe<B> ? true : false;
// A claim in the claims file always has its French (`fr`), which the model's type leaves optional (a check's claim has none).
true satisfies Equal<z.infer<typeof ClaimSchema>, Claim & Required<Pick<Claim, 'fr'>>>;
true satisfies Equal<z.infer<typeof SourceInfoSchema>, SourceInfo>;

/** How many problems a file error lists one by one (it counts them all). */
const LISTED_PROBLEMS = 10;

export class FileFormatError extends Error {}

/** The claims in the text of a claims file; throws FileFormatError naming each malformed field. */
export function parseClaims(text: string, file: string): Claim[] {
  return parse(text, file, z.array(ClaimSchema));
}

/** The source reports in the text of a sources.json; throws FileFormatError naming each malformed field. */
export function parseSources(text: string, file: string): SourceInfo[] {
  return parse(text, file, z.array(SourceInfoSchema));
}

function parse<T>(text: string, file: string, schema: z.ZodType<T>): T {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new FileFormatError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  const r = schema.safeParse(doc);
  // The document itself, once valid, not zod's copy: that one has its keys in the schema's order,
  // and the dataset version is a hash of entries that embed these objects as they were written.
  if (r.success) return doc as T;
  const issues = r.error.issues;
  const listed = issues.slice(0, LISTED_PROBLEMS).map((i) => `${where(doc, i.path)}: ${i.message}`);
  const more = issues.length > LISTED_PROBLEMS ? `; and ${issues.length - LISTED_PROBLEMS} more` : '';
  throw new FileFormatError(`${file} is not valid: ${listed.join('; ')}${more}`);
}

/**
 * A field's path as written in code, the top-level entry named by its id when it has one.
 * @example where([{ id: 'a' }], [0, 'readings', 1, 'relation', 'kind']) === '[0] ("a") readings[1].relation.kind'
 */
function where(doc: unknown, path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the file';
  const [first, ...rest] = path;
  const entry = Array.isArray(doc) && typeof first === 'number' ? (doc[first] as unknown) : undefined;
  const id =
    entry !== null && typeof entry === 'object' && typeof (entry as { id?: unknown }).id === 'string' ? (entry as { id: string }).id : null;
  const tail = rest.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('');
  const head = typeof first === 'number' ? `[${first}]` : String(first);
  return id === null ? `${head}${tail}` : `${head} ("${id}") ${tail.replace(/^\./, '')}`.trimEnd();
}
