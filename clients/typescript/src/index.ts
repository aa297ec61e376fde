// @companyos/client: the thin TypeScript / React Native client for the CompanyOS API.
// The core uses only fetch, Request/Headers, AbortController, TextEncoder, crypto.getRandomValues /
// crypto.subtle and setTimeout: no Node built-ins, so it runs in browsers, Node >= 20 and React Native.

export { createCompanyOSClient, authMiddleware, paginate, pages } from "./client.js";
export type { CompanyOSClient, CompanyOSClientOptions, Page, paths, components, operations } from "./client.js";
export { createTransport } from "./transport.js";
export type { Transport, TransportOptions, ExecuteOptions } from "./transport.js";
export {
  ClientCredentialsProvider,
  RefreshingTokenProvider,
  StaticTokenProvider,
  discover,
  formEncode,
  requestToken,
} from "./auth.js";
export type {
  ClientCredentialsOptions,
  FetchLike,
  GetTokenOptions,
  OidcMetadata,
  RefreshingProviderOptions,
  TokenProvider,
  TokenSet,
} from "./auth.js";
export { DEVICE_CODE_GRANT, deviceFlow, pollDeviceToken, startDeviceAuthorization } from "./device.js";
export type { DeviceAuthorization, DeviceFlowOptions } from "./device.js";
export { SealedBox, SealedBoxError } from "./sealed.js";
export {
  buildAuthorizationUrl,
  codeChallengeS256,
  createCodeVerifier,
  createPkce,
  createState,
  exchangeAuthorizationCode,
  parseAuthorizationResponse,
} from "./pkce.js";
export type { AuthorizationUrlOptions, PkcePair, Sha256 } from "./pkce.js";
export {
  CompanyOSConnectionError,
  CompanyOSError,
  CompanyOSProblemError,
  CompanyOSTimeoutError,
  OAuthError,
  QueuedOfflineError,
  StepUpRequiredError,
  parseBearerChallenge,
  problemFromResponse,
} from "./errors.js";
export type { BearerChallenge, FieldProblem, ProblemDetails } from "./errors.js";
export { backoffDelay, isRetryableStatus, parseRetryAfter, resolveRetry } from "./retry.js";
export type { RetryOptions } from "./retry.js";
export { DEFAULT_PII_FIELDS, REDACTED, Redactor, SECRET_FIELDS } from "./logging.js";
export type { LogEvent, LogLevel, Logger } from "./logging.js";
export { KeychainTokenStorage, MemoryStorage, MemoryTokenStorage, SecureStoreTokenStorage } from "./storage.js";
export type { KeychainLike, KeyValueStorage, SecureStoreLike, TokenStorage } from "./storage.js";
export { OfflineQueue } from "./queue.js";
export type { FlushResult, OfflineQueueOptions, QueuedRequest } from "./queue.js";
export { base64url, newRequestId, uuid4 } from "./util.js";
export { MAX_BATCH as TRACK_MAX_BATCH, Tracker, buildEvent, createTracker } from "./track.js";
export type { AnalyticsEvent, AnalyticsIngestResult, TrackFields, TrackFlushResult, TrackerOptions } from "./track.js";
export const VERSION = "1.0.0";
