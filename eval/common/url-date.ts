// Publication date from an article URL (/2016/01/27/, /2016/jan/26/, -20160223-): news sites
// encode it often enough to anchor relative dates ("Tuesday") when the dataset gives no date.
import { dateValue } from "../../src/model/dates.js";
import type { DateValue } from "../../src/model/records.js";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function valid(y: number, m: number, d: number): DateValue | undefined {
  if (y < 1990 || y > 2035 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 ? dateValue(y, m, d) : undefined;
}

export function dateFromUrl(url: string | undefined): DateValue | undefined {
  if (!url) return undefined;
  let m = /\/((?:19|20)\d\d)\/([01]?\d)\/([0-3]?\d)(?:\/|$)/.exec(url);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /\/((?:19|20)\d\d)\/([a-z]{3})[a-z]*\/([0-3]?\d)(?:\/|$)/i.exec(url);
  if (m) return valid(Number(m[1]), MONTHS.indexOf(m[2]!.toLowerCase()) + 1, Number(m[3]));
  m = /(?:^|[/_-])((?:19|20)\d\d)-?([01]\d)-?([0-3]\d)(?:[/_.-]|$)/.exec(url);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  return undefined;
}
