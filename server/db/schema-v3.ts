/**
 * Version 3: which of the item's models the rater saw first ('a' = model_a),
 * as the client reports it (Vote.shownOrder). NULL for votes from clients
 * that did not report it and for imports: position bias then reads display
 * order from the lease's side order, as before. ADD COLUMN is O(1) in SQLite.
 */
export const SCHEMA_V3 = `
ALTER TABLE votes ADD COLUMN shown_first TEXT CHECK (shown_first IN ('a', 'b'));
`;
