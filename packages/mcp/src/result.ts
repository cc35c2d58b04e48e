/** A tool's answer: the structured content its output schema describes, and a short text. */
export function answer<T extends Record<string, unknown>>(text: string, structured: T) {
  return {
    content: [{ type: 'text' as const, text }],
    structuredContent: structured,
  };
}

/** The annotations of a tool that only reads. */
export const READ_ONLY = {
  readOnlyHint: true,
  idempotentHint: true,
  destructiveHint: false,
  openWorldHint: false,
} as const;
