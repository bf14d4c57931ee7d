// The baseline for the first-paint figure: a bare Lit element that renders the same text as
// <omneo-points-balance> ("1,234 points") from a static value, with no provider, client or fetch.
// bench/run.mjs bundles it exactly like dist/omneo-widgets.js (bench/lib/build.mjs), so both pages
// pay for loading, parsing and compiling Lit the same way.
import { LitElement, css, html } from 'lit';

class BareBalance extends LitElement {
  static properties = { value: { type: Number } };
  static styles = css`
    :host {
      display: inline;
    }
    [part='value'] {
      font-weight: 600;
    }
  `;

  render() {
    return html`<span part="value">${new Intl.NumberFormat(document.documentElement.lang || undefined).format(this.value)} points</span>`;
  }
}

customElements.define('bare-balance', BareBalance);
