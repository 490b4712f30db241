import { expect } from 'chai';
import { setNewest } from '../../lib/bounded-map.js';

describe('setNewest (the bound of insertion-ordered maps)', () => {
  it('adds as the newest entry and drops the oldest past the bound', () => {
    const m = new Map<string, number>();
    for (const [k, v] of [['a', 1], ['b', 2], ['c', 3]] as const) expect(setNewest(m, k, v, 3)).to.equal(0);
    expect(setNewest(m, 'd', 4, 3)).to.equal(1);
    expect([...m]).to.deep.equal([['b', 2], ['c', 3], ['d', 4]]);
  });

  it('moves an existing key to the end without dropping anything', () => {
    const m = new Map([['a', 1], ['b', 2], ['c', 3]]);
    expect(setNewest(m, 'a', 9, 3)).to.equal(0);
    expect([...m]).to.deep.equal([['b', 2], ['c', 3], ['a', 9]]);
  });

  it('shrinks a map over the bound to it, and keeps at least the new entry when the bound is below 1', () => {
    const m = new Map([['a', 1], ['b', 2], ['c', 3], ['d', 4]]);
    expect(setNewest(m, 'e', 5, 2)).to.equal(3);
    expect([...m]).to.deep.equal([['d', 4], ['e', 5]]);
    expect(setNewest(m, 'f', 6, 0)).to.equal(2);
    expect([...m]).to.deep.equal([['f', 6]]);
  });
});
