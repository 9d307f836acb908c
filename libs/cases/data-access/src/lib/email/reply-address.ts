import { randomBytes } from 'node:crypto';

/**
 * Reply addresses: every case has a secret reply token, and mail to `<local>+<token>@<domain>` (the
 * intake address with the token as its sub-address, RFC 5233) joins that case whatever its subject says.
 * The token appears only in the Reply-To of mail we send the requester; it opens nothing by itself.
 */

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** Syntax of a reply token: lower-case letters and digits (new tokens are base32, older rows hex). */
export const REPLY_TOKEN_PATTERN = /^[a-z0-9]{10,64}$/;

/** 20 base32 characters: 100 random bits, lower case so that no mail system's case folding breaks it. */
export function newReplyToken(): string {
  const bytes = randomBytes(20);
  let token = '';
  for (const byte of bytes) token += BASE32[byte & 31];
  return token;
}

/** `talk@homeroom.test` + `k3x…` → `talk+k3x…@homeroom.test`. */
export function replyAddressFor(intakeAddress: string, token: string): string {
  const at = intakeAddress.lastIndexOf('@');
  if (at <= 0) throw new Error(`Not an email address: ${intakeAddress}`);
  return `${intakeAddress.slice(0, at)}+${token}${intakeAddress.slice(at)}`.toLowerCase();
}

/** The domain of an address, lower case (`talk@HomeRoom.test` → `homeroom.test`). */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

export interface IntakeRecipient {
  /** The intake address the mail is for (without any sub-address). */
  intake: string;
  /** The sub-address after `+`, lower case, when there is one (a reply token, or anything else). */
  detail?: string;
}

/**
 * Whether `address` is one of the intake addresses, directly or with a `+detail` sub-address, and which.
 * Comparison is case-insensitive; `intakeAddresses` are expected in lower case.
 */
export function parseIntakeRecipient(
  address: string,
  intakeAddresses: readonly string[],
): IntakeRecipient | undefined {
  const normalized = address.trim().toLowerCase();
  if (intakeAddresses.includes(normalized)) return { intake: normalized };
  const at = normalized.lastIndexOf('@');
  const plus = normalized.indexOf('+');
  if (at <= 0 || plus <= 0 || plus > at) return undefined;
  const intake = `${normalized.slice(0, plus)}${normalized.slice(at)}`;
  if (!intakeAddresses.includes(intake)) return undefined;
  const detail = normalized.slice(plus + 1, at);
  return detail ? { intake, detail } : { intake };
}

/** The distinct reply tokens among the recipients: sub-addresses of intake addresses with token syntax. */
export function replyTokensIn(addresses: Iterable<string>, intakeAddresses: readonly string[]): string[] {
  const tokens = new Set<string>();
  for (const address of addresses) {
    const detail = parseIntakeRecipient(address, intakeAddresses)?.detail;
    if (detail && REPLY_TOKEN_PATTERN.test(detail)) tokens.add(detail);
  }
  return [...tokens];
}
