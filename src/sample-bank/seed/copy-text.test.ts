import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sampleBankBrands } from '../schema/brands.ts';
import { copyField, copyLine, describeCopyTable } from './copy-text.ts';
import { centsToDecimal } from './accounts-family.ts';

describe('COPY text encoding', () => {
  it('escapes the characters COPY gives meaning to and writes NULL as \\N', () => {
    assert.equal(copyField('a\tb\nc\\d\re'), 'a\\tb\\nc\\\\d\\re');
    assert.equal(copyField(null), '\\N');
    assert.equal(copyField(undefined), '\\N');
    assert.equal(copyField('plain Ação'), 'plain Ação');
  });

  it('writes bytea as escaped hex, dates as ISO instants, arrays as quoted literals', () => {
    assert.equal(copyField(Buffer.from([0, 255, 16])), '\\\\x00ff10');
    assert.equal(copyField(new Date('2025-06-30T12:00:00.123Z')), '2025-06-30T12:00:00.123Z');
    assert.equal(copyField(['customers', 'a"b']), '{"customers","a\\\\"b"}');
    assert.equal(copyField(true), 't');
  });

  it('lists every column of a table by its SQL name and writes rows in that order', () => {
    const table = describeCopyTable(sampleBankBrands);
    assert.equal(table.qualifiedName, '"sample_bank"."brands"');
    assert.match(
      table.copySql,
      /^COPY "sample_bank"\."brands" \("brand_id", "brand_name", .*"completed_at"\) FROM STDIN$/,
    );
    const line = copyLine(table, { brandId: 'b1', brandName: 'Banco', seed: 7 });
    const fields = line.slice(0, -1).split('\t');
    assert.equal(fields.length, table.keys.length);
    assert.deepEqual([fields[0], fields[1], fields[table.keys.indexOf('seed')]], ['b1', 'Banco', '7']);
    assert.equal(fields[table.keys.indexOf('completedAt')], '\\N');
  });

  it('prints cents as decimal strings with two places', () => {
    assert.deepEqual([0, 5, 1234, -1234, -5, 100].map(centsToDecimal), [
      '0.00',
      '0.05',
      '12.34',
      '-12.34',
      '-0.05',
      '1.00',
    ]);
  });
});
