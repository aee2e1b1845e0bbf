"""Pure text helpers shared by comments, search and synthesis: sanitising, scripts, normalising."""
