import { invalidWebhookUris } from '../errors.ts';
import { stringArray, type RegistrationCheck } from '../registration-context.ts';

/**
 * DCR v2.1.0 §7.1 (DIGEST §6.2 item 10): `webhook_uris`, when sent, equals the SSA's
 * `software_api_webhook_uris` (as a set); absent, the SSA's value applies. dcr.yaml error
 * `invalid_webhook_uris`.
 */
export const checkWebhookUris: RegistrationCheck = ({ metadata, ssa }) => {
  const fromSsa = ssa.software_api_webhook_uris ?? [];
  if (metadata.webhook_uris === undefined) {
    if (fromSsa.length > 0) metadata.webhook_uris = [...fromSsa];
    return;
  }
  const requested = stringArray(metadata.webhook_uris);
  if (requested === undefined) throw invalidWebhookUris('webhook_uris must be an array of strings');
  const same = requested.length === new Set(fromSsa).size && requested.every((uri) => fromSsa.includes(uri));
  if (!same) {
    throw invalidWebhookUris('webhook_uris must equal software_api_webhook_uris of the software statement');
  }
};
