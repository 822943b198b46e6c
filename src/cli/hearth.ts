import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { ConfigError, loadConfig } from '../config/config.js';
import { DataDirInUse } from '../db/data-dir-lock.js';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import { ValidationFailed, Conflict, NotFound } from '../domain/errors.js';
import { createAuditService } from '../features/audit/audit.service.js';
import { createSettingsService } from '../features/settings/settings.service.js';
import { systemClock } from '../web/clock.js';
import { childObligations, formatChildObligations } from '../features/worktray/child-obligations.js';
import { rulesData, rulesTable } from './rules.js';
import { isPlainDate, isReportingYear, londonDateOf } from '../domain/time/index.js';
import { produceCinCensus } from '../features/returns/cin-census.js';
import { findingsCsv } from '../features/returns/cin-census-findings.js';
import { registerTeamCommands, registerUserCommands } from './admin-commands.js';
import { backup, restore } from './backup.js';
import { DEMO_PASSWORD, isEmpty } from './demo-users.js';
import { refuseDemoInProduction } from './production-guard.js';
import { progressReporter } from './progress.js';
import { serve } from './serve.js';

process.env.TZ ??= 'Europe/London';

/** The release written into the returns' headers: package.json's version. */
const HEARTH_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function parseScale(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 150) throw new ValidationFailed([{ field: 'scale', message: `scale must be a number from 0 to 150, got ${value}` }]);
  return n;
}

const program = new Command('hearth').description('Hearth: children’s social care case management');

program
  .command('serve')
  .description('start the web server (migrates first)')
  .option('--demo', 'load the demo authority if the database is empty')
  .option('--demo-scale <scale>', 'size of the demo authority (1 = a London borough)', process.env.HEARTH_DEMO_SCALE ?? '0.25')
  .action(async (opts: { demo?: boolean; demoScale: string }) => serve(loadConfig(), { demo: Boolean(opts.demo), demoScale: parseScale(opts.demoScale) }));

program
  .command('migrate')
  .description('apply database migrations')
  .action(async () => {
    const db = await openDatabase(loadConfig().database);
    try {
      await migrate(db);
      console.log('Migrations applied.');
    } finally {
      await db.close();
    }
  });

program
  .command('seed')
  .alias('demo')
  .description('load a synthetic local authority, with the demo users, into an empty database')
  .option('--scale <scale>', 'size: 1 = a London borough of about 67,000 children; 10 = a region', '1')
  .option('--seed <n>', 'random seed: the same seed gives the same authority', '1')
  .option('--years <n>', 'years of history ending today', '5')
  .action(async (opts: { scale: string; seed: string; years: string }) => {
    const config = loadConfig();
    refuseDemoInProduction(config, 'hearth seed');
    const db = await openDatabase(config.database);
    const started = Date.now();
    try {
      await migrate(db);
      if (!(await isEmpty(db))) throw new Error('The database already has users: a synthetic authority loads only into an empty database.');
      const progress = progressReporter();
      await (await import('./demo-authority.js')).loadDemoAuthority(db, config, new Date(), { scale: parseScale(opts.scale), seed: Number(opts.seed), years: Number(opts.years), onProgress: progress.update });
      progress.stop();
      console.log(`Synthetic authority loaded in ${((Date.now() - started) / 1000).toFixed(1)} s. Demo users' password: ${DEMO_PASSWORD}`);
    } finally {
      await db.close();
    }
  });

registerTeamCommands(program);
registerUserCommands(program);

program
  .command('backup')
  .description('copy the embedded database to a .tar.gz (stop the server first)')
  .option('--out <file>')
  .action(async (opts: { out?: string }) => console.log(`Backup written to ${await backup(loadConfig(), opts.out)}`));

program
  .command('restore <file>')
  .description('restore an embedded-database backup into an empty data directory')
  .action(async (file: string) => {
    await restore(loadConfig(), file);
    console.log('Restored.');
  });

program
  .command('obligations')
  .description('a child’s obligations (due, met, lapsed) with their status as at a date, as the worktrays read them')
  .requiredOption('--child <id>', 'the child: local-authority child ID or person id')
  .option('--as-of <date>', 'as at this date (YYYY-MM-DD; default today): a past date is worked out from the record as it stood then')
  .option('--json', 'print JSON instead of text')
  .action(async (opts: { child: string; asOf?: string; json?: boolean }) => {
    const asOf = opts.asOf ?? londonDateOf(new Date());
    if (!isPlainDate(asOf)) throw new ValidationFailed([{ field: 'as-of', message: `--as-of must be a date like 2026-11-23, got ${opts.asOf}` }]);
    const db = await openDatabase(loadConfig().database);
    try {
      // A past date is worked out from the record as it stood then, with today's local norms.
      const norms = await createSettingsService(db.db, createAuditService(db.db, systemClock), systemClock).localNorms();
      const report = await childObligations(db.db, opts.child, asOf, { today: londonDateOf(new Date()), norms }).catch((error: unknown) => {
        throw error instanceof Error && error.message.endsWith('not found') ? new Error(`No child with the ID ${opts.child} (give the local-authority child ID or the person id).`) : error;
      });
      console.log(opts.json ? JSON.stringify(report, null, 2) : formatChildObligations(report));
    } finally {
      await db.close();
    }
  });

