// The highlight style the reader chose (settings: palette and marks), applied to the page as a
// constructed stylesheet adopted by the document — only once ClaimLens runs there, and taken off
// when it stops: no element is added or changed, and a page's Content-Security-Policy does not
// apply to it. content.css holds today's style as the page's
// first paint; this sheet overrides it (!important) with the chosen one, and is replaced when
// the reader changes it. The kind colours are the sidebar's (palettes.css; the palette test
// checks both), light ones by default and dark ones under prefers-color-scheme: dark.
// No chrome.* here: the palette test runs this file in Node.
'use strict';
(() => {
  const ns = (globalThis.ClaimLens ??= {});
  const KINDS = ['attribution', 'hedge', 'statistic'];

  /** Kind colours [r, g, b] per palette and colour scheme (the sidebar's --attribution, …). */
  const PALETTES = {
    // Okabe & Ito (content.css and sidebar.css): mid-tones that read on light and dark pages.
    default: {
      light: { attribution: [0, 114, 178], hedge: [204, 121, 167], statistic: [230, 159, 0] },
      dark: { attribution: [0, 114, 178], hedge: [204, 121, 167], statistic: [230, 159, 0] },
    },
    // After Paul Tol: kinds apart in lightness too, so they stay apart in greyscale.
    colourblind: {
      light: { attribution: [0, 68, 136], hedge: [187, 85, 102], statistic: [221, 170, 51] },
      dark: { attribution: [64, 112, 176], hedge: [240, 128, 144], statistic: [240, 224, 144] },
    },
    // Strong colours (at least 4.5:1 against the sidebar's panel) and heavier marks.
    contrast: {
      light: { attribution: [17, 36, 184], hedge: [168, 2, 113], statistic: [96, 66, 0] },
      dark: { attribution: [52, 151, 253], hedge: [218, 106, 128], statistic: [255, 201, 0] },
    },
  };

  /**
   * How each kind is marked: a tint (alpha; 0 for none) and an underline (style, width in px,
   * alpha) — kinds differ in line style as well as hue.
   */
  const MARKS = {
    background: {
      attribution: { tint: 0.16, line: 'solid', width: 1, alpha: 0.7 },
      hedge: { tint: 0.2, line: 'dotted', width: 2.5, alpha: 1 },
      statistic: { tint: 0.22, line: 'solid', width: 3, alpha: 1 },
    },
    underline: {
      attribution: { tint: 0, line: 'solid', width: 2, alpha: 1 },
      hedge: { tint: 0, line: 'dotted', width: 3, alpha: 1 },
      statistic: { tint: 0, line: 'solid', width: 4, alpha: 1 },
    },
  };
  /** The high-contrast palette's marks: stronger tints and lines. */
  const CONTRAST = { tint: 1.6, width: 1.5 };

  const rgb = ([r, g, b], alpha) => (alpha >= 1 ? `rgb(${r} ${g} ${b})` : `rgb(${r} ${g} ${b} / ${+alpha.toFixed(2)})`);

  /** The ::highlight rules of one colour scheme. */
  function rules(colours, marks, strong) {
    return KINDS.map((kind) => {
      const c = colours[kind];
      const m = marks[kind];
      const tint = Math.min(0.5, m.tint * (strong ? CONTRAST.tint : 1));
      const width = +(m.width * (strong ? CONTRAST.width : 1)).toFixed(2);
      const alpha = strong ? 1 : m.alpha;
      const background = tint > 0 ? rgb(c, tint) : 'transparent';
      return `::highlight(claimlens-${kind}) { background-color: ${background} !important; ` +
        `text-decoration: underline ${m.line} ${rgb(c, alpha)} ${width}px !important; }`;
    }).join('\n');
  }

  /** The page's highlight CSS for settings {palette, marks} (unknown values: the defaults). */
  ns.highlightCss = function highlightCss({ palette, marks } = {}) {
    const p = PALETTES[palette] ?? PALETTES.default;
    const m = MARKS[marks] ?? MARKS.background;
    const strong = palette === 'contrast';
    return `${rules(p.light, m, strong)}\n@media (prefers-color-scheme: dark) {\n${rules(p.dark, m, strong)}\n}\n`;
  };

  ns.PALETTES = PALETTES;

  let sheet = null;
  /** Applies the highlight style of `settings` to this document (replacing the previous one). */
  ns.applyHighlightStyle = function applyHighlightStyle(settings, doc = document) {
    try {
      sheet ??= new CSSStyleSheet();
      // (Again if a page script replaced the document's adopted sheets.)
      if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      sheet.replaceSync(ns.highlightCss(settings));
    } catch (err) {
      // Without constructed sheets, content.css's style stays: highlights are still shown.
      console.info('ClaimLens: highlight style not applied:', err?.message ?? err);
    }
  };

  /** Takes the adopted highlight style off the document again (ClaimLens stopped there). */
  ns.removeHighlightStyle = function removeHighlightStyle(doc = document) {
    if (sheet && doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
  };
})();
