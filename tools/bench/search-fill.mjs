// Fills the search benchmark's database with SQL (generate_series): chats, messages and
// attachments of the owner's account, and a share of noise in a second account. Indexes of the
// filled tables are dropped first and rebuilt after, as a bulk load should.

const WORDS = [
  'hello',
  'order',
  'invoice',
  'refund',
  'delivery',
  'password',
  'thanks',
  'please',
  'receipt',
  'problem',
  'account',
  'payment',
  'shipping',
  'address',
  'broken',
  'screen',
  'photo',
  'contract',
  'question',
  'today',
];
const EXTS = [
  ['pdf', 'application/pdf'],
  ['png', 'image/png'],
  ['jpg', 'image/jpeg'],
  ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['txt', 'text/plain'],
];
const TABLES = ['chats', 'messages', 'attachments'];
const CHATS_PER_MILLION_MESSAGES = 20_000;

const wordsSql = `(ARRAY[${WORDS.map((w) => `'${w}'`).join(',')}])`;
const extSql = `(ARRAY[${EXTS.map(([e]) => `'${e}'`).join(',')}])`;
const typeSql = `(ARRAY[${EXTS.map(([, t]) => `'${t}'`).join(',')}])`;

async function dropIndexes(db) {
  const { rows } = await db.query(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [TABLES],
  );
  for (const r of rows) await db.query(`DROP INDEX ${r.indexname}`);
  return rows.map((r) => r.indexdef);
}

async function fillAccount(db, accountId, files, messages, tag) {
  const chats = Math.max(10, Math.round((messages / 1_000_000) * CHATS_PER_MILLION_MESSAGES));
  await db.query(
    `INSERT INTO chats (account_id, visitor_name, visitor_email, source, created_at, updated_at)
     SELECT $1, 'Visitor ' || i || ' ' || $3, 'visitor' || i || '@example.test', 'widget',
            now() - (i % 365) * interval '1 day', now()
       FROM generate_series(1, $2) AS i`,
    [accountId, chats, tag],
  );
  // Chats in a table so messages and files spread over them by number.
  await db.query(`CREATE TEMP TABLE bench_chats (n bigint PRIMARY KEY, id uuid NOT NULL)`);
  await db.query(
    `INSERT INTO bench_chats SELECT row_number() OVER (ORDER BY id), id FROM chats WHERE account_id = $1`,
    [accountId],
  );
  await db.query(
    `INSERT INTO messages (chat_id, account_id, author_role, author_name, text, created_at)
     SELECT c.id, $1, CASE WHEN i % 2 = 0 THEN 'visitor' ELSE 'operator' END, 'Bench',
            ${wordsSql}[1 + i % 20] || ' ' || ${wordsSql}[1 + (i / 20) % 20] || ' number ' || i
              || CASE WHEN i % 100000 = 7 THEN ' quokka' ELSE '' END,
            now() - (i::float8 / $2) * interval '365 days'
       FROM generate_series(1, $2) AS i JOIN bench_chats c ON c.n = 1 + i % $3`,
    [accountId, messages, chats],
  );
  await db.query(
    `INSERT INTO attachments (account_id, chat_id, name, extension, size, content_type, sha256,
                              storage_driver, storage_key, source, uploaded_by_role, uploaded_by_name, created_at)
     SELECT $1, c.id,
            CASE WHEN i % 50 = 0 THEN 'invoice-' ELSE 'file-' END || substr(md5(i::text), 1, 10) || '.' || ${extSql}[1 + i % 5],
            ${extSql}[1 + i % 5], (i::bigint * 7919) % 20000000, ${typeSql}[1 + i % 5], md5(i::text), 'disk', 'bench/' || $4 || '/' || i,
            'upload', CASE WHEN i % 2 = 0 THEN 'visitor' ELSE 'operator' END, 'Bench',
            now() - (i::float8 / $2) * interval '365 days'
       FROM generate_series(1, $2) AS i JOIN bench_chats c ON c.n = 1 + i % $3`,
    [accountId, files, chats, tag],
  );
  const { rows } = await db.query(`SELECT id FROM bench_chats WHERE n = 1`);
  await db.query(`DROP TABLE bench_chats`);
  return rows[0].id;
}

/** Fills the tables; returns a chat of the owner's account (with its share of messages and files). */
export async function fill(db, { files, messages, noise, log }) {
  const { rows } = await db.query(`SELECT id FROM accounts ORDER BY created_at LIMIT 1`);
  const ownerAccount = rows[0].id;
  const other = await db.query(
    `INSERT INTO accounts (name, widget_key) VALUES ('Noise', 'noise-' || md5(random()::text)) RETURNING id`,
  );
  const indexes = await dropIndexes(db);
  log(`Filling ${files} files and ${messages} messages (+${noise * 100} % noise)…`);
  const chatId = await fillAccount(db, ownerAccount, files, messages, 'main');
  await fillAccount(db, other.rows[0].id, Math.round(files * noise), Math.round(messages * noise), 'noise');
  log(`Rebuilding ${indexes.length} indexes…`);
  await db.query(`SET maintenance_work_mem = '512MB'`);
  for (const def of indexes) await db.query(def);
  await db.query(`VACUUM ANALYZE ${TABLES.join(', ')}`);
  return { chatId };
}

/** A database filled by an earlier run (BENCH_SEARCH_DB): the same chat as `fill` returns. */
export async function reused(db, log) {
  log('Reusing the filled database…');
  const { rows } = await db.query(
    `SELECT id FROM chats WHERE account_id = (SELECT id FROM accounts ORDER BY created_at LIMIT 1)
      ORDER BY id LIMIT 1`,
  );
  return { chatId: rows[0].id };
}
