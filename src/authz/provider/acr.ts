/** FAPI-BR 1.0 ID3 §5.2.2.4: authentication context classes. */
export const ACR_LOA2 = 'urn:brasil:openbanking:loa2';
export const ACR_LOA3 = 'urn:brasil:openbanking:loa3';
