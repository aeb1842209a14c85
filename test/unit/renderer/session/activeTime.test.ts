import { describe, expect, it } from 'vitest';
import { ActiveTime } from '../../../../renderer/src/features/session/activeTime';

describe('active time on a task', () => {
  it('counts time between bits of activity', () => {
    const time = new ActiveTime(60_000, 0);
    time.activity(10_000);
    time.activity(25_000);
    expect(time.elapsed(30_000)).toBe(30_000);
  });

  it('stops counting at the idle cut-off when nothing happens', () => {
    const time = new ActiveTime(60_000, 0);
    expect(time.elapsed(5 * 60_000)).toBe(60_000);
    expect(time.isIdle(5 * 60_000)).toBe(true);
  });

  it('pauses while the window is hidden', () => {
    const time = new ActiveTime(60_000, 0);
    time.setVisible(false, 10_000);
    time.setVisible(true, 50_000);
    expect(time.elapsed(55_000)).toBe(15_000);
  });

  it('starts again from zero after a reset', () => {
    const time = new ActiveTime(60_000, 0);
    time.activity(20_000);
    time.reset(20_000);
    expect(time.elapsed(21_000)).toBe(1_000);
  });
});
