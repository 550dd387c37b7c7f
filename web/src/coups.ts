/**
 * Military takeovers drawn as vertical lines on the charts (only those inside a chart's months).
 * Dates are the day power was seized.
 */
export interface Coup {
  /** ISO 3166-1 alpha-3 code, as in the catalogue. */
  country: string;
  /** YYYY-MM-DD. */
  date: string;
  label: string;
}

export const COUPS: readonly Coup[] = [
  { country: 'MLI', date: '2020-08-18', label: 'Coup, 18 Aug 2020' },
  { country: 'TCD', date: '2021-04-20', label: 'Military takeover, 20 Apr 2021' },
  { country: 'MLI', date: '2021-05-24', label: 'Coup, 24 May 2021' },
  { country: 'BFA', date: '2022-01-24', label: 'Coup, 24 Jan 2022' },
  { country: 'BFA', date: '2022-09-30', label: 'Coup, 30 Sep 2022' },
  { country: 'NER', date: '2023-07-26', label: 'Coup, 26 Jul 2023' },
];
