import { randomBytes } from 'node:crypto';
import type { Account, LanguageSkill, Profile, Role } from '../../shared/protocol/auth';
import type { Db } from '../db/open';
import { sql } from '../db/statements';

export interface AccountRow {
  id: number;
  public_id: string;
  email: string | null;
  password_hash: string | null;
  display_name: string;
  role: Role;
  vetted: number;
  suspended: number;
  supervisor_id: number | null;
  country: string | null;
  age_band: string | null;
  education: string | null;
  languages: string;
  specialties: string;
  created_at: number;
}

export interface NewAccount {
  publicId?: string;
  email: string | null;
  passwordHash: string | null;
  displayName: string;
  role: Role;
  vetted: boolean;
  supervisorId?: number | null;
  profile: Profile;
}

export async function findAccountById(db: Db, id: number): Promise<AccountRow | undefined> {
  return (await sql(db, 'SELECT * FROM accounts WHERE id = ?').get(id)) as AccountRow | undefined;
}

export async function findAccountByEmail(db: Db, email: string): Promise<AccountRow | undefined> {
  return (await sql(db, 'SELECT * FROM accounts WHERE email = ?').get(email)) as AccountRow | undefined;
}

export async function findAccountByPublicId(db: Db, publicId: string): Promise<AccountRow | undefined> {
  return (await sql(db, 'SELECT * FROM accounts WHERE public_id = ?').get(publicId)) as AccountRow | undefined;
}

/** Public ids are what the API shows; row ids stay internal so they leak no account counts. */
export function newPublicId(): string {
  return `r_${randomBytes(9).toString('base64url')}`;
}

export async function insertAccount(db: Db, account: NewAccount, now = Date.now()): Promise<AccountRow> {
  const { profile } = account;
  const result = await sql(
    db,
    `INSERT INTO accounts (public_id, email, password_hash, display_name, role, vetted, supervisor_id,
       country, age_band, education, languages, specialties, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  ).get(
    account.publicId ?? newPublicId(),
    account.email,
    account.passwordHash,
    account.displayName,
    account.role,
    account.vetted ? 1 : 0,
    account.supervisorId ?? null,
    profile.country,
    profile.ageBand,
    profile.education,
    JSON.stringify(profile.languages),
    JSON.stringify(profile.specialties),
    now,
  );
  return (await findAccountById(db, Number(result?.id))) as AccountRow;
}

export function profileOf(row: AccountRow): Profile {
  return {
    country: row.country,
    ageBand: row.age_band as Profile['ageBand'],
    education: row.education as Profile['education'],
    languages: JSON.parse(row.languages) as LanguageSkill[],
    specialties: JSON.parse(row.specialties) as string[],
  };
}

export function toAccount(row: AccountRow): Account {
  return {
    id: row.public_id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    profile: profileOf(row),
  };
}

/** Raters a supervisor may see: their own team. Admins see everyone. */
export function canSupervise(viewer: AccountRow, rater: AccountRow): boolean {
  if (viewer.role === 'admin') return true;
  return viewer.role === 'supervisor' && rater.supervisor_id === viewer.id;
}

export async function teamOf(db: Db, viewer: AccountRow): Promise<AccountRow[]> {
  if (viewer.role === 'admin')
    return (await sql(db, `SELECT * FROM accounts WHERE role = 'rater' ORDER BY id`).all()) as unknown as AccountRow[];
  return (await sql(db, 'SELECT * FROM accounts WHERE supervisor_id = ? ORDER BY id').all(
    viewer.id,
  )) as unknown as AccountRow[];
}
