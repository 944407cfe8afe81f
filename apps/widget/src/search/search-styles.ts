/** Styles of the search bar and of the marked matches, shipped with the search chunk. */
export const SEARCH_CSS = `
.search-bar { display: flex; align-items: center; gap: 4px; padding: 6px 8px; background: #eef0f5; border-bottom: 1px solid #e3e6ee; }
.search-bar input { flex: 1; min-width: 0; border: 1px solid #8a94b0; border-radius: 6px; padding: 6px 8px; font: inherit; }
.search-bar .count { font-size: 12px; color: #4a5060; white-space: nowrap; }
.search-bar button { background: transparent; color: #2b3245; padding: 4px 6px; font-size: 14px; }
.log mark { background: #ffe58a; color: inherit; border-radius: 2px; }
.log .search-current { outline: 2px solid #c77700; outline-offset: 1px; }
.log .search-current mark { background: #ffb74d; }
`;
