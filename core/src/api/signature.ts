/**
 * CloudStack request signing, for the API edge and for clients and tests. The algorithm lives in
 * domain/signature.ts (pure, no dependencies) so the auth service can use it without importing
 * the api layer.
 */
export {
  canonicalQuery,
  javaUrlEncode,
  parseExpires,
  signRequest,
  verifySignature,
  type SignableParams,
} from '../domain/signature';
