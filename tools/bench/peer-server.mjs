#!/usr/bin/env node
// The benchmark's peer: the upload endpoint a developer would write by the textbook — express, multer
// disk storage, a token looked up in PostgreSQL, sha256 of the stored file, one INSERT. No content
// checks, no rules, no events: what Satchel is compared against besides the raw pipe.
//   node tools/bench/peer-server.mjs <dir> <port> <database url> <token>
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import express from 'express';
import multer from 'multer';
import pg from 'pg';

const [dir, port, databaseUrl, token] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
await pool.query(`
  CREATE TABLE IF NOT EXISTS peer_tokens (token text PRIMARY KEY, account_id uuid NOT NULL);
  CREATE TABLE IF NOT EXISTS peer_files (
    id uuid PRIMARY KEY, account_id uuid NOT NULL, name text NOT NULL, size bigint NOT NULL,
    sha256 text NOT NULL, path text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
`);
await pool.query('INSERT INTO peer_tokens VALUES ($1, $2) ON CONFLICT DO NOTHING', [token, randomUUID()]);

const sha256Of = (path) =>
  new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (d) => hash.update(d))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });

const upload = multer({
  storage: multer.diskStorage({ destination: dir, filename: (_r, _f, cb) => cb(null, randomUUID()) }),
});
const app = express();
app.get('/', (_req, res) => res.send('ok'));
app.post(
  '/',
  async (req, res, next) => {
    const given = (req.headers.authorization ?? '').replace(/^Token /, '');
    const { rows } = await pool.query('SELECT account_id FROM peer_tokens WHERE token = $1', [given]);
    if (!rows.length) return res.status(401).json({ error: 'Unauthorized' });
    req.accountId = rows[0].account_id;
    next();
  },
  upload.array('files'),
  async (req, res) => {
    try {
      const out = [];
      for (const f of req.files) {
        const id = randomUUID();
        const sha = await sha256Of(f.path);
        await pool.query(
          'INSERT INTO peer_files (id, account_id, name, size, sha256, path) VALUES ($1,$2,$3,$4,$5,$6)',
          [id, req.accountId, f.originalname, f.size, sha, f.path],
        );
        out.push({ id, file: f.path, sha256: sha });
      }
      res.status(201).json({ file: out[0]?.file, files: out });
    } catch {
      res.status(500).json({ error: 'Internal server error' });
    }
  },
);
app.listen(Number(port), '127.0.0.1');
