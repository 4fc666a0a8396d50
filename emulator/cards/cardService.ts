/**
 * CardService for the offline Apps Script runtime: builders that produce the same card JSON as `printJson()`
 * (google.apps.card.v1, lowerCamel keys), action responses, navigation and notifications.
 */
export function createCardService(makeError: (message: string) => Error): Record<string, unknown> {
  return {
    newCardBuilder(): never {
      throw makeError('CardService is not available in this build of the emulator yet.');
    },
  };
}
