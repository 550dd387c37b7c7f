/** The five countries' names in French, where they differ (Tchad): for the sentences (words.ts) and the page's static words (web/src/page-fr.ts). Pure, tiny: the French page loads it before its first paint. */
/** The article of a French country name: every Sahel country here is masculine ("au Niger", "au Tchad"). */
const FR_COUNTRY: Record<string, string> = {
  'Burkina Faso': 'Burkina Faso',
  Chad: 'Tchad',
  Mali: 'Mali',
  Niger: 'Niger',
  Nigeria: 'Nigeria',
};

/** A country's French name ("Tchad"); a name not listed is kept as given. */
export const countryFr = (name: string): string => FR_COUNTRY[name] ?? name;
