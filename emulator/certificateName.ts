/**
 * Subject and issuer common name of the emulator's self-signed certificate;
 * also how the CLI recognizes a certificate file it wrote earlier.
 */
export const CERTIFICATE_COMMON_NAME = "ACS Identity emulator (localhost)";
