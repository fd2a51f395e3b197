/** Package version, sent in the User-Agent header. */
export const SDK_VERSION = "0.7.0";
export const SDK_USER_AGENT = `azsdk-js-communication-identity-acsgen/${SDK_VERSION}`;
