import { setCustomElementsManifest } from '@storybook/web-components';
import type { Preview } from '@storybook/web-components-vite';
// The docs pages (autodocs) read each element's attributes, properties, events, slots and CSS
// parts, with their descriptions, from the manifest `npm run generate` writes from the source.
import manifest from '../../packages/elements/custom-elements.json' with { type: 'json' };
import '../stories/define-all.js';

setCustomElementsManifest(manifest);

const preview: Preview = {
  // Every stories module gets a docs page built from its meta's `component` in the manifest.
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
};

export default preview;
