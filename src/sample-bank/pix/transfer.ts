import type { PixRejectionCode, PixTransfer } from '../../connectors/index.ts';
import type { sampleBankPixTransfers } from './schema.ts';

function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** A stored transfer as the contract returns it. */
export function toTransfer(row: typeof sampleBankPixTransfers.$inferSelect): PixTransfer {
  return {
    endToEndId: row.endToEndId,
    status: row.status,
    amount: row.amount,
    submittedAt: isoSeconds(row.submittedAt),
    ...(row.finishedAt === null ? {} : { finishedAt: isoSeconds(row.finishedAt) }),
    ...(row.rejectionCode === null
      ? {}
      : {
          rejection: { code: row.rejectionCode as PixRejectionCode, detail: row.rejectionDetail ?? '' },
        }),
  };
}
