/**
 * Sanity test of the test harness itself: the database the integration step
 * was given is really there. On PostgreSQL it also checks that a cluster
 * started by `startPostgresCluster()` cleans up after itself.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { after, describe, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { findPostgresBinaries, startPostgresCluster } from './postgres-cluster.js';

const engine = process.env.HEARTH_TEST_ENGINE ?? 'pglite';

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

if (engine === 'postgres') {
  describe('PostgreSQL harness', () => {
    const url = process.env.HEARTH_TEST_PG_URL;

    test('HEARTH_TEST_PG_URL is a PostgreSQL 15+ server that can create and drop databases', async () => {
      assert.ok(url, 'HEARTH_TEST_PG_URL must be set when HEARTH_TEST_ENGINE=postgres');
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ version: string; num: number }>(
          "select version() as version, current_setting('server_version_num')::int as num",
        );
        const row = rows[0];
        assert.ok(row);
        assert.match(row.version, /^PostgreSQL \d+/);
        assert.ok(row.num >= 150000, `expected PostgreSQL 15+, got ${row.version}`);

        const name = `hearth_harness_${process.pid}_${Date.now()}`;
        await client.query(`create database ${name}`);
        try {
          const target = new URL(url);
          target.pathname = `/${name}`;
          const db = new pg.Client({ connectionString: target.toString() });
          await db.connect();
          try {
            const res = await db.query<{ db: string }>('select current_database() as db');
            assert.equal(res.rows[0]?.db, name);
          } finally {
            await db.end();
          }
        } finally {
          await client.query(`drop database ${name}`);
        }
        const gone = await client.query('select 1 from pg_database where datname = $1', [name]);
        assert.equal(gone.rowCount, 0);
      } finally {
        await client.end();
      }
    });

    test('startPostgresCluster() starts a cluster and stop() removes it', async (t) => {
      if (!findPostgresBinaries()) return t.skip('no PostgreSQL server binaries');
      const cluster = await startPostgresCluster();
      let stopped = false;
      after(async () => {
        if (!stopped) await cluster.stop();
      });
      const client = new pg.Client({ connectionString: cluster.adminUrl });
      await client.connect();
      const { rows } = await client.query<{ one: number }>('select 1 as one');
      assert.equal(rows[0]?.one, 1);
      await client.end();
      assert.ok(existsSync(cluster.dir));

      await cluster.stop();
      stopped = true;
      await cluster.stop(); // idempotent
      assert.equal(existsSync(cluster.dir), false, 'temp dir removed');
      assert.equal(await portOpen(cluster.port), false, 'server no longer listening');
    });
  });
} else {
  describe('PGlite harness', () => {
    test('an in-memory PGlite answers select 1', async () => {
      const db = new PGlite();
      try {
        const { rows } = await db.query<{ one: number }>('select 1 as one');
        assert.deepEqual(rows, [{ one: 1 }]);
      } finally {
        await db.close();
      }
    });
  });
}
