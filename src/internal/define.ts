/** Registers `tag` once: loading the library twice (bundle and npm build) does not throw. */
export function define(tag: string, element: CustomElementConstructor) {
  if (typeof customElements !== 'undefined' && !customElements.get(tag)) customElements.define(tag, element);
}
