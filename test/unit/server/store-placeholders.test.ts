import { describe, expect, it } from 'vitest';
import { perDialect } from '../../../server/store/dialect';
import { numberPlaceholders } from '../../../server/store/placeholders';

describe('one SQL text for both stores', () => {
  it('numbers ? placeholders in order for PostgreSQL, leaving quoted text and casts alone', () => {
    expect(numberPlaceholders(`SELECT '?', x FROM t WHERE a = ? AND b = ?::jsonb AND c = 'it''s ?'`)).toEqual({
      text: `SELECT '?', x FROM t WHERE a = $1 AND b = $2::jsonb AND c = 'it''s ?'`,
      names: null,
    });
  });

  it('numbers :name placeholders once per name, in order of first use', () => {
    expect(
      numberPlaceholders('SELECT 1 FROM v WHERE id = :id UNION ALL SELECT 2 FROM w WHERE id = :id AND n < :cap'),
    ).toEqual({
      text: 'SELECT 1 FROM v WHERE id = $1 UNION ALL SELECT 2 FROM w WHERE id = $1 AND n < $2',
      names: ['id', 'cap'],
    });
  });

  it('refuses a statement that mixes both kinds', () => {
    expect(() => numberPlaceholders('SELECT 1 WHERE a = ? AND b = :b')).toThrow(/mixes/);
  });

  it('builds one text per dialect from the same fragments', () => {
    const statement = perDialect((d) => `SELECT id FROM tasks WHERE id IN ${d.jsonTexts('?')}${d.skipLocked}`);
    expect(statement).toEqual({
      sqlite: 'SELECT id FROM tasks WHERE id IN (SELECT value FROM json_each(?))',
      postgres: 'SELECT id FROM tasks WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb)) FOR UPDATE SKIP LOCKED',
    });
  });
});
