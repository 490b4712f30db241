import { expect } from 'chai';
import { MAX_CALL_VARIABLES, MAX_PARSED_CALL_DATA, encodeOutgoingCallData, parseCallVariables, parseNamedVariables, parseUserData } from '../../../lib/pega/call-data.js';

describe('Pega call data parsing (UUI → pyCallVariables / pyUserData / pyNamedVariables)', () => {
  it('a pipe list keeps its values in order, empty ones included; XML and empty text give none', () => {
    expect(parseCallVariables('42||balance')).to.deep.equal(['42', '', 'balance']);
    expect(parseCallVariables('single')).to.deep.equal(['single']);
    expect(parseCallVariables('')).to.deep.equal([]);
    expect(parseCallVariables(' <a>1</a>')).to.deep.equal([]);
    expect(parseCallVariables('x|'.repeat(100))).to.have.length(MAX_CALL_VARIABLES);
  });

  it('XML: leaf elements by name (nested ones flattened, first one wins); not XML, broken or DTD-bearing XML gives {}', () => {
    expect(parseUserData('<CallData><A>1</A><Group><B>2</B><A>3</A></Group><Empty/></CallData>')).to.deep.equal({ A: '1', B: '2', Empty: '' });
    expect(parseUserData('<CallData><A>1</CallData>')).to.deep.equal({});
    expect(parseUserData('<!DOCTYPE x [<!ENTITY e "boom">]><x><a>&e;</a></x>')).to.deep.equal({});
    expect(parseUserData('a=1|b=2')).to.deep.equal({});
    expect(parseUserData(`<d>${'<a>1</a>'.repeat(MAX_PARSED_CALL_DATA)}</d>`)).to.deep.equal({});
    expect(parseUserData('<d><x>&lt;ok&amp;</x></d>')).to.deep.equal({ x: '<ok&' });
  });

  it('key=value items only when the whole text is such items', () => {
    expect(parseNamedVariables('a=1;b=2&c=3')).to.deep.equal({ a: '1', b: '2', c: '3' });
    expect(parseNamedVariables('a=1|fr')).to.deep.equal({});
  });

  it('encodes outgoing call data in one of Pega\'s forms', () => {
    expect(encodeOutgoingCallData({})).to.equal(undefined);
    expect(encodeOutgoingCallData({ callData: 'raw' })).to.equal('raw');
    expect(encodeOutgoingCallData({ userData: { A: '1', B: 'x>y' } })).to.equal('<CallData><A>1</A><B>x&gt;y</B></CallData>');
    expect(encodeOutgoingCallData({ callVariables: ['1', '2'] })).to.equal('1|2');
    expect(encodeOutgoingCallData({ userData: { '1a': 'x' } })).to.have.property('error');
  });
});
