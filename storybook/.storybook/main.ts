import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { examplesModule, VIRTUAL_ID } from '../examples.mjs';

const src = (pkg: string) =>
  fileURLToPath(new URL(`../../packages/${pkg}/src/index.ts`, import.meta.url));

const calcSrc = (path: string) =>
  fileURLToPath(new URL(`../../packages/calc/src/${path}`, import.meta.url));

// Stories render the elements from source, like the tests: no build step before Storybook.
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  // Docs pages: each meta's `component` documented from custom-elements.json (preview.ts).
  addons: ['@storybook/addon-docs'],
  // The network here is closed, and a component library has no business phoning home.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal(vite) {
    vite.resolve ??= {};
    vite.resolve.alias = {
      ...(vite.resolve.alias as Record<string, string> | undefined),
      // Before the package itself: vite takes the first alias that matches, and the package's
      // name is a prefix of its subpaths.
      '@cscx/success-calc/i18n': calcSrc('i18n.ts'),
      '@cscx/success-calc/locales': calcSrc('locales'),
      '@cscx/success-calc': src('calc'),
      '@cscx/success-sdk': src('sdk'),
    };
    vite.plugins ??= [];
    vite.plugins.push({
      name: 'cscx-examples',
      resolveId: (id: string) => (id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : undefined),
      load: (id: string) => (id === `\0${VIRTUAL_ID}` ? examplesModule() : undefined),
    });
    return vite;
  },
};

export default config;
