import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAppError } from '../../platform/errors/index.ts';
import { brasiliaDate } from './dates.ts';
import { buildEndToEndId, checkEndToEndId, parseEndToEndId } from './end-to-end-id.ts';
import { checkConsentDetails, checkTransactionIdentification, isPixKey } from './local-instrument.ts';
import { formatBrl, toCents } from './money.ts';
import { cancellationRefusal, canTransition } from './payment-status.ts';
import { buildStaticQrCode, parsePixQrCode } from './qr-code.ts';
import { immediateDate, scheduleDates } from './schedule.ts';

const rejectsWith = (code: string, fn: () => unknown) =>
  assert.throws(fn, (e: unknown) => isAppError(e) && (e.code === code || e.code === `PAYMENTS_${code}`));
const ACCOUNT = { ispb: '99999999', issuer: '0001', number: '1234567', accountType: 'CACC' as const };

describe('schedules (payments.yaml Schedule; DIGEST §4.4)', () => {
  const today = '2025-01-15';
  it('lays out daily, weekly, monthly and custom occurrences', () => {
    assert.deepEqual(scheduleDates({ daily: { startDate: '2025-01-16', quantity: 3 } }, today), ['2025-01-16', '2025-01-17', '2025-01-18']); // prettier-ignore
    // 2025-01-16 is a Thursday: the first Monday on or after it is the 20th.
    assert.deepEqual(scheduleDates({ weekly: { dayOfWeek: 'SEGUNDA_FEIRA', startDate: '2025-01-16', quantity: 2 } }, today), ['2025-01-20', '2025-01-27']); // prettier-ignore
    assert.deepEqual(scheduleDates({ custom: { dates: ['2025-03-01', '2025-02-01'], additionalInformation: 'x' } }, today), ['2025-02-01', '2025-03-01']); // prettier-ignore
  });

  it('moves a monthly day the month lacks to the next day, and starts next month when the day has passed', () => {
    assert.deepEqual(scheduleDates({ monthly: { dayOfMonth: 31, startDate: '2025-01-20', quantity: 3 } }, today), ['2025-01-31', '2025-03-01', '2025-03-31']); // prettier-ignore
    assert.deepEqual(scheduleDates({ monthly: { dayOfMonth: 10, startDate: '2025-01-20', quantity: 2 } }, today), ['2025-02-10', '2025-03-10']); // prettier-ignore
    assert.deepEqual(scheduleDates({ monthly: { dayOfMonth: 5, startDate: '2025-11-20', quantity: 3 } }, today), ['2025-12-05', '2026-01-05', '2026-02-05']); // prettier-ignore
  });

  it('keeps every date between D+1 and D+730 and refuses repeated custom dates and over 60 payments', () => {
    rejectsWith('DATA_PAGAMENTO_INVALIDA', () => scheduleDates({ single: { date: today } }, today));
    assert.deepEqual(scheduleDates({ single: { date: '2025-1-16' } }, today), ['2025-01-16']);
    rejectsWith('DATA_PAGAMENTO_INVALIDA', () => scheduleDates({ single: { date: '2027-01-16' } }, today));
    rejectsWith('PARAMETRO_INVALIDO', () => scheduleDates({ custom: { dates: ['2025-02-01', '2025-02-01'], additionalInformation: 'x' } }, today)); // prettier-ignore
    rejectsWith('PARAMETRO_INVALIDO', () =>
      scheduleDates({ daily: { startDate: '2025-01-16', quantity: 61 } }, today),
    );
    rejectsWith('PARAMETRO_INVALIDO', () => scheduleDates({ single: { date: '2025-02-30' } }, today));
  });

  it('takes an immediate payment only for today in Brasília', () => {
    assert.equal(immediateDate('2025-01-15', today), today);
    rejectsWith('DATA_PAGAMENTO_INVALIDA', () => immediateDate('2025-01-14', today));
    assert.equal(brasiliaDate(new Date('2025-01-16T02:59:00Z')), '2025-01-15');
  });
});

describe('endToEndId (EndToEndIdWithoutRestriction)', () => {
  const now = new Date('2025-01-15T12:00:00Z');
  it('builds ids that parse back and fit their payment', () => {
    const immediate = buildEndToEndId('12345678', now);
    assert.equal(immediate.length, 32);
    assert.equal(parseEndToEndId(immediate)?.date, '2025-01-15');
    assert.equal(checkEndToEndId(immediate, { kind: 'immediate', now }), undefined);
    const scheduled = buildEndToEndId('12345678', { scheduledDate: '2025-02-10' });
    assert.equal(checkEndToEndId(scheduled, { kind: 'scheduled', date: '2025-02-10' }), undefined);
    assert.equal(
      checkEndToEndId(scheduled, { kind: 'scheduled', date: '2025-02-11' }),
      'wrong-settlement-date',
    );
  });
  it('refuses a time beyond the 12-hour SPI tolerance, a day that does not exist, a malformed id', () => {
    assert.equal(
      checkEndToEndId('E1234567820250116010000000000001', { kind: 'immediate', now }),
      'out-of-window',
    );
    assert.equal(checkEndToEndId('E1234567820250115000100000000001', { kind: 'immediate', now }), undefined);
    assert.equal(
      checkEndToEndId('E1234567820250230150000000000001', { kind: 'scheduled', date: '2025-02-28' }),
      'invalid-date',
    );
    assert.equal(
      checkEndToEndId('E123456782025011512000000000000!', { kind: 'immediate', now }),
      'malformed',
    );
  });
});

