import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { insertAccount, type AccountRow } from '../accounts/repo';
import { audit } from '../audit';
import { DEFAULT_SCRYPT_LOG2N, generatePassword, hashPassword } from '../auth/passwords';
import { transaction, type Db } from '../db/open';
import { sql } from '../db/statements';
import { loadLlmfao } from '../imports/llmfao-load';
import { BENGALI_SET, KOREAN_SET, RAKUDA_SET, readBengali, readKorean, readRakuda } from '../imports/multilingual';
import {
  insertPromptItem,
  ResponseStore,
  upsertTaskSet,
  type PromptItem,
  type TaskSetInfo,
} from '../imports/task-store';
import { DEMO_PEOPLE, writeDemoAccounts, type DemoAccountsFile } from './accounts';

export const DEFAULT_DEMO_ASSETS = resolve(dirname(fileURLToPath(import.meta.url)), '../../assets/demo');

export interface SeedSummary {
  tasks: number;
  votes: number;
  importedRaters: number;
}

async function insertSet(db: Db, set: TaskSetInfo, items: PromptItem[]): Promise<number> {
  await upsertTaskSet(db, set);
  const store = new ResponseStore(db);
  let tasks = 0;
  for (const item of items) tasks += await insertPromptItem(db, set.id, item, store);
  return tasks;
}

/**
 * Seeds the demo network into an empty database: demo accounts, the LLMFAO
 * tasks and its 8,931 real crowd votes (124 raters), and Korean, Japanese
 * and Bengali tasks. One transaction, so a crash leaves an empty database
 * that seeds again on the next start. Returns null if accounts already exist.
 */
export async function seedDemoIfEmpty(
  db: Db,
  dataDir: string,
  assetsDir = DEFAULT_DEMO_ASSETS,
  passwordLog2N = DEFAULT_SCRYPT_LOG2N,
): Promise<SeedSummary | null> {
  const { n } = (await sql(db, 'SELECT COUNT(*) AS n FROM accounts').get()) as { n: number };
  if (n > 0) return null;
  const passwords = DEMO_PEOPLE.map(() => generatePassword());
  const hashes = await Promise.all(passwords.map((password) => hashPassword(password, passwordLog2N)));
  return await transaction(db, async () => {
    const rows = new Map<string, AccountRow>();
    // The supervisor goes first: raters join the supervisor's team as they are created.
    const ordered = [...DEMO_PEOPLE].sort((x, y) => Number(y.role === 'supervisor') - Number(x.role === 'supervisor'));
    for (const person of ordered) {
      const index = DEMO_PEOPLE.indexOf(person);
      const supervisorId = person.role === 'rater' ? (rows.get('supervisor')?.id ?? null) : null;
      rows.set(
        person.key,
        await insertAccount(db, { ...person, passwordHash: hashes[index] as string, vetted: true, supervisorId }),
      );
    }
    const llmfao = await loadLlmfao(db, join(assetsDir, 'llmfao'), rows.get('supervisor') as AccountRow);
    let tasks = llmfao.tasks;
    tasks += await insertSet(db, KOREAN_SET, readKorean(join(assetsDir, 'korean-mt-bench')));
    tasks += await insertSet(db, RAKUDA_SET, readRakuda(join(assetsDir, 'rakuda-ja')));
    tasks += await insertSet(db, BENGALI_SET, readBengali(join(assetsDir, 'm2lingual-mt-bench')));
    const accounts: DemoAccountsFile['accounts'] = DEMO_PEOPLE.map((person, index) => ({
      ...person,
      id: (rows.get(person.key) as AccountRow).public_id,
      password: passwords[index] as string,
    }));
    writeDemoAccounts(dataDir, accounts);
    const summary = { tasks, votes: llmfao.votes, importedRaters: llmfao.raters };
    await audit(db, 'system:demo-seed', 'demo.seed', null, summary);
    return summary;
  });
}
