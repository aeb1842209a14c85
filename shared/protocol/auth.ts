import { z } from 'zod';
import {
  AgeBand,
  CanonicalId,
  CountryCode,
  Education,
  IsoDateTime,
  LanguageTag,
  OpaqueId,
  Proficiency,
} from './primitives';

export const AUTH_LOGIN_PATH = '/v1/auth/login';
export const AUTH_REFRESH_PATH = '/v1/auth/refresh';
export const AUTH_LOGOUT_PATH = '/v1/auth/logout';
export const ME_PATH = '/v1/me';

export const LoginRequest = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(1).max(1024),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

/** Refresh tokens rotate: each one works once, and reusing a spent one ends the whole session. */
export const RefreshRequest = z.strictObject({
  refreshToken: z.string().min(1).max(512),
});
export type RefreshRequest = z.infer<typeof RefreshRequest>;

export const LogoutRequest = RefreshRequest;
export type LogoutRequest = RefreshRequest;

export const Role = z.enum(['rater', 'supervisor', 'admin']);
export type Role = z.infer<typeof Role>;

export const LanguageSkill = z.strictObject({
  tag: LanguageTag,
  proficiency: Proficiency,
});
export type LanguageSkill = z.infer<typeof LanguageSkill>;

export const Profile = z.object({
  country: CountryCode.nullable(),
  ageBand: AgeBand.nullable(),
  education: Education.nullable(),
  languages: z.array(LanguageSkill),
  specialties: z.array(CanonicalId),
});
export type Profile = z.infer<typeof Profile>;

export const Account = z.object({
  id: OpaqueId,
  email: z.string().nullable(),
  displayName: z.string(),
  role: Role,
  profile: Profile,
});
export type Account = z.infer<typeof Account>;

/** Answer to login and refresh. The access token goes in `Authorization: Bearer …`. */
export const Session = z.object({
  accessToken: z.string(),
  accessExpiresAt: IsoDateTime,
  refreshToken: z.string(),
  refreshExpiresAt: IsoDateTime,
  account: Account,
});
export type Session = z.infer<typeof Session>;

export const LogoutResponse = z.object({ loggedOut: z.literal(true) });
export type LogoutResponse = z.infer<typeof LogoutResponse>;
