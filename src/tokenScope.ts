/** Scopes the service knows today; the service may add more (see {@link TokenScope}). */
export const KnownTokenScope = {
  /** Chat: access to the Chat APIs. */
  Chat: "chat",
  /** VoIP: access to the Calling APIs. */
  Voip: "voip",
  /** Join an existing chat thread only (api-version 2023-10-01 and later). */
  ChatJoin: "chat.join",
  /** Join an existing chat thread without adding or removing participants (2023-10-01 and later). */
  ChatJoinLimited: "chat.join.limited",
  /** Join an existing call only (2023-10-01 and later). */
  VoipJoin: "voip.join",
} as const;

/** One of the {@link KnownTokenScope} values. */
export type KnownTokenScopeValue = (typeof KnownTokenScope)[keyof typeof KnownTokenScope];

/**
 * The scope of a token. Completion offers the known scopes, and any other string is accepted
 * so scopes the service adds later work without a client update.
 */
export type TokenScope = KnownTokenScopeValue | (string & {});
