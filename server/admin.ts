import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Role } from '../shared/protocol/auth';
import { findAccountByEmail } from './accounts/repo';
import { addContributor, listContributors, setPassword, setSuspended, setVetted } from './admin/contributors';
import { importLlmfao, importTaskFile, importVoteFile } from './admin/imports';
import { audit } from './audit';
import { openStore, type Db } from './db/open';
import { rotateSecretsFor } from './secrets';

const USAGE = `Verdict admin CLI: npm run server:admin -- <command> (--data DIR | --database postgres://…) [options]

  add-contributor --email E --name N [--role rater|supervisor|admin] [--password P] [--vetted]
                  [--country DE] [--age-band 25-34] [--education master]
                  [--languages en:C1,de:native] [--specialties code,law] [--supervisor EMAIL]
  vet --email E            unvet --email E
  suspend --email E [--reason TEXT]          unsuspend --email E
  set-password --email E [--password P]
  list-contributors
  import-tasks --file TASKS.jsonl --set ID [--source S] [--licence L] [--attribution A]
  import-votes --file VOTES.jsonl       (historical votes of existing raters on imported tasks)
  import-llmfao --dir LLMFAO_DIR [--supervisor EMAIL]
  rotate-secrets [--drop-previous]
  audit-log [--limit N]

VERDICT_DATABASE_URL works like --database.
Prints JSON. Changes are written to the audit log as "cli:<os user>".
A running server picks up rotated secrets when it restarts.`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    data: { type: 'string', default: '.data/server' },
    database: { type: 'string' },
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', default: 'rater' },
    password: { type: 'string' },
    vetted: { type: 'boolean', default: false },
    country: { type: 'string' },
    'age-band': { type: 'string' },
    education: { type: 'string' },
    languages: { type: 'string' },
    specialties: { type: 'string' },
    supervisor: { type: 'string' },
    reason: { type: 'string' },
    file: { type: 'string' },
    dir: { type: 'string' },
    set: { type: 'string' },
    source: { type: 'string' },
    licence: { type: 'string' },
    attribution: { type: 'string' },
    'drop-previous': { type: 'boolean', default: false },
    limit: { type: 'string', default: '50' },
    help: { type: 'boolean', default: false },
  },
});

const actor = `cli:${userInfo().username}`;
const dataDir = resolve(values.data);

function need(name: 'email' | 'name' | 'file' | 'dir' | 'set'): string {
  const value = values[name];
  if (!value) throw new Error(`--${name} is required for this command`);
  return value;
}

async function run(db: Db, command: string): Promise<unknown> {
  switch (command) {
    case 'add-contributor': {
      const { account, password } = await addContributor(db, actor, {
        email: need('email'),
        displayName: need('name'),
        role: Role.parse(values.role),
        vetted: values.vetted,
        ...(values.password ? { password: values.password } : {}),
        ...(values.supervisor ? { supervisorEmail: values.supervisor } : {}),
        ...(values.country ? { country: values.country } : {}),
        ...(values['age-band'] ? { ageBand: values['age-band'] } : {}),
        ...(values.education ? { education: values.education } : {}),
        ...(values.languages ? { languages: values.languages } : {}),
        ...(values.specialties ? { specialties: values.specialties } : {}),
      });
      return {
        id: account.public_id,
        email: account.email,
        role: account.role,
        vetted: account.vetted === 1,
        password,
      };
    }
    case 'vet':
    case 'unvet':
      return {
        id: (await setVetted(db, actor, need('email'), command === 'vet')).public_id,
        vetted: command === 'vet',
      };
    case 'suspend':
    case 'unsuspend':
      return {
        id: (await setSuspended(db, actor, need('email'), command === 'suspend', values.reason)).public_id,
        suspended: command === 'suspend',
      };
    case 'set-password':
      return { email: need('email'), password: await setPassword(db, actor, need('email'), values.password) };
    case 'list-contributors':
      return (await listContributors(db)).map((a) => ({
        id: a.public_id,
        email: a.email,
        role: a.role,
        vetted: !!a.vetted,
        suspended: !!a.suspended,
      }));
    case 'import-tasks':
      return await importTaskFile(db, actor, resolve(need('file')), {
        id: need('set'),
        source: values.source ?? resolve(need('file')),
        licence: values.licence ?? 'unspecified',
        attribution: values.attribution ?? '',
      });
    case 'import-votes':
      return await importVoteFile(db, actor, resolve(need('file')));
    case 'import-llmfao': {
      const supervisor = values.supervisor ? ((await findAccountByEmail(db, values.supervisor)) ?? null) : null;
      if (values.supervisor && supervisor?.role !== 'supervisor')
        throw new Error(`${values.supervisor} is not a supervisor`);
      return await importLlmfao(db, actor, resolve(need('dir')), supervisor);
    }
    case 'rotate-secrets': {
      const kids = await rotateSecretsFor(db, dataDir, { dropPrevious: values['drop-previous'] });
      await audit(db, actor, 'secrets.rotate', null, { ...kids, dropPrevious: values['drop-previous'] });
      return { rotated: kids, note: 'restart the server to sign with the new keys' };
    }
    case 'audit-log':
      return await db.many('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?', [Number(values.limit)]);
    default:
      throw new Error(`unknown command "${command}"\n\n${USAGE}`);
  }
}

const command = positionals[0];
if (!command || values.help) {
  console.log(USAGE);
  process.exit(command ? 0 : 1);
}
const db = await openStore({ dataDir, databaseUrl: values.database ?? process.env.VERDICT_DATABASE_URL, poolSize: 2 });
try {
  console.log(JSON.stringify(await run(db, command), null, 2));
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
