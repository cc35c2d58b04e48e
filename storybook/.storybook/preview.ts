import type { Preview } from '@storybook/web-components-vite';
import '../stories/define-all.js';

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
};

export default preview;
