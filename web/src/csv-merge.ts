/**
 * The CSV of a chart drawn from several API series (the regions' table and map), joined from the
 * API's own CSVs: loaded with those charts, not by the first view. Pure: no DOM.
 */

/**
 * The records of a CSV document (RFC 4180), each as written, without its line break: a line
 * break inside a quoted cell is part of the record. An empty line is no record.
 * @example csvRecords('a,b\r\n"x\r\ny",1\r\n') // ['a,b', '"x\r\ny",1']
 */
export function csvRecords(text: string): string[] {
  const records: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    // A doubled quote inside a quoted cell toggles twice: the cell stays quoted.
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (i > start) records.push(text.slice(start, i));
      if (c === '\r' && text[i + 1] === '\n') i++;
      start = i + 1;
    }
  }
  if (start < text.length) records.push(text.slice(start));
  return records;
}

/**
 * Join CSV documents with the same header (as the API sends them): the header once, then every
 * record, each exactly as the API wrote it (its quoting and its guard against spreadsheet
 * formulas: cells are not read and written again).
 */
export function mergeCsv(docs: readonly string[]): string {
  let header: string | null = null;
  const rows: string[] = [];
  for (const d of docs) {
    const [h, ...rest] = csvRecords(d);
    if (h === undefined) continue;
    if (header === null) header = h;
    else if (h !== header) throw new Error(`CSV headers differ: ${h} vs ${header}`);
    rows.push(...rest);
  }
  return header === null ? '' : `${[header, ...rows].join('\r\n')}\r\n`;
}
