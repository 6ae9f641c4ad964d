// The API's own limits, with their reasons.

/** A conversation key is an id (a UUID is 36 characters), not a place to store text. */
export const MAX_CONVERSATION_KEY = 200;
/** Autocomplete shows a handful; the core gives at most 25. */
export const MAX_SUGGESTIONS = 25;
export const DEFAULT_SUGGESTIONS = 10;
/** A partial question for suggestions: the core reads at most this much of it. */
export const MAX_PARTIAL_CHARS = 200;