describe('local instruments, Pix keys and QR codes', () => {
  const qr = buildStaticQrCode({
    key: 'loja@example.com',
    amount: '10.00',
    txid: 'TX123',
    name: 'LOJA',
    city: 'BRASILIA',
  });
  it('parses a static BR Code and refuses a corrupted CRC', () => {
    assert.deepEqual(parsePixQrCode(qr), { kind: 'static', key: 'loja@example.com', amount: '10.00', txid: 'TX123', merchantName: 'LOJA' }); // prettier-ignore
    assert.equal(parsePixQrCode(`${qr.slice(0, -1)}0`), undefined);
  });
  it('applies the proxy and QR rules of each instrument on the consent', () => {
    rejectsWith('DETALHE_PAGAMENTO_INVALIDO', () => checkConsentDetails({ localInstrument: 'MANU', proxy: 'a@b.com', creditorAccount: ACCOUNT }, '10.00')); // prettier-ignore
    rejectsWith('PARAMETRO_NAO_INFORMADO', () =>
      checkConsentDetails({ localInstrument: 'DICT', creditorAccount: ACCOUNT }, '10.00'),
    );
    rejectsWith('PARAMETRO_NAO_INFORMADO', () => checkConsentDetails({ localInstrument: 'QRES', proxy: 'loja@example.com', creditorAccount: ACCOUNT }, '10.00')); // prettier-ignore
    assert.ok(checkConsentDetails({ localInstrument: 'QRES', proxy: 'loja@example.com', qrCode: qr, creditorAccount: ACCOUNT }, '10.00')); // prettier-ignore
    rejectsWith('DETALHE_PAGAMENTO_INVALIDO', () => checkConsentDetails({ localInstrument: 'QRES', proxy: 'outra@example.com', qrCode: qr, creditorAccount: ACCOUNT }, '10.00')); // prettier-ignore
    rejectsWith('DETALHE_PAGAMENTO_INVALIDO', () => checkConsentDetails({ localInstrument: 'QRES', proxy: 'loja@example.com', qrCode: qr, creditorAccount: ACCOUNT }, '11.00')); // prettier-ignore
    rejectsWith('DETALHE_PAGAMENTO_INVALIDO', () => checkConsentDetails({ localInstrument: 'QRDN', proxy: 'loja@example.com', qrCode: qr, creditorAccount: ACCOUNT }, '10.00')); // prettier-ignore
    rejectsWith('PARAMETRO_NAO_INFORMADO', () => checkConsentDetails({ localInstrument: 'MANU', creditorAccount: { ...ACCOUNT, issuer: undefined } }, '10.00')); // prettier-ignore
  });
  it('applies the transactionIdentification rules of each instrument on the payment', () => {
    checkTransactionIdentification('MANU', undefined, undefined);
    rejectsWith('DETALHE_PAGAMENTO_INVALIDO', () => checkTransactionIdentification('DICT', 'TX1', undefined));
    rejectsWith('PARAMETRO_NAO_INFORMADO', () =>
      checkTransactionIdentification('INIC', undefined, undefined),
    );
    rejectsWith('DETALHE_PAGAMENTO_INVALIDO', () =>
      checkTransactionIdentification('INIC', 'A'.repeat(26), undefined),
    );
    checkTransactionIdentification('QRES', 'TX123', parsePixQrCode(qr));
    rejectsWith('DETALHE_PAGAMENTO_INVALIDO', () =>
      checkTransactionIdentification('QRES', undefined, parsePixQrCode(qr)),
    );
    rejectsWith('DETALHE_PAGAMENTO_INVALIDO', () =>
      checkTransactionIdentification('QRDN', 'A'.repeat(25), undefined),
    );
  });
  it('recognises the five kinds of Pix key', () => {
    for (const key of [
      '+5561999998888',
      'pessoa@exemplo.com.br',
      '76109277673',
      '11222333000181',
      '123e4567-e89b-12d3-a456-426614174000',
    ]) {
      assert.ok(isPixKey(key), key);
    }
    assert.ok(!isPixKey('61 99999-8888'));
  });
});

describe('money and lifecycle', () => {
  it('keeps money in cents and prints it the Brazilian way', () => {
    assert.equal(toCents('1234567890123456.99'), 123456789012345699n);
    assert.equal(formatBrl('1234567.05'), 'R$ 1.234.567,05');
  });
  it('allows only the lifecycle transitions and cancels only PDNG or SCHD before their day', () => {
    assert.ok(canTransition('ACPD', 'ACSC'));
    assert.ok(!canTransition('ACSC', 'RJCT'));
    assert.ok(!canTransition('RCVD', 'CANC'));
    assert.equal(
      cancellationRefusal({ status: 'SCHD', scheduledDate: '2025-01-16' }, '2025-01-15'),
      undefined,
    );
    assert.match(
      cancellationRefusal({ status: 'SCHD', scheduledDate: '2025-01-15' }, '2025-01-15') ?? '',
      /dia anterior/,
    );
    assert.match(cancellationRefusal({ status: 'ACSC', scheduledDate: null }, '2025-01-15') ?? '', /ACSC/);
  });
});
