/**
 * DriveApp, enough for exported attachments: folders and files in an in-memory Drive (createFolder, createFile from a
 * Blob or text, getFileById / getFolderById, ids, names, URLs, blobs, trash). Spreadsheets are Drive files too
 * (getFileById works on their ids). DriveApp needs the full `drive` scope (reads: `drive.readonly`): under
 * `drive.file` alone it fails with "Specified permissions are not sufficient to call DriveApp.createFolder"
 * (OBSERVED; enforced in permissions.ts).
 */
import { makeEnum, ServiceObject } from '../facade';
import { MSG, ScriptException } from '../errors';
import type { Execution } from '../execution';
import { badSignature, expectString } from '../signature';
import { BlobImpl } from './blob';

export const Access = makeEnum('Access', ['ANYONE', 'ANYONE_WITH_LINK', 'DOMAIN', 'DOMAIN_WITH_LINK', 'PRIVATE']);
export const Permission = makeEnum('Permission', ['VIEW', 'EDIT', 'COMMENT', 'OWNER', 'ORGANIZER', 'NONE']);

export interface FolderRecord {
  id: string;
  name: string;
  parentId: string | null;
  trashed: boolean;
  owner: string;
}

export interface FileRecord {
  id: string;
  name: string;
  mimeType: string;
  bytes: Uint8Array;
  parentId: string | null;
  trashed: boolean;
  owner: string;
  createdAt: number;
  sharing: { access: string; permission: string };
}

/** Folders and (non-spreadsheet) files of the emulated Drive. */
export class DriveStore {
  readonly folders = new Map<string, FolderRecord>();
  readonly files = new Map<string, FileRecord>();
  readonly rootId = 'root';
}

export class FileImpl extends ServiceObject {
  get className(): string {
    return 'File';
  }

  constructor(readonly _file: FileRecord) {
    super();
  }

  getId(): string {
    return this._file.id;
  }

  getName(): string {
    return this._file.name;
  }

  setName(name: unknown): this {
    this._file.name = expectString('File.setName', [name], name);
    return this;
  }

  getMimeType(): string {
    return this._file.mimeType;
  }

  getSize(): number {
    return this._file.bytes.length;
  }

  getUrl(): string {
    if (this._file.mimeType === 'application/vnd.google-apps.spreadsheet')
      return `https://docs.google.com/spreadsheets/d/${this._file.id}/edit?usp=drivesdk`;
    return `https://drive.google.com/file/d/${this._file.id}/view?usp=drivesdk`;
  }

  getDownloadUrl(): string {
    return `https://drive.google.com/uc?id=${this._file.id}&export=download`;
  }

  getDateCreated(): Date {
    return new Date(this._file.createdAt);
  }

  getBlob(): BlobImpl {
    return new BlobImpl(this._file.bytes.slice(), this._file.mimeType, this._file.name);
  }

  getAs(contentType: unknown): BlobImpl {
    return this.getBlob().getAs(contentType);
  }

  setTrashed(trashed: unknown): this {
    this._file.trashed = !!trashed;
    return this;
  }

  isTrashed(): boolean {
    return this._file.trashed;
  }

  setSharing(accessType: unknown, permissionType: unknown): this {
    this._file.sharing = { access: String(accessType), permission: String(permissionType) };
    return this;
  }

  getSharingAccess(): unknown {
    return Access[this._file.sharing.access];
  }

  getSharingPermission(): unknown {
    return Permission[this._file.sharing.permission];
  }
}

/** Shared iterator behaviour of FileIterator and FolderIterator. */
abstract class IteratorImpl<T extends ServiceObject> extends ServiceObject {
  constructor(private readonly items: T[]) {
    super();
  }

  hasNext(): boolean {
    return this.items.length > 0;
  }

  next(): T {
    const item = this.items.shift();
    if (!item) throw new ScriptException('Cannot retrieve the next object: iterator has reached the end.');
    return item;
  }

  getContinuationToken(): null {
    return null;
  }
}

export class FileIteratorImpl extends IteratorImpl<FileImpl> {
  get className(): string {
    return 'FileIterator';
  }
}

export class FolderIteratorImpl extends IteratorImpl<FolderImpl> {
  get className(): string {
    return 'FolderIterator';
  }
}

