// Append-only, hash-chained audit log (DESIGN §4). Appends share the caller's transaction;
// `verifyAuditChain` re-derives every hash (`ponte audit verify`).
export { createAuditLog, type AppendedAuditEntry, type AuditEntry, type AuditLog } from './append.ts';
export {
  verifyAuditChain,
  formatAuditVerification,
  type AuditVerification,
  type VerifyOptions,
} from './verify.ts';
export { auditEntryHash, canonicalJson, AuditErrorCode, GENESIS_HASH } from './canonical.ts';
export { auditLog, auditChainHead } from './schema.ts';
