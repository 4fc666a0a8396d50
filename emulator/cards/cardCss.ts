/**
 * The stylesheet for cards rendered by `html.ts`: an approximation of the Google Workspace add-on side panel
 * (about 300 px wide, Google Sans / Roboto type, Material 3 colours, pill-shaped filled / outlined / tonal /
 * borderless buttons, outlined text fields, switches). All selectors are prefixed `gcard-` so the stylesheet can be
 * dropped into the playground page without touching its own styles.
 */

/** CSS for the HTML produced by `renderCardHtml`. */
export const CARD_CSS = `
.gcard {
  --gcard-primary: #0b57d0;
  --gcard-on-primary: #ffffff;
  --gcard-tonal: #c2e7ff;
  --gcard-on-tonal: #001d35;
  --gcard-text: #1f1f1f;
  --gcard-text-secondary: #444746;
  --gcard-outline: #747775;
  --gcard-outline-variant: #c4c7c5;
  --gcard-surface: #ffffff;
  --gcard-surface-container: #f0f4f9;
  --gcard-hover: rgba(11, 87, 208, 0.08);
  --gcard-width: 300px;
  box-sizing: border-box;
  width: var(--gcard-width);
  background: var(--gcard-surface);
  color: var(--gcard-text);
  font-family: "Google Sans Text", "Google Sans", Roboto, Arial, sans-serif;
  font-size: 14px;
  line-height: 20px;
  letter-spacing: 0.1px;
  display: flex;
  flex-direction: column;
  position: relative;
}
.gcard *, .gcard *::before, .gcard *::after { box-sizing: border-box; }
.gcard a { color: var(--gcard-primary); text-decoration: none; }
.gcard a:hover { text-decoration: underline; }
.gcard-header { display: flex; align-items: center; gap: 12px; padding: 16px 16px 12px; }
.gcard-header-image { width: 40px; height: 40px; object-fit: cover; border-radius: 4px; flex: none; }
.gcard-header-text { min-width: 0; flex: 1; }
.gcard-title { font-family: "Google Sans", Roboto, Arial, sans-serif; font-size: 16px; line-height: 24px; font-weight: 500;
  overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.gcard-subtitle { font-size: 12px; line-height: 16px; color: var(--gcard-text-secondary);
  overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.gcard-circle { border-radius: 50%; }
.gcard-menu { position: absolute; top: 12px; right: 8px; }
.gcard-menu > summary { list-style: none; cursor: pointer; width: 32px; height: 32px; border-radius: 50%; text-align: center;
  line-height: 32px; color: var(--gcard-text-secondary); font-size: 18px; }
.gcard-menu > summary::-webkit-details-marker { display: none; }
.gcard-menu > summary:hover { background: var(--gcard-surface-container); }
.gcard-menu-items { position: absolute; right: 0; z-index: 2; min-width: 160px; background: var(--gcard-surface); padding: 8px 0;
  border-radius: 4px; box-shadow: 0 2px 6px 2px rgba(60, 64, 67, 0.15), 0 1px 2px rgba(60, 64, 67, 0.3); }
.gcard-menu-item { display: block; width: 100%; text-align: left; padding: 8px 16px; border: 0; background: none;
  font: inherit; color: var(--gcard-text); cursor: pointer; }
.gcard-menu-item:hover { background: var(--gcard-surface-container); }
.gcard-body { flex: 1; }
.gcard-section { padding: 8px 16px 12px; }
.gcard-section + .gcard-section { border-top: 1px solid var(--gcard-outline-variant); }
.gcard-section-header { font-family: "Google Sans", Roboto, Arial, sans-serif; font-size: 14px; font-weight: 500;
  color: var(--gcard-text); padding: 8px 0 4px; }
.gcard-widget { padding: 6px 0; }
.gcard-more > summary { cursor: pointer; color: var(--gcard-primary); font-weight: 500; padding: 6px 0; list-style: none; }
.gcard-more > summary::-webkit-details-marker { display: none; }
.gcard-more[open] > summary .gcard-more-label::before { content: "Show less"; }
.gcard-more:not([open]) > summary .gcard-more-label::before { content: "Show more"; }
.gcard-text-paragraph { word-wrap: break-word; }
.gcard-clamp { display: -webkit-box; -webkit-box-orient: vertical; overflow: hidden; }
.gcard-decorated-text { display: flex; align-items: center; gap: 12px; min-height: 40px; }
.gcard-clickable { cursor: pointer; border-radius: 4px; }
.gcard-clickable:hover { background: var(--gcard-hover); }
.gcard-dt-body { flex: 1; min-width: 0; }
.gcard-top-label, .gcard-bottom-label { font-size: 12px; line-height: 16px; color: var(--gcard-text-secondary); }
.gcard-nowrap { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.gcard-icon { width: 24px; height: 24px; flex: none; display: inline-flex; align-items: center; justify-content: center;
  color: var(--gcard-text-secondary); font-size: 18px; }
.gcard-icon img { width: 24px; height: 24px; object-fit: cover; }
.gcard-icon.gcard-circle img { border-radius: 50%; }
.gcard-button-list { display: flex; flex-wrap: wrap; gap: 8px; }
.gcard-button { display: inline-flex; align-items: center; justify-content: center; gap: 8px; height: 36px; padding: 0 16px;
  border-radius: 18px; border: 1px solid transparent; font-family: "Google Sans", Roboto, Arial, sans-serif; font-size: 14px;
  font-weight: 500; letter-spacing: 0.1px; cursor: pointer; background: none; color: var(--gcard-primary); }
.gcard-button--outlined { border-color: var(--gcard-outline); }
.gcard-button--filled { background: var(--gcard-primary); color: var(--gcard-on-primary); }
.gcard-button--tonal { background: var(--gcard-tonal); color: var(--gcard-on-tonal); }
.gcard-button--borderless { padding: 0 12px; }
.gcard-button:hover { box-shadow: inset 0 0 0 100px var(--gcard-hover); }
.gcard-button--filled:hover { box-shadow: 0 1px 2px rgba(60, 64, 67, 0.3), inset 0 0 0 100px rgba(255, 255, 255, 0.08); }
.gcard-button:disabled { cursor: default; color: rgba(31, 31, 31, 0.38); background: rgba(31, 31, 31, 0.12);
  border-color: transparent; box-shadow: none; }
.gcard-button--outlined:disabled, .gcard-button--borderless:disabled { background: none; }
.gcard-icon-button { width: 40px; padding: 0; border-radius: 50%; color: var(--gcard-text-secondary); }
.gcard-icon-button .gcard-icon { width: 20px; height: 20px; }
.gcard-field { display: block; }
.gcard-field-label { display: block; font-size: 12px; line-height: 16px; color: var(--gcard-text-secondary); margin-bottom: 4px; }
.gcard-input { width: 100%; font: inherit; color: var(--gcard-text); padding: 8px 12px; border: 1px solid var(--gcard-outline);
  border-radius: 4px; background: var(--gcard-surface); }
.gcard-input:focus { outline: 2px solid var(--gcard-primary); outline-offset: -1px; border-color: var(--gcard-primary); }
textarea.gcard-input { min-height: 72px; resize: vertical; }
.gcard-hint { display: block; font-size: 12px; line-height: 16px; color: var(--gcard-text-secondary); margin-top: 4px; }
.gcard-selection { border: 0; margin: 0; padding: 6px 0; min-width: 0; }
.gcard-selection > legend { padding: 0; font-size: 12px; line-height: 16px; color: var(--gcard-text-secondary); margin-bottom: 4px; }
.gcard-choice { display: flex; align-items: center; gap: 8px; min-height: 32px; cursor: pointer; }
.gcard-choice input { accent-color: var(--gcard-primary); width: 18px; height: 18px; margin: 0; }
.gcard-switch { appearance: none; -webkit-appearance: none; position: relative; width: 36px !important; height: 20px !important;
  border-radius: 10px; background: var(--gcard-outline-variant); cursor: pointer; flex: none; transition: background 0.15s; }
.gcard-switch::after { content: ""; position: absolute; top: 2px; left: 2px; width: 16px; height: 16px; border-radius: 50%;
  background: #fff; box-shadow: 0 1px 2px rgba(0, 0, 0, 0.3); transition: left 0.15s; }
.gcard-switch:checked { background: var(--gcard-primary); }
.gcard-switch:checked::after { left: 18px; }
.gcard-image { display: block; max-width: 100%; border-radius: 8px; }
.gcard-divider { border: 0; border-top: 1px solid var(--gcard-outline-variant); margin: 8px 0; }
.gcard-grid-title { font-weight: 500; padding-bottom: 8px; }
.gcard-grid { display: grid; gap: 8px; }
.gcard-grid-item { display: flex; flex-direction: column; gap: 4px; padding: 4px; border-radius: 8px; min-width: 0; }
.gcard-grid-item.gcard-bordered { border: 1px solid var(--gcard-outline-variant); }
.gcard-grid-item img { width: 100%; aspect-ratio: 1; object-fit: cover; border-radius: 4px; }
.gcard-grid-item img.gcard-circle { border-radius: 50%; }
.gcard-grid-item-title { font-size: 14px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.gcard-grid-item-subtitle { font-size: 12px; color: var(--gcard-text-secondary); }
.gcard-columns { display: flex; gap: 12px; }
.gcard-column { flex: 1 1 0; min-width: 0; display: flex; flex-direction: column; }
.gcard-column--min { flex: 0 0 auto; }
.gcard-chip-list { display: flex; flex-wrap: wrap; gap: 8px; }
.gcard-chip-list--scroll { flex-wrap: nowrap; overflow-x: auto; }
.gcard-chip { display: inline-flex; align-items: center; gap: 6px; height: 32px; padding: 0 12px; border-radius: 8px;
  border: 1px solid var(--gcard-outline); background: none; font: inherit; font-weight: 500; color: var(--gcard-text-secondary); cursor: pointer; }
.gcard-chip:hover { background: var(--gcard-hover); }
.gcard-overflow { display: inline-block; position: relative; }
.gcard-overflow > summary { list-style: none; }
.gcard-overflow > summary::-webkit-details-marker { display: none; }
.gcard-footer { position: sticky; bottom: 0; display: flex; flex-direction: row-reverse; gap: 8px; padding: 12px 16px;
  background: var(--gcard-surface); box-shadow: 0 -1px 3px rgba(60, 64, 67, 0.15); }
.gcard-unsupported { padding: 8px; border: 1px dashed #b3261e; color: #b3261e; font-size: 12px; }
.gcard-peek { font-size: 12px; color: var(--gcard-text-secondary); padding: 4px 16px; }
`;