function newFile(exec: Execution, parentId: string | null, a: unknown, b?: unknown, c?: unknown): FileImpl {
  let name: string;
  let bytes: Uint8Array;
  let mimeType: string;
  if (a instanceof BlobImpl) {
    name = a._name ?? 'Untitled';
    bytes = a._bytes.slice();
    mimeType = a._contentType ?? 'application/octet-stream';
  } else if (typeof a === 'string' && b !== undefined) {
    name = a;
    bytes = new Uint8Array(Buffer.from(String(b), 'utf8'));
    mimeType = c === undefined ? 'text/plain' : String(c);
  } else {
    return badSignature('DriveApp.createFile', [a, b, c]);
  }
  const record: FileRecord = {
    id: exec.rt.ids.driveId(),
    name,
    mimeType,
    bytes,
    parentId,
    trashed: false,
    owner: exec.user,
    createdAt: exec.rt.clock.now(),
    sharing: { access: 'PRIVATE', permission: 'EDIT' },
  };
  exec.rt.drive.files.set(record.id, record);
  return new FileImpl(record);
}

export class FolderImpl extends ServiceObject {
  get className(): string {
    return 'Folder';
  }

  constructor(
    private readonly exec: Execution,
    readonly _folder: FolderRecord,
  ) {
    super();
  }

  getId(): string {
    return this._folder.id;
  }

  getName(): string {
    return this._folder.name;
  }

  setName(name: unknown): this {
    this._folder.name = expectString('Folder.setName', [name], name);
    return this;
  }

  getUrl(): string {
    return `https://drive.google.com/drive/folders/${this._folder.id}`;
  }

  createFile(a: unknown, b?: unknown, c?: unknown): FileImpl {
    return newFile(this.exec, this._folder.id, a, b, c);
  }

  createFolder(name: unknown): FolderImpl {
    return createFolder(this.exec, this._folder.id, name);
  }

  getFiles(): FileIteratorImpl {
    const files = [...this.exec.rt.drive.files.values()].filter((f) => f.parentId === this._folder.id && !f.trashed);
    return new FileIteratorImpl(files.map((f) => new FileImpl(f)));
  }

  getFolders(): FolderIteratorImpl {
    const folders = [...this.exec.rt.drive.folders.values()].filter(
      (f) => f.parentId === this._folder.id && !f.trashed,
    );
    return new FolderIteratorImpl(folders.map((f) => new FolderImpl(this.exec, f)));
  }

  setTrashed(trashed: unknown): this {
    this._folder.trashed = !!trashed;
    return this;
  }

  isTrashed(): boolean {
    return this._folder.trashed;
  }
}

function createFolder(exec: Execution, parentId: string | null, name: unknown): FolderImpl {
  const record: FolderRecord = {
    id: exec.rt.ids.driveId(),
    name: expectString('DriveApp.createFolder', [name], name),
    parentId,
    trashed: false,
    owner: exec.user,
  };
  exec.rt.drive.folders.set(record.id, record);
  return new FolderImpl(exec, record);
}

export class DriveAppImpl extends ServiceObject {
  get className(): string {
    return 'DriveApp';
  }

  constructor(private readonly exec: Execution) {
    super();
  }

  override _constants(): Record<string, unknown> {
    return { Access, Permission };
  }

  createFolder(name: unknown): FolderImpl {
    return createFolder(this.exec, this.exec.rt.drive.rootId, name);
  }

  createFile(a: unknown, b?: unknown, c?: unknown): FileImpl {
    return newFile(this.exec, this.exec.rt.drive.rootId, a, b, c);
  }

  getRootFolder(): FolderImpl {
    return new FolderImpl(this.exec, {
      id: this.exec.rt.drive.rootId,
      name: 'My Drive',
      parentId: null,
      trashed: false,
      owner: this.exec.user,
    });
  }

  getFileById(id: unknown): FileImpl {
    const key = expectString('DriveApp.getFileById', [id], id);
    const file = this.exec.rt.drive.files.get(key);
    if (file) return new FileImpl(file);
    const ss = this.exec.rt.spreadsheets.get(key);
    if (ss) {
      return new FileImpl({
        id: ss.id,
        name: ss.name,
        mimeType: 'application/vnd.google-apps.spreadsheet',
        bytes: new Uint8Array(),
        parentId: this.exec.rt.drive.rootId,
        trashed: false,
        owner: ss.createdBy ?? this.exec.user,
        createdAt: 0,
        sharing: { access: 'PRIVATE', permission: 'EDIT' },
      });
    }
    throw new ScriptException(MSG.driveNotFound);
  }

  getFolderById(id: unknown): FolderImpl {
    const key = expectString('DriveApp.getFolderById', [id], id);
    if (key === this.exec.rt.drive.rootId) return this.getRootFolder();
    const folder = this.exec.rt.drive.folders.get(key);
    if (!folder) throw new ScriptException(MSG.driveNotFound);
    return new FolderImpl(this.exec, folder);
  }
}
