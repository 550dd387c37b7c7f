/** The raw ACLED inputs described in ../shared/data/SOURCES.md -> the source and aggregate files each is derived into. */
import type { SourceInfo } from '../../model/types.ts';

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
