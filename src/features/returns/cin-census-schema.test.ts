/** The census Hearth writes is valid against the DfE's CIN census schema; a broken one is reported by line. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CENSUS_CHILDREN, YEAR_2025_26 } from '../../../test/support/census-children.js';
import { buildCinCensus } from '../../domain/returns/cin-census/build-census.js';
import { checkAgainstSchema } from './xsd.js';

const header = { year: YEAR_2025_26, lea: '209', madeAt: new Date('2026-05-01T09:30:00Z'), softwareCode: 'Hearth', release: 'test' };

test('the 2025-26 census of a hand-built record is valid against CIN_schema_2024.xsd', () => {
  const { xml } = buildCinCensus(CENSUS_CHILDREN, header);
  assert.deepEqual(checkAgainstSchema(xml, 'cin'), []);
});

test('elements out of the schema’s order, a bad code and a DOCTYPE are each refused, with the line', () => {
  const { xml } = buildCinCensus(CENSUS_CHILDREN, header);
  const swapped = xml.replace(/(<ReferralSource>2A<\/ReferralSource>)(\s*)(<CINreferralDate>[^<]*<\/CINreferralDate>)/, '$3$2$1').replace(/<CINreferralDate>2025-03-10<\/CINreferralDate>(\s*)<ReferralSource>2A<\/ReferralSource>/, '<ReferralSource>2A</ReferralSource>$1<CINreferralDate>2025-03-10</CINreferralDate>');
  const order = checkAgainstSchema(swapped, 'cin');
  assert.ok(order.length > 0 && order.every((e) => typeof e.line === 'number'), JSON.stringify(order));
  assert.match(order[0]!.message, /ReferralSource|CINreferralDate/);
  const code = checkAgainstSchema(xml.replace('<Ethnicity>WBRI</Ethnicity>', '<Ethnicity>XXXX</Ethnicity>'), 'cin');
  assert.equal(code.length, 1);
  assert.match(code[0]!.message, /Ethnicity/);
  const doctype = checkAgainstSchema(xml.replace('<Message>', '<!DOCTYPE Message [<!ENTITY x "y">]><Message>'), 'cin');
  assert.match(doctype[0]!.message, /DOCTYPE/);
});
