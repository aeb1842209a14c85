import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Profile, Role } from '../../shared/protocol/auth';

export const DEMO_ACCOUNTS_FILE = 'demo-accounts.json';

export interface DemoPerson {
  key: 'rater1' | 'rater2' | 'supervisor' | 'admin';
  email: string;
  displayName: string;
  role: Role;
  profile: Profile;
}

/**
 * The demo network's people. The raters differ in every segment field so
 * the segmented leaderboard and language routing have something to show:
 * rater1 gets German-, English- and Japanese-language tasks, rater2 gets
 * English, Korean and Bengali ones (there are no real Arabic pairs to offer).
 */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    key: 'rater1',
    email: 'rater1@verdict.example',
    displayName: 'Lena Hoffmann',
    role: 'rater',
    profile: {
      country: 'DE',
      ageBand: '25-34',
      education: 'master',
      languages: [
        { tag: 'de', proficiency: 'native' },
        { tag: 'en', proficiency: 'C1' },
        { tag: 'ja', proficiency: 'B2' },
      ],
      specialties: ['software', 'science'],
    },
  },
  {
    key: 'rater2',
    email: 'rater2@verdict.example',
    displayName: 'Omar Hassan',
    role: 'rater',
    profile: {
      country: 'EG',
      ageBand: '35-44',
      education: 'bachelor',
      languages: [
        { tag: 'ar', proficiency: 'native' },
        { tag: 'en', proficiency: 'C1' },
        { tag: 'ko', proficiency: 'B2' },
        { tag: 'bn', proficiency: 'B2' },
      ],
      specialties: ['writing', 'law'],
    },
  },
  {
    key: 'supervisor',
    email: 'supervisor@verdict.example',
    displayName: 'Priya Natarajan',
    role: 'supervisor',
    profile: {
      country: 'IN',
      ageBand: '45-54',
      education: 'doctorate',
      languages: [{ tag: 'en', proficiency: 'native' }],
      specialties: [],
    },
  },
  {
    key: 'admin',
    email: 'admin@verdict.example',
    displayName: 'Verdict Admin',
    role: 'admin',
    profile: {
      country: 'NL',
      ageBand: '35-44',
      education: 'master',
      languages: [{ tag: 'en', proficiency: 'C2' }],
      specialties: [],
    },
  },
];

export interface DemoAccountsFile {
  version: 1;
  note: string;
  accounts: Array<DemoPerson & { id: string; password: string }>;
}

/** Written before the seed commits and replaced atomically, mode 0600: it holds live passwords. */
export function writeDemoAccounts(dataDir: string, accounts: DemoAccountsFile['accounts']): void {
  const file: DemoAccountsFile = {
    version: 1,
    note: 'Demo credentials generated on first start with --demo. Sign in with POST /v1/auth/login {email, password}.',
    accounts,
  };
  const path = join(dataDir, DEMO_ACCOUNTS_FILE);
  const fd = openSync(`${path}.tmp`, 'w', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(file, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(`${path}.tmp`, path);
}
