/**
 * The CIN census rules on the header, the child's identifiers and characteristics, and the counts
 * across a return (DfE CIN census validation specification, 2025-26): a passing and a failing case each.
 */
import { describe } from 'node:test';
import { CTX, cleanChild, cleanReturn, d, ruleTests, withChild, withEpisode } from '../../../../../test/support/census-rules.js';

const nfa = { referralDecision: 'nfa', primaryNeedCode: 'N0', assessments: [], s47s: [], icpcs: [], cpPlans: [], cinPlans: [], closureDate: d('2025-05-06'), closureReason: 'RC8' };

describe('CIN census rules: header, identifiers, characteristics, counts', () => {
  ruleTests([
    { code: '100', what: 'the reference date is 31 March', fail: cleanReturn(), failCtx: { ...CTX, year: { start: d('2025-04-01'), referenceDate: d('2026-03-30') } } },
    { code: '1510', what: 'the check letter of 123456789012 is A, not B', fail: [withChild({ upn: 'B123456789012' })] },
    { code: '1510', what: 'a temporary UPN (letter at 13) is checked too: X12345678901A is right, A12345678901A is not', pass: [withChild({ upn: 'X12345678901A' })], fail: [withChild({ upn: 'A12345678901A' })] },
    { code: '1520', what: 'two children with one UPN are both named', fail: [cleanChild('BAD'), cleanChild('OTHER')], child: 'BAD' },
    { code: '1540', what: 'characters 5-12 are digits', fail: [withChild({ upn: 'A1234567X9012' })] },
    { code: '1550', what: 'character 13 is a digit or a check-table letter (not I)', fail: [withChild({ upn: 'A12345678901I' })] },
    { code: '1570', what: 'an LA child ID of 21 characters', fail: [cleanChild('BAD'.padEnd(21, 'X'))], child: 'BAD'.padEnd(21, 'X') },
    { code: '1580', what: 'an LA child ID with a hyphen', fail: [cleanChild('BAD-1')], child: 'BAD-1' },
    { code: '2886Q', what: 'sex not recorded for more than 2% of children born', fail: [...cleanReturn(), cleanChild('C4', { sex: 'U' })] },
    { code: '2887Q', what: 'only 7 disability codes used', fail: cleanReturn().map((c) => (c.laChildId === 'C3' ? { ...c, disabilities: ['INC', 'LD'] } : c)) },
    { code: '2888Q', what: 'every disabled child has just one code', fail: cleanReturn().map((c) => ({ ...c, disabilities: c.disabilities.slice(0, 1) })) },
    { code: '4180', what: 'sex is M, F or U', fail: [withChild({ sex: '1' })] },
    { code: '4220', what: 'an ethnicity code not in the table', fail: [withChild({ ethnicity: 'XXXX' })] },
    { code: '8500', what: 'an empty LA child ID', fail: [cleanChild('')], child: '' },
    { code: '8510', what: 'two children with one LA child ID', fail: [cleanChild('BAD'), cleanChild('BAD', { upn: 'P123456789013' })], child: 'BAD' },
    { code: '8520', what: 'born after 31 March 2026', fail: [withChild({ dateOfBirth: d('2026-04-01') })] },
    { code: '8525Q', what: 'neither date of birth nor expected date of birth', fail: [withChild({ dateOfBirth: null })] },
    { code: '8530Q', what: 'expected in January 2027 (March to December 2026 expected)', pass: [withChild({ dateOfBirth: null, expectedDateOfBirth: d('2026-12-31'), sex: 'U', upn: null, upnUnknown: 'UN1', disabilities: [] })], fail: [withChild({ dateOfBirth: null, expectedDateOfBirth: d('2027-01-01'), sex: 'U' })] },
    { code: '8535Q', what: 'died before being born', fail: [withChild({ deathDate: d('2015-05-01') })] },
    { code: '8540', what: 'an invalid disability code', fail: [withChild({ disabilities: ['AUT', 'XYZ'] })] },
    { code: '8540', what: 'no disability recorded for a child born, with further action', pass: [withEpisode(nfa, { disabilities: [] })], fail: [withChild({ disabilities: [] })] },
    { code: '8545Q', what: 'died before the census year', fail: [withChild({ deathDate: d('2025-03-31') })] },
    { code: '8590', what: 'a child with no episode', fail: [withChild({ episodes: [] })] },
    { code: '8750', what: 'an unborn child with sex F', fail: [withChild({ dateOfBirth: null, expectedDateOfBirth: d('2026-06-01'), sex: 'F' })] },
    { code: '8770Q', what: 'a 10-year-old with no UPN and UN1', pass: [withChild({ upn: null, upnUnknown: 'UN2' })], fail: [withChild({ upn: null, upnUnknown: 'UN1' })] },
    { code: '8770Q', what: 'a child 6 on 31 March 2026 with no UPN and no reason; one 6 the next day is not yet of school age', pass: [withChild({ dateOfBirth: d('2020-04-01'), upn: null, upnUnknown: null })], fail: [withChild({ dateOfBirth: d('2020-03-31'), upn: null, upnUnknown: null })] },
    { code: '8772', what: 'UN7 with a referral that went on to further action', pass: [withEpisode(nfa, { upn: null, upnUnknown: 'UN7' })], fail: [withChild({ upn: null, upnUnknown: 'UN7' })] },
    { code: '8790', what: 'NONE with AUT', fail: [withChild({ disabilities: ['NONE', 'AUT'] })] },
    { code: '8794', what: 'AUT twice', fail: [withChild({ disabilities: ['AUT', 'AUT'] })] },
  ]);
});
