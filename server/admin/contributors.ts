import type { LanguageSkill, Profile, Role } from '../../shared/protocol/auth';
import {
  AgeBand,
  CanonicalId,
  CountryCode,
  Education,
  LanguageTag,
  Proficiency,
} from '../../shared/protocol/primitives';
import { findAccountByEmail, insertAccount, type AccountRow } from '../accounts/repo';
import { audit } from '../audit';
import { generatePassword, hashPassword } from '../auth/passwords';
import { revokeAllForAccount } from '../auth/tokens';
import { transaction, type Db } from '../db/open';
import { sql } from '../db/statements';

export interface ContributorInput {
  email: string;
  password?: string;
  displayName: string;
  role: Role;
  vetted: boolean;
  supervisorEmail?: string;
  country?: string;
  ageBand?: string;
  education?: string;
  /** "en:C1,de:native" */
  languages?: string;
  /** "code,law" */
  specialties?: string;
}

/** Parses "en:C1,de:native" into validated skills; unknown levels are an error, not a guess. */
export function parseLanguages(spec: string): LanguageSkill[] {
  return spec
    .split(',')
    .filter((part) => part.trim() !== '')
    .map((part) => {
      const [tag, level = 'C1'] = part.trim().split(':');
      return { tag: LanguageTag.parse(tag), proficiency: Proficiency.parse(level) };
    });
}

function profileFrom(input: ContributorInput): Profile {
  return {
    country: input.country ? CountryCode.parse(input.country.toUpperCase()) : null,
    ageBand: input.ageBand ? AgeBand.parse(input.ageBand) : null,
    education: input.education ? Education.parse(input.education) : null,
    languages: input.languages ? parseLanguages(input.languages) : [],
    specialties: (input.specialties ?? '')
      .split(',')
      .filter(Boolean)
      .map((s) => CanonicalId.parse(s.trim())),
  };
}

/** Creates an account; returns it with the password (generated when not given) to hand over once. */
export async function addContributor(
  db: Db,
  actor: string,
  input: ContributorInput,
): Promise<{ account: AccountRow; password: string }> {
  const password = input.password ?? generatePassword();
  const profile = profileFrom(input);
  const passwordHash = await hashPassword(password);
  const account = await transaction(db, async () => {
    if (await findAccountByEmail(db, input.email))
      throw new Error(`an account with email ${input.email} already exists`);
    const supervisor = input.supervisorEmail ? await findAccountByEmail(db, input.supervisorEmail) : undefined;
    if (input.supervisorEmail && supervisor?.role !== 'supervisor')
      throw new Error(`${input.supervisorEmail} is not a supervisor`);
    const row = await insertAccount(db, {
      email: input.email,
      passwordHash,
      displayName: input.displayName,
      role: input.role,
      vetted: input.vetted,
      supervisorId: supervisor?.id ?? null,
      profile,
    });
    await audit(db, actor, 'contributor.add', row.public_id, {
      email: input.email,
      role: input.role,
      vetted: input.vetted,
      profile,
    });
    return row;
  });
  return { account, password };
}

async function requireAccount(db: Db, email: string): Promise<AccountRow> {
  const account = await findAccountByEmail(db, email);
  if (!account) throw new Error(`no account with email ${email}`);
  return account;
}

export async function setVetted(db: Db, actor: string, email: string, vetted: boolean): Promise<AccountRow> {
  return await transaction(db, async () => {
    const account = await requireAccount(db, email);
    await sql(db, 'UPDATE accounts SET vetted = ? WHERE id = ?').run(vetted ? 1 : 0, account.id);
    if (!vetted) await revokeAllForAccount(db, account.id);
    await audit(db, actor, vetted ? 'contributor.vet' : 'contributor.unvet', account.public_id);
    return await requireAccount(db, email);
  });
}

/** Suspension takes effect on the next request: every request re-reads the account. */
export async function setSuspended(
  db: Db,
  actor: string,
  email: string,
  suspended: boolean,
  reason = '',
): Promise<AccountRow> {
  return await transaction(db, async () => {
    const account = await requireAccount(db, email);
    await sql(db, 'UPDATE accounts SET suspended = ? WHERE id = ?').run(suspended ? 1 : 0, account.id);
    if (suspended) await revokeAllForAccount(db, account.id);
    await audit(db, actor, suspended ? 'contributor.suspend' : 'contributor.unsuspend', account.public_id, { reason });
    return await requireAccount(db, email);
  });
}

export async function setPassword(
  db: Db,
  actor: string,
  email: string,
  password = generatePassword(),
): Promise<string> {
  const hash = await hashPassword(password);
  await transaction(db, async () => {
    const account = await requireAccount(db, email);
    await sql(db, 'UPDATE accounts SET password_hash = ? WHERE id = ?').run(hash, account.id);
    await revokeAllForAccount(db, account.id);
    await audit(db, actor, 'contributor.set_password', account.public_id);
  });
  return password;
}

export async function listContributors(db: Db): Promise<AccountRow[]> {
  return (await sql(db, 'SELECT * FROM accounts WHERE email IS NOT NULL ORDER BY id').all()) as unknown as AccountRow[];
}
