/**
 * HtmlService basics: HTML outputs with title, size and content, as passed to Ui.showSidebar / showModalDialog.
 * Files come from the project's `.html` sources (RuntimeOptions.scripts entries named `*.html`). Templates are not
 * emulated (README R13).
 */
import { makeEnum, ServiceObject } from '../facade';
import { MSG, ScriptException } from '../errors';
import type { Execution } from '../execution';

export const SandboxMode = makeEnum('SandboxMode', ['EMULATED', 'IFRAME', 'NATIVE']);
export const XFrameOptionsMode = makeEnum('XFrameOptionsMode', ['ALLOWALL', 'DEFAULT']);

export class HtmlOutputImpl extends ServiceObject {
  get className(): string {
    return 'HtmlOutput';
  }

  _title = '';
  _width = 300;
  _height = 200;

  constructor(public _content: string) {
    super();
  }

  getContent(): string {
    return this._content;
  }

  setContent(content: unknown): this {
    this._content = String(content ?? '');
    return this;
  }

  append(addedContent: unknown): this {
    this._content += String(addedContent ?? '');
    return this;
  }

  getTitle(): string {
    return this._title;
  }

  setTitle(title: unknown): this {
    this._title = String(title ?? '');
    return this;
  }

  getWidth(): number {
    return this._width;
  }

  setWidth(width: unknown): this {
    this._width = Number(width);
    return this;
  }

  getHeight(): number {
    return this._height;
  }

  setHeight(height: unknown): this {
    this._height = Number(height);
    return this;
  }

  setSandboxMode(): this {
    return this;
  }

  setXFrameOptionsMode(): this {
    return this;
  }

  addMetaTag(): this {
    return this;
  }

  setFaviconUrl(): this {
    return this;
  }
}

export class HtmlServiceImpl extends ServiceObject {
  get className(): string {
    return 'HtmlService';
  }

  constructor(
    _exec: Execution,
    private readonly files: ReadonlyMap<string, string>,
  ) {
    super();
  }

  override _constants(): Record<string, unknown> {
    return { SandboxMode, XFrameOptionsMode };
  }

  createHtmlOutput(html?: unknown): HtmlOutputImpl {
    if (html && typeof html === 'object' && '_bytes' in html) {
      return new HtmlOutputImpl(Buffer.from((html as { _bytes: Uint8Array })._bytes).toString('utf8'));
    }
    return new HtmlOutputImpl(html === undefined || html === null ? '' : String(html));
  }

  createHtmlOutputFromFile(filename: unknown): HtmlOutputImpl {
    const name = String(filename).replace(/\.html$/, '');
    const content = this.files.get(name);
    if (content === undefined) throw new ScriptException(MSG.noHtmlFile(name));
    return new HtmlOutputImpl(content);
  }
}
