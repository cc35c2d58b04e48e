import { css, unsafeCSS } from 'lit';

/**
 * The colour tokens. A host sets `--success-color-<name>` anywhere above an element (or on it)
 * to override one; the element resolves it into `--s-<name>`, which is what component styles and
 * charts read. Text colours keep >= 4.5:1 against `surface`, `raised` and their own `-bg`
 * (tokens.test.ts measures every pair in both themes).
 */
export const lightColors = {
  /** Background of the element and its cards. */
  surface: '#ffffff',
  /** Background of raised areas: table headers, bar tracks, hovered rows, state panels. */
  raised: '#f6f8fa',
  /** Borders, dividers and the chart grid. */
  border: '#d1d9e0',
  /** Body text. */
  text: '#1f2328',
  /** Secondary text and headings; the chart's baseline and expected-pace lines. */
  muted: '#59636e',
  /** Buttons, progress bars, the focus ring and the chart's forecast line. */
  accent: '#0a58b8',
  /** Text on an accent background (primary buttons). */
  'on-accent': '#ffffff',
  /** Achieved and exceeding status, a strong score; the chart's target line. */
  success: '#1a7f37',
  /** Background of success badges. */
  'success-bg': '#dafbe1',
  /** On-track status and informational notices. */
  info: '#0a58b8',
  /** Background of info badges and notices. */
  'info-bg': '#ddf4ff',
  /** At-risk status, a moderate score, warnings. */
  warning: '#8a5a00',
  /** Background of warning badges and notices. */
  'warning-bg': '#fff8c5',
  /** Missed and not-met status, a weak score, errors. */
  danger: '#c4232e',
  /** Background of danger badges and error notices. */
  'danger-bg': '#ffebe9',
  /** Not-started, planned and no-data status. */
  neutral: '#59636e',
  /** Background of neutral badges. */
  'neutral-bg': '#eff2f5',
  /** Loading placeholders and the score gauge's track. */
  skeleton: '#e6eaef',
} as const;

export type ColorToken = keyof typeof lightColors;

export const darkColors: Record<ColorToken, string> = {
  surface: '#0d1117',
  raised: '#151b23',
  border: '#3d444d',
  text: '#e6edf3',
  muted: '#9198a1',
  accent: '#4c9bf8',
  'on-accent': '#0d1117',
  success: '#3fb950',
  'success-bg': '#12261e',
  info: '#58a6ff',
  'info-bg': '#121d2f',
  warning: '#d29922',
  'warning-bg': '#272115',
  danger: '#ff6b61',
  'danger-bg': '#2c1517',
  neutral: '#9198a1',
  'neutral-bg': '#1f242b',
  skeleton: '#262c36',
};

/** Every colour token name, e.g. for a chart that reads them all. */
export const colorTokens = Object.keys(lightColors) as ColorToken[];

function declarations(colors: Readonly<Record<ColorToken, string>>): string {
  return colorTokens.map((k) => `--s-${k}:var(--success-color-${k},${colors[k]});`).join('');
}

const light = unsafeCSS(declarations(lightColors));
const dark = unsafeCSS(declarations(darkColors));

/**
 * Tokens every element adopts first in its `static styles`: the resolved colours for the light
 * theme, the dark theme (attribute `theme="dark"`, or the system preference unless
 * `theme="light"`), spacing, type, radius and the focus ring.
 *
 * @cssprop --success-color-<name> - Overrides one colour token (see `colorTokens`); the
 *   manifest lists each token by name (custom-elements-manifest.config.mjs expands this line).
 * @cssprop --success-font-family - Font stack; default inherits the host page's.
 * @cssprop --success-font-size - The base font size.
 * @cssprop --success-font-size-sm - Small text: badges, notes, table details.
 * @cssprop --success-font-size-lg - Large text: titles, card figures.
 * @cssprop --success-font-size-xl - The largest figures: the score, overview and portfolio cards.
 * @cssprop --success-radius - Corner radius of cards and bars.
 * @cssprop --success-space - The base spacing unit (default 4px); every gap is a multiple.
 * @cssprop --success-focus-ring - The outline of a focused control; default 2px solid in the
 *   accent colour.
 */
