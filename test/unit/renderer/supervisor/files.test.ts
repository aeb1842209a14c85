import { describe, expect, it } from 'vitest';
import { assessRaters } from '../../../../renderer/src/features/supervisor/analysis/raterStatus';
import { inkOn, viridis, viridisRgb } from '../../../../renderer/src/features/supervisor/common/palette';
import { csvCell, toCsv } from '../../../../renderer/src/features/supervisor/data/csv';
import { itemIdFromQuery, itemLink } from '../../../../renderer/src/features/supervisor/data/itemLink';
import { teamTableFile } from '../../../../renderer/src/features/supervisor/team/teamExport';
import { filterRows, sortRows, type TeamRow } from '../../../../renderer/src/features/supervisor/team/teamRows';
import { rater } from './fixtures';

function rows(): TeamRow[] {
  const raters = [
    rater('b', { votes: 20, agreement: 0.8, agreementCompared: 20 }, 'Beatriz'),
    rater('a', { votes: 10, agreement: null }, '=cmd|x'),
    rater('c', { votes: 30, agreement: 0.6, agreementCompared: 20 }, 'Chen'),
  ];
  const { assessments } = assessRaters(raters, new Set(['c']), 0.1);
  return raters.map((r) => ({ rater: r, assessment: assessments.get(r.id)!, extras: null }));
}

describe('CSV and JSONL', () => {
  it('quotes per RFC 4180 and defuses cells a spreadsheet would run, but not negative numbers', () => {
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-0.25')).toBe('-0.25');
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell(null)).toBe('');
    expect(toCsv(['x', 'y'], [[1, 'two']])).toBe('x,y\r\n1,two\r\n');
  });

  it('exports the team table with pseudonymous ids only, unless identities are allowed', () => {
    const pseudonymous = teamTableFile(rows(), 'csv', false, new Date('2026-02-03T00:00:00Z'));
    expect(pseudonymous.fileName).toBe('verdict-team-2026-02-03.csv');
    expect(pseudonymous.content.split('\r\n')[0]).toMatch(/^rater_id,status,reasons,votes,/);
    expect(pseudonymous.content).not.toMatch(/Beatriz|@example\.org/);
    const full = teamTableFile(rows(), 'jsonl', true);
    const lines = full.content
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatchObject({ rater_id: 'a', display_name: '=cmd|x', email: 'a@example.org', agreement: null });
    expect(lines[2]).toMatchObject({ rater_id: 'c', status: 'flagged', reasons: 'flag' });
  });

  it('carries how the defended ranking weighs each rater: weight, screens, and the model they are partisan about', () => {
    const team = rows();
    team[0]!.rater.quality.reliability = {
      accuracy: 0.81,
      weight: 0.62,
      relativeWeight: 1.03,
      decisive: 18,
      firstSideRate: 0.5,
      firstSideZ: 0,
      topModel: 'Model A',
      concentrationZ: 0.2,
      failed: [],
      partisan: { model: 'Weaver 12k', posterior: 0.97, favours: true },
      downWeighted: true,
    };
    team[2]!.rater.quality.reliability = {
      ...team[0]!.rater.quality.reliability,
      accuracy: null,
      weight: 0,
      relativeWeight: 0,
      failed: ['gold', 'firstSide'],
      partisan: null,
    };
    const [b, a, c] = teamTableFile(team, 'jsonl', false)
      .content.trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(b).toMatchObject({
      ranking_weight_relative: 1.03,
      reliability_accuracy: 0.81,
      screens_failed: '',
      partisan_model: 'Weaver 12k',
      partisan_posterior: 0.97,
      partisan_favours: true,
      down_weighted: true,
    });
    expect(c).toMatchObject({
      ranking_weight_relative: 0,
      reliability_accuracy: null,
      screens_failed: 'gold|firstSide',
      partisan_model: null,
      down_weighted: true,
    });
    // No reliability from the server: empty cells, not guesses.
    expect(a).toMatchObject({
      ranking_weight_relative: null,
      screens_failed: null,
      partisan_model: null,
      down_weighted: null,
    });
    const csv = teamTableFile(team, 'csv', false).content.split('\r\n');
    expect(csv[0]).toMatch(
      /,ranking_weight_relative,reliability_accuracy,screens_failed,partisan_model,partisan_posterior,partisan_favours,down_weighted$/,
    );
    expect(csv[1]).toMatch(/,1\.03,0\.81,,Weaver 12k,0\.97,true,true$/);
  });
});

describe('the team table rows', () => {
  it('sorts by a metric with unknown values last either way, and filters by status and search', () => {
    expect(sortRows(rows(), 'agreement', 'desc').map((r) => r.rater.id)).toEqual(['b', 'c', 'a']);
    expect(sortRows(rows(), 'agreement', 'asc').map((r) => r.rater.id)).toEqual(['c', 'b', 'a']);
    expect(sortRows(rows(), 'status', 'desc')[0]!.rater.id).toBe('c');
    expect(filterRows(rows(), 'flagged', '').map((r) => r.rater.id)).toEqual(['c']);
    expect(filterRows(rows(), 'all', 'BEA').map((r) => r.rater.id)).toEqual(['b']);
  });
});

describe('item links', () => {
  it('round-trips an item id through a verdict:// link', () => {
    const link = itemLink('llmfao-12 /x');
    expect(link).toBe('verdict://item/llmfao-12%20%2Fx');
    expect(itemIdFromQuery(link)).toBe('llmfao-12 /x');
    expect(itemIdFromQuery(' llmfao-3 ')).toBe('llmfao-3');
  });
});

describe('the viridis palette', () => {
  it('matches matplotlib viridis at its ends and middle, to within four 8-bit steps', () => {
    const close = (rgb: number[], hex: string) =>
      rgb.forEach((v, i) => expect(Math.abs(v - parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16))).toBeLessThanOrEqual(4));
    close(viridisRgb(0), '#440154');
    close(viridisRgb(0.5), '#21918c');
    close(viridisRgb(0.75), '#5ec962');
    close(viridisRgb(1), '#fde725');
    expect(viridis(2)).toBe(viridis(1));
  });

  it('picks white ink on the dark end and black on the light end', () => {
    expect(inkOn(0)).toBe('#ffffff');
    expect(inkOn(1)).toBe('#000000');
  });
});
