/**
 * The `Chat` advanced service global (appsscript.json: userSymbol "Chat", serviceId "chat", version "v1").
 * @types/google-apps-script ships no Chat typings, so this file declares the facade Apps Script generates from the
 * Chat API v1 discovery document: the request body first (when the method has one), then the path parameters, then
 * the optional query arguments, then optional request headers. `delete` is exposed as `remove`. media.download is
 * not available through the advanced service (REST via UrlFetchApp only). Schema types come from @googleapis/chat
 * (type-only import; nothing of it is bundled).
 */
import type { chat_v1 } from '@googleapis/chat';

declare global {
  namespace GoogleAppsScript.Chat {
    type Space = chat_v1.Schema$Space;
    type Membership = chat_v1.Schema$Membership;
    type Message = chat_v1.Schema$Message;
    type Reaction = chat_v1.Schema$Reaction;
    type SpaceEvent = chat_v1.Schema$SpaceEvent;
    type SetUpSpaceRequest = chat_v1.Schema$SetUpSpaceRequest;
    type SpaceReadState = chat_v1.Schema$SpaceReadState;
    type ThreadReadState = chat_v1.Schema$ThreadReadState;
    type SpaceNotificationSetting = chat_v1.Schema$SpaceNotificationSetting;
    type CustomEmoji = chat_v1.Schema$CustomEmoji;
    type Attachment = chat_v1.Schema$Attachment;
    type AttachmentDataRef = chat_v1.Schema$AttachmentDataRef;
    type UploadAttachmentRequest = chat_v1.Schema$UploadAttachmentRequest;
    type UploadAttachmentResponse = chat_v1.Schema$UploadAttachmentResponse;
    type ListSpacesResponse = chat_v1.Schema$ListSpacesResponse;
    type SearchSpacesResponse = chat_v1.Schema$SearchSpacesResponse;
    type ListMembershipsResponse = chat_v1.Schema$ListMembershipsResponse;
    type ListMessagesResponse = chat_v1.Schema$ListMessagesResponse;
    type ListReactionsResponse = chat_v1.Schema$ListReactionsResponse;
    type ListSpaceEventsResponse = chat_v1.Schema$ListSpaceEventsResponse;
    type ListCustomEmojisResponse = chat_v1.Schema$ListCustomEmojisResponse;
    type Empty = Record<string, never>;
    /** Query arguments: string, number or boolean values as the discovery document's parameters. */
    type OptionalArgs = Record<string, string | number | boolean | undefined>;
    type Headers = Record<string, string>;

    interface SpacesCollection {
      create(resource: Space, optionalArgs?: OptionalArgs, headers?: Headers): Space;
      setup(resource: SetUpSpaceRequest, optionalArgs?: OptionalArgs, headers?: Headers): Space;
      get(name: string, optionalArgs?: OptionalArgs, headers?: Headers): Space;
      list(optionalArgs?: OptionalArgs, headers?: Headers): ListSpacesResponse;
      search(optionalArgs?: OptionalArgs, headers?: Headers): SearchSpacesResponse;
      patch(resource: Space, name: string, optionalArgs?: OptionalArgs, headers?: Headers): Space;
      remove(name: string, optionalArgs?: OptionalArgs, headers?: Headers): Empty;
      findDirectMessage(optionalArgs?: OptionalArgs, headers?: Headers): Space;
      completeImport(
        resource: Record<string, never>,
        name: string,
        optionalArgs?: OptionalArgs,
        headers?: Headers,
      ): { space?: Space };
      Members: MembersCollection;
      Messages: MessagesCollection;
      SpaceEvents: SpaceEventsCollection;
    }
    interface MembersCollection {
      create(resource: Membership, parent: string, optionalArgs?: OptionalArgs, headers?: Headers): Membership;
      get(name: string, optionalArgs?: OptionalArgs, headers?: Headers): Membership;
      list(parent: string, optionalArgs?: OptionalArgs, headers?: Headers): ListMembershipsResponse;
      patch(resource: Membership, name: string, optionalArgs?: OptionalArgs, headers?: Headers): Membership;
      remove(name: string, optionalArgs?: OptionalArgs, headers?: Headers): Membership;
    }
    interface MessagesCollection {
      create(resource: Message, parent: string, optionalArgs?: OptionalArgs, headers?: Headers): Message;
      get(name: string, optionalArgs?: OptionalArgs, headers?: Headers): Message;
      list(parent: string, optionalArgs?: OptionalArgs, headers?: Headers): ListMessagesResponse;
      patch(resource: Message, name: string, optionalArgs?: OptionalArgs, headers?: Headers): Message;
      update(resource: Message, name: string, optionalArgs?: OptionalArgs, headers?: Headers): Message;
      remove(name: string, optionalArgs?: OptionalArgs, headers?: Headers): Empty;
      Attachments: { get(name: string, optionalArgs?: OptionalArgs, headers?: Headers): Attachment };
      Reactions: {
        create(resource: Reaction, parent: string, optionalArgs?: OptionalArgs, headers?: Headers): Reaction;
        list(parent: string, optionalArgs?: OptionalArgs, headers?: Headers): ListReactionsResponse;
        remove(name: string, optionalArgs?: OptionalArgs, headers?: Headers): Empty;
      };
    }
    interface SpaceEventsCollection {
      get(name: string, optionalArgs?: OptionalArgs, headers?: Headers): SpaceEvent;
      list(parent: string, optionalArgs?: OptionalArgs, headers?: Headers): ListSpaceEventsResponse;
    }
    interface ChatService {
      Spaces: SpacesCollection;
      Media: {
        upload(
          resource: UploadAttachmentRequest,
          parent: string,
          mediaData?: GoogleAppsScript.Base.BlobSource,
          headers?: Headers,
        ): UploadAttachmentResponse;
      };
      Users: {
        Spaces: {
          getSpaceReadState(name: string, optionalArgs?: OptionalArgs, headers?: Headers): SpaceReadState;
          updateSpaceReadState(
            resource: SpaceReadState,
            name: string,
            optionalArgs?: OptionalArgs,
            headers?: Headers,
          ): SpaceReadState;
          Threads: {
            getThreadReadState(name: string, optionalArgs?: OptionalArgs, headers?: Headers): ThreadReadState;
          };
          SpaceNotificationSetting: {
            get(name: string, optionalArgs?: OptionalArgs, headers?: Headers): SpaceNotificationSetting;
            patch(
              resource: SpaceNotificationSetting,
              name: string,
              optionalArgs?: OptionalArgs,
              headers?: Headers,
            ): SpaceNotificationSetting;
          };
        };
      };
      CustomEmojis: {
        create(resource: CustomEmoji, optionalArgs?: OptionalArgs, headers?: Headers): CustomEmoji;
        get(name: string, optionalArgs?: OptionalArgs, headers?: Headers): CustomEmoji;
        list(optionalArgs?: OptionalArgs, headers?: Headers): ListCustomEmojisResponse;
        remove(name: string, optionalArgs?: OptionalArgs, headers?: Headers): Empty;
      };
    }
  }
  const Chat: GoogleAppsScript.Chat.ChatService;
}