export const tokenStyles = css`
  :host {
    ${light}
    --s-space: var(--success-space, 4px);
    --s-radius: var(--success-radius, 8px);
    --s-font: var(--success-font-family, inherit);
    --s-font-size: var(--success-font-size, 0.875rem);
    --s-font-size-sm: var(--success-font-size-sm, 0.8125rem);
    --s-font-size-lg: var(--success-font-size-lg, 1.125rem);
    --s-font-size-xl: var(--success-font-size-xl, 1.75rem);
    --s-focus-ring: var(--success-focus-ring, 2px solid var(--s-accent));
    color-scheme: light;
    font-family: var(--s-font);
    font-size: var(--s-font-size);
    line-height: 1.45;
    color: var(--s-text);
    /* Painted, so text keeps its contrast whatever the host page's background (a dark element
       on a light page). Hosts that want it transparent set --success-color-surface. */
    background: var(--s-surface);
  }
  :host([theme='dark']) {
    ${dark}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
      color-scheme: dark;
    }
  }
  /* The theme inherited from a provider or an enclosing element (SuccessElement sets these
     custom states). Separate rules: a browser without :state() drops only these. */
  :host(:state(dark)) {
    ${dark}
    color-scheme: dark;
  }
  :host(:state(light)) {
    ${light}
    color-scheme: light;
  }
  :host([hidden]) {
    display: none !important;
  }
`;

/**
 * Shared building blocks: visible focus, visually hidden text, buttons, cards, section headings,
 * status badges. Adopt after {@link tokenStyles}.
 */
export const baseStyles = css`
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: var(--s-focus-ring);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .card {
    background: var(--s-surface);
    border: 1px solid var(--s-border);
    border-radius: var(--s-radius);
    padding: calc(var(--s-space) * 4);
  }
  h2,
  h3 {
    margin: 0 0 calc(var(--s-space) * 3);
    font-size: var(--s-font-size);
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--s-muted);
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: calc(var(--s-radius) - 2px);
    padding: calc(var(--s-space) * 1.5) calc(var(--s-space) * 3);
    border: 1px solid var(--s-accent);
    background: var(--s-surface);
    color: var(--s-accent);
    min-height: 32px;
  }
  button.primary {
    background: var(--s-accent);
    color: var(--s-on-accent);
  }
  button:disabled {
    cursor: progress;
    opacity: 0.7;
  }
  .muted {
    color: var(--s-muted);
  }
  .num {
    font-variant-numeric: tabular-nums;
  }
  .status {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--s-space) * 1.5);
    padding: 0 calc(var(--s-space) * 2);
    border-radius: 999px;
    font-size: var(--s-font-size-sm);
    font-weight: 600;
    white-space: nowrap;
  }
  .status svg {
    width: 1em;
    height: 1em;
    flex: none;
  }
  .status.success {
    color: var(--s-success);
    background: var(--s-success-bg);
  }
  .status.info {
    color: var(--s-info);
    background: var(--s-info-bg);
  }
  .status.warning {
    color: var(--s-warning);
    background: var(--s-warning-bg);
  }
  .status.danger {
    color: var(--s-danger);
    background: var(--s-danger-bg);
  }
  .status.neutral {
    color: var(--s-neutral);
    background: var(--s-neutral-bg);
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;

/**
 * The resolved value of every colour token on `element` (what is painted there, host overrides
 * and theme applied). For code that cannot use CSS variables, such as chart specs.
 */
export function readColors(element: Element): Record<ColorToken, string> {
  const style = getComputedStyle(element);
  const out = {} as Record<ColorToken, string>;
  for (const k of colorTokens) out[k] = style.getPropertyValue(`--s-${k}`).trim() || lightColors[k];
  return out;
}
