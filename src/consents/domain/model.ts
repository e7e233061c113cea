import type { CustomerRef, ResourceType } from '../../connectors/index.ts';
import type { Permission } from './permissions.ts';
import type { ConsentStatus, RejectedBy, RejectionReasonCode } from './status-policy.ts';

/** consents.yaml LoggedUserDocument / BusinessEntityDocument. */
export interface ConsentDocument {
  identification: string;
  rel: string;
}

/** consents.yaml ResponseConsentRead.data.rejection. */
export interface Rejection {
  rejectedBy: RejectedBy;
  reason: { code: RejectionReasonCode; additionalInformation?: string };
}

/** resources 3.1.0 `status` of a linked resource. */
export type ConsentResourceStatus =
  'AVAILABLE' | 'UNAVAILABLE' | 'TEMPORARILY_UNAVAILABLE' | 'PENDING_AUTHORISATION';

export interface ConsentResource {
  type: ResourceType;
  resourceId: string;
  status: ConsentResourceStatus;
}

/** A data-sharing consent as the domain sees it (documents in clear; storage encrypts them). */
export interface Consent {
  brandId: string;
  consentId: string;
  /** The receiver's OAuth client that created it; only that client may read or revoke it. */
  clientId: string;
  status: ConsentStatus;
  permissions: Permission[];
  creationDateTime: Date;
  statusUpdateDateTime: Date;
  /** null: indefinite term ("prazo indeterminado"). */
  expirationDateTime: Date | null;
  loggedUser: { document: ConsentDocument };
  businessEntity: { document: ConsentDocument } | null;
  rejection: Rejection | null;
  /** `isLinked` of the optimised journey, when the receiver sent it. */
  isLinked: boolean | null;
  /** The institution's customer who authorised it (set at authorisation). */
  customer: CustomerRef | null;
}

/** One renewal (consents.yaml ResponseConsentReadExtensions.data[]). */
export interface ConsentExtension {
  expirationDateTime: Date | null;
  previousExpirationDateTime: Date | null;
  loggedUser: { document: ConsentDocument };
  requestDateTime: Date;
  xFapiCustomerIpAddress: string;
  xCustomerUserAgent: string;
}

export interface PageRequest {
  page: number;
  pageSize: number;
}

export interface Page<T> {
  items: T[];
  totalRecords: number;
  totalPages: number;
}
