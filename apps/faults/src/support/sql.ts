import { Client } from 'pg';

/** One query on a private database, for checking what was (not) stored. */
export async function query<T = Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

export async function count(url: string, table: 'attachments' | 'deliveries'): Promise<number> {
  const [row] = await query<{ n: string }>(url, `SELECT count(*) AS n FROM ${table}`);
  return Number(row?.n);
}
