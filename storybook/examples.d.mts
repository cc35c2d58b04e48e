/** Vite/web-test-runner id of the stories' data module. */
export declare const VIRTUAL_ID: 'virtual:cscx-examples';
/** The data module's JavaScript source. */
export declare function examplesModule(): string;
