/*
 * The playground page script (plain browser JavaScript, no build step): fetches the session state from the server's
 * JSON API and draws it — workbook grid with selection and editing, the Extensions menu built from onOpen, Ui
 * dialogs and toasts, the add-on side panel (card HTML from the server's renderer, with actions, form inputs and
 * navigation), the Chat emulator's spaces, the clock and run report, the request log and the fidelity documents.
 * Text from the server is put into the DOM with textContent or escaped; only card HTML (escaped by the card
 * renderer) and fidelity HTML (escaped by the server's Markdown renderer) are inserted as markup.
 */
'use strict';

(() => {
  // ------------------------------------------------------------------------------------------------- helpers

  /** @param {string} sel @param {ParentNode} [root] */
  const $ = (sel, root = document) => root.querySelector(sel);
  /** @param {string} sel @param {ParentNode} [root] */
  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

  /**
   * Builds an element. Attributes: `class`, `text` (textContent), `on<event>` handlers, `dataset` object, others as
   * attributes (false/null/undefined skipped). Children: nodes or strings (added as text).
   */
  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = String(value);
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };
  /** Escapes text for HTML. */
  const esc = (text) => String(text).replace(/[&<>"'`]/g, (c) => ESC[c]);

  function columnLetters(col) {
    let s = '';
    let n = col;
    while (n > 0) {
      const rem = (n - 1) % 26;
      s = String.fromCharCode(65 + rem) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }
  function columnNumber(letters) {
    let n = 0;
    for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n;
  }
  function a1(r1, c1, r2 = r1, c2 = c1) {
    const first = columnLetters(c1) + r1;
    return r1 === r2 && c1 === c2 ? first : `${first}:${columnLetters(c2)}${r2}`;
  }
  function parseA1(text) {
    const m = /^([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?$/.exec(String(text).trim());
    if (!m) return null;
    const r1 = Number(m[2]);
    const c1 = columnNumber(m[1]);
    const r2 = m[4] ? Number(m[4]) : r1;
    const c2 = m[3] ? columnNumber(m[3]) : c1;
    return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
  }

  function timeZone() {
    return (state && state.clock.timeZone) || 'UTC';
  }
  function fmtTime(ms, withDate = true) {
    if (ms === undefined || ms === null) return '';
    const options = { timeZone: timeZone(), hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false };
    if (withDate) Object.assign(options, { weekday: 'short', month: 'short', day: 'numeric' });
    try {
      return new Intl.DateTimeFormat('en-US', options).format(new Date(ms));
    } catch {
      return new Date(ms).toISOString();
    }
  }
  /** Time of day with milliseconds, for the request log (many requests share a second of virtual time). */
  function fmtClock(ms) {
    return `${fmtTime(ms, false)}.${String(Math.floor(ms % 1000)).padStart(3, '0')}`;
  }
  function fmtIso(iso) {
    const ms = Date.parse(iso);
    return Number.isNaN(ms) ? iso : fmtTime(ms);
  }
  function fmtDuration(ms) {
    if (ms < 1000) return `${Math.round(ms)} ms`;
    if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
    return `${(ms / 60_000).toFixed(1)} min`;
  }
  function initials(text) {
    const t = String(text || '?').replace(/@.*/, '');
    const parts = t.split(/[\s._-]+/).filter(Boolean);
    return ((parts[0] || '?')[0] + (parts[1] ? parts[1][0] : '')).toUpperCase();
  }
  function sum(record) {
    return Object.values(record || {}).reduce((a, b) => a + b, 0);
  }

  // ------------------------------------------------------------------------------------------------- state

  /** @type {any} the last PlaygroundState from the server */
  let state = null;
  let pending = 0;
  const ui = {
    view: 'workspace',
    sheet: null,
    sel: { r1: 1, c1: 1, r2: 1, c2: 1 },
    cursor: { r: 1, c: 1 },
    anchor: null,
    dragging: false,
    editing: null,
    gridKey: '',
    cardHtml: '',
    chatSpace: null,
    chatTab: 'messages',
    seenToasts: new Set(),
    seenSnacks: new Set(),
    seenLinks: new Set(),
    openMenu: null,
    requests: { text: '', service: '', method: '', status: '' },
    selectedRequest: null,
    requestRows: [],
    fidelity: null,
    fidelityDoc: 'coverage',
    dialogShownFor: null,
    pickedRun: null,
    serverRange: null,
    sentRange: null,
  };

  async function request(method, path, body) {
    const init = { method, headers: {} };
    if (body !== undefined) {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const res = await fetch(path, init);
    let json = {};
    try {
      json = await res.json();
    } catch {
      json = { ok: false, error: `HTTP ${res.status}` };
    }
    return { status: res.status, json };
  }

  function setBusy() {
    const busy = pending > 0 || (state && state.busy);
    $('#busy').hidden = !busy;
    document.body.classList.toggle('is-busy', !!busy);
    $$('[data-needs-idle]').forEach((b) => (b.disabled = !!busy));
  }

  /** POSTs an action, applies the returned state, and shows a dialog the execution waits on. */
  async function act(path, body = {}) {
    if (path !== '/api/select' && path !== '/api/dialog') await flushSelection();
    pending++;
    setBusy();
    try {
      const { status, json } = await request('POST', path, body);
      if (json.state) applyState(json.state);
      if (status === 202 && json.dialog) showDialog(json.dialog);
      else if (!json.ok) showToast({ title: 'Error', message: json.error || `HTTP ${status}`, error: true });
      return json;
    } catch (e) {
      showToast({ title: 'Network error', message: String(e), error: true });
      return { ok: false };
    } finally {
      pending--;
      setBusy();
    }
  }

  async function refresh() {
    const { json } = await request('GET', '/api/state');
    applyState(json);
  }

  function applyState(next) {
    const first = state === null;
    state = next;
    if (first) {
      // Do not replay toasts and notifications raised before the page was opened.
      state.uiEvents.forEach((e) => ui.seenToasts.add(e.id));
      state.sidebar.notifications.forEach((n) => ui.seenSnacks.add(n.id));
      state.sidebar.openLinks.forEach((l) => ui.seenLinks.add(l.id));
    }
    renderAll();
    if (state.pendingDialog && ui.dialogShownFor !== state.pendingDialog.id) showDialog(state.pendingDialog);
  }

  // ------------------------------------------------------------------------------------------------- rendering

  function renderAll() {
    if (!state) return;
    renderAppBar();
    renderWorkbook();
    renderMenus();
    renderSidebar();
    renderChat();
    renderDock();
    renderNewToasts();
    if (ui.view === 'requests') loadRequests();
    if (ui.view === 'runs') renderRuns();
    setBusy();
  }

  function renderAppBar() {
    $('#mode-chip').textContent =
      { bound: 'Bound script', 'editor-addon': 'Editor add-on', 'workspace-addon': 'Workspace add-on' }[state.mode] ||
      state.mode;
    $('#appbar-clock').textContent = fmtTime(state.clock.now);
    const avatar = $('#user-avatar');
    avatar.textContent = initials(state.user);
    avatar.title = state.user;
    const warnings = $('#warnings');
    warnings.hidden = state.warnings.length === 0;
    warnings.replaceChildren(...state.warnings.map((w) => el('div', { text: w })));
  }

  // ---- workbook

  function currentSheet() {
    const wb = state.workbook;
    return (
      wb.sheets.find((s) => s.name === ui.sheet) || wb.sheets.find((s) => s.name === wb.activeSheet) || wb.sheets[0]
    );
  }

  function renderWorkbook() {
    const wb = state.workbook;
    $('#doc-name').textContent = wb.name;
    const save = $('#save-button');
    save.hidden = !wb.saveTarget;
    save.title = wb.saveTarget ? `Write the workbook back to ${wb.saveTarget}` : '';
    $('#save-state').textContent = wb.saveTarget
      ? wb.dirty
        ? 'Unsaved changes'
        : 'All changes saved'
      : 'Not saved to disk';

    // Adopt the server's selection only when it changed there (a tab switch, or the script moved it), so a state
    // answering an older click never pulls the cursor back from where the user has moved it since.
    const serverRange = `${wb.activeSheet}!${wb.activeRange}`;
    if (serverRange !== ui.serverRange) {
      ui.serverRange = serverRange;
      const r = parseA1(wb.activeRange) || { r1: 1, c1: 1, r2: 1, c2: 1 };
      if (ui.sheet !== wb.activeSheet || (serverRange !== ui.sentRange && !ui.dragging)) {
        ui.sheet = wb.activeSheet;
        ui.sel = r;
        ui.cursor = { r: r.r1, c: r.c1 };
        ui.anchor = ui.cursor;
      }
    }

    const tabs = $('#sheet-tabs');
    tabs.replaceChildren(
      ...wb.sheets.map((s) =>
        el('button', {
          type: 'button',
          role: 'tab',
          class: 'sheet-tab',
          'aria-selected': String(s.name === ui.sheet),
          dataset: { sheet: s.name },
          text: s.name,
          onclick: () => {
            if (s.name !== ui.sheet) act('/api/select', { sheet: s.name, range: 'A1' });
          },
        }),
      ),
    );

    const sheet = currentSheet();
    const key = JSON.stringify(sheet);
    if (key !== ui.gridKey) {
      ui.gridKey = key;
      drawGrid(sheet);
    }
    paintSelection();
  }

  function drawGrid(sheet) {
    const wrap = $('#grid-wrap');
    const scroll = { top: wrap.scrollTop, left: wrap.scrollLeft };
    const rows = sheet.values.length;
    const cols = rows ? sheet.values[0].length : 0;
    const colgroup = el('colgroup', {}, el('col', { style: 'width:46px' }));
    let tableWidth = 46;
    for (let c = 0; c < cols; c++) {
      // The sheet's own width when set; else fit the longest of the first rows (Sheets would show 100 px).
      let longest = 0;
      for (let r = 0; r < Math.min(rows, 40); r++) longest = Math.max(longest, sheet.values[r][c].length);
      const fitted = Math.max(72, Math.min(220, longest * 7 + 14));
      const w = Math.max(40, Math.min(420, (sheet.columnWidths && sheet.columnWidths[c]) || fitted));
      tableWidth += w;
      colgroup.append(el('col', { style: `width:${w}px` }));
    }
    const head = el('tr', {}, el('th', { class: 'corner' }));
    for (let c = 1; c <= cols; c++) head.append(el('th', { dataset: { col: c }, text: columnLetters(c) }));
    const body = el('tbody');
    const frozen = sheet.frozenRows || 0;
    for (let r = 1; r <= rows; r++) {
      const tr = el('tr', { class: r <= frozen ? `frozen${r === frozen ? ' frozen-last' : ''}` : undefined });
      if (r <= frozen) tr.style.top = `${22 + (r - 1) * 22}px`;
      tr.append(el('th', { dataset: { row: r }, text: r }));
      for (let c = 1; c <= cols; c++) {
        const value = sheet.values[r - 1][c - 1];
        const td = el('td', { dataset: { r, c } });
        td.textContent = value;
        const classes = [];
        if (value !== '' && /^[-+]?[\d,]*\.?\d+(e[-+]?\d+)?%?$/i.test(value)) classes.push('num');
        if (value === 'TRUE' || value === 'FALSE') classes.push('bool');
        const bg = sheet.backgrounds && sheet.backgrounds[r - 1][c - 1];
        if (bg) td.style.backgroundColor = bg;
        const fc = sheet.fontColors && sheet.fontColors[r - 1][c - 1];
        if (fc) td.style.color = fc;
        if (sheet.bold && sheet.bold[r - 1][c - 1]) td.style.fontWeight = '700';
        const titles = [];
        if (value.length > 12) titles.push(value);
        const note = sheet.notes && sheet.notes[r - 1][c - 1];
        if (note) {
          classes.push('has-note');
          titles.push(`Note: ${note}`);
        }
        const dv = sheet.validations && sheet.validations[r - 1][c - 1];
        if (dv) {
          if (dv.startsWith('One of')) classes.push('has-list');
          titles.push(`Validation: ${dv}`);
        }
        if (titles.length) td.title = titles.join('\n\n');
        if (classes.length) td.className = classes.join(' ');
        tr.append(td);
      }
      body.append(tr);
    }
    const table = el(
      'table',
      { class: 'grid', id: 'grid', dataset: { sheet: sheet.name } },
      colgroup,
      el('thead', {}, head),
      body,
    );
    table.style.width = `${tableWidth}px`;
    wrap.replaceChildren(table);
    wrap.scrollTop = scroll.top;
    wrap.scrollLeft = scroll.left;
  }

  function cellAt(r, c) {
    return $(`#grid td[data-r="${r}"][data-c="${c}"]`);
  }

  function paintSelection() {
    const { r1, c1, r2, c2 } = ui.sel;
    $$('#grid td.sel, #grid td.cursor').forEach((td) => td.classList.remove('sel', 'cursor'));
    $$('#grid th.hl').forEach((th) => th.classList.remove('hl'));
    const multi = r1 !== r2 || c1 !== c2;
    for (let r = r1; r <= r2; r++) {
      for (let c = c1; c <= c2; c++) {
        const td = cellAt(r, c);
        if (td && multi) td.classList.add('sel');
      }
      const th = $(`#grid th[data-row="${r}"]`);
      if (th) th.classList.add('hl');
    }
    for (let c = c1; c <= c2; c++) {
      const th = $(`#grid th[data-col="${c}"]`);
      if (th) th.classList.add('hl');
    }
    const cur = cellAt(ui.cursor.r, ui.cursor.c);
    if (cur) cur.classList.add('cursor');
    $('#name-box').value = a1(r1, c1, r2, c2);
    const sheet = currentSheet();
    const row = sheet && sheet.values[ui.cursor.r - 1];
    if (document.activeElement !== $('#formula-input')) $('#formula-input').value = (row && row[ui.cursor.c - 1]) || '';
  }

  let selectTimer = null;
  /**
   * Tells the server the selection, debounced (fast arrow keys send one request). Any other action first flushes a
   * pending selection (see `act`), so a menu item clicked right after selecting sees the new active range.
   */
  function commitSelection() {
    clearTimeout(selectTimer);
    selectTimer = setTimeout(() => {
      if (ui.dragging || pending > 0 || (state && state.busy)) return commitSelection();
      selectTimer = null;
      sendSelection();
    }, 120);
  }

  /** Sends the selection now if the server's differs; resolves when the server has it. */
  async function sendSelection() {
    if (!state || !ui.sheet) return;
    const range = a1(ui.sel.r1, ui.sel.c1, ui.sel.r2, ui.sel.c2);
    const key = `${ui.sheet}!${range}`;
    if (key === `${state.workbook.activeSheet}!${state.workbook.activeRange}`) return;
    ui.sentRange = key;
    await act('/api/select', { sheet: ui.sheet, range });
  }

  /** Sends a debounced selection right away (before another action). */
  async function flushSelection() {
    if (selectTimer === null) return;
    clearTimeout(selectTimer);
    selectTimer = null;
    await sendSelection();
  }

  function setCursor(r, c, extend) {
    const sheet = currentSheet();
    const maxR = sheet.values.length;
    const maxC = maxR ? sheet.values[0].length : 1;
    r = Math.max(1, Math.min(maxR, r));
    c = Math.max(1, Math.min(maxC, c));
    if (extend) {
      const a = ui.anchor || ui.cursor;
      ui.anchor = a;
      ui.sel = { r1: Math.min(a.r, r), c1: Math.min(a.c, c), r2: Math.max(a.r, r), c2: Math.max(a.c, c) };
      ui.cursorEnd = { r, c };
    } else {
      ui.anchor = { r, c };
      ui.cursor = { r, c };
      ui.sel = { r1: r, c1: c, r2: r, c2: c };
    }
    paintSelection();
    const td = cellAt(extend ? r : ui.cursor.r, extend ? c : ui.cursor.c);
    if (td) td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  function startEdit(initial) {
    const td = cellAt(ui.cursor.r, ui.cursor.c);
    if (!td || state.busy) return;
    const wrap = $('#grid-wrap');
    const rect = td.getBoundingClientRect();
    const wrapRect = wrap.getBoundingClientRect();
    const input = el('input', {
      class: 'cell-editor',
      id: 'cell-editor',
      'aria-label': `Edit ${a1(ui.cursor.r, ui.cursor.c)}`,
      spellcheck: 'false',
    });
    input.value = initial !== undefined ? initial : td.textContent;
    input.style.left = `${rect.left - wrapRect.left + wrap.scrollLeft}px`;
    input.style.top = `${rect.top - wrapRect.top + wrap.scrollTop}px`;
    input.style.minWidth = `${rect.width}px`;
    input.style.height = `${rect.height}px`;
    ui.editing = { r: ui.cursor.r, c: ui.cursor.c, input };
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        finishEdit(true, e.key === 'Tab' ? [0, 1] : [1, 0]);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        finishEdit(false);
      }
    });
    input.addEventListener('blur', () => finishEdit(true, null));
    wrap.append(input);
    input.focus();
    if (initial === undefined) input.select();
  }

  function finishEdit(commit, move) {
    const editing = ui.editing;
    if (!editing) return;
    ui.editing = null;
    const value = editing.input.value;
    editing.input.remove();
    const td = cellAt(editing.r, editing.c);
    const changed = td && td.textContent !== value;
    if (move) setCursor(editing.r + move[0], editing.c + move[1], false);
    $('#grid-wrap').focus();
    if (commit && changed) act('/api/cell', { sheet: ui.sheet, row: editing.r, col: editing.c, value });
    if (move) commitSelection();
  }

  function wireGrid() {
    const wrap = $('#grid-wrap');
    wrap.addEventListener('mousedown', (e) => {
      const td = e.target.closest('td[data-r]');
      if (!td || ui.editing) return;
      e.preventDefault();
      wrap.focus();
      closeMenus();
      setCursor(Number(td.dataset.r), Number(td.dataset.c), e.shiftKey);
      ui.dragging = true;
    });
    wrap.addEventListener('mouseover', (e) => {
      if (!ui.dragging) return;
      const td = e.target.closest('td[data-r]');
      if (td) setCursor(Number(td.dataset.r), Number(td.dataset.c), true);
    });
    document.addEventListener('mouseup', () => {
      if (!ui.dragging) return;
      ui.dragging = false;
      commitSelection();
    });
    wrap.addEventListener('dblclick', (e) => {
      if (e.target.closest('td[data-r]')) startEdit();
    });
    wrap.addEventListener('keydown', (e) => {
      if (ui.editing || e.target !== wrap) return;
      const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
      if (moves[e.key]) {
        e.preventDefault();
        const from = e.shiftKey && ui.cursorEnd && ui.anchor ? ui.cursorEnd : ui.cursor;
        setCursor(from.r + moves[e.key][0], from.c + moves[e.key][1], e.shiftKey);
        commitSelection();
      } else if (e.key === 'Enter' || e.key === 'F2') {
        e.preventDefault();
        startEdit();
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        e.preventDefault();
        const td = cellAt(ui.cursor.r, ui.cursor.c);
        if (td && td.textContent !== '')
          act('/api/cell', { sheet: ui.sheet, row: ui.cursor.r, col: ui.cursor.c, value: '' });
      } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        startEdit(e.key);
      }
    });
    $('#formula-input').addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        const value = e.target.value;
        act('/api/cell', { sheet: ui.sheet, row: ui.cursor.r, col: ui.cursor.c, value });
        $('#grid-wrap').focus();
      } else if (e.key === 'Escape') {
        paintSelection();
        $('#grid-wrap').focus();
      }
    });
    $('#name-box').addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      const r = parseA1(e.target.value);
      if (!r) return;
      ui.sel = r;
      ui.cursor = { r: r.r1, c: r.c1 };
      ui.anchor = ui.cursor;
      paintSelection();
      commitSelection();
      $('#grid-wrap').focus();
    });
    $('#save-button').addEventListener('click', async () => {
      const res = await act('/api/save', {});
      if (res.ok && res.result) showToast({ title: 'Saved', message: `Workbook written to ${res.result.path}` });
    });
  }

  // ---- menus

  const STANDARD_MENUS = ['File', 'Edit', 'View', 'Insert', 'Format', 'Data', 'Tools', 'Extensions', 'Help'];

  function renderMenus() {
    const bar = $('#menubar');
    const menus = state.menus || [];
    const custom = menus.filter((m) => !m.addon);
    const addon = menus.filter((m) => m.addon);
    const key = JSON.stringify(menus) + state.mode;
    if (bar.dataset.key === key) return;
    bar.dataset.key = key;
    const entries = [];
    for (const name of STANDARD_MENUS) {
      if (name === 'Extensions') entries.push(menubarItem('Extensions', extensionsMenu(addon), 'menu-extensions'));
      else entries.push(menubarItem(name, null));
    }
    custom.forEach((m, i) => entries.push(menubarItem(m.caption, menuList(m.items), `menu-custom-${i}`)));
    bar.replaceChildren(...entries);
  }

  function extensionsMenu(addonMenus) {
    const list = [
      { kind: 'disabled', caption: 'Add-ons', arrow: true },
      { kind: 'disabled', caption: 'Macros', arrow: true },
      { kind: 'disabled', caption: 'Apps Script' },
    ];
    const nodes = list.map((i) =>
      el(
        'button',
        { type: 'button', class: 'menu-entry', disabled: true },
        i.caption,
        i.arrow ? el('span', { class: 'arrow', text: '▸' }) : null,
      ),
    );
    nodes.push(el('div', { class: 'menu-sep' }));
    if (addonMenus.length === 0) {
      const hint =
        state.mode === 'workspace-addon'
          ? 'Workspace add-ons have no menu: open the add-on from the side panel on the right.'
          : 'onOpen has not added a menu (yet). Reload runs onOpen again.';
      nodes.push(el('div', { class: 'menu-hint', text: hint }));
    }
    for (const m of addonMenus) nodes.push(submenuEntry(m.caption, m.items, 'menu-addon'));
    return el('div', { class: 'menu-list', role: 'menu' }, nodes);
  }

  function submenuEntry(caption, items, testid) {
    const wrap = el('div', { class: 'menu-sub' });
    const button = el(
      'button',
      { type: 'button', class: 'menu-entry', role: 'menuitem', 'aria-haspopup': 'true', dataset: { testid } },
      caption,
      el('span', { class: 'arrow', text: '▸' }),
    );
    const list = menuList(items);
    list.hidden = true;
    const open = () => {
      $$('.menu-sub > .menu-list', wrap.parentElement).forEach((l) => (l.hidden = l !== list));
      list.hidden = false;
    };
    button.addEventListener('mouseenter', open);
    button.addEventListener('click', (e) => {
      e.stopPropagation();
      open();
    });
    wrap.append(button, list);
    return wrap;
  }

  function menuList(items) {
    const nodes = [];
    for (const item of items) {
      if (item.kind === 'separator') nodes.push(el('div', { class: 'menu-sep' }));
      else if (item.kind === 'submenu') nodes.push(submenuEntry(item.caption, item.items, 'submenu'));
      else
        nodes.push(
          el('button', {
            type: 'button',
            class: 'menu-entry',
            role: 'menuitem',
            dataset: { fn: item.functionName },
            text: item.caption,
            'data-needs-idle': true,
            onclick: (e) => {
              e.stopPropagation();
              closeMenus();
              act('/api/run', { functionName: item.functionName, label: item.caption, origin: 'menu' });
            },
          }),
        );
    }
    return el('div', { class: 'menu-list', role: 'menu' }, nodes);
  }

  function menubarItem(name, list, id) {
    const button = el('button', {
      type: 'button',
      class: 'menubar-button',
      id,
      'aria-haspopup': list ? 'true' : undefined,
      'aria-expanded': list ? 'false' : undefined,
      disabled: !list,
      text: name,
    });
    const wrap = el('div', { class: 'menubar-item' }, button);
    if (list) {
      list.hidden = true;
      wrap.append(list);
      button.addEventListener('click', (e) => {
        e.stopPropagation();
        const isOpen = !list.hidden;
        closeMenus();
        if (!isOpen) {
          list.hidden = false;
          button.setAttribute('aria-expanded', 'true');
          ui.openMenu = list;
        }
      });
    }
    return wrap;
  }

  function closeMenus() {
    $$('.menubar .menu-list').forEach((l) => (l.hidden = true));
    $$('.menubar-button').forEach((b) => b.hasAttribute('aria-expanded') && b.setAttribute('aria-expanded', 'false'));
    ui.openMenu = null;
  }

  // ---- dialogs and toasts

  function showDialog(dialog) {
    ui.dialogShownFor = dialog.id;
    const layer = $('#dialog-layer');
    const input =
      dialog.kind === 'prompt'
        ? el('input', { class: 'dialog-input', id: 'dialog-input', 'aria-label': 'Answer' })
        : null;
    const labels = { OK: 'OK', CANCEL: 'Cancel', YES: 'Yes', NO: 'No', CLOSE: 'Close' };
    const buttons = dialog.buttons.map((b, i) =>
      el('button', {
        type: 'button',
        class: `button ${i === dialog.buttons.length - 1 ? 'button-filled' : 'button-text'}`,
        dataset: { button: b },
        text: labels[b] || b,
        onclick: () => answerDialog(b, input ? input.value : undefined),
      }),
    );
    const box = el(
      'div',
      {
        class: 'dialog',
        role: 'alertdialog',
        'aria-modal': 'true',
        'aria-labelledby': 'dialog-title',
        id: 'ui-dialog',
        dataset: { kind: dialog.kind },
      },
      el('h2', { id: 'dialog-title', text: dialog.title || state.addOnName || 'Message' }),
      el('div', { class: 'dialog-message', text: dialog.message }),
      input,
      el('div', {
        class: 'dialog-note',
        text: 'The execution is paused until you answer, as in Apps Script.',
      }),
      el('div', { class: 'dialog-buttons' }, buttons),
    );
    layer.replaceChildren(box);
    layer.hidden = false;
    (input || buttons[buttons.length - 1]).focus();
    if (input) {
      input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') answerDialog(dialog.buttons.includes('OK') ? 'OK' : dialog.buttons[0], input.value);
      });
    }
  }

  async function answerDialog(button, text) {
    $('#dialog-layer').hidden = true;
    $('#dialog-layer').replaceChildren();
    await act('/api/dialog', { button, text });
  }

  function showConsent() {
    const layer = $('#dialog-layer');
    const name = state.addOnName;
    const box = el(
      'div',
      { class: 'dialog', role: 'alertdialog', 'aria-modal': 'true', id: 'consent-dialog' },
      el('h2', { text: `${name} wants access to this spreadsheet` }),
      el('div', {
        class: 'dialog-message',
        text:
          `Allow ${name} to see, edit, create and delete only “${state.workbook.name}”? ` +
          'This grants the drive.file scope for this one file (CardService requestFileScopeForActiveDocument).',
      }),
      el(
        'div',
        { class: 'dialog-buttons' },
        el('button', {
          type: 'button',
          class: 'button button-text',
          text: 'Cancel',
          dataset: { button: 'CANCEL' },
          onclick: () => consent(false),
        }),
        el('button', {
          type: 'button',
          class: 'button button-filled',
          text: 'Allow',
          dataset: { button: 'ALLOW' },
          onclick: () => consent(true),
        }),
      ),
    );
    layer.replaceChildren(box);
    layer.hidden = false;
  }

  async function consent(allow) {
    $('#dialog-layer').hidden = true;
    $('#dialog-layer').replaceChildren();
    await act('/api/sidebar/grant', { allow });
  }

  function showToast({ title, message, error, timeoutMs }) {
    const toast = el(
      'div',
      { class: `toast${error ? ' error' : ''}`, role: 'status' },
      title ? el('div', { class: 'toast-title', text: title }) : null,
      el('div', { class: 'toast-message', text: message }),
    );
    $('#toasts').append(toast);
    setTimeout(() => toast.remove(), timeoutMs || (error ? 9000 : 5000));
  }

  function renderNewToasts() {
    for (const e of state.uiEvents) {
      if (ui.seenToasts.has(e.id)) continue;
      ui.seenToasts.add(e.id);
      if (e.kind === 'toast') showToast({ title: e.title, message: e.message, timeoutMs: 6000 });
    }
  }

  // ---- side panel

  function renderSidebar() {
    const sb = state.sidebar;
    const pane = $('#addon-pane');
    pane.classList.toggle('closed', !sb.open);
    $('#rail-addon').classList.toggle('active', sb.open);
    $('#addon-title').textContent = state.addOnName;
    $('#sidebar-back').hidden = sb.stack.length < 2;
    const ua = $('#universal-actions');
    ua.hidden = sb.universalActions.length === 0 || sb.stack.length === 0;
    $('#universal-list').replaceChildren(
      ...sb.universalActions.map((a) =>
        el('button', {
          type: 'button',
          class: 'menu-entry',
          text: a.label,
          onclick: () => {
            ua.open = false;
            act('/api/sidebar/universal', { label: a.label });
          },
        }),
      ),
    );
    const body = $('#sidebar-body');
    const top = sb.stack[sb.stack.length - 1];
    const html = top ? top.html : '';
    if (!top) {
      if (ui.cardHtml !== '<placeholder>') {
        ui.cardHtml = '<placeholder>';
        body.replaceChildren(
          el(
            'div',
            { class: 'addon-placeholder' },
            el('span', { class: 'addon-logo', 'aria-hidden': 'true' }),
            el('p', {
              text: sb.homepage
                ? `Open ${state.addOnName} to run its homepage (${sb.homepage}).`
                : 'The manifest names no homepage trigger.',
            }),
            sb.homepage
              ? el('button', {
                  type: 'button',
                  class: 'button button-filled',
                  id: 'sidebar-open',
                  text: 'Open add-on',
                  onclick: openSidebar,
                })
              : null,
          ),
        );
      }
    } else if (html !== ui.cardHtml) {
      ui.cardHtml = html;
      body.innerHTML = html; // renderCardHtml output: every card string is escaped by the renderer
      body.scrollTop = 0;
    }
    const err = $('#sidebar-error');
    err.hidden = !sb.error;
    err.textContent = sb.error || '';
    for (const n of sb.notifications) {
      if (ui.seenSnacks.has(n.id)) continue;
      ui.seenSnacks.add(n.id);
      snackbar(n.text);
    }
    for (const l of sb.openLinks) {
      if (ui.seenLinks.has(l.id)) continue;
      ui.seenLinks.add(l.id);
      snackbar('The add-on opens a link', l.url);
    }
    if (sb.fileScopeRequested && !$('#consent-dialog')) showConsent();
  }

  /** A snackbar in the side panel; `link` (only http and https URLs are kept) adds an Open link. */
  function snackbar(text, link) {
    const safe = link && /^https?:\/\//i.test(link) ? link : null;
    const bar = el(
      'div',
      { class: 'snackbar', role: 'status', title: link || undefined },
      el('span', { text: link && !safe ? `${text} (blocked: not an http(s) link)` : text }),
      safe ? el('a', { href: safe, target: '_blank', rel: 'noopener noreferrer', text: 'Open' }) : null,
      el('button', { type: 'button', text: 'Dismiss', onclick: () => bar.remove() }),
    );
    $('#sidebar-snackbars').append(bar);
    setTimeout(() => bar.remove(), link ? 8000 : 5000);
  }

  function openSidebar() {
    act('/api/sidebar/open', {});
  }

  /** Collects the current card's form inputs in the event object's `formInputs` shape. */
  function collectFormInputs(root) {
    const out = {};
    const strings = (name, value) => {
      const entry = out[name] || (out[name] = { stringInputs: { value: [] } });
      if (entry.stringInputs) entry.stringInputs.value.push(value);
    };
    for (const field of $$('input[name], textarea[name], select[name]', root)) {
      const name = field.getAttribute('name');
      if (field.tagName === 'SELECT') {
        for (const o of field.selectedOptions) strings(name, o.value);
      } else if (field.type === 'checkbox' || field.type === 'radio') {
        if (field.checked) strings(name, field.value);
      } else if (field.dataset.pickerType) {
        if (!field.value) continue;
        const offsetMin = Number(field.dataset.timezoneOffset || 0);
        if (field.type === 'date') out[name] = { dateInput: { msSinceEpoch: Date.parse(`${field.value}T00:00:00Z`) } };
        else if (field.type === 'time') {
          const [h, m] = field.value.split(':').map(Number);
          out[name] = { timeInput: { hours: h, minutes: m } };
        } else {
          const ms = Date.parse(`${field.value}:00Z`) - offsetMin * 60_000;
          out[name] = { dateTimeInput: { msSinceEpoch: ms, hasDate: true, hasTime: true } };
        }
      } else if (field.value !== '') strings(name, field.value);
    }
    return out;
  }

  function missingRequired(trigger, root) {
    let names = [];
    try {
      names = trigger.dataset.requiredWidgets ? JSON.parse(trigger.dataset.requiredWidgets) : [];
    } catch {
      names = [];
    }
    if (trigger.dataset.allWidgetsRequired === 'true') names = $$('[name]', root).map((f) => f.getAttribute('name'));
    const inputs = collectFormInputs(root);
    const missing = names.filter((n) => !inputs[n]);
    $$('.field-error', root).forEach((f) => f.classList.remove('field-error'));
    for (const n of missing) $$(`[name="${CSS.escape(n)}"]`, root).forEach((f) => f.classList.add('field-error'));
    return missing;
  }

  function parseParams(text) {
    if (!text) return {};
    try {
      const v = JSON.parse(text);
      return v && typeof v === 'object' ? v : {};
    } catch {
      return {};
    }
  }

  async function dispatchCardAction(fn, params, root) {
    const body = $('#sidebar-body');
    body.classList.add('loading');
    try {
      await act('/api/card-action', { function: fn, parameters: params, formInputs: collectFormInputs(root) });
    } finally {
      body.classList.remove('loading');
    }
  }

  function wireSidebar() {
    const body = $('#sidebar-body');
    body.addEventListener('click', (e) => {
      const target = e.target.closest('[data-action], [data-open-link], [data-push-card], [data-open-dynamic-link]');
      if (!target || !body.contains(target) || target.disabled) return;
      e.preventDefault();
      const root = target.closest('.gcard') || body;
      const menu = target.closest('details');
      if (menu) menu.open = false;
      if (target.dataset.action) {
        if (missingRequired(target, root).length > 0) {
          snackbar('Fill in the required fields.');
          return;
        }
        dispatchCardAction(target.dataset.action, parseParams(target.dataset.parameters), root);
      } else if (target.dataset.openDynamicLink) {
        dispatchCardAction(target.dataset.openDynamicLink, parseParams(target.dataset.openDynamicParameters), root);
      } else if (target.dataset.openLink) {
        snackbar('The add-on opens a link', target.dataset.openLink);
      } else if (target.dataset.pushCard) {
        act('/api/card-action', { pushCard: target.dataset.pushCard });
      }
    });
    body.addEventListener('keydown', (e) => {
      if ((e.key === 'Enter' || e.key === ' ') && e.target.matches('[role="button"][data-action]')) {
        e.preventDefault();
        e.target.click();
      }
    });
    body.addEventListener('change', (e) => {
      const field = e.target.closest('[data-change-action]');
      if (!field) return;
      const root = field.closest('.gcard') || body;
      dispatchCardAction(field.dataset.changeAction, parseParams(field.dataset.changeParameters), root);
    });
    $('#sidebar-back').addEventListener('click', () => act('/api/sidebar/back', {}));
    $('#sidebar-close').addEventListener('click', () => act('/api/sidebar/close', {}));
    $('#rail-addon').addEventListener('click', () => {
      if (state.sidebar.open) act('/api/sidebar/close', {});
      else openSidebar();
    });
  }

  // ---- chat

  function roleLabel(role) {
    return { ROLE_MANAGER: 'Owner', ROLE_ASSISTANT_MANAGER: 'Manager', ROLE_MEMBER: 'Member' }[role] || role;
  }

  /** Chat text formatting (bold, italics, strike, code, links) over escaped text. */
  function chatHtml(text) {
    let out = esc(text);
    out = out.replace(/```([\s\S]*?)```/g, (_, code) => `<pre>${code}</pre>`);
    out = out.replace(/`([^`\n]+)`/g, '<code>$1</code>');
    out = out.replace(/(^|[\s(])\*(\S[^*\n]*?\S|\S)\*(?=$|[\s).,!?])/g, '$1<strong>$2</strong>');
    out = out.replace(/(^|[\s(])_(\S[^_\n]*?\S|\S)_(?=$|[\s).,!?])/g, '$1<em>$2</em>');
    out = out.replace(/(^|[\s(])~(\S[^~\n]*?\S|\S)~(?=$|[\s).,!?])/g, '$1<del>$2</del>');
    out = out.replace(
      /&lt;(https?:\/\/[^|\s&]+)\|([^&]+?)&gt;/g,
      '<a href="$1" target="_blank" rel="noopener noreferrer">$2</a>',
    );
    return out;
  }

  function renderChat() {
    const body = $('#chat-body');
    const spaces = state.chat.spaces;
    const space = ui.chatSpace && spaces.find((s) => s.name === ui.chatSpace);
    if (!space) {
      ui.chatSpace = null;
      if (spaces.length === 0) {
        body.replaceChildren(
          el('div', { class: 'empty', text: 'No spaces yet. Apply the Spaces tab to create some.' }),
        );
        return;
      }
      body.replaceChildren(
        el(
          'ul',
          { class: 'space-list', id: 'space-list' },
          spaces.map((s) => {
            const joined = s.members.filter((m) => m.state === 'JOINED').length;
            const invited = s.members.length - joined;
            return el(
              'li',
              {},
              el(
                'button',
                {
                  type: 'button',
                  class: 'space-item',
                  dataset: { space: s.name },
                  onclick: () => {
                    ui.chatSpace = s.name;
                    renderChat();
                  },
                },
                el('span', { class: 'space-avatar', text: initials(s.displayName) }),
                el(
                  'span',
                  { class: 'space-main' },
                  el('div', { class: 'space-name', text: s.displayName }),
                  el('div', {
                    class: 'space-meta',
                    text:
                      `${joined} member${joined === 1 ? '' : 's'}` +
                      (invited ? ` · ${invited} invited` : '') +
                      ` · ${s.messages.filter((m) => !m.deleted).length} messages`,
                  }),
                ),
              ),
            );
          }),
        ),
      );
      return;
    }
    const badges = [
      el('span', {
        class: 'badge',
        text:
          { SPACE: 'Space', GROUP_CHAT: 'Group chat', DIRECT_MESSAGE: 'Direct message' }[space.spaceType] ||
          space.spaceType,
      }),
      el('span', {
        class: `badge ${space.history === 'HISTORY_ON' ? 'badge-green' : ''}`,
        text: space.history === 'HISTORY_ON' ? 'History on' : 'History off',
      }),
      space.externalUserAllowed ? el('span', { class: 'badge badge-amber', text: 'External users allowed' }) : null,
      space.announcement ? el('span', { class: 'badge badge-blue', text: 'Announcement' }) : null,
      space.audience ? el('span', { class: 'badge badge-blue', text: 'Discoverable' }) : null,
    ];
    const tabs = el(
      'div',
      { class: 'subtabs', role: 'tablist' },
      ['messages', 'members'].map((t) =>
        el('button', {
          type: 'button',
          role: 'tab',
          class: 'subtab',
          'aria-selected': String(ui.chatTab === t),
          dataset: { chatTab: t },
          text:
            t === 'messages'
              ? `Messages (${space.messages.filter((m) => !m.deleted).length})`
              : `Members (${space.members.length})`,
          onclick: () => {
            ui.chatTab = t;
            renderChat();
          },
        }),
      ),
    );
    const content = ui.chatTab === 'members' ? membersList(space) : messagesList(space);
    body.replaceChildren(
      el('button', {
        type: 'button',
        class: 'back-link',
        id: 'chat-back',
        text: '← All spaces',
        onclick: () => ((ui.chatSpace = null), renderChat()),
      }),
      el(
        'div',
        { class: 'space-head', id: 'space-detail', dataset: { space: space.name } },
        el(
          'div',
          { class: 'space-head-top' },
          el('span', { class: 'space-avatar', text: initials(space.displayName) }),
          el('h3', { text: space.displayName }),
        ),
        el('div', { class: 'space-id', text: space.name }),
        space.description ? el('div', { class: 'space-desc', text: space.description }) : null,
        el('div', { class: 'badges' }, badges),
      ),
      tabs,
      content,
    );
  }

  function membersList(space) {
    if (space.members.length === 0) return el('div', { class: 'empty', text: 'No members.' });
    return el(
      'ul',
      { class: 'member-list', id: 'member-list' },
      space.members.map((m) =>
        el(
          'li',
          { class: 'member', dataset: { member: m.email || m.name } },
          el('span', {
            class: `member-avatar${m.type === 'GROUP' ? ' group' : ''}`,
            text: initials(m.displayName || m.email || m.name),
          }),
          el(
            'span',
            { class: 'member-main', title: m.name },
            el('div', {
              class: 'member-name',
              text: m.type === 'GROUP' ? m.email || m.name : m.displayName || m.email || m.name,
            }),
            el('div', { class: 'member-sub', text: m.type === 'GROUP' ? 'Google Group' : m.email || m.name }),
          ),
          el('span', {
            class: `badge ${m.role === 'ROLE_MEMBER' || m.type === 'GROUP' ? '' : 'badge-blue'}`,
            text: m.type === 'BOT' ? 'App' : m.type === 'GROUP' ? 'Group' : roleLabel(m.role),
          }),
          el('span', {
            class: `badge ${m.state === 'JOINED' ? 'badge-green' : 'badge-amber'}`,
            text: m.state === 'JOINED' ? 'Joined' : 'Invited',
          }),
        ),
      ),
    );
  }

  function messagesList(space) {
    if (space.messages.length === 0) return el('div', { class: 'empty', text: 'No messages yet.' });
    const threads = new Map();
    for (const m of space.messages) {
      if (!threads.has(m.thread)) threads.set(m.thread, []);
      threads.get(m.thread).push(m);
    }
    return el(
      'div',
      { id: 'message-list' },
      [...threads.values()].map((msgs) =>
        el(
          'div',
          { class: 'thread', dataset: { thread: msgs[0].thread } },
          msgs.map((m, i) => {
            const text = el('div', { class: 'message-text' });
            if (m.deleted) text.textContent = 'Message deleted';
            else text.innerHTML = chatHtml(m.text); // escaped by chatHtml before formatting
            return el(
              'div',
              { class: `message${i > 0 ? ' reply' : ''}${m.deleted ? ' deleted' : ''}`, dataset: { message: m.name } },
              el(
                'div',
                { class: 'message-head' },
                el('span', { class: 'message-sender', text: m.sender }),
                el('span', { class: 'message-time', text: fmtIso(m.createTime) }),
                m.lastUpdateTime && !m.deleted ? el('span', { class: 'message-time', text: '· Edited' }) : null,
              ),
              text,
              m.attachments.length
                ? el('div', { class: 'message-time', text: `📎 ${m.attachments.join(', ')}` })
                : null,
              m.reactions.length
                ? el(
                    'div',
                    { class: 'reactions' },
                    m.reactions.map((r) =>
                      el('span', { class: 'reaction', title: r.users.join(', '), text: `${r.emoji} ${r.count}` }),
                    ),
                  )
                : null,
            );
          }),
        ),
      ),
    );
  }

  // ---- dock: clock, triggers, last run, run-a-function, UI events

  function renderDock() {
    $('#clock-now').textContent = fmtTime(state.clock.now);
    const elapsed = state.clock.now - state.clock.startedAt;
    $('#clock-now').title = `${fmtDuration(elapsed)} of virtual time since the playground started`;
    const triggers = state.triggers;
    $('#triggers').replaceChildren(
      triggers.length === 0
        ? el('p', { class: 'muted small', text: 'No installed triggers.' })
        : el(
            'table',
            { class: 'mini-table', id: 'trigger-table' },
            el('thead', {}, el('tr', {}, el('th', { text: 'Handler' }), el('th', { text: 'Fires' }), el('th', {}))),
            el(
              'tbody',
              {},
              triggers.map((t) =>
                el(
                  'tr',
                  { dataset: { trigger: t.uid } },
                  el('td', {}, el('code', { text: t.handler })),
                  el('td', {
                    text: t.disabled
                      ? 'spent'
                      : t.nextFireAt
                        ? `${fmtTime(t.nextFireAt)}${t.everyMs ? ` · every ${fmtDuration(t.everyMs)}` : ''}`
                        : t.eventType,
                  }),
                  el(
                    'td',
                    {},
                    t.eventType === 'CLOCK' && !t.disabled
                      ? el('button', {
                          type: 'button',
                          class: 'button button-text',
                          text: 'Fire now',
                          'data-needs-idle': true,
                          onclick: () => act('/api/clock', { fire: t.uid }),
                        })
                      : null,
                  ),
                ),
              ),
            ),
          ),
    );

    // The newest run, unless the user picked an older one (runs are identified by their start time and label).
    const runs = state.runs;
    const picker = $('#run-picker');
    const runKey = (r) => `${r.startedAt}|${r.label}`;
    const pickerKey = runs.map(runKey).join(',');
    if (picker.dataset.key !== pickerKey) {
      picker.dataset.key = pickerKey;
      picker.replaceChildren(
        ...runs
          .slice()
          .reverse()
          .map((r, i) => el('option', { value: runKey(r), text: i === 0 ? `Last run: ${r.label}` : r.label })),
      );
      if (!runs.some((r) => runKey(r) === ui.pickedRun)) ui.pickedRun = null;
      picker.value = ui.pickedRun || (runs.length ? runKey(runs[runs.length - 1]) : '');
    }
    picker.hidden = runs.length === 0;
    const run = runs.find((r) => runKey(r) === ui.pickedRun) || state.lastRun;
    $('#last-run-label').textContent = run ? `ended ${fmtTime(run.endedAt, false)}` : '';
    $('#last-run').replaceChildren(
      run ? runSummary(run, true) : el('p', { class: 'muted', text: 'Nothing has run yet.' }),
    );

    const select = $('#entry-select');
    const key = state.entryPoints.join(',');
    if (select.dataset.key !== key) {
      select.dataset.key = key;
      select.replaceChildren(...state.entryPoints.map((n) => el('option', { value: n, text: n })));
    }

    const events = state.uiEvents.slice(-30).reverse();
    $('#ui-events').replaceChildren(
      ...(events.length === 0
        ? [el('li', { class: 'muted', text: 'No alerts or toasts yet.' })]
        : events.map((e) =>
            el(
              'li',
              { title: fmtTime(e.at) },
              el('span', { class: 'ui-kind', text: e.kind }),
              `${e.title ? `${e.title}: ` : ''}${e.message}`,
              e.answer
                ? el('span', { class: 'muted', text: ` → ${e.answer}${e.answerText ? ` “${e.answerText}”` : ''}` })
                : null,
            ),
          )),
    );
  }

  function runSummary(run, compact) {
    const apiTotal = sum(run.apiCalls);
    const serviceTotal = sum(run.serviceCalls);
    const minutes = (run.endedAt - run.startedAt) / 60_000;
    const statuses = run.rowStatuses ? Object.entries(run.rowStatuses) : [];
    const kv = el(
      'div',
      { class: 'kv', id: compact ? 'last-run-kv' : undefined },
      kvItem('Virtual time', minutes < 1 ? fmtDuration(run.endedAt - run.startedAt) : `${minutes.toFixed(1)} min`),
      kvItem('Executions', run.executions.length),
      kvItem('Chat API calls', apiTotal),
      kvItem('Service calls', serviceTotal),
      kvItem('Quota errors (429)', run.quotaErrors, run.quotaErrors > 0),
      kvItem('Sleeps (pacing)', run.sleepCalls),
      kvItem('Errors', run.errors.length, run.errors.length > 0),
      ...statuses.map(([k, v]) => kvItem(`Rows ${k}`, v, k === 'Failed' && v > 0)),
    );
    const methods = Object.entries(run.apiCalls).sort((a, b) => b[1] - a[1]);
    const execs = run.executions;
    const tables = el(
      'div',
      { class: 'two-col' },
      el(
        'table',
        { class: 'mini-table', id: compact ? 'last-run-methods' : undefined },
        el('thead', {}, el('tr', {}, el('th', { text: 'API method' }), el('th', { class: 'num', text: 'Calls' }))),
        el(
          'tbody',
          {},
          methods.length
            ? methods.map(([m, n]) =>
                el('tr', {}, el('td', {}, el('code', { text: m })), el('td', { class: 'num', text: n })),
              )
            : el('tr', {}, el('td', { class: 'muted', text: 'No API calls' }), el('td')),
        ),
      ),
      el(
        'table',
        { class: 'mini-table' },
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', { text: 'Execution' }),
            el('th', { text: 'Started' }),
            el('th', { class: 'num', text: 'Took' }),
            el('th', { text: 'Result' }),
          ),
        ),
        el(
          'tbody',
          {},
          execs.map((x) =>
            el(
              'tr',
              {},
              el('td', {}, el('code', { text: x.functionName }), el('span', { class: 'muted', text: ` ${x.origin}` })),
              el('td', { text: fmtTime(x.startedAt, false) }),
              el('td', { class: 'num', text: fmtDuration(x.endedAt - x.startedAt) }),
              el(
                'td',
                {},
                el('span', { class: `status status-${x.outcome === 'ok' ? 'ok' : 'error'}`, text: x.outcome }),
              ),
            ),
          ),
        ),
      ),
    );
    const errors = run.errors.length
      ? el(
          'ul',
          { class: 'error-list' },
          run.errors.map((e) => el('li', { text: e })),
        )
      : null;
    const services = Object.entries(run.serviceCalls).sort((a, b) => b[1] - a[1]);
    const serviceTable =
      compact || services.length === 0
        ? null
        : el(
            'details',
            { class: 'service-calls' },
            el('summary', { text: `Apps Script service calls (${serviceTotal})` }),
            el(
              'table',
              { class: 'mini-table' },
              el(
                'tbody',
                {},
                services.map(([m, n]) =>
                  el('tr', {}, el('td', {}, el('code', { text: m })), el('td', { class: 'num', text: n })),
                ),
              ),
            ),
          );
    return el('div', {}, kv, errors, tables, serviceTable);
  }

  function kvItem(label, value, bad) {
    return el(
      'div',
      { class: 'kv-item' },
      el('div', { class: 'kv-label', text: label }),
      el('div', { class: `kv-value${bad ? ' bad' : ''}`, text: value }),
    );
  }

  function wireDock() {
    $('#clock-advance').setAttribute('data-needs-idle', '');
    $('#clock-idle').setAttribute('data-needs-idle', '');
    $('#entry-run').setAttribute('data-needs-idle', '');
    $('#run-picker').addEventListener('change', (e) => {
      const runs = state.runs;
      // Picking the newest run means "follow the newest" again.
      ui.pickedRun =
        runs.length && e.target.value === `${runs[runs.length - 1].startedAt}|${runs[runs.length - 1].label}`
          ? null
          : e.target.value;
      renderDock();
    });
    $('#clock-advance').addEventListener('click', () => {
      const minutes = Number($('#clock-minutes').value);
      if (!(minutes > 0))
        return showToast({ title: 'Clock', message: 'Enter a positive number of minutes.', error: true });
      act('/api/clock', { advanceMinutes: minutes });
    });
    $('#clock-idle').addEventListener('click', () => act('/api/clock', { untilIdle: true }));
    $('#entry-run').addEventListener('click', () => {
      const fn = $('#entry-select').value;
      if (fn) act('/api/run', { functionName: fn, label: `Run ${fn}`, origin: 'editor' });
    });
  }

  // ---- runs view

  function renderRuns() {
    const runs = [...state.runs].reverse();
    $('#runs').replaceChildren(
      ...(runs.length === 0
        ? [el('p', { class: 'muted', text: 'No runs yet.' })]
        : runs.map((run) =>
            el(
              'section',
              { class: 'run-card' },
              el('h3', { text: `${run.label}` }),
              el('div', {
                class: 'muted small',
                text: `${run.functionName} · ${fmtTime(run.startedAt)} → ${fmtTime(run.endedAt)}`,
              }),
              runSummary(run, false),
              ...run.executions
                .filter((x) => x.logs.length > 0 || x.error)
                .map((x) =>
                  el(
                    'div',
                    { class: 'run-log' },
                    el('div', { class: 'small' }, el('code', { text: x.functionName }), ` ${x.id} · ${x.outcome}`),
                    el('pre', {
                      text: [
                        ...x.logs.map((l) => `${fmtTime(l.at, false)} ${l.level.padEnd(5)} ${l.message}`),
                        x.error ? `ERROR ${x.error}` : '',
                      ]
                        .filter(Boolean)
                        .join('\n'),
                    }),
                  ),
                ),
            ),
          )),
    );
  }

  // ---- requests view

  let requestsTimer = null;
  async function loadRequests() {
    const f = ui.requests;
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v) params.set(k, v);
    params.set('limit', '1000');
    const { json } = await request('GET', `/api/requests?${params}`);
    ui.requestRows = json.requests || [];
    const methodSelect = $('#req-method');
    const key = (json.methods || []).join(',');
    if (methodSelect.dataset.key !== key) {
      methodSelect.dataset.key = key;
      const current = methodSelect.value;
      methodSelect.replaceChildren(
        el('option', { value: '', text: 'All methods' }),
        ...(json.methods || []).map((m) => el('option', { value: m, text: m })),
      );
      methodSelect.value = current;
    }
    $('#requests-count').textContent = json.total ? String(json.total) : '';
    $('#req-summary').textContent = `${ui.requestRows.length} of ${json.total || 0} requests`;
    const tbody = $('#req-table tbody');
    tbody.replaceChildren(
      ...ui.requestRows.map((r) =>
        el(
          'tr',
          {
            class: ui.selectedRequest === r.seq ? 'selected' : undefined,
            dataset: { seq: r.seq, method: r.method, result: r.result },
            onclick: () => {
              ui.selectedRequest = r.seq;
              $$('#req-table tr.selected').forEach((x) => x.classList.remove('selected'));
              tbody.querySelector(`tr[data-seq="${r.seq}"]`).classList.add('selected');
              renderRequestDetail(r);
            },
          },
          el('td', { class: 'mono', text: fmtClock(r.at) }),
          el('td', { text: r.origin || '' }),
          el('td', { text: r.service }),
          el(
            'td',
            {},
            el('code', { text: r.method }),
            r.count ? el('span', { class: 'muted', text: ` ×${r.count}` }) : null,
          ),
          el(
            'td',
            {},
            el('span', { class: `status status-${r.result}`, text: r.status !== undefined ? r.status : r.result }),
          ),
          el('td', {
            text: (r.scopes || []).map((s) => s.replace('https://www.googleapis.com/auth/', '')).join(', '),
            title: (r.scopes || []).join('\n'),
          }),
          el('td', { text: r.quotaBucket || '' }),
          el('td', { class: 'num', text: r.latencyMs !== undefined ? `${Math.round(r.latencyMs)} ms` : '' }),
        ),
      ),
    );
    const selected = ui.requestRows.find((r) => r.seq === ui.selectedRequest);
    if (selected) renderRequestDetail(selected);
  }

  function renderRequestDetail(r) {
    const rows = [
      ['Time', fmtTime(r.at)],
      ['Service', r.service],
      ['Method', r.method],
      ['Calls', r.count ? `${r.count} in this execution` : ''],
      ['HTTP', r.httpMethod ? `${r.httpMethod} ${r.url || ''}` : ''],
      ['Status', r.status !== undefined ? String(r.status) : r.result],
      ['Access path', r.path || ''],
      ['Execution', r.executionId || ''],
      ['Origin', r.origin || ''],
      ['Scopes checked', (r.scopes || []).join('\n')],
      ['Quota bucket', r.quotaBucket || ''],
      [
        'Latency',
        r.latencyMs !== undefined
          ? `${Math.round(r.latencyMs * 10) / 10} ms of virtual time${r.count ? ' (base cost of these calls, cells aside)' : ''}`
          : '',
      ],
      ['Error', r.errorMessage || ''],
    ].filter(([, v]) => v);
    const pretty = (text) => {
      try {
        return JSON.stringify(JSON.parse(text), null, 2);
      } catch {
        return text;
      }
    };
    $('#req-detail').replaceChildren(
      el('h3', { text: r.method }),
      el(
        'dl',
        {},
        rows.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })]),
      ),
      r.requestBody
        ? el(
            'div',
            {},
            el('div', { class: 'dock-title', text: 'Request body' }),
            el('pre', { text: pretty(r.requestBody) }),
          )
        : null,
      r.responseBody
        ? el(
            'div',
            {},
            el('div', { class: 'dock-title', text: 'Response body' }),
            el('pre', { text: pretty(r.responseBody) }),
          )
        : null,
    );
  }

  function wireRequests() {
    $('#req-text').addEventListener('input', (e) => {
      ui.requests.text = e.target.value;
      clearTimeout(requestsTimer);
      requestsTimer = setTimeout(loadRequests, 200);
    });
    for (const [id, key] of [
      ['#req-service', 'service'],
      ['#req-method', 'method'],
      ['#req-status', 'status'],
    ]) {
      $(id).addEventListener('change', (e) => {
        ui.requests[key] = e.target.value;
        loadRequests();
      });
    }
  }

  // ---- fidelity view

  async function renderFidelity() {
    if (!ui.fidelity) {
      const { json } = await request('GET', '/api/fidelity');
      ui.fidelity = json;
    }
    const f = ui.fidelity;
    const nav = $('#fidelity-nav');
    nav.replaceChildren(
      ...f.docs.map((d) =>
        el('button', {
          type: 'button',
          'aria-current': String(d.id === ui.fidelityDoc),
          dataset: { doc: d.id },
          text: d.title,
          onclick: () => {
            ui.fidelityDoc = d.id;
            renderFidelity();
          },
        }),
      ),
      el('div', { class: 'rev', text: f.specRevision ? `Chat API discovery revision ${f.specRevision}` : '' }),
    );
    const doc = f.docs.find((d) => d.id === ui.fidelityDoc) || f.docs[0];
    const article = $('#fidelity-doc');
    if (doc && doc.html)
      article.innerHTML = doc.html; // rendered and escaped by the server's Markdown renderer
    else
      article.replaceChildren(
        el('p', { class: 'muted', text: `${doc ? doc.source : 'The document'} has not been generated yet.` }),
      );
  }

  // ---- views

  function showView(view) {
    ui.view = view;
    $$('.tab').forEach((t) => t.setAttribute('aria-selected', String(t.dataset.view === view)));
    $$('[data-view-panel]').forEach((p) => (p.hidden = p.dataset.viewPanel !== view));
    if (view === 'requests') loadRequests();
    if (view === 'runs') renderRuns();
    if (view === 'fidelity') renderFidelity();
    if (location.hash !== `#${view}`)
      history.replaceState(null, '', view === 'workspace' ? location.pathname : `#${view}`);
  }

  function init() {
    // Read-only handle for debugging in the browser console and for tests.
    Object.defineProperty(window, 'playground', { value: { ui, state: () => state } });
    $$('.tab').forEach((t) => t.addEventListener('click', () => showView(t.dataset.view)));
    $$('[data-goto]').forEach((a) =>
      a.addEventListener('click', (e) => {
        e.preventDefault();
        showView(a.dataset.goto);
      }),
    );
    $('#banner-dismiss').addEventListener('click', () => {
      $('#local-banner').hidden = true;
      try {
        sessionStorage.setItem('banner-dismissed', '1');
      } catch {
        /* storage unavailable */
      }
    });
    try {
      if (sessionStorage.getItem('banner-dismissed')) $('#local-banner').hidden = true;
    } catch {
      /* storage unavailable */
    }
    document.addEventListener('click', (e) => {
      if (!e.target.closest('.menubar')) closeMenus();
    });
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') closeMenus();
    });
    wireGrid();
    wireSidebar();
    wireDock();
    wireRequests();
    const initial = location.hash.replace('#', '');
    refresh().then(() => {
      if (['requests', 'runs', 'fidelity'].includes(initial)) showView(initial);
      document.body.dataset.ready = 'true';
    });
  }

  init();
})();
