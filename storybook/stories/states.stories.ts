// Every state of every element (storybook/stories/args.ts names them).
import type { Meta } from '@storybook/web-components-vite';
import { type DisplayArgs, displayArgs, displayArgTypes } from './args.js';

const meta: Meta<DisplayArgs> = { title: 'States', args: displayArgs, argTypes: displayArgTypes };
export default meta;
