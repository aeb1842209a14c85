import { z } from 'zod';

/**
 * Small value types that several resources share. Every string has an upper
 * bound so that a hostile body cannot make the server hold megabytes in one
 * field; the limits are generous for honest clients.
 */

export const IsoDateTime = z.iso.datetime({ offset: true });

/** BCP 47, as the client's Intl APIs produce it: "en", "pt-BR", "zh-Hant-TW". */
export const LanguageTag = z
  .string()
  .min(2)
  .max(35)
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'expected a BCP 47 language tag such as "en" or "pt-BR"');

/** ISO 3166-1 alpha-2, upper case. */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code such as "DE"');

/** Canonical ids (criteria, reason tags, specialties) are the same in every locale. */
export const CanonicalId = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]{0,63}$/,
    'expected a canonical id: lower-case letters, digits and "_", starting with a letter',
  );

export const AgeBand = z.enum(['18-24', '25-34', '35-44', '45-54', '55-64', '65+']);
export type AgeBand = z.infer<typeof AgeBand>;

export const Education = z.enum(['primary', 'secondary', 'vocational', 'bachelor', 'master', 'doctorate']);
export type Education = z.infer<typeof Education>;

/** CEFR levels plus native; tasks are routed only at B2 or better (see server docs). */
export const Proficiency = z.enum(['native', 'C2', 'C1', 'B2', 'B1', 'A2', 'A1']);
export type Proficiency = z.infer<typeof Proficiency>;

/** Opaque ids the server hands out (rater ids, task ids); never parse them. */
export const OpaqueId = z.string().min(1).max(128);
