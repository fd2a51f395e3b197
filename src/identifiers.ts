/**
 * A Communication Services user. Structurally the same as `CommunicationUserIdentifier` in
 * `@azure/communication-common`, so values pass between the two packages unchanged.
 */
export interface CommunicationUserIdentifier {
  /** The user's id as returned by the service, e.g. `8:acs:<resource>_<guid>`. */
  communicationUserId: string;
}
