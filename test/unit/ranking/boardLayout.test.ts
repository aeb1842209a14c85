import { describe, expect, it } from 'vitest';
import { layoutBoard, type RankedModel } from '../../../shared/ranking';

const model = (name: string, rating: number, halfWidth: number, votes: number): RankedModel => ({
  model: name,
  rating,
  lower: rating - halfWidth,
  upper: rating + halfWidth,
  rank: 0,
  votes,
  wins: 0,
  losses: 0,
  ties: 0,
});

describe('laying out a board for people', () => {
  it('lists a model with too few votes as provisional, without a rank, however high its rating', () => {
    const layout = layoutBoard([model('lucky', 1400, 300, 2), model('a', 1100, 10, 500), model('b', 1000, 10, 500)], [], 100);
    expect(layout.provisional.map((m) => m.model)).toEqual(['lucky']);
    expect(layout.groups).toHaveLength(1);
    expect(layout.groups[0]?.models.map((m) => [m.model, m.rank])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('orders rows by rank, then rating, so the rank column never jumps', () => {
    // narrow is rated above wide but ranks below it: 1 + (models clearly ahead).
    const layout = layoutBoard([model('top', 1200, 5, 900), model('narrow', 1100, 2, 900), model('wide', 1090, 200, 900)], [], 100);
    const ranks = layout.groups[0]?.models.map((m) => m.rank) ?? [];
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    expect(layout.groups[0]?.models.map((m) => m.model)).toEqual(['top', 'wide', 'narrow']);
  });

  it('shows groups that were never compared as separate boards, ranked within themselves, largest first', () => {
    const models = [model('en-a', 1100, 10, 500), model('en-b', 1000, 10, 500), model('en-c', 900, 10, 500), model('ja-a', 1300, 10, 200), model('ja-b', 700, 10, 200)];
    const layout = layoutBoard(models, [{ kind: 'disconnected', components: [['ja-a', 'ja-b'], ['en-a', 'en-b', 'en-c']] }], 100);
    expect(layout.groups.map((group) => group.models.map((m) => `${m.model}:${m.rank}`))).toEqual([
      ['en-a:1', 'en-b:2', 'en-c:3'],
      ['ja-a:1', 'ja-b:2'],
    ]);
  });

  it('does not make a separate board of a group whose models are all provisional', () => {
    const layout = layoutBoard([model('en-a', 1100, 10, 500), model('en-b', 1000, 10, 500), model('ko-a', 1500, 400, 1)], [{ kind: 'disconnected', components: [['en-a', 'en-b'], ['ko-a']] }], 100);
    expect(layout.groups).toHaveLength(1);
    expect(layout.provisional.map((m) => m.model)).toEqual(['ko-a']);
  });
});
