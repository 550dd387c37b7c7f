/** The raw ACLED inputs described in ../shared/data/SOURCES.md -> the source and aggregate files each is derived into. */
import type { SourceInfo } from '../../model/types.ts';
import type { Product, ProductConfig } from './products.ts';

export type SourceConfig = Pick<SourceInfo, 'id' | 'name' | 'kind' | 'origin' | 'retrieved' | 'file' | 'aggregates'> & {
  /** Event-level sources: the daily aggregate file (country x day x category) written beside `aggregates`. */
  dailyFile?: string;
};

export const SOURCES: SourceConfig[] = [
  {
    id: 'acled-niger-events',
    name: 'ACLED event-level export, Niger, 2019-01-01 to 2024-05-15',
    kind: 'event',
    origin:
      'datapartnership/niger-economic-monitoring, data/Niger_conflict_data.csv at commit 2a4d27f55f89ce99b51d2c864b9b3fe3ad745c40 (May 2024)',
    // The export does not state its retrieval date; its last event date is the best lower bound.
    retrieved: '2024-05-15',
    file: 'acled_niger_events_2019-01-01_2024-05-15.csv',
    aggregates: 'acled-niger-events.csv',
    dailyFile: 'acled-niger-events-daily.csv',
  },
  {
    id: 'acled-explorer-sahel',
    name: 'ACLED Explorer, country x month x event type, five Sahel countries, 2021-01 to 2024-09',
    kind: 'aggregate',
    origin: 'sbgraves237/acledr, data/ctryMoEv.rda (ACLED Explorer counts), cut to Burkina Faso, Chad, Mali, Niger and Nigeria',
    retrieved: '2024-10-24',
    file: 'acled_explorer_sahel_country_month_event_type_2021-01_2024-09.csv',
    aggregates: 'acled-explorer-sahel.csv',
  },
];

/** ACLED's aggregated products in ../shared/data (SOURCES.md sections 3 and 4): derived by data/cli/products.ts. */
export const PRODUCTS: (ProductConfig & { product: Product; file: string })[] = [
  {
    product: 'weekly',
    id: 'acled-weekly-sahel5',
    name: 'ACLED aggregated weekly data, admin1 x week x event and sub-event type, five Sahel countries, weeks 1997-01-04 to 2026-03-14',
    origin:
      'ACLED "Africa_aggregated_data_up_to_week_of-2026-03-14.csv", cut to Burkina Faso, Chad, Mali, Niger and Nigeria; copy in ' +
      'Sanjomwa/Civil-Liberties-and-Censorship-Analysis-with-Bruin, data/dev/acled/acled_conflict_events.parquet at commit ' +
      "3eec4ec476bc4997f48d737c6afb197748b56a38, re-serialised with ACLED's column names",
    // The date that copy was extracted (its commit, 2026-03-26): ACLED's file states only its last week.
    retrieved: '2026-03-26',
    file: 'acled_aggregated_weekly_sahel5_1997-01-04_2026-03-14.csv',
    aggregates: 'acled-weekly-sahel5.csv',
  },
  {
    product: 'hdx',
    id: 'acled-hdx-mli-political-violence',
    name: 'ACLED on HDX, Mali political violence events and fatalities by admin2 x month, 1997-01 to 2026-04 (as of 22 April 2026)',
    origin:
      "MegPhapha/EduDisruption-Index, data/raw/acled_mali_summary.xlsx at commit aec3fd2dce201b1c89256d5fd08022b9c4a3887b (HDX file, renamed to HDX's pattern)",
    // The as-of date in HDX's file name.
    retrieved: '2026-04-22',
    file: 'mali_hrp_political_violence_events_and_fatalities_by_month-year_as-of-22apr2026.xlsx',
    aggregates: 'acled-hdx-mli-political-violence.csv',
  },
];
