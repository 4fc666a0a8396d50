/**
 * The Drive folder the add-on saves exported attachments to, as the use cases see it: create a folder, upload a
 * file into it. The adapter talks to the Drive REST API v3 with the `drive.file` scope (files the add-on creates),
 * because DriveApp needs the full `drive` scope the add-on does not ask for.
 */

/** A file or folder the add-on created in Drive. */
export interface DriveItem {
  id: string;
  /** Opens the item in Drive. */
  url: string;
}

export interface DriveFiles {
  /**
   * Creates a folder in the user's My Drive.
   * @throws Error with a sentence for the user when Drive refuses.
   */
  createFolder(name: string): DriveItem;
  /**
   * Uploads a file into a folder this add-on created.
   * @throws Error with a sentence for the user when Drive refuses.
   */
  upload(folderId: string, file: { name: string; contentType: string; bytes: number[] }): DriveItem;
}
