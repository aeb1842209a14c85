import { describe, expect, it } from 'vitest';
import type { RankedModel } from '../../../../shared/ranking';
import { exportFileName } from '../../../../renderer/src/features/leaderboard/download';
import { csvField, leaderboardCsv, winRate } from '../../../../renderer/src/features/leaderboard/table/leaderboardCsv';
import { svgDataUrl } from '../../../../renderer/src/features/leaderboard/charts/exportPng';

const model = (name: string, changes: Partial<RankedModel> = {}): RankedModel => ({
  model: name,
  rating: 1012.345678,
  lower: 990.1234,
  upper: 1034.5678,
  rank: 1,
  votes: 10,
  wins: 5,
  losses: 3,
  ties: 2,
  ...changes,
});

describe('exports', () => {
  it('writes the table as CSV with full precision and a header', () => {
    expect(leaderboardCsv([model('gpt-x')])).toBe(
      'rank,model,rating,lower_95,upper_95,votes,wins,losses,ties,win_rate\r\n1,gpt-x,1012.35,990.12,1034.57,10,5,3,2,0.6\r\n',
    );
    expect(winRate(model('m'))).toBe(0.6);
    expect(winRate(model('m', { votes: 0, wins: 0, ties: 0 }))).toBe(0);
  });

  it('quotes model names with commas and quotes, and defuses spreadsheet formulas', () => {
    expect(csvField('Llama, "big"')).toBe('"Llama, ""big"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-model')).toBe("'-model");
    expect(csvField(3.5)).toBe('3.5');
  });

  it('names export files after the slice and the day', () => {
    const day = new Date('2026-11-27T12:00:00Z');
    expect(exportFileName('leaderboard', {}, 'csv', day)).toBe('verdict-leaderboard-2026-11-27.csv');
    expect(exportFileName('leaderboard', { language: 'de', age_band: '25-34' }, 'png', day)).toBe('verdict-leaderboard-language-de-age-band-25-34-2026-11-27.png');
  });

  it('serializes a chart as a self-contained SVG data URL on a white background (the CSP allows data: images)', () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('width', '40');
    svg.setAttribute('height', '20');
    svg.innerHTML = '<circle cx="5" cy="5" r="3" fill="#1f5fbf"></circle>';
    const url = svgDataUrl(svg);
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    const text = decodeURIComponent(url.slice(url.indexOf(',') + 1));
    expect(text.match(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g)).toHaveLength(1);
    expect(text).toMatch(/<rect width="40" height="20" fill="#ffffff"\s*\/><circle/);
    expect(svg.querySelector('rect')).toBeNull();
  });
});
