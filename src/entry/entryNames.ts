/**
 * Names of the add-on's entry points, typed against the exports of src/main.ts: a menu item, card action or
 * trigger that names a function main.ts does not export fails to compile.
 */
export type EntryPoint = keyof typeof import('../main');

/** Returns the name unchanged; exists so call sites read `entry('applySpaces')` and are type-checked. */
export function entry<N extends EntryPoint>(name: N): N {
  return name;
}