program
  .command('rules')
  .description('every timescale rule, area by area: id, label, kind of work, who records it, source (the areas registry)')
  .option('--json', 'print JSON instead of a Markdown table')
  .action((opts: { json?: boolean }) => {
    console.log(opts.json ? JSON.stringify(rulesData(), null, 2) : rulesTable());
  });

const returns = program.command('returns').description('the DfE returns, from the record');
returns
  .command('cin')
  .description('the CIN census XML for a collection year, checked against the DfE schema (CIN_schema_2024.xsd) and the DfE validation rules')
  .requiredOption('--year <year>', 'the collection year, 1 April to 31 March, like 2025-26')
  .option('--out <dir>', 'the folder to write the files to', '.')
  .option('--strict', 'exit 1 when a validation rule of type error finds something (queries never do)')
  .action(async (opts: { year: string; out: string; strict?: boolean }) => {
    if (!isReportingYear(opts.year)) throw new ValidationFailed([{ field: 'year', message: `--year must be a collection year like 2025-26, got ${opts.year}` }]);
    const config = loadConfig();
    const db = await openDatabase(config.database);
    try {
      const file = await produceCinCensus(db.db, { year: opts.year, lea: config.laCode, madeAt: new Date(), release: HEARTH_VERSION });
      await mkdir(opts.out, { recursive: true });
      const where = path.join(opts.out, file.fileName);
      await writeFile(where, file.xml, 'utf8');
      console.log(`${where}: ${file.childCount} children, LA ${config.laCode}.`);
      if (file.firstPlansWithZero) console.log(`${file.firstPlansWithZero} first child protection plan(s) have NumberOfPreviousCPP 0, which CIN_schema_2024.xsd types as a positive integer: see docs/returns.md.`);
      if (file.schemaErrors.length === 0) {
        console.log(`${file.firstPlansWithZero ? 'Otherwise valid' : 'Valid'} against the DfE schema (CIN_schema_2024.xsd).`);
      } else {
        console.log(`${file.schemaErrors.length} schema error(s):`);
        for (const e of file.schemaErrors.slice(0, 50)) console.log(`  line ${e.line ?? '?'}: ${e.message}`);
        process.exitCode = 1;
      }
      const { findings, byRule, byChild } = file.validation;
      const findingsAt = path.join(opts.out, file.findingsFileName);
      await writeFile(findingsAt, findingsCsv(findings), 'utf8');
      const errors = byRule.filter((r) => r.type === 'error').reduce((n, r) => n + r.count, 0);
      console.log(`DfE validation rules: ${errors} error(s), ${findings.length - errors} query(ies), ${byChild.size} child(ren); every finding in ${findingsAt}.`);
      for (const r of byRule) console.log(`  ${r.code.padEnd(6)} ${r.type.padEnd(5)} ${String(r.count).padStart(5)}  ${r.message}`);
      if (opts.strict && errors > 0) process.exitCode = 1;
    } finally {
      await db.close();
    }
  });

const audit = program.command('audit').description('the audit log');
audit
  .command('verify')
  .description('seal the rows waiting to be chained, then re-walk the hash chain and list every row that does not follow')
  .action(async () => {
    const db = await openDatabase(loadConfig().database);
    try {
      const service = createAuditService(db.db, systemClock);
      const { sealed } = await service.seal();
      const result = await service.verifyChain();
      console.log(`${sealed} row(s) sealed; ${result.checked} row(s) checked.`);
      if (result.broken.length === 0) {
        console.log('The audit chain is whole.');
      } else {
        console.log(`The audit chain is broken at ${result.broken.length} row(s): ids ${result.broken.join(', ')}.`);
        process.exitCode = 1;
      }
    } finally {
      await db.close();
    }
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirInUse || error instanceof Conflict || error instanceof NotFound) {
    console.error(error.message);
  } else if (error instanceof ValidationFailed) {
    console.error(error.errors.map((e) => `${e.field}: ${e.message}`).join('\n'));
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exit(1);
}
