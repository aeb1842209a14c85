import { describe, expect, it } from 'vitest';
import { PairCountsBuilder, type Outcome } from '../../../shared/ranking/index';
import { csvLayout, emitTallies, lineStartAfter, tallyCsvRange, type CsvCountSink } from '../../../scripts/rank/csvBytes';

/** Records the sink calls, and builds the counts they add up to. */
function recordingSink(): CsvCountSink & { calls: string[]; builder: PairCountsBuilder } {
  const builder = new PairCountsBuilder();
  const calls: string[] = [];
  return {
    calls,
    builder,
    modelId: (name) => builder.modelId(name),
    addCounted: (idA: number, idB: number, outcome: Outcome, votes: number) => {
      calls.push(`${idA} ${idB} ${outcome} ${votes}`);
      builder.addById(idA, idB, outcome, votes);
    },
  };
}

const csv = Buffer.from(
  [
    'id,model_a,model_b,winner',
    '1,alpha,beta,model_a',
    '2,beta,alpha,model_b\r',
    '',
    '3,gamma,alpha,tie',
    '4,béta-ü,gamma,tie (bothbad)',
    '5,alpha,béta-ü,both_bad',
    '6,delta,beta,model_a',
    '7,béta-ü,beta,model_b',
    '8,beta,gamma,model_a',
    '9,epsilon,delta,model_b',
    '',
  ].join('\n'),
);

function wholeBody(): { calls: string[]; models: string[] } {
  const layout = csvLayout(csv)!;
  const sink = recordingSink();
  expect(emitTallies([tallyCsvRange(csv, layout.bodyStart, csv.length, layout.columns)!], sink)).toBe(true);
  return { calls: sink.calls, models: sink.builder.build().models };
}

describe('counting a plain CSV in ranges', () => {
  it('gives the sink the same calls, in the same order, wherever the body is split', () => {
    const layout = csvLayout(csv)!;
    const whole = wholeBody();
    expect([...whole.models].sort()).toEqual(['alpha', 'beta', 'béta-ü', 'delta', 'epsilon', 'gamma']);
    for (let at = layout.bodyStart; at <= csv.length; at++) {
      const split = lineStartAfter(csv, at);
      const sink = recordingSink();
      const first = tallyCsvRange(csv, layout.bodyStart, split, layout.columns)!;
      const second = tallyCsvRange(csv, split, csv.length, layout.columns)!;
      expect(emitTallies([first, second], sink)).toBe(true);
      expect(sink.calls).toEqual(whole.calls);
      expect(sink.builder.build().models).toEqual(whole.models);
    }
  });

  it('splits only at the start of a line', () => {
    for (let at = 1; at < csv.length; at++) {
      const split = lineStartAfter(csv, at);
      expect(split).toBeGreaterThanOrEqual(at);
      expect(split === csv.length || csv[split - 1] === 0x0a).toBe(true);
    }
  });

  it('gives up on a range with anything unusual, so the full parser can name the line', () => {
    const columns = csvLayout(csv)!.columns;
    const bad = (text: string) => tallyCsvRange(Buffer.from(text), 0, Buffer.byteLength(text), columns);
    expect(bad('1,alpha,beta,model_a\n2,alpha,beta\n')).toBeNull(); // a missing field
    expect(bad('1,alpha,alpha,tie\n')).toBeNull(); // a model against itself
    expect(bad('1,alpha,beta,draw\n')).toBeNull(); // an unknown winner
    expect(bad('1, ,beta,tie\n')).toBeNull(); // an empty name
    expect(tallyCsvRange(Buffer.from('1,al\xffpha,beta,tie\n', 'latin1'), 0, 18, columns)).toBeNull(); // not UTF-8
    expect(csvLayout(Buffer.from('model_a,model_b,winner\n"a",b,tie\n'))).toBeNull(); // quotes: full parser
  });
});
